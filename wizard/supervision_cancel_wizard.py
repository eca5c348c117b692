from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..models.supervision_item_guard import check_not_blank, check_text_size


def check_visible_items(wizard, fname):
    """The items chosen in ``wizard`` (field ``fname``), refusing an empty
    choice and items the user may not read instead of acting on none."""
    # sudo: the items chosen, also those the user may not read, are compared
    # with those the user reads
    chosen = wizard.sudo()[fname].exists()
    if not chosen:
        raise UserError(_("Choose at least one item."))
    visible = chosen.with_env(wizard.env)._filtered_access("read")
    if visible != chosen:
        raise AccessError(
            _(
                "You may not act on items you cannot see: %(count)s of them.",
                count=len(chosen - visible),
            )
        )
    return visible


class SupervisionCancelWizard(models.TransientModel):
    """Ask for the reason before cancelling items."""

    _name = "supervision.cancel.wizard"
    _description = "Cancel Supervision Items"

    item_ids = fields.Many2many("supervision.item", required=True)
    reason = fields.Text(required=True)

    @api.constrains("reason")
    def _check_reason(self):
        for wizard in self:
            check_not_blank(wizard, "reason")
            check_text_size(wizard, "reason")

    def action_confirm(self):
        self.ensure_one()
        items = check_visible_items(self, "item_ids")
        items.action_cancel(reason=self.reason)
        return {"type": "ir.actions.act_window_close"}
