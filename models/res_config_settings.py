from odoo import fields, models

from odoo.addons.base.models.res_partner import _tz_get


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    supervision_ack_days = fields.Integer(
        string="Acknowledgement Days",
        config_parameter="university_supervision.ack_days",
        default=7,
        help="Days the lead unit has to acknowledge an assigned item.",
    )
    supervision_reminder_days = fields.Integer(
        string="Reminder Days",
        config_parameter="university_supervision.reminder_days",
        default=3,
        help="Days before the deadline when the lead unit gets a reminder.",
    )
    supervision_yellow_days = fields.Integer(
        string="Yellow Light Days",
        config_parameter="university_supervision.yellow_days",
        default=3,
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
    supervision_tz = fields.Selection(
        _tz_get,
        string="University Time Zone",
        config_parameter="university_supervision.tz",
        default="Asia/Shanghai",
    )
