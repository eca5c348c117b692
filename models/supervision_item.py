from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression

from ..tools.ledger import check_ledger_access, ledger_url
from .supervision_constants import (
    ACTIVE_STATES,
    ASSIGNED_STATES,
    DRAFT_STATES,
    GROUPS,
    LEVELS,
    STATES,
    has_role,
)
from .supervision_format import long_date
from .supervision_holiday import add_days
from .supervision_my_work import awaiting_my_action_domain
from .supervision_settings import get_setting, supervision_today

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

# Fields the lead unit fills in itself (承办反馈 and 办理结果); every other
# field of an item is the office's (NWU 第六条(一)).
ACK_FIELDS = frozenset(
    {
        "date_committed",
        "measures",
        "completion_form",
        "handler_id",
        "handler_phone",
    }
)
UNIT_FIELDS = ACK_FIELDS | {"result_note"}
# The office's registration form: fixed once the item is assigned (the
# deadline then moves only by an approved extension). The office's other
# fields (officer, priority, notes, confidentiality) stay editable by it.
REGISTRATION_FIELDS = frozenset(
    {
        "name",
        "content",
        "requirements",
        "targets",
        "source_type",
        "source_ref",
        "source_date",
        "attachment_ids",
        "level",
        "supervision_mode",
        "deadline",
    }
)
# Who handles the item: the office may reassign it until it is closed (a
# unit or leader added, replaced or taken off).
ASSIGNMENT_FIELDS = frozenset(
    {"lead_unit_id", "assist_unit_ids", "lead_leader_id", "leader_in_charge_id"}
)
# The to-dos (mail_act_item_<name>) a state closes: see activity_update().
ACTIVITIES_DONE = {
    "draft": ("approve",),
    "assigned": ("approve",),
    "in_progress": ("acknowledge", "review", "closure"),
    "submitted": ("rectify", "acknowledge", "deadline", "commit"),
    "to_close": ("review",),
    "closed": ("review", "closure"),
}
# Written by the actions only (as superuser), never directly.
WORKFLOW_FIELDS = frozenset(
    {
        "state",
        "number",
        "date_assigned",
        "date_ack_deadline",
        "date_acknowledged",
        "date_closed",
        "previous_number",
        "date_escalated",
        "rolled_from_id",
        "rolled_to_id",
        "cancel_reason",
    }
)


class SupervisionItem(models.Model):
    """A supervised work item (督办事项), one item one record (一事一项).

    Its actions, who may do each and in which state (NWU 第六条, GDUFS
    第九条/第十条; the roles and states are described in readme/DESIGN.md)::

        action                      who                              state
        ==========================  ===============================  ===================
        (edit the form)             office                           draft, to_approve
        action_submit_for_approval  office                           draft
        action_assign_emergency     office (emergency items)         draft
        action_approve              leader in charge (or manager)    to_approve
        action_acknowledge          lead unit's head or liaison      assigned
        action_report_progress      lead or assisting unit, office   assigned .. to_close
        action_request_extension    lead unit's head or liaison      assigned, in_progress
        action_urge                 office                           assigned .. to_close
        action_escalate             office (reminder items)          assigned .. submitted
        action_submit_result        lead unit's head                 in_progress
        action_review_pass          office                           submitted
        action_return               office (wizard)                  submitted, to_close
        action_approve_closure      leader in charge (or manager)    to_close
        action_file                 office                           closed
        action_cancel               office before assignment, then   draft .. to_close
                                    leader in charge (with a reason)
        action_roll_over            office                           assigned, in_progress
        action_export_ledger        office, leaders                  any
        ==========================  ===============================  ===================

    Each public action checks who acts and the state (``_check_*``), then
    writes as superuser (``_do_*``) and brings the to-dos in line
    (:meth:`activity_update`). Outside the actions, :meth:`_check_write_fields`
    and the computed ``can_edit_*`` fields (which also drive the form) say who
    writes what: units only the acknowledgement and the result, never the
    office's fields.
    """

    _name = "supervision.item"
    _description = "Supervision Item"
    _inherit = [
        "mail.thread.main.attachment",
        "mail.activity.mixin",
        "supervision.workflow.mixin",
    ]
    _order = "priority desc, deadline, id desc"
    # Whoever may read an item may discuss it in its chatter and plan
    # activities on it (assisting units included, which cannot write it).
    _mail_post_access = "read"
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
    requirements = fields.Html(help="Handling requirements (办理要求/办理意见).")
    targets = fields.Text(help="Quantified tasks and milestones (任务数量化).")
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
        LEVELS,
        required=True,
        default="reminder",
        tracking=True,
        help="A reminder item is printed as a progress reminder form; a key item "
        "as a supervision form with its own number.",
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
        help="How the office follows the item: day to day, at meetings, on site, "
        "or listed publicly until it is done.",
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
        help="Date by which the lead unit must acknowledge the item and say how "
        "it will handle it.",
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
        help="Current deadline; after assignment only an approved extension moves it.",
    )
    date_committed = fields.Date(
        string="Committed Date",
        tracking=True,
        help="Date by which the lead unit commits to finish (承诺办结时间).",
    )
    date_acknowledged = fields.Date(readonly=True, copy=False)
    date_closed = fields.Date(readonly=True, copy=False, tracking=True)
    measures = fields.Text(string="Work Measures", help="Work measures (工作举措).")
    completion_form = fields.Char(
        help="How completion will be shown (办结形式), e.g. a written report."
    )
    handler_id = fields.Many2one(
        "res.users",
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
        index=True,
    )
    ack_overdue = fields.Boolean(
        string="Acknowledgement Overdue", readonly=True, copy=False, index=True
    )
    is_confidential = fields.Boolean(
        string="Confidential",
        tracking=True,
        help="A confidential item is visible only to the users named on it and "
        "to its leader in charge.",
    )
    confidential_user_ids = fields.Many2many(
        "res.users",
        "supervision_item_confidential_user_rel",
        "item_id",
        "user_id",
        string="Named Users",
    )
    office_note = fields.Html(
        groups=GROUPS["officer"],
        help="The office's internal notes on the item; units and leaders do "
        "not see them.",
    )
    year = fields.Integer(
        compute="_compute_year",
        store=True,
        index=True,
        aggregator=None,
    )
    cancel_reason = fields.Text(readonly=True, copy=False)
    previous_number = fields.Char(
        readonly=True,
        copy=False,
        help="Number of the progress reminder form before the item was "
        "escalated to key supervision.",
    )
    date_escalated = fields.Date(readonly=True, copy=False)
    rolled_from_id = fields.Many2one(
        "supervision.item",
        string="Carried Over From",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The previous year's item that this item continues.",
    )
    rolled_to_id = fields.Many2one(
        "supervision.item",
        string="Carried Over To",
        readonly=True,
        copy=False,
        index="btree_not_null",
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
        copy=False,
        string="Interviews",
    )
    is_lead_unit_user = fields.Boolean(
        compute="_compute_user_roles",
        help="Technical: the current user is head or liaison of the lead unit.",
    )
    is_lead_unit_head = fields.Boolean(compute="_compute_user_roles")
    is_unit_user = fields.Boolean(
        compute="_compute_user_roles",
        help="Technical: the current user belongs to the lead or an assisting unit.",
    )
    is_leader_in_charge = fields.Boolean(compute="_compute_user_roles")
    is_officer = fields.Boolean(
        compute="_compute_user_roles",
        help="Technical: the current user is supervision office staff.",
    )
    # Who may edit what, for the form's readonly/invisible and for the
    # checks of write() and the actions (one rule, said once).
    can_edit_office_fields = fields.Boolean(
        compute="_compute_user_rights",
        help="Technical: the current user may edit the registration form "
        "(the office, before assignment).",
    )
    can_edit_unit_fields = fields.Boolean(
        compute="_compute_user_rights",
        help="Technical: the current user may fill in the acknowledgement "
        "(the lead unit or the office, while the item is assigned).",
    )
    can_edit_result = fields.Boolean(
        compute="_compute_user_rights",
        help="Technical: the current user may fill in the handling result "
        "(the lead unit or the office, while the item is in progress).",
    )
    can_edit_assignment = fields.Boolean(
        compute="_compute_user_rights",
        help="Technical: the current user may change the units and leaders "
        "(the office, until the item is closed).",
    )
    can_edit_content = fields.Boolean(
        compute="_compute_user_rights",
        help="Technical: the current user may edit the content: as the rest "
        "of the form, or afterwards for an emergency item assigned at once.",
    )
    can_decide = fields.Boolean(
        compute="_compute_user_rights",
        help="Technical: the current user is the leader in charge and the "
        "item waits for their decision (approval or closure).",
    )
    has_open_extension = fields.Boolean(compute="_compute_has_open_extension")
    unit_partner_ids = fields.Many2many(
        "res.partner",
        compute="_compute_unit_partner_ids",
        help="Technical: the lead unit's head and liaisons who may read the "
        "item, recipients of its notifications.",
    )
    # statistics, "my work" (see supervision_my_work.py)
    on_time_score = fields.Integer(
        string="On-Time Rate (%)",
        compute="_compute_on_time_score",
        store=True,
        aggregator="avg",
        help="100 when the item was closed by its deadline, 0 otherwise; its "
        "average over closed items is the on-time rate.",
    )
    is_awaiting_my_action = fields.Boolean(
        string="Awaiting My Action",
        compute="_compute_is_awaiting_my_action",
        search="_search_is_awaiting_my_action",
        help="Technical: the current user can take the item's next step.",
    )

    opinion_ids = fields.One2many(
        "supervision.opinion", "item_id", string="Leaders' Opinions"
    )
    pending_extension_id = fields.Many2one(
        "supervision.extension",
        compute="_compute_pending_extension_id",
        string="Extension to Decide",
    )

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains("deadline", "date_assigned")
    def _check_deadline_after_assignment(self):
        for item in self:
            if (
                item.deadline
                and item.date_assigned
                and item.deadline < item.date_assigned
            ):
                raise ValidationError(
                    _(
                        "The deadline of %(item)s cannot be before its "
                        "assignment date %(date)s.",
                        item=item.display_name,
                        date=long_date(self.env, item.date_assigned),
                    )
                )

    @api.constrains("date_committed", "deadline")
    def _check_committed_before_deadline(self):
        for item in self:
            if (
                item.date_committed
                and item.deadline
                and item.date_committed > item.deadline
            ):
                raise ValidationError(
                    _(
                        "The committed date of %(item)s cannot be after its "
                        "deadline %(deadline)s.",
                        item=item.display_name,
                        deadline=long_date(self.env, item.deadline),
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
    @api.depends(
        "lead_unit_id.head_id",
        "lead_unit_id.liaison_ids",
        "assist_unit_ids.member_user_ids",
        "leader_in_charge_id",
    )
    def _compute_user_roles(self):
        user = self.env.user
        for item in self:
            unit = item.lead_unit_id
            item.is_lead_unit_head = user == unit.head_id
            item.is_lead_unit_user = user == unit.head_id or user in unit.liaison_ids
            item.is_unit_user = user in (unit | item.assist_unit_ids).member_user_ids
            item.is_leader_in_charge = user == item.leader_in_charge_id
            item.is_officer = has_role(self.env, "officer")

    @api.depends_context("uid")
    @api.depends(
        "state",
        "source_type",
        "lead_unit_id.head_id",
        "lead_unit_id.liaison_ids",
        "leader_in_charge_id",
    )
    def _compute_user_rights(self):
        for item in self:
            unit_or_office = item.is_lead_unit_user or item.is_officer
            item.can_edit_office_fields = item.is_officer and item.state in DRAFT_STATES
            item.can_edit_assignment = item.is_officer and item.state in (
                *DRAFT_STATES,
                *ASSIGNED_STATES,
            )
            item.can_edit_content = item.can_edit_office_fields or (
                item.is_officer
                and item.source_type == "emergency"
                and item.state in ASSIGNED_STATES
            )
            item.can_edit_unit_fields = unit_or_office and item.state == "assigned"
            item.can_edit_result = unit_or_office and item.state == "in_progress"
            item.can_decide = item.is_leader_in_charge and item.state in (
                "to_approve",
                "to_close",
            )

    @api.depends(
        "lead_unit_id.head_id",
        "lead_unit_id.liaison_ids",
        "is_confidential",
        "confidential_user_ids",
    )
    def _compute_unit_partner_ids(self):
        for item in self:
            users = item.lead_unit_id.head_id | item.lead_unit_id.liaison_ids
            if item.is_confidential:
                users &= item.confidential_user_ids
            item.unit_partner_ids = users.partner_id

    @api.depends("extension_ids.state")
    def _compute_has_open_extension(self):
        for item in self:
            item.has_open_extension = any(
                ext.state in ("draft", "submitted") for ext in item.extension_ids
            )

    @api.depends("extension_ids.state")
    def _compute_pending_extension_id(self):
        for item in self:
            item.pending_extension_id = item.extension_ids.filtered(
                lambda e: e.state == "submitted"
            )[:1]

    @api.depends("state", "date_closed", "deadline")
    def _compute_on_time_score(self):
        """100 for an item closed by its deadline, 0 for one closed after it
        or not closed: averaged over closed items, the on-time rate (按期办结率,
        NWU 第九条, GDUFS 第十一条) of the Dashboards app."""
        for item in self:
            on_time = (
                item.state in ("closed", "filed")
                and item.date_closed
                and item.deadline
                and item.date_closed <= item.deadline
            )
            item.on_time_score = 100 if on_time else 0

    @api.depends_context("uid")
    @api.depends(
        "state",
        "warning_light",
        "officer_id",
        "leader_in_charge_id",
        "lead_unit_id.head_id",
        "lead_unit_id.liaison_ids",
        "assist_unit_ids.member_user_ids",
        "extension_ids.state",
        "progress_ids.approval_state",
        "urge_ids.reply",
    )
    def _compute_is_awaiting_my_action(self):
        stored = self.filtered("id")
        awaiting = self.browse()
        if stored:
            awaiting = self.search(
                expression.AND(
                    [[("id", "in", stored.ids)], awaiting_my_action_domain(self.env)]
                )
            )
        for item in self:
            item.is_awaiting_my_action = item in awaiting

    def _search_is_awaiting_my_action(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Operation not supported"))
        domain = awaiting_my_action_domain(self.env)
        if (operator == "=") != value:
            return ["!", *expression.normalize_domain(domain)]
        return domain

    # ------------------------------------------------------------------
    # ORM overrides
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                if vals.get("state", "draft") != "draft" or any(
                    vals.get(fname) for fname in WORKFLOW_FIELDS - {"state"}
                ):
                    raise UserError(
                        _("A new item is registered as a draft, without a number.")
                    )
        return super().create(vals_list)

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
        """Who may write what, outside the actions (which write as superuser).

        The same ``can_edit_*`` fields make the form's fields read-only: the
        office edits the registration form before assignment (the content of
        an emergency item also after it); the original deadline never
        changes and, once assigned, only an approved extension moves the
        deadline; the lead unit (or the office) fills in the acknowledgement
        while the item waits for it and the result while it is handled.
        """
        if self.env.su:
            return
        fnames = {
            fname
            for fname in vals
            if fname in self._fields and not fname.startswith(("message_", "activity_"))
        }
        is_officer = has_role(self.env, "officer")
        protected = fnames - UNIT_FIELDS
        if protected and not is_officer:
            raise AccessError(
                _(
                    "Only the supervision office may change these fields of an "
                    "item: %(fields)s.",
                    fields=self._field_labels(protected),
                )
            )
        workflow = WORKFLOW_FIELDS & fnames
        if workflow:
            raise UserError(
                _(
                    "%(fields)s change only through the item's buttons.",
                    fields=self._field_labels(workflow),
                )
            )
        if "deadline_original" in fnames:
            raise UserError(_("The original deadline never changes after assignment."))
        if "deadline" in fnames and any(
            item.state not in DRAFT_STATES for item in self
        ):
            raise UserError(
                _("Only an approved extension moves the deadline of an assigned item.")
            )
        registration = fnames & REGISTRATION_FIELDS
        for item in self:
            if not is_officer and not item.is_lead_unit_user:
                raise AccessError(
                    _(
                        "Only the head or a liaison of the lead unit may fill "
                        "in the acknowledgement and result of %(item)s.",
                        item=item.display_name,
                    )
                )
            fixed = registration - ({"content"} if item.can_edit_content else set())
            if fixed and not item.can_edit_office_fields:
                raise UserError(
                    _(
                        "The registration form of %(item)s is fixed once it is "
                        "assigned: %(fields)s.",
                        item=item.display_name,
                        fields=self._field_labels(fixed),
                    )
                )
            if fnames & ASSIGNMENT_FIELDS and not item.can_edit_assignment:
                raise UserError(
                    _(
                        "The units and leaders of %(item)s change only until it "
                        "is closed.",
                        item=item.display_name,
                    )
                )
            if fnames & ACK_FIELDS and not item.can_edit_unit_fields:
                raise UserError(
                    _(
                        "The acknowledgement of %(item)s can no longer be changed.",
                        item=item.display_name,
                    )
                )
            if "result_note" in fnames and not item.can_edit_result:
                raise UserError(
                    _(
                        "The handling result of %(item)s can only be changed while "
                        "it is in progress.",
                        item=item.display_name,
                    )
                )

    def _field_labels(self, fnames):
        return ", ".join(
            sorted(
                self._fields[fname].get_description(self.env)["string"]
                for fname in fnames
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
        self._check_can_decide()
        self._check_can_submit()
        self._do_assign()
        return True

    def action_assign_emergency(self):
        """Assign an emergency item at once, completing its form afterwards.

        GDUFS 第十条(一): in a sudden emergency supervision starts directly and
        the 督办单 follows; such items are key items (第十条(一)4).
        """
        self._check_is_officer()
        self._check_state("draft")
        for item in self:
            if item.source_type != "emergency":
                raise UserError(
                    _(
                        "Only emergency items may be assigned without approval; "
                        "send %(item)s for approval instead.",
                        item=item.display_name,
                    )
                )
        self._check_can_submit()
        # sudo: the workflow fields are written by the actions only
        self.sudo().write({"level": "key"})
        self._do_assign()
        self._notify_leader(
            _("Emergency item assigned at once; its form will be completed afterwards.")
        )
        return True

    def action_acknowledge(self):
        """The lead unit acknowledges the item (承办反馈, GDUFS 第九条(二))."""
        self._check_state("assigned")
        self._check_is_lead_unit_user()
        self._check_filled(
            ["date_committed", "measures", "completion_form", "handler_id"]
        )
        self._do_acknowledge()
        return True

    def action_report_progress(self):
        """Open a new progress report of the current user's unit."""
        self.ensure_one()
        self._check_state(*ASSIGNED_STATES)
        if not self.is_unit_user and not self.is_officer:
            raise AccessError(
                _(
                    "Only the lead and assisting units of %(item)s report progress on it.",
                    item=self.display_name,
                )
            )
        unit = (self.lead_unit_id | self.assist_unit_ids).filtered(
            lambda u: self.env.user in u.member_user_ids
        )[:1]
        return {
            "type": "ir.actions.act_window",
            "name": _("Progress Report"),
            "res_model": "supervision.progress",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_item_id": self.id,
                "default_unit_id": unit.id or self.lead_unit_id.id,
            },
        }

    def action_request_extension(self):
        """Open a deadline extension request (NWU 第六条(二))."""
        self.ensure_one()
        self._check_state(*ACTIVE_STATES)
        self._check_is_lead_unit_user()
        return {
            "type": "ir.actions.act_window",
            "name": _("Request an Extension"),
            "res_model": "supervision.extension",
            "view_mode": "form",
            "target": "new",
            "context": {"default_item_id": self.id, "extension_dialog": True},
        }

    def action_urge(self):
        """Open the quick urge wizard for the office (GDUFS 第九条(三))."""
        self._check_is_officer()
        self._check_state(*ASSIGNED_STATES)
        return {
            "type": "ir.actions.act_window",
            "name": _("Urge"),
            "res_model": "supervision.urge.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_item_ids": self.ids},
        }

    def action_submit_result(self):
        """The lead unit's head reports the handling result (NWU 第六条(二))."""
        self._check_state("in_progress")
        self._check_is_lead_unit_head()
        self._check_filled(["result_note"])
        self._do_submit_result()
        return True

    def action_review_pass(self):
        """The office passes the result (办结审核, NWU 第六条(三)).

        Reminder items close (GDUFS 第九条(四)); key items wait for the leader
        in charge (GDUFS 第十条(五)).
        """
        self._check_is_officer()
        self._check_state("submitted")
        self._do_review_pass()
        return True

    def action_return(self):
        """Open the wizard returning the result for rectification (GDUFS 第十条(四))."""
        self.ensure_one()
        self._check_is_officer()
        self._check_state("submitted", "to_close")
        return {
            "type": "ir.actions.act_window",
            "name": _("Return for Rectification"),
            "res_model": "supervision.return.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_item_id": self.id},
        }

    def action_approve_closure(self):
        """The leader in charge approves the closure of a key item (GDUFS 第十条(五))."""
        self._check_state("to_close")
        self._check_can_decide()
        self._do_close()
        return True

    def action_file(self):
        """The office files closed items (统计归档, NWU 第六条(四))."""
        self._check_is_officer()
        self._check_state("closed")
        # sudo: the workflow fields are written by the actions only
        self.sudo().write({"state": "filed"})
        return True

    def action_cancel(self, reason=None):
        """Cancel items, keeping the reason.

        The office cancels items that are not assigned yet; once assigned,
        only the leader in charge may cancel them. Without a reason, the
        wizard asking for one opens.
        """
        self._check_can_cancel()
        if not reason:
            return {
                "type": "ir.actions.act_window",
                "name": _("Cancel Item"),
                "res_model": "supervision.cancel.wizard",
                "view_mode": "form",
                "target": "new",
                "context": {"default_item_ids": self.ids},
            }
        self._do_cancel(reason)
        return True

    def action_escalate(self):
        """Escalate reminder items to key supervision (GDUFS 第十条(一)1-3)."""
        self._check_is_officer()
        self._check_state("assigned", "in_progress", "submitted")
        for item in self:
            if item.level != "reminder":
                raise UserError(
                    _("Item %(item)s is already a key item.", item=item.display_name)
                )
        self._do_escalate()
        return True

    def action_roll_over(self):
        """Carry long-running items into the next year (GDUFS 第八条(三))."""
        self._check_is_officer()
        self._check_state(*ACTIVE_STATES)
        new_items = self._do_roll_over()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "university_supervision.supervision_item_action"
        )
        action.update(
            {
                "domain": [("id", "in", new_items.ids)],
                "context": {},
                "views": [(False, "form")] if len(new_items) == 1 else action["views"],
                "res_id": new_items[:1].id,
            }
        )
        return action

    def action_export_ledger(self):
        """Download the selected items as the ledger (督办事项台账) in xlsx."""
        check_ledger_access(self.env)
        return {
            "type": "ir.actions.act_url",
            "url": ledger_url(self),
            "target": "download",
        }

    @api.model
    def _get_setting(self, key):
        """The value of setting ``key`` (see :mod:`.supervision_settings`)."""
        return get_setting(self.env, key)

    @api.model
    def _supervision_today(self):
        """Today in the university's time zone, not the server's (UTC)."""
        return supervision_today(self.env)

    @api.model
    def get_import_templates(self):
        """The template of the import dialog, for bulk registration."""
        return [
            {
                "label": _("Import Template for Supervision Items"),
                "template": "/university_supervision/static/xls/"
                "supervision_item_import_template.xlsx",
            }
        ]

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------

    def _check_can_decide(self):
        """The leader in charge decides (approval, closure): ``can_decide``."""
        for item in self:
            if not item.can_decide:
                item._check_is_leader_in_charge()

    def _check_is_leader_in_charge(self):
        for item in self:
            if self.env.user != item.leader_in_charge_id:
                raise AccessError(
                    _(
                        "Only %(leader)s, the leader in charge of %(item)s, may "
                        "do this.",
                        leader=item.leader_in_charge_id.name
                        or _("the leader in charge"),
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

    def _check_is_lead_unit_head(self):
        for item in self:
            if self.env.user != item.lead_unit_id.head_id:
                raise AccessError(
                    _(
                        "Only the head of %(unit)s, the lead unit of %(item)s, "
                        "may do this.",
                        unit=item.lead_unit_id.name,
                        item=item.display_name,
                    )
                )

    def _check_can_cancel(self):
        is_officer = has_role(self.env, "officer")
        for item in self:
            if item.state in DRAFT_STATES:
                if not is_officer:
                    raise AccessError(
                        _(
                            "Only the supervision office may cancel an item not yet assigned."
                        )
                    )
            elif item.state in ASSIGNED_STATES:
                item._check_is_leader_in_charge()
            else:
                item._check_state(*DRAFT_STATES, *ASSIGNED_STATES)

    def _check_can_submit(self):
        self._check_filled(["deadline", "leader_in_charge_id"])
        for item in self:
            if item.deadline < fields.Date.context_today(item):
                raise UserError(
                    _(
                        "The deadline of %(item)s is already past.",
                        item=item.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    def activity_update(self):
        """Bring each item's to-dos in line with its state (hr_leave's
        ``activity_update``): close what the state leaves behind, plan what
        it asks of whom. Called by every ``_do_*`` that changes the state.

        ======================  =====================  ======================
        state                   done                   to do (whose)
        ======================  =====================  ======================
        to_approve                                     approve (leader)
        assigned                approve                acknowledge (unit)
        in_progress             acknowledge, review,   rectify (unit), after
                                closure                a return
        submitted               rectify, acknowledge,  review (office staff)
                                deadline
        to_close                review                 closure (leader)
        closed                  review, closure
        cancelled               all removed
        ======================  =====================  ======================
        """
        for item in self:
            if item.state == "cancelled":
                # sudo: the pending to-dos of other users (the units', the
                # leader's) end with the item; only its own are removed.
                item.activity_ids.sudo().unlink()
                continue
            done = ACTIVITIES_DONE.get(item.state)
            if done:
                # sudo: who acts was checked by the action; the to-dos the
                # state ends may be other users' (the leader's, the units')
                item.sudo().activity_feedback(
                    [f"university_supervision.mail_act_item_{act}" for act in done]
                )
            if item.state == "to_approve":
                item._activity_ensure(
                    "approve",
                    item.leader_in_charge_id,
                    fields.Date.context_today(item),
                )
            elif item.state == "assigned":
                item._activity_ensure(
                    "acknowledge", item._unit_activity_users(), item.date_ack_deadline
                )
            elif item.state == "in_progress":
                returns = item.review_ids.filtered(
                    lambda r: r.conclusion in ("returned", "rectify")
                ).sorted("id")[-1:]
                if returns:
                    item._activity_ensure(
                        "rectify",
                        item._unit_activity_users(),
                        returns.rectification_deadline or item.deadline,
                    )
            elif item.state == "submitted":
                item._activity_ensure("review", item.officer_id)
            elif item.state == "to_close":
                item._activity_ensure("closure", item.leader_in_charge_id)

    def _activity_ensure(self, act, users, date_deadline=None, note=None):
        """Plan the to-do ``act`` for each of ``users`` who has none open."""
        self.ensure_one()
        act_type = self.env.ref(f"university_supervision.mail_act_item_{act}")
        planned = self.activity_ids.filtered(
            lambda a: a.activity_type_id == act_type
        ).user_id
        for user in users - planned:
            self.activity_schedule(
                f"university_supervision.mail_act_item_{act}",
                user_id=user.id,
                date_deadline=date_deadline,
                note=note,
            )

    def _unit_activity_users(self):
        """The lead unit's head and liaisons who may read the item (a
        confidential item is only planned for those named on it)."""
        self.ensure_one()
        users = self.lead_unit_id.head_id | self.lead_unit_id.liaison_ids
        return users.filtered(lambda u: self.with_user(u).has_access("read"))

    def _do_submit_for_approval(self):
        # sudo: the workflow fields are written by the actions only
        self.sudo().write({"state": "to_approve"})
        self.activity_update()

    def _do_assign(self):
        today = fields.Date.context_today(self)
        for item in self:
            vals = {
                "state": "assigned",
                "date_assigned": today,
                "date_ack_deadline": add_days(
                    self.env, today, get_setting(self.env, "ack_days")
                ),
                "deadline_original": item.deadline,
            }
            if not item.number:
                vals["number"] = item._next_number(today)
            # sudo: the leader in charge may not write the office's fields;
            # the caller has checked who acts, and uid is kept so tracking is
            # still authored by the acting user.
            item.sudo().write(vals)
            item.activity_update()
            item._notify_units("university_supervision.mail_template_item_assigned")

    def _do_acknowledge(self):
        today = fields.Date.context_today(self)
        # sudo: _check_is_lead_unit_user() has checked the user belongs to
        # the lead unit; units may not write state themselves.
        self.sudo().write({"state": "in_progress", "date_acknowledged": today})
        self.activity_update()
        for item in self:
            self.env["supervision.progress"].create(
                {
                    "item_id": item.id,
                    "unit_id": item.lead_unit_id.id,
                    "kind": "acknowledgement",
                    "date": today,
                    "description": item._acknowledgement_summary(),
                }
            )

    def _acknowledgement_summary(self):
        self.ensure_one()
        return Markup("<ul><li>%s</li><li>%s</li><li>%s</li><li>%s</li></ul>") % (
            _(
                "Committed date: %(date)s",
                date=long_date(self.env, self.date_committed),
            ),
            _("Work measures: %(measures)s", measures=self.measures),
            _("Completion form: %(form)s", form=self.completion_form),
            _(
                "Handler: %(handler)s %(phone)s",
                handler=self.handler_id.name,
                phone=self.handler_phone or "",
            ),
        )

    def _do_submit_result(self):
        # sudo: _check_is_lead_unit_head() has checked the user heads the
        # lead unit; units may not write state themselves.
        self.sudo().write({"state": "submitted"})
        self.activity_update()
        for item in self:
            self.env["supervision.progress"].create(
                {
                    "item_id": item.id,
                    "unit_id": item.lead_unit_id.id,
                    "kind": "result",
                    "percent": 100,
                    "description": item.result_note,
                }
            )

    def _do_review_pass(self):
        for item in self:
            self.env["supervision.review"].create(
                {"item_id": item.id, "conclusion": "passed", "method": "document"}
            )
        keys = self.filtered(lambda i: i.level == "key")
        if keys:
            # sudo: the workflow fields are written by the actions only
            keys.sudo().write({"state": "to_close"})
            keys.activity_update()
        (self - keys)._do_close()

    def _do_return(
        self,
        findings,
        rectification_list,
        rectification_deadline,
        conclusion="returned",
        method="document",
    ):
        """Send the item back to the units with what must be rectified."""
        for item in self:
            self.env["supervision.review"].create(
                {
                    "item_id": item.id,
                    "conclusion": conclusion,
                    "method": method,
                    "findings": findings,
                    "rectification_list": rectification_list,
                    "rectification_deadline": rectification_deadline,
                }
            )
        # sudo: the office may always write items; sudo keeps the write
        # possible when the caller is the leader in charge refusing closure.
        self.sudo().write({"state": "in_progress"})
        self.activity_update()
        for item in self:
            item._notify_units("university_supervision.mail_template_item_returned")

    def _do_close(self):
        # sudo: the leader in charge closes key items without office rights;
        # callers have checked who acts.
        self.sudo().write(
            {"state": "closed", "date_closed": fields.Date.context_today(self)}
        )
        self.activity_update()

    def _do_cancel(self, reason):
        # sudo: _check_can_cancel() has checked the office or the leader in
        # charge acts.
        self.sudo().write({"state": "cancelled", "cancel_reason": reason})
        self.activity_update()
        for item in self:
            item.message_post(
                body=_("Cancelled: %(reason)s", reason=reason),
                subtype_xmlid="mail.mt_note",
            )

    def _do_escalate(self, notify=True):
        """Make reminder items key items with a 督办单 number of their own.

        The history (chatter, progress, urges) stays on the same record; the
        reminder number is kept in ``previous_number``. Without ``notify``
        (the daily check) the leader in charge learns it from the digest.
        """
        today = fields.Date.context_today(self)
        for item in self:
            # sudo: the office or the daily check escalates; the number
            # sequence and the level are the office's fields.
            item.sudo().write(
                {
                    "level": "key",
                    "previous_number": item.number,
                    "number": item._next_number(today, level="key"),
                    "date_escalated": today,
                }
            )
        if notify:
            self._notify_leader(
                _("This item has been escalated to key supervision (重点督办).")
            )

    def _do_roll_over(self):
        """Continue each item in a new record for the next year."""
        new_items = self.browse()
        for item in self:
            # sudo: the link to the previous year is a workflow field
            new_item = item.sudo().copy(
                {
                    "name": item.name,
                    "rolled_from_id": item.id,
                    "deadline": False,
                    "date_committed": False,
                }
            )
            new_item = new_item.with_env(self.env)
            # sudo: the workflow fields are written by the actions only
            item.sudo().write({"rolled_to_id": new_item.id})
            item._do_cancel(
                _(
                    "Carried over into the next year as %(item)s.",
                    item=new_item.display_name,
                )
            )
            new_item.message_post(
                body=_("Carried over from %(item)s.", item=item.display_name),
                subtype_xmlid="mail.mt_note",
            )
            new_items |= new_item
        return new_items

    def _next_number(self, date, level=None):
        self.ensure_one()
        code = (
            "supervision.item.key"
            if (level or self.level) == "key"
            else "supervision.item.reminder"
        )
        # sudo: drawing a number writes the sequence (and creates its range
        # for a new year), which only administrators may; the caller has
        # checked the user may register or escalate the item.
        return self.env["ir.sequence"].sudo().next_by_code(code, sequence_date=date)

    def _notify_units(self, template_xmlid):
        """E-mail the lead unit's head and liaisons with a mail template."""
        for item in self:
            if item.unit_partner_ids:
                item.message_post_with_source(
                    template_xmlid, subtype_xmlid="mail.mt_comment"
                )

    def _notify_leader(self, body):
        for item in self.filtered("leader_in_charge_id"):
            item.message_post(
                body=body,
                partner_ids=item.leader_in_charge_id.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )

    def _do_urge(self, channel, note, user=None, trigger=False, notify=True):
        """Log an urge on each item and notify its lead unit (without
        ``notify``, the daily check's, the unit learns it from the digest)."""
        user = user or self.env.user
        urges = self.env["supervision.urge"].create(
            [
                {
                    "item_id": item.id,
                    "channel": channel,
                    "note": note,
                    "unit_id": item.lead_unit_id.id,
                    "target_user_id": item.lead_unit_id.head_id.id,
                    "user_id": user.id,
                    "trigger": trigger,
                    "deadline": item.deadline,
                }
                for item in self
            ]
        )
        if notify:
            for item in self:
                item.message_post(
                    body=_("Urged: %(note)s", note=note),
                    partner_ids=item.unit_partner_ids.ids,
                    subtype_xmlid="mail.mt_comment",
                )
        return urges

    # ------------------------------------------------------------------
    # Leaders' decisions with an opinion (审定意见/批示)
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

    # ------------------------------------------------------------------
    # Interviews from the item (发起约谈, NWU 第七条(一))
    # ------------------------------------------------------------------

    def action_start_interview(self):
        """The office opens a new interview of the lead unit's head by the
        leader in charge, about this overdue key item."""
        self.ensure_one()
        self._check_is_officer()
        self._check_state(*ACTIVE_STATES)
        if self.level != "key" or not self.is_overdue:
            raise UserError(
                _(
                    "An interview is started from an overdue key item; "
                    "%(item)s is not one.",
                    item=self.display_name,
                )
            )
        unit = self.lead_unit_id
        return {
            "type": "ir.actions.act_window",
            "name": _("Start an Interview"),
            "res_model": "supervision.interview",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_item_ids": [fields.Command.set(self.ids)],
                "default_unit_id": unit.id,
                "default_level": "leader",
                "default_interviewer_id": self.leader_in_charge_id.id,
                "default_interviewee_ids": [fields.Command.set(unit.head_id.ids)],
                "default_reason": _(
                    "%(item)s is still not completed after urging; its deadline "
                    "was %(date)s.",
                    item=self.display_name,
                    date=self.deadline,
                ),
            },
        }
