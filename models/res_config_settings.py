from odoo import fields, models

from odoo.addons.base.models.res_partner import _tz_get

from .supervision_settings import setting_default


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    supervision_ack_days = fields.Integer(
        string="Acknowledgement Days",
        config_parameter="university_supervision.ack_days",
        default=setting_default("ack_days"),
        help="Days the lead unit has to acknowledge an assigned item (GDUFS 第九条(二)).",
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
        help="Overdue reminder items become key items (GDUFS 第十条(一)1).",
    )
    supervision_propose_interview = fields.Boolean(
        string="Propose Interviews",
        config_parameter="university_supervision.propose_interview",
        help="Overdue key items already urged get a draft interview (NWU 第七条).",
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
