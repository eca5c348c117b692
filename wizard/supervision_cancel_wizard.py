from odoo import fields, models


class SupervisionCancelWizard(models.TransientModel):
    """Ask for the reason before cancelling items."""

    _name = "supervision.cancel.wizard"
    _description = "Cancel Supervision Items"

    item_ids = fields.Many2many("supervision.item", required=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.item_ids.action_cancel(reason=self.reason)
        return {"type": "ir.actions.act_window_close"}
