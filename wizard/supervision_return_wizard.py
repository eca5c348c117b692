from odoo import api, fields, models

from ..models.supervision_item_guard import check_not_blank, check_text_size
from .supervision_cancel_wizard import check_visible_items


class SupervisionReturnWizard(models.TransientModel):
    """Return a result for rectification (退回办理/责令整改, GDUFS 第十条(四))."""

    _name = "supervision.return.wizard"
    _description = "Return Supervision Item for Rectification"

    item_id = fields.Many2one("supervision.item", required=True, ondelete="cascade")
    method = fields.Selection(
        selection=lambda self: (
            self.env["supervision.review"]
            ._fields["method"]
            ._description_selection(self.env)
        ),
        required=True,
        default="document",
    )
    conclusion = fields.Selection(
        [("returned", "Returned"), ("rectify", "Rectification Ordered")],
        required=True,
        default="returned",
    )
    findings = fields.Html(required=True)
    rectification_list = fields.Html()
    rectification_deadline = fields.Date()

    @api.constrains("findings")
    def _check_findings(self):
        for wizard in self:
            check_not_blank(wizard, "findings")
            check_text_size(wizard, "findings")

    def action_confirm(self):
        self.ensure_one()
        item = check_visible_items(self, "item_id")
        item._check_is_officer()
        item._check_state("submitted", "to_close")
        item._do_return(
            self.findings,
            self.rectification_list,
            self.rectification_deadline,
            conclusion=self.conclusion,
            method=self.method,
        )
        return {"type": "ir.actions.act_window_close"}
