from odoo import _, api, fields, models
from odoo.exceptions import UserError


class SupervisionDecisionWizard(models.TransientModel):
    """A leader's decision with an opinion (审定意见/批示).

    At registration (``to_approve``) a send-back returns the item to the
    office (``draft``); at closure (``to_close``) to the lead unit
    (``in_progress``); on an extension request a send-back refuses it. A
    send-back needs an opinion. With stage ``instruction`` the leader adds a
    批示 to the item, whatever its state.
    """

    _name = "supervision.decision.wizard"
    _description = "Leader's Decision with an Opinion"

    item_id = fields.Many2one("supervision.item", required=True, ondelete="cascade")
    extension_id = fields.Many2one("supervision.extension", ondelete="cascade")
    stage = fields.Selection(
        selection=lambda self: (
            self.env["supervision.opinion"]
            ._fields["stage"]
            ._description_selection(self.env)
        ),
        compute="_compute_stage",
        store=True,
        readonly=False,
    )
    decision = fields.Selection(
        [("approve", "Approve"), ("send_back", "Send Back")],
        default="approve",
    )
    opinion = fields.Text()

    @api.depends("item_id.state", "extension_id")
    def _compute_stage(self):
        for wizard in self:
            if wizard.stage:
                continue
            if wizard.extension_id:
                wizard.stage = "extension"
            elif wizard.item_id.state == "to_approve":
                wizard.stage = "registration"
            elif wizard.item_id.state == "to_close":
                wizard.stage = "closure"
            else:
                wizard.stage = "instruction"

    def action_confirm(self):
        self.ensure_one()
        opinion = (self.opinion or "").strip()
        if self.stage == "instruction":
            if not opinion:
                raise UserError(_("Write the instruction first."))
            self.item_id._do_instruct(opinion)
        elif self.decision == "send_back" and not opinion:
            raise UserError(
                _(
                    "Say in the opinion why %(item)s is sent back and what must "
                    "be redone.",
                    item=self.item_id.display_name,
                )
            )
        elif self.stage == "extension":
            self.item_id._decide_extension(self.extension_id, self.decision, opinion)
        else:
            self.item_id._decide(self.stage, self.decision, opinion)
        return {"type": "ir.actions.act_window_close"}
