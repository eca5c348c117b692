from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.base.models.res_partner import _tz_get

from .supervision_settings import setting_default
from .supervision_webhook_message import robot_kind


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    supervision_ack_days = fields.Integer(
        string="Acknowledgement Days",
        config_parameter="university_supervision.ack_days",
        default=setting_default("ack_days"),
        help="Days the lead unit has to acknowledge an assigned item.",
    )
    supervision_reminder_days = fields.Integer(
        string="Reminder Days",
        config_parameter="university_supervision.reminder_days",
        default=setting_default("reminder_days"),
        help="Days before the deadline when the lead unit gets a reminder.",
    )
    supervision_yellow_days = fields.Integer(
        string="Yellow Light Days",
        config_parameter="university_supervision.yellow_days",
        default=setting_default("yellow_days"),
        help="Days before the deadline when an item's light turns yellow.",
    )
    supervision_auto_escalate = fields.Boolean(
        string="Escalate Overdue Reminder Items",
        config_parameter="university_supervision.auto_escalate",
        help="An overdue reminder item becomes a key item with a supervision "
        "form number.",
    )
    supervision_propose_interview = fields.Boolean(
        string="Propose Interviews",
        config_parameter="university_supervision.propose_interview",
        help="An overdue key item that was already urged gets a draft interview "
        "for the office to decide on.",
    )
    supervision_day_mode = fields.Selection(
        [("calendar", "Calendar Days"), ("working", "Working Days")],
        string="Day Counting",
        config_parameter="university_supervision.day_mode",
        default=setting_default("day_mode"),
        help="Working days skip weekends and the listed holidays and count the "
        "makeup workdays, for the acknowledgement period and the reminders.",
    )
    supervision_tz = fields.Selection(
        _tz_get,
        string="University Time Zone",
        config_parameter="university_supervision.tz",
        default=setting_default("tz"),
    )
    supervision_digest_hour = fields.Integer(
        string="Digest Hour",
        config_parameter="university_supervision.digest_hour",
        default=setting_default("digest_hour"),
        help="Hour of the day (university time, 0-23) when the daily digests are sent.",
    )
    supervision_office_webhook_url = fields.Char(
        string="Office Group Robot URL",
        config_parameter="university_supervision.office_webhook_url",
        help="Webhook address of the office's WeCom, DingTalk or Feishu group "
        "robot: the office's daily digest is posted there.",
    )
    supervision_office_webhook_secret = fields.Char(
        string="Office Group Robot Secret",
        config_parameter="university_supervision.office_webhook_secret",
        help="Signing secret (加签) of a DingTalk or Feishu robot, if it has one.",
    )

    @api.constrains("supervision_digest_hour", "supervision_office_webhook_url")
    def _check_supervision_digest(self):
        for settings in self:
            if not 0 <= settings.supervision_digest_hour <= 23:
                raise ValidationError(_("The digest hour must be between 0 and 23."))
            if settings.supervision_office_webhook_url:
                robot_kind(settings.supervision_office_webhook_url)
