from datetime import date, timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_date

from .supervision_assessment_report import MEASURES
from .supervision_constants import ASSIGNED_STATES, GROUPS, has_role
from .supervision_settings import supervision_today

PERIOD_TYPES = [
    ("bimonthly", "Bimonthly"),
    ("year_end", "Year End"),
    ("custom", "Custom Period"),
]


class SupervisionBriefing(models.Model):
    """A supervision briefing (督办简报): the office's report every two months
    (NWU 第六条(四)) and at year end, published to the school leaders
    (GDUFS 第八条(四)), praising and naming units (GDUFS 第十二条).

    Who does what::

        Action              Group                 State
        ==========================================================
        Generate            office                draft
        Publish             office                draft (locks it)
        Reset to draft      administrator         published
        ==========================================================

    What a generated briefing holds:

    - figures per unit, item level and role (a snapshot of the assessment
      rows) for the items assigned in the year up to the end of the period
      (from ``date_from`` for a custom period);
    - the items closed, found overdue and escalated during the period
      (confidential items are never listed, NWU 第八条);
    - suggested units to praise (closed items, all on time, none overdue,
      no interview) and to name (overdue items or interviews), editable;
    - for a year-end briefing, the units' scores of the year are recomputed.
    """

    _name = "supervision.briefing"
    _description = "Supervision Briefing"
    _inherit = ["mail.thread", "mail.activity.mixin", "supervision.workflow.mixin"]
    _order = "date_to desc, id desc"

    name = fields.Char(string="Briefing Title", required=True, tracking=True)
    number = fields.Char(
        readonly=True,
        copy=False,
        help="Issue number given at publication, e.g. 2026年第3期.",
    )
    period_type = fields.Selection(
        PERIOD_TYPES,
        string="Period",
        required=True,
        default="custom",
    )
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    state = fields.Selection(
        [("draft", "Draft"), ("published", "Published")],
        required=True,
        default="draft",
        copy=False,
        tracking=True,
    )
    line_ids = fields.One2many(
        "supervision.briefing.line", "briefing_id", string="Figures", copy=False
    )
    closed_item_ids = fields.Many2many(
        "supervision.item",
        "supervision_briefing_closed_item_rel",
        "briefing_id",
        "item_id",
        string="Items Closed",
        copy=False,
    )
    overdue_item_ids = fields.Many2many(
        "supervision.item",
        "supervision_briefing_overdue_item_rel",
        "briefing_id",
        "item_id",
        string="Items Overdue",
        copy=False,
    )
    escalated_item_ids = fields.Many2many(
        "supervision.item",
        "supervision_briefing_escalated_item_rel",
        "briefing_id",
        "item_id",
        string="Items Escalated",
        copy=False,
    )
    praised_unit_ids = fields.Many2many(
        "supervision.unit",
        "supervision_briefing_praised_unit_rel",
        "briefing_id",
        "unit_id",
        string="Units Praised",
        help="Units praised for their supervised work in the period; suggested when "
        "the briefing is generated.",
    )
    named_unit_ids = fields.Many2many(
        "supervision.unit",
        "supervision_briefing_named_unit_rel",
        "briefing_id",
        "unit_id",
        string="Units Named",
        help="Units named for overdue items or interviews in the period; "
        "suggested when the briefing is generated.",
    )
    narrative = fields.Html()
    date_generated = fields.Datetime(string="Generated On", readonly=True, copy=False)
    date_published = fields.Date(string="Published On", readonly=True, copy=False)
    published_by_id = fields.Many2one("res.users", readonly=True, copy=False)

    _sql_constraints = [
        (
            "period_order",
            "CHECK(date_from <= date_to)",
            "The period must end after it starts.",
        ),
    ]

    # ------------------------------------------------------------------
    # ORM overrides
    # ------------------------------------------------------------------

    def write(self, vals):
        if not self.env.su:
            self.check_access("write")
            if "state" in vals or "number" in vals:
                raise UserError(_("A briefing is published only through its button."))
            content = {
                fname
                for fname in vals
                if not fname.startswith(("message_", "activity_"))
            }
            if content and any(b.state == "published" for b in self):
                raise UserError(_("A published briefing can no longer be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_published(self):
        if any(b.state == "published" for b in self):
            raise UserError(_("A published briefing cannot be deleted."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_generate(self):
        """(Re)compute the figures, lists and suggestions of draft briefings."""
        self._check_is_officer()
        self._check_draft()
        self._do_generate()
        return True

    def action_publish(self):
        """Publish: the briefing gets its issue number, is locked and the
        school leaders are notified."""
        self._check_is_officer()
        self._check_draft()
        for briefing in self:
            if not briefing.date_generated:
                raise UserError(
                    _(
                        "Generate the figures of %(briefing)s before publishing it.",
                        briefing=briefing.name,
                    )
                )
        self._do_publish()
        return True

    def action_reset_to_draft(self):
        """The administrator reopens a published briefing to correct it."""
        if not has_role(self.env, "manager"):
            raise AccessError(
                _("Only the supervision administrator may reopen a briefing.")
            )
        # sudo: the state changes through the actions only
        self.sudo().write({"state": "draft"})
        return True

    # ------------------------------------------------------------------
    # Cron
    # ------------------------------------------------------------------

    @api.model
    def _cron_generate_briefings(self):
        """Draft the briefing of the two months just ended (Jan-Feb,
        Mar-Apr...), and in January-February the previous year's year-end
        briefing. Idempotent: a period already drafted is left alone."""
        today = supervision_today(self.env)
        briefings = self.browse()
        for period_type, date_from, date_to in self._due_periods(today):
            if self.search_count(
                [
                    ("period_type", "=", period_type),
                    ("date_from", "=", date_from),
                    ("date_to", "=", date_to),
                ],
                limit=1,
            ):
                continue
            briefing = self.create(
                {
                    "name": self._default_name(period_type, date_from, date_to),
                    "period_type": period_type,
                    "date_from": date_from,
                    "date_to": date_to,
                }
            )
            briefing._do_generate()
            briefings |= briefing
        return briefings

    @api.model
    def _due_periods(self, today):
        """[(period_type, date_from, date_to)] ended before ``today``."""
        current_start = date(today.year, (today.month - 1) // 2 * 2 + 1, 1)
        previous_end = current_start - timedelta(days=1)
        previous_start = date(previous_end.year, previous_end.month - 1, 1)
        periods = [("bimonthly", previous_start, previous_end)]
        if today.month <= 2:
            periods.append(
                ("year_end", date(today.year - 1, 1, 1), date(today.year - 1, 12, 31))
            )
        return periods

    @api.model
    def _default_name(self, period_type, date_from, date_to):
        if period_type == "year_end":
            return _("Supervision Briefing, Year %(year)s", year=date_from.year)
        return _(
            "Supervision Briefing, %(date_from)s to %(date_to)s",
            date_from=format_date(self.env, date_from),
            date_to=format_date(self.env, date_to),
        )

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    def _check_draft(self):
        for briefing in self:
            if briefing.state != "draft":
                raise UserError(
                    _(
                        "Briefing %(briefing)s is published; it can no longer "
                        "be changed.",
                        briefing=briefing.name,
                    )
                )

    def _figures_date_from(self):
        """Figures cover the year up to the end of the period, except for a
        custom period, which covers exactly its dates."""
        self.ensure_one()
        if self.period_type == "custom":
            return self.date_from
        return date(self.date_to.year, 1, 1)

    def _do_generate(self):
        # sudo: the figures count every item, like the official scores; the
        # lists below leave the confidential items out.
        Report = self.env["supervision.assessment.report"].sudo()
        Item = self.env["supervision.item"].sudo()
        for briefing in self:
            figure_domain = [
                ("date", ">=", briefing._figures_date_from()),
                ("date", "<=", briefing.date_to),
            ]
            figures = Report._figures(figure_domain, ["unit_id", "level", "role"])
            lines = [
                {
                    "unit_id": row["unit_id"].id,
                    "level": row["level"],
                    "role": row["role"],
                    **{fname: row[fname] for fname in MEASURES},
                    "on_time_rate": row["on_time_rate"] or 0.0,
                }
                for row in figures
            ]
            praised, named = briefing._suggest_units(
                Report._figures(figure_domain + [("role", "=", "lead")], ["unit_id"])
            )
            in_period = [
                ("is_confidential", "=", False),
                ("state", "!=", "cancelled"),
            ]
            closed = Item.search(
                in_period
                + [
                    ("state", "in", ("closed", "filed")),
                    ("date_closed", ">=", briefing.date_from),
                    ("date_closed", "<=", briefing.date_to),
                ]
            )
            overdue = closed.filtered(
                lambda i: i.deadline and i.date_closed > i.deadline
            ) | Item.search(
                in_period
                + [("state", "in", ASSIGNED_STATES), ("is_overdue", "=", True)]
            )
            escalated = Item.search(
                in_period
                + [
                    ("date_escalated", ">=", briefing.date_from),
                    ("date_escalated", "<=", briefing.date_to),
                ]
            )
            briefing.write(
                {
                    "line_ids": [(5, 0, 0)] + [(0, 0, vals) for vals in lines],
                    "closed_item_ids": [(6, 0, closed.ids)],
                    "overdue_item_ids": [(6, 0, overdue.ids)],
                    "escalated_item_ids": [(6, 0, escalated.ids)],
                    "praised_unit_ids": [(6, 0, praised.ids)],
                    "named_unit_ids": [(6, 0, named.ids)],
                    "date_generated": fields.Datetime.now(),
                }
            )
            if briefing.period_type == "year_end":
                self.env["supervision.unit.score"]._compute_scores(
                    briefing.date_from, briefing.date_to
                )

    def _suggest_units(self, lead_figures):
        """Units to praise and to name from their figures as lead unit."""
        Unit = self.env["supervision.unit"]
        praised = Unit.browse()
        named = Unit.browse()
        for row in lead_figures:
            if row["overdue_count"] or row["interview_count"]:
                named |= row["unit_id"]
            elif row["closed_count"] and row["on_time_count"] == row["closed_count"]:
                praised |= row["unit_id"]
        return praised, named

    def _do_publish(self):
        # sudo: the group's members are read only to notify them; the
        # office may not read res.groups' users itself.
        leaders = self.env.ref(GROUPS["leader"]).sudo().users.filtered("active")
        for briefing in self:
            # sudo: the number and the state are written by the actions only;
            # sequences are configuration.
            briefing.sudo().write(
                {
                    "state": "published",
                    # sudo: drawing a number writes the sequence
                    "number": self.env["ir.sequence"]
                    .sudo()
                    .next_by_code(
                        "supervision.briefing", sequence_date=briefing.date_to
                    ),
                    "date_published": fields.Date.context_today(briefing),
                    "published_by_id": self.env.user.id,
                }
            )
            briefing.message_post(
                body=_(
                    "Briefing %(number)s published: %(name)s",
                    number=briefing.number,
                    name=briefing.name,
                ),
                partner_ids=leaders.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
