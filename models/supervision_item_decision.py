from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

# States in which the leader in charge may add a 批示 (instruction).
INSTRUCTION_STATES = (
    "draft",
    "to_approve",
    "assigned",
    "in_progress",
    "submitted",
    "to_close",
    "closed",
)


class SupervisionItem(models.Model):
    """The leaders' decisions with an opinion (审定意见/批示) on an item."""

    _inherit = "supervision.item"

    opinion_ids = fields.One2many(
        "supervision.opinion", "item_id", string="Leaders' Opinions"
    )
    pending_extension_id = fields.Many2one(
        "supervision.extension",
        compute="_compute_pending_extension_id",
        string="Extension to Decide",
    )

    @api.depends("extension_ids.state")
    def _compute_pending_extension_id(self):
        for item in self:
            item.pending_extension_id = item.extension_ids.filtered(
                lambda e: e.state == "submitted"
            )[:1]

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_decide(self):
        """Open the leader's decision (approve or send back with an opinion)."""
        self.ensure_one()
        self._check_state("to_approve", "to_close")
        self._check_can_decide()
        return self._decision_wizard_action(_("Decision"))

    def action_send_back(self):
        """Open the leader's decision set to send the item back."""
        self.ensure_one()
        self._check_state("to_approve", "to_close")
        self._check_can_decide()
        return self._decision_wizard_action(
            _("Send Back"), default_decision="send_back"
        )

    def action_decide_extension(self):
        """Open the decision on the item's submitted extension request."""
        self.ensure_one()
        extension = self.pending_extension_id
        if not extension:
            raise UserError(
                _(
                    "%(item)s has no extension request waiting for a decision.",
                    item=self.display_name,
                )
            )
        extension._check_decision()
        return self._decision_wizard_action(
            _("Decide the Extension"), default_extension_id=extension.id
        )

    def action_add_instruction(self):
        """Open a leader's instruction (批示) on the item."""
        self.ensure_one()
        self._check_can_instruct()
        return self._decision_wizard_action(
            _("Add an Instruction"), default_stage="instruction"
        )

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------

    def _check_can_instruct(self):
        self._check_state(*INSTRUCTION_STATES)
        for item in self:
            if self.env.user not in item.leader_in_charge_id | item.lead_leader_id:
                raise AccessError(
                    _(
                        "Only the leaders in charge of %(item)s may add an "
                        "instruction to it.",
                        item=item.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    def _decision_wizard_action(self, name, **context):
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": "supervision.decision.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_item_id": self.id, **context},
        }

    def _record_opinion(self, stage, decision, opinion, extension=None):
        """Keep the opinion and tell the office (and the unit when it must act)."""
        self.ensure_one()
        # sudo: opinions are written by the leader's decision only; the
        # caller has checked who decides.
        record = (
            self.env["supervision.opinion"]
            .sudo()
            .create(
                {
                    "item_id": self.id,
                    "user_id": self.env.user.id,
                    "date": fields.Date.context_today(self),
                    "stage": stage,
                    "decision": decision,
                    "opinion": opinion or False,
                    "extension_id": extension.id if extension else False,
                }
            )
        )
        labels = dict(record._fields["decision"]._description_selection(self.env))
        stages = dict(record._fields["stage"]._description_selection(self.env))
        partners = self.officer_id.partner_id
        if stage in ("instruction", "extension") or (
            decision == "send_back" and stage == "closure"
        ):
            partners |= self.unit_partner_ids
        self.message_post(
            body=_(
                "%(leader)s's opinion (%(stage)s, %(decision)s): %(opinion)s",
                leader=self.env.user.name,
                stage=stages[stage],
                decision=labels[decision],
                opinion=opinion or "",
            ),
            partner_ids=partners.ids,
            subtype_xmlid="mail.mt_comment",
        )
        return record

    def _decide(self, stage, decision, opinion):
        """The leader in charge approves or sends back at registration or
        closure, with an opinion."""
        self.ensure_one()
        if decision == "approve":
            if stage == "registration":
                self.action_approve()
            else:
                self.action_approve_closure()
        else:
            self._check_state("to_approve", "to_close")
            self._check_can_decide()
            self._do_send_back(opinion)
        self._record_opinion(stage, decision, opinion)

    def _do_send_back(self, opinion):
        """At registration back to the office (draft); at closure back to
        the lead unit (in progress), which is told what to redo."""
        for item in self:
            to_unit = item.state == "to_close"
            # sudo: the leader in charge may not write the workflow fields;
            # the caller has checked who decides.
            item.sudo().write({"state": "in_progress" if to_unit else "draft"})
            item.activity_update()
            if to_unit:
                item._activity_ensure(
                    "rectify",
                    item._unit_activity_users(),
                    item.deadline,
                    note=opinion,
                )

    def _decide_extension(self, extension, decision, opinion):
        """The leader in charge decides an extension request from the item."""
        self.ensure_one()
        extension._check_decision()
        if opinion:
            # sudo: the decision note is written with the decision; the
            # decider has been checked just above.
            extension.sudo().decision_note = opinion
        if decision == "approve":
            extension.action_approve()
        else:
            extension.action_refuse()
        self._record_opinion("extension", decision, opinion, extension=extension)

    def _do_instruct(self, opinion):
        """A leader's 批示: kept and sent to the office and the lead unit."""
        self._check_can_instruct()
        for item in self:
            item._record_opinion("instruction", "comment", opinion)
