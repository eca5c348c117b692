"""The supervision's settings (ir.config_parameter), one defaults table and
typed accessors used by the workflow, the daily check and the briefings."""

from odoo import fields

PARAM_PREFIX = "university_supervision."
# key: (type, default when the parameter is absent or invalid)
SETTINGS = {
    # days the lead unit has to acknowledge (GDUFS 第九条(二))
    "ack_days": (int, 7),
    # days before the deadline when the lead unit gets a reminder
    "reminder_days": (int, 3),
    # days before the deadline when the light turns yellow
    "yellow_days": (int, 3),
    # Booleans: the settings page removes an unticked parameter, so absent
    # means False; data/ir_config_parameter_data.xml ticks both at install.
    # overdue reminder items become key items (GDUFS 第十条(一)1)
    "auto_escalate": (bool, False),
    # overdue key items already urged get a draft interview (NWU 第七条)
    "propose_interview": (bool, False),
    "tz": (str, "Asia/Shanghai"),
    # hour of the day (university time) when the daily digests go out
    "digest_hour": (int, 8),
    # the office's group robot (WeCom, DingTalk or Feishu) and its secret
    "office_webhook_url": (str, ""),
    "office_webhook_secret": (str, ""),
    # "calendar" days, or "working" days (weekends and supervision.holiday)
    "day_mode": (str, "calendar"),
}


def setting_default(key):
    return SETTINGS[key][1]


def get_setting(env, key):
    """The value of setting ``key``, typed, or its default."""
    kind, default = SETTINGS[key]
    # sudo: configuration parameters are not readable by units.
    value = env["ir.config_parameter"].sudo().get_param(PARAM_PREFIX + key)
    if value in (None, False, ""):
        return default
    if kind is int:
        try:
            return int(value)
        except ValueError:
            return default
    if kind is bool:
        return value not in ("False", "0")
    return value


def supervision_today(env):
    """Today in the university's time zone, not the server's (UTC)."""
    users = env["res.users"].with_context(tz=get_setting(env, "tz"))
    return fields.Date.context_today(users)
