from odoo import fields, models

from ..models.supervision_constants import ASSIGNED_STATES


class SupervisionUrgeWizard(models.TransientModel):
    """Record an urge on items and tell their lead units (催办)."""

    _name = "supervision.urge.wizard"
    _description = "Urge Supervision Items"

    item_ids = fields.Many2many("supervision.item", required=True)
    channel = fields.Selection(
        selection=lambda self: (
            self.env["supervision.urge"]
            ._fields["channel"]
            ._description_selection(self.env)
        ),
        required=True,
        default="system",
    )
    note = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        items = self.item_ids
        items._check_is_officer()
        items._check_state(*ASSIGNED_STATES)
        items._do_urge(self.channel, self.note)
        return {"type": "ir.actions.act_window_close"}
