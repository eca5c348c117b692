from odoo import api, fields, models

from ..models.supervision_constants import ASSIGNED_STATES
from ..models.supervision_item_guard import check_not_blank, check_text_size
from .supervision_cancel_wizard import check_visible_items


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

    @api.constrains("note")
    def _check_note(self):
        for wizard in self:
            check_not_blank(wizard, "note")
            check_text_size(wizard, "note")

    def action_confirm(self):
        self.ensure_one()
        items = check_visible_items(self, "item_ids")
        items._check_is_officer()
        items._check_state(*ASSIGNED_STATES)
        items._do_urge(self.channel, self.note)
        return {"type": "ir.actions.act_window_close"}
