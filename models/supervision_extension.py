from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .supervision_constants import ACTIVE_STATES, has_role
from .supervision_format import long_date
from .supervision_item_guard import check_date_ahead, check_not_blank, check_text_size

OPEN_STATES = ("draft", "submitted")
DECISION_FIELDS = frozenset(
    {"state", "decided_by_id", "date_decided", "deadline_current"}
)
# What was asked is frozen once submitted (see _check_frozen_request).
FROZEN_FIELDS = frozenset({"item_id", "user_id", "date_requested", "reason"})


class SupervisionExtension(models.Model):
    """A request to extend an item's deadline (延期申请), NWU 第六条(二).

    The lead unit asks before the current deadline; the leader in charge (or
    the administrator) decides; approval moves the item's ``deadline``,
    never ``deadline_original``. At most one open request per item.
    """

    _name = "supervision.extension"
    _description = "Supervision Deadline Extension"
    _inherit = ["mail.thread", "supervision.workflow.mixin"]
    _order = "id desc"

    item_id = fields.Many2one(
        "supervision.item",
        required=True,
        index=True,
        ondelete="cascade",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Requested By",
        required=True,
        default=lambda self: self.env.user,
    )
    origin = fields.Selection(
        [("unit", "Unit's Request"), ("office", "Office's New Time Limit")],
        required=True,
        default="unit",
        readonly=True,
        help="A unit asks before its deadline; the office may ask for a new "
        "time limit on an overdue or escalated item.",
    )
    reason = fields.Text(required=True)
    deadline_current = fields.Date(string="Current Deadline", readonly=True)
    date_requested = fields.Date(string="Requested Deadline", required=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("refused", "Refused"),
        ],
        required=True,
        default="draft",
        copy=False,
        index=True,
        tracking=True,
    )
    decided_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    date_decided = fields.Date(string="Decided On", readonly=True)
    decision_note = fields.Text(tracking=True)
    can_decide = fields.Boolean(compute="_compute_can_decide")

    def _check_item_free(self, item_ids):
        """Say it in words before the unique index refuses a second open
        request (the index also holds between concurrent transactions)."""
        # sudo: requests of the item the user may not read count as well
        open_requests = (
            self.sudo()
            .search([("item_id", "in", list(item_ids)), ("state", "in", OPEN_STATES)])
            .filtered(lambda e: e not in self)
        )
        if open_requests or len(item_ids) != len(set(item_ids)):
            item = open_requests.item_id[:1] or self.env["supervision.item"].browse(
                item_ids[0]
            )
            raise ValidationError(
                _(
                    "Item %(item)s already has an open extension request.",
                    item=item.with_env(self.env).display_name,
                )
            )

    @api.constrains("item_id", "state")
    def _check_one_open_request(self):
        for ext in self.filtered(lambda e: e.state in OPEN_STATES):
            others = ext.item_id.extension_ids.filtered(
                lambda e, ext=ext: e != ext and e.state in OPEN_STATES
            )
            if others:
                raise ValidationError(
                    _(
                        "Item %(item)s already has an open extension request.",
                        item=ext.item_id.display_name,
                    )
                )

    def init(self):
        # One open request per item, also between concurrent transactions,
        # which _check_one_open_request (the message users see) cannot see.
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS supervision_extension_one_open_idx
            ON supervision_extension (item_id)
            WHERE state IN ('draft', 'submitted')
            """
        )

    @api.depends_context("uid")
    @api.depends("item_id.leader_in_charge_id")
    def _compute_can_decide(self):
        is_manager = has_role(self.env, "manager")
        for ext in self:
            ext.can_decide = (
                is_manager or ext.item_id.leader_in_charge_id == self.env.user
            )

    @api.depends("item_id", "date_requested")
    def _compute_display_name(self):
        for ext in self:
            ext.display_name = _(
                "Extension of %(item)s", item=ext.item_id.display_name or ""
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_item_free(
            [
                vals["item_id"]
                for vals in vals_list
                if vals.get("item_id") and vals.get("state", "draft") in OPEN_STATES
            ]
        )
        if not self.env.su:
            for vals in vals_list:
                if vals.get("state", "draft") != "draft" or any(
                    vals.get(fname)
                    for fname in (DECISION_FIELDS - {"state"}) | {"decision_note"}
                ):
                    raise AccessError(
                        _("Extension requests are decided through their buttons only.")
                    )
            if any(vals.get("origin") == "office" for vals in vals_list):
                self.env["supervision.item"]._check_is_officer()
            if not has_role(self.env, "officer"):
                # say why before the record rules refuse it in general terms
                items = self.env["supervision.item"].browse(
                    [vals["item_id"] for vals in vals_list if vals.get("item_id")]
                )
                items._check_is_lead_unit_user()
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and DECISION_FIELDS & set(vals):
            raise AccessError(
                _("Extension requests are decided through their buttons only.")
            )
        self._check_frozen_request(vals)
        if vals.get("item_id") or vals.get("state") in OPEN_STATES:
            target = self.filtered(lambda e: vals.get("state", e.state) in OPEN_STATES)
            target._check_item_free(
                [vals.get("item_id") or e.item_id.id for e in target]
            )
        return super().write(vals)

    # ------------------------------------------------------------------
    # Frozen once submitted
    # ------------------------------------------------------------------

    @api.constrains("reason", "date_requested")
    def _check_request_input(self):
        for ext in self:
            check_not_blank(ext, "reason")
            check_text_size(ext, "reason")
            check_date_ahead(ext, "date_requested")

    def _check_frozen_request(self, vals):
        """The item, date and reason are frozen once submitted; the decision
        note is the decider's; after the decision only the manager changes
        the request."""
        if self.env.su:
            return
        changed = {f for f in vals if not f.startswith(("message_", "activity_"))}
        is_manager = has_role(self.env, "manager")
        for ext in self:
            if ext.state != "draft" and FROZEN_FIELDS & changed:
                raise UserError(
                    _(
                        "%(request)s has been submitted: its item, requested "
                        "date and reason can no longer change.",
                        request=ext.display_name,
                    )
                )
            if ext.state in ("approved", "refused") and changed and not is_manager:
                raise AccessError(
                    _(
                        "%(request)s has been decided: only the supervision "
                        "manager may change it.",
                        request=ext.display_name,
                    )
                )
            if "decision_note" in changed and not ext.can_decide:
                raise AccessError(
                    _(
                        "The decision note of %(request)s is written by the one "
                        "who decides it.",
                        request=ext.display_name,
                    )
                )

    def _check_requested_date(self):
        """The requested date, frozen at submission, still moves the deadline."""
        for ext in self:
            deadline = ext.item_id.deadline
            if deadline and ext.date_requested <= deadline:
                raise UserError(
                    _(
                        "The requested deadline must be after the current "
                        "deadline %(deadline)s.",
                        deadline=deadline,
                    )
                )
            check_date_ahead(ext, "date_requested")

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_submit(self):
        """Submit the request to the leader in charge, before the deadline."""
        today = fields.Date.context_today(self)
        for ext in self:
            ext._check_state("draft")
            item = ext.item_id
            item._check_state(*ACTIVE_STATES)
            if ext.origin == "office":
                ext._check_new_time_limit(today)
                continue
            item._check_is_lead_unit_user()
            if item.deadline and today > item.deadline:
                raise UserError(
                    _(
                        "The deadline of %(item)s (%(deadline)s) has passed: an "
                        "extension must be requested before it.",
                        item=item.display_name,
                        deadline=long_date(self.env, item.deadline),
                    )
                )
            if item.deadline and ext.date_requested <= item.deadline:
                raise UserError(
                    _(
                        "The requested deadline must be after the current "
                        "deadline %(deadline)s.",
                        deadline=long_date(self.env, item.deadline),
                    )
                )
        for ext in self:
            # sudo: the request's state is not writable by units; the checks
            # above have verified the lead unit asks in time.
            ext.sudo().write(
                {"state": "submitted", "deadline_current": ext.item_id.deadline}
            )
            ext.activity_update()
            ext.item_id.message_post(
                body=_(
                    "Extension requested to %(date)s: %(reason)s",
                    date=long_date(self.env, ext.date_requested),
                    reason=ext.reason,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _check_new_time_limit(self, today):
        """The office's new time limit: on an overdue or escalated item, not
        before today (GDUFS 第十条(一))."""
        self.ensure_one()
        item = self.item_id
        item._check_is_officer()
        if not (item.is_overdue or item.date_escalated or item.deadline < today):
            raise UserError(
                _(
                    "The office sets a new time limit only on an overdue or "
                    "escalated item; %(item)s is neither.",
                    item=item.display_name,
                )
            )
        if self.date_requested < today:
            raise UserError(
                _(
                    "The new time limit %(date)s is before today.",
                    date=self.date_requested,
                )
            )

    def action_approve(self):
        """The leader in charge approves: the item's deadline moves."""
        self._check_decision()
        self._check_requested_date()
        for ext in self:
            # sudo: the deadline is the office's field and the decision fields
            # are protected; _check_decision() has checked the decider.
            ext.item_id.sudo().write({"deadline": ext.date_requested})
            ext._do_decide("approved")
        return True

    def action_refuse(self):
        """The leader in charge refuses, saying why: the deadline stays."""
        self._check_decision()
        for ext in self:
            if not (ext.decision_note or "").strip():
                raise UserError(
                    _(
                        "Say why the extension of %(item)s is refused (decision note).",
                        item=ext.item_id.display_name,
                    )
                )
        self._do_decide("refused")
        return True

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    def activity_update(self):
        """The leader in charge's to-do on the item while a request waits
        for their decision; done once it is decided."""
        for ext in self:
            item = ext.item_id
            if ext.state == "submitted":
                item._activity_ensure(
                    "extension", item.leader_in_charge_id, note=ext.reason
                )
            elif ext.state in ("approved", "refused"):
                # sudo: who decides was checked; the to-do may be another
                # user's (the leader's, when the manager decides)
                item.sudo().activity_feedback(
                    ["university_supervision.mail_act_item_extension"]
                )

    def _check_decision(self):
        self._check_state("submitted")
        for ext in self:
            ext.item_id._check_state(*ACTIVE_STATES)
            if not ext.can_decide:
                raise AccessError(
                    _(
                        "Only the leader in charge of %(item)s may decide on its "
                        "extension.",
                        item=ext.item_id.display_name,
                    )
                )

    def _do_decide(self, state):
        for ext in self:
            # sudo: decision fields are protected; see _check_decision().
            ext.sudo().write(
                {
                    "state": state,
                    "decided_by_id": self.env.user.id,
                    "date_decided": fields.Date.context_today(ext),
                }
            )
            ext.activity_update()
            values = {
                "date": long_date(self.env, ext.date_requested),
                "user": self.env.user.name,
                "note": ext.decision_note or "",
            }
            message = (
                _("Extension to %(date)s approved by %(user)s. %(note)s", **values)
                if state == "approved"
                else _("Extension to %(date)s refused by %(user)s. %(note)s", **values)
            )
            ext.item_id.message_post(
                body=message,
                partner_ids=ext.item_id.unit_partner_ids.ids,
                subtype_xmlid="mail.mt_comment",
            )
