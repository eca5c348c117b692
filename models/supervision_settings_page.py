from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.base.models.res_partner import _tz_get

from .supervision_settings import PARAM_PREFIX, get_setting, setting_default


class SupervisionSettings(models.TransientModel):
    """The supervision's own settings page, for the 督办管理员.

    The time rules live in ``ir.config_parameter`` (``university_supervision.*``),
    which only an Odoo administrator may write through ``res.config.settings``;
    this page lets the supervision manager change them, and nothing else.
    """

    _name = "supervision.settings"
    _description = "Supervision Settings"

    ack_days = fields.Integer(
        string="Acknowledgement Days",
        help="Days the lead unit has to acknowledge an item after it is assigned.",
    )
    reminder_days = fields.Integer(
        help="Days before the deadline when the lead unit gets a reminder.",
    )
    yellow_days = fields.Integer(
        string="Yellow Light Days",
        help="Days before the deadline when an item's light turns yellow.",
    )
    auto_escalate = fields.Boolean(
        string="Escalate Overdue Reminder Items",
        help="An overdue reminder item becomes a key item with a supervision "
        "form number.",
    )
    propose_interview = fields.Boolean(
        string="Propose Interviews",
        help="An overdue key item that was already urged gets a draft interview "
        "for the office to decide on.",
    )
    tz = fields.Selection(
        _tz_get,
        string="University Time Zone",
        help="The daily check counts days in this time zone.",
    )

    _INT_PARAMS = ("ack_days", "reminder_days", "yellow_days")
    _BOOL_PARAMS = ("auto_escalate", "propose_interview")

    @api.constrains("ack_days", "reminder_days", "yellow_days")
    def _check_days(self):
        for settings in self:
            if any(settings[name] < 0 for name in self._INT_PARAMS):
                raise ValidationError(_("A number of days cannot be negative."))

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        # read as the daily check reads them (defaults for missing ones)
        for name in fields_list:
            if name in self._INT_PARAMS + self._BOOL_PARAMS + ("tz",):
                values[name] = get_setting(self.env, name)
        return values

    @api.model
    def action_open_settings(self):
        """Open the settings page on a record holding the current values (a
        saved record: leaving the page unchanged saves nothing)."""
        settings = self.create({})
        return {
            "type": "ir.actions.act_window",
            "name": _("Supervision Settings"),
            "res_model": self._name,
            "res_id": settings.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_save(self):
        """Write the parameters the daily check and the workflow read."""
        self.ensure_one()
        self._check_days()
        # sudo: only administrators may write ir.config_parameter; the
        # supervision manager writes the supervision's parameters here alone
        params = self.env["ir.config_parameter"].sudo()
        for name in self._INT_PARAMS:
            params.set_param(PARAM_PREFIX + name, str(self[name]))
        for name in self._BOOL_PARAMS:
            params.set_param(PARAM_PREFIX + name, str(bool(self[name])))
        params.set_param(PARAM_PREFIX + "tz", self.tz or setting_default("tz"))
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": _("The supervision settings are saved."),
                "type": "success",
            },
        }
