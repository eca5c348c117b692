from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

ACK_DAYS = 7

SOURCE_TYPES = [
    ("superior", "Superior Decision or Instruction"),
    ("party_meeting", "Party Committee Meeting"),
    ("president_meeting", "President's Office Meeting"),
    ("annual_plan", "Annual Plan or Major Reform"),
    ("leader_instruction", "School Leader's Instruction"),
    ("staff_proposal", "Staff Congress Proposal"),
    ("petition", "Petition or Hot Issue"),
    ("emergency", "Major Emergency"),
    ("other", "Other"),
]

STATES = [
    ("draft", "Registered"),
    ("to_approve", "To Approve"),
    ("assigned", "Assigned"),
    ("in_progress", "In Progress"),
    ("submitted", "Result Submitted"),
    ("to_close", "Closure to Approve"),
    ("closed", "Closed"),
    ("filed", "Filed"),
    ("cancelled", "Cancelled"),
]

# Fields the lead unit fills in itself (承办反馈 and 办理结果); every other
# field of an item is the office's (NWU 第六条(一)).
UNIT_FIELDS = frozenset(
    {
        "date_committed",
        "measures",
        "completion_form",
        "handler_id",
        "handler_phone",
        "result_note",
    }
)


class SupervisionItem(models.Model):
    """A supervised work item (督办事项), one item one record (一事一项).

    Who does what (NWU 第六条, GDUFS 第九条/第十条)::

        Action                      Group / person              State
        =========================================================================
        Register, edit              office (officer)            draft
        Submit for approval         office                      draft
        Approve (立项审定)            leader in charge            to_approve
        Acknowledge (承办反馈)        lead unit's head/liaison    assigned
        =========================================================================

    Units never write the office's fields: ``write`` refuses any field outside
    ``UNIT_FIELDS`` to users who are not office staff.
    """

    _name = "supervision.item"
    _description = "Supervision Item"
    _inherit = ["mail.thread.main.attachment", "mail.activity.mixin"]
    _order = "priority desc, deadline, id desc"
    _rec_names_search = ["name", "number"]

    # ------------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------------

    number = fields.Char(
        readonly=True,
        copy=False,
        index="trigram",
        tracking=True,
        help="Form number given when the item is assigned, per year and level "
        "(e.g. 督字〔2026〕12号).",
    )
    name = fields.Char(string="Title", required=True, tracking=True)
    content = fields.Html(sanitize_style=True)
    requirements = fields.Html(
        help="Handling requirements (办理要求/办理意见)."
    )
    targets = fields.Text(
        help="Quantified tasks and milestones (任务数量化)."
    )
    priority = fields.Selection(
        [("0", "Normal"), ("1", "Urgent")],
        default="0",
    )
    source_type = fields.Selection(
        SOURCE_TYPES,
        string="Source",
        required=True,
        default="leader_instruction",
        tracking=True,
    )
    source_ref = fields.Char(
        string="Source Reference",
        help="Minutes, instruction or document number the item comes from.",
    )
    source_date = fields.Date()
    attachment_ids = fields.Many2many(
        "ir.attachment",
        string="Source Documents",
        help="Meeting minutes, instructions and other source documents.",
    )
    level = fields.Selection(
        [("reminder", "Reminder Item"), ("key", "Key Item")],
        required=True,
        default="reminder",
        tracking=True,
        help="Reminder items get a progress reminder form (工作进展提醒单); key "
        "items a supervision form (督办单), GDUFS 第八条(一).",
    )
    supervision_mode = fields.Selection(
        [
            ("daily", "Daily"),
            ("meeting", "Meeting"),
            ("on_site", "On Site"),
            ("listed", "Listed"),
        ],
        required=True,
        default="daily",
        tracking=True,
        help="NWU 第五条: daily, meeting, on-site or listed (挂牌) supervision.",
    )
    officer_id = fields.Many2one(
        "res.users",
        string="Office Staff",
        default=lambda self: self.env.user,
        tracking=True,
        help="Member of the supervision office who follows the item.",
    )
    lead_unit_id = fields.Many2one(
        "supervision.unit",
        string="Lead Unit",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    assist_unit_ids = fields.Many2many(
        "supervision.unit",
        "supervision_item_assist_unit_rel",
        "item_id",
        "unit_id",
        string="Assisting Units",
        tracking=True,
    )
    lead_leader_id = fields.Many2one(
        "res.users",
        string="Lead Leader",
        index="btree_not_null",
        tracking=True,
        help="School leader who leads the item (牵头领导).",
    )
    leader_in_charge_id = fields.Many2one(
        "res.users",
        string="Leader in Charge",
        compute="_compute_leader_in_charge_id",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        help="School leader in charge (分管校领导) who approves the item, its "
        "extensions and the closure of key items.",
    )
    date_assigned = fields.Date(readonly=True, copy=False, tracking=True)
    date_ack_deadline = fields.Date(
        string="Acknowledgement Deadline",
        readonly=True,
        copy=False,
        help="Date by which the lead unit must acknowledge (GDUFS 第九条(二)).",
    )
    deadline_original = fields.Date(
        string="Original Deadline",
        readonly=True,
        copy=False,
        help="Deadline at assignment; never changes afterwards.",
    )
    deadline = fields.Date(
        index=True,
        tracking=True,
        help="Current deadline; after assignment only an approved extension "
        "moves it.",
    )
    date_committed = fields.Date(
        string="Committed Date",
        tracking=True,
        help="Date by which the lead unit commits to finish (承诺办结时间).",
    )
    date_acknowledged = fields.Date(readonly=True, copy=False)
    date_closed = fields.Date(readonly=True, copy=False, tracking=True)
    measures = fields.Text(help="Work measures (工作举措).")
    completion_form = fields.Char(
        help="How completion will be shown (办结形式), e.g. a written report."
    )
    handler_id = fields.Many2one(
        "res.users",
        string="Handler",
        help="Person handling the item in the lead unit (事项经办人).",
    )
    handler_phone = fields.Char()
    result_note = fields.Html(
        string="Handling Result",
        help="Handling result filled in by the head of the lead unit.",
    )
    state = fields.Selection(
        STATES,
        required=True,
        default="draft",
        copy=False,
        index=True,
        tracking=True,
    )
    is_overdue = fields.Boolean(readonly=True, copy=False, index=True)
    warning_light = fields.Selection(
        [("green", "Green"), ("yellow", "Yellow"), ("red", "Red")],
        readonly=True,
        copy=False,
        default="green",
    )
    ack_overdue = fields.Boolean(
        string="Acknowledgement Overdue", readonly=True, copy=False
    )
    is_confidential = fields.Boolean(
        string="Confidential",
        tracking=True,
        help="Confidential items (涉密, NWU 第八条(二)) are visible only to the "
        "named users and the leader in charge.",
    )
    confidential_user_ids = fields.Many2many(
        "res.users",
        "supervision_item_confidential_user_rel",
        "item_id",
        "user_id",
        string="Named Users",
    )
    year = fields.Integer(
        compute="_compute_year",
        store=True,
        index=True,
        aggregator=None,
    )
    progress_ids = fields.One2many(
        "supervision.progress", "item_id", string="Progress Reports"
    )
    urge_ids = fields.One2many("supervision.urge", "item_id", string="Urges")
    extension_ids = fields.One2many(
        "supervision.extension", "item_id", string="Extensions"
    )
    review_ids = fields.One2many("supervision.review", "item_id", string="Reviews")
    interview_ids = fields.Many2many(
        "supervision.interview",
        "supervision_interview_item_rel",
        "item_id",
        "interview_id",
        string="Interviews",
    )
    is_lead_unit_user = fields.Boolean(
        compute="_compute_user_roles",
        help="Technical: the current user is head or liaison of the lead unit.",
    )
    is_leader_in_charge = fields.Boolean(compute="_compute_user_roles")

    _sql_constraints = [
        (
            "deadline_after_assignment",
            "CHECK(deadline IS NULL OR date_assigned IS NULL "
            "OR deadline >= date_assigned)",
            "The deadline cannot be before the assignment date.",
        ),
        (
            "committed_before_deadline",
            "CHECK(date_committed IS NULL OR deadline IS NULL "
            "OR date_committed <= deadline)",
            "The committed date cannot be after the deadline.",
        ),
    ]

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains("deadline", "date_assigned")
    def _check_deadline_after_assignment(self):
        for item in self:
            if item.deadline and item.date_assigned and item.deadline < item.date_assigned:
                raise ValidationError(
                    _(
                        "The deadline of %(item)s cannot be before its "
                        "assignment date %(date)s.",
                        item=item.display_name,
                        date=item.date_assigned,
                    )
                )

    @api.constrains("date_committed", "deadline")
    def _check_committed_before_deadline(self):
        for item in self:
            if item.date_committed and item.deadline and item.date_committed > item.deadline:
                raise ValidationError(
                    _(
                        "The committed date of %(item)s cannot be after its "
                        "deadline %(deadline)s.",
                        item=item.display_name,
                        deadline=item.deadline,
                    )
                )

    @api.constrains("lead_unit_id", "assist_unit_ids")
    def _check_lead_not_assisting(self):
        for item in self:
            if item.lead_unit_id in item.assist_unit_ids:
                raise ValidationError(
                    _(
                        "The lead unit %(unit)s cannot also be an assisting unit.",
                        unit=item.lead_unit_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # Compute
    # ------------------------------------------------------------------

    @api.depends("lead_unit_id")
    def _compute_leader_in_charge_id(self):
        for item in self:
            if item.lead_unit_id.leader_in_charge_id:
                item.leader_in_charge_id = item.lead_unit_id.leader_in_charge_id

    @api.depends("date_assigned", "create_date")
    def _compute_year(self):
        for item in self:
            date = item.date_assigned or item.create_date or fields.Date.today()
            item.year = date.year

    @api.depends("number", "name")
    def _compute_display_name(self):
        for item in self:
            item.display_name = (
                f"{item.number} {item.name}" if item.number else item.name or ""
            )

    @api.depends_context("uid")
    @api.depends("lead_unit_id.head_id", "lead_unit_id.liaison_ids", "leader_in_charge_id")
    def _compute_user_roles(self):
        user = self.env.user
        for item in self:
            unit = item.lead_unit_id
            item.is_lead_unit_user = user == unit.head_id or user in unit.liaison_ids
            item.is_leader_in_charge = user == item.leader_in_charge_id

    # ------------------------------------------------------------------
    # ORM overrides
    # ------------------------------------------------------------------

    def write(self, vals):
        self._check_write_fields(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_assigned(self):
        for item in self:
            if item.state not in ("draft", "cancelled"):
                raise UserError(
                    _(
                        "Item %(item)s has been assigned: cancel it before "
                        "deleting it.",
                        item=item.display_name,
                    )
                )

    def _check_write_fields(self, vals):
        """Units and leaders may only fill in their own part of an item."""
        if self.env.su or self.env.user.has_group(
            "university_supervision.group_supervision_officer"
        ):
            return
        protected = {
            fname
            for fname in vals
            if fname in self._fields
            and fname not in UNIT_FIELDS
            and not fname.startswith(("message_", "activity_"))
        }
        if protected:
            labels = ", ".join(
                sorted(self._fields[fname].get_description(self.env)["string"]
                       for fname in protected)
            )
            raise AccessError(
                _(
                    "Only the supervision office may change these fields of an "
                    "item: %(fields)s.",
                    fields=labels,
                )
            )
        for item in self:
            if not item.is_lead_unit_user:
                raise AccessError(
                    _(
                        "Only the head or a liaison of the lead unit may fill "
                        "in the acknowledgement and result of %(item)s.",
                        item=item.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # Mail thread
    # ------------------------------------------------------------------

    def _track_subtype(self, init_values):
        self.ensure_one()
        if "state" in init_values:
            subtype = {
                "to_approve": "university_supervision.mt_item_to_approve",
                "assigned": "university_supervision.mt_item_assigned",
                "closed": "university_supervision.mt_item_closed",
            }.get(self.state)
            if subtype:
                return self.env.ref(subtype)
        return super()._track_subtype(init_values)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_submit_for_approval(self):
        """Office sends a registered item to the leader in charge (NWU 第六条(一))."""
        self._check_is_officer()
        self._check_state("draft")
        self._check_can_submit()
        self._do_submit_for_approval()
        return True

    def action_approve(self):
        """The leader in charge approves (审定) the item, which is assigned.

        GDUFS 第九条(一)/第十条(一): the form is approved by the leader in
        charge and sent to the units; the lead unit then has 7 days to
        acknowledge (GDUFS 第九条(二)).
        """
        self._check_state("to_approve")
        self._check_is_leader_in_charge()
        self._do_approve()
        return True

    def action_acknowledge(self):
        """The lead unit acknowledges the item (承办反馈, GDUFS 第九条(二))."""
        self._check_state("assigned")
        self._check_is_lead_unit_user()
        self._check_acknowledgement_complete()
        self._do_acknowledge()
        return True

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------

    def _check_state(self, *states):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for item in self:
            if item.state not in states:
                raise UserError(
                    _(
                        "Item %(item)s is %(state)s; this step needs it to be "
                        "%(expected)s.",
                        item=item.display_name,
                        state=labels[item.state],
                        expected=" / ".join(labels[s] for s in states),
                    )
                )

    def _check_is_officer(self):
        if not self.env.user.has_group("university_supervision.group_supervision_officer"):
            raise AccessError(_("Only the supervision office may do this."))

    def _check_is_leader_in_charge(self):
        for item in self:
            if self.env.user != item.leader_in_charge_id:
                raise AccessError(
                    _(
                        "Only %(leader)s, the leader in charge of %(item)s, may "
                        "do this.",
                        leader=item.leader_in_charge_id.name or _("the leader in charge"),
                        item=item.display_name,
                    )
                )

    def _check_is_lead_unit_user(self):
        for item in self:
            if not item.is_lead_unit_user:
                raise AccessError(
                    _(
                        "Only the head or a liaison of %(unit)s, the lead unit of "
                        "%(item)s, may do this.",
                        unit=item.lead_unit_id.name,
                        item=item.display_name,
                    )
                )

    def _check_can_submit(self):
        for item in self:
            missing = [
                label
                for fname, label in (
                    ("deadline", _("Deadline")),
                    ("leader_in_charge_id", _("Leader in Charge")),
                )
                if not item[fname]
            ]
            if missing:
                raise UserError(
                    _(
                        "Fill in %(fields)s of %(item)s before sending it for "
                        "approval.",
                        fields=", ".join(missing),
                        item=item.display_name,
                    )
                )
            if item.deadline < fields.Date.context_today(item):
                raise UserError(
                    _(
                        "The deadline of %(item)s is already past.",
                        item=item.display_name,
                    )
                )

    def _check_acknowledgement_complete(self):
        for item in self:
            missing = [
                label
                for fname, label in (
                    ("date_committed", _("Committed Date")),
                    ("measures", _("Work Measures")),
                    ("completion_form", _("Completion Form")),
                    ("handler_id", _("Handler")),
                )
                if not item[fname]
            ]
            if missing:
                raise UserError(
                    _(
                        "To acknowledge %(item)s, fill in: %(fields)s.",
                        item=item.display_name,
                        fields=", ".join(missing),
                    )
                )

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    def _do_submit_for_approval(self):
        self.write({"state": "to_approve"})
        for item in self:
            item.activity_schedule(
                "university_supervision.mail_act_item_approve",
                user_id=item.leader_in_charge_id.id,
                date_deadline=fields.Date.context_today(item),
            )

    def _do_approve(self):
        today = fields.Date.context_today(self)
        for item in self:
            vals = {
                "state": "assigned",
                "date_assigned": today,
                "date_ack_deadline": today + timedelta(days=ACK_DAYS),
                "deadline_original": item.deadline,
            }
            if not item.number:
                vals["number"] = item._next_number(today)
            # sudo: the leader in charge may not write the office's fields;
            # _check_is_leader_in_charge() has checked who acts and uid is kept
            # so tracking is still authored by the leader.
            item.sudo().write(vals)
            item.activity_feedback(["university_supervision.mail_act_item_approve"])
            item._schedule_unit_activity(
                "university_supervision.mail_act_item_acknowledge",
                item.date_ack_deadline,
            )

    def _do_acknowledge(self):
        today = fields.Date.context_today(self)
        # sudo: _check_is_lead_unit_user() has checked the user belongs to
        # the lead unit; units may not write state themselves.
        self.sudo().write({"state": "in_progress", "date_acknowledged": today})
        self.activity_feedback(["university_supervision.mail_act_item_acknowledge"])

    def _next_number(self, date):
        self.ensure_one()
        code = (
            "supervision.item.key" if self.level == "key" else "supervision.item.reminder"
        )
        # sudo: sequences are configuration, not readable by units or leaders.
        return self.env["ir.sequence"].sudo().next_by_code(code, sequence_date=date)

    def _schedule_unit_activity(self, act_type_xmlid, date_deadline):
        """Give the lead unit's head and liaisons a to-do on the item."""
        for item in self:
            users = item.lead_unit_id.head_id | item.lead_unit_id.liaison_ids
            # a confidential item is only scheduled for users who may read it
            for user in users.filtered(lambda u, i=item: i.with_user(u).has_access("read")):
                item.activity_schedule(
                    act_type_xmlid, date_deadline=date_deadline, user_id=user.id
                )
