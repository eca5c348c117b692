from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date


class SupervisionUnitScore(models.Model):
    """A unit's assessment score for a period (NWU 第九条, GDUFS 第十一条).

    The score is the sum of its lines; each line says which item, which rule
    and how many points. :meth:`_compute_scores` rebuilds the lines of every
    unit for a period from the assessment rows of the items assigned in it
    (all items, confidential ones included: the office computes the official
    score). A confirmed score is final and no longer recomputed.

    Who sees what: the office computes, confirms and sees every score;
    school leaders read every score; a unit reads its own confirmed scores.
    """

    _name = "supervision.unit.score"
    _description = "Supervision Unit Score"
    _inherit = ["mail.thread", "supervision.workflow.mixin"]
    _order = "date_from desc, total desc, unit_id"

    name = fields.Char(compute="_compute_name", store=True)
    unit_id = fields.Many2one(
        "supervision.unit",
        required=True,
        index=True,
        ondelete="cascade",
    )
    date_from = fields.Date(required=True)
    date_to = fields.Date(required=True)
    year = fields.Integer(compute="_compute_year", store=True, aggregator=None)
    line_ids = fields.One2many(
        "supervision.unit.score.line", "score_id", string="Score Lines"
    )
    total = fields.Float(
        compute="_compute_total",
        store=True,
        digits=(6, 1),
        tracking=True,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed")],
        required=True,
        default="draft",
        tracking=True,
    )
    date_computed = fields.Datetime(string="Computed On", readonly=True)

    _sql_constraints = [
        (
            "unit_period_unique",
            "UNIQUE(unit_id, date_from, date_to)",
            "A unit has one score per period.",
        ),
        (
            "period_order",
            "CHECK(date_from <= date_to)",
            "The period must end after it starts.",
        ),
    ]

    @api.depends("unit_id", "date_from", "date_to")
    def _compute_name(self):
        for score in self:
            score.name = _(
                "%(unit)s, %(date_from)s - %(date_to)s",
                unit=score.unit_id.name or "",
                date_from=format_date(self.env, score.date_from),
                date_to=format_date(self.env, score.date_to),
            )

    @api.depends("date_from")
    def _compute_year(self):
        for score in self:
            score.year = score.date_from.year if score.date_from else 0

    @api.depends("line_ids.points")
    def _compute_total(self):
        for score in self:
            score.total = sum(score.line_ids.mapped("points"))

    # ------------------------------------------------------------------
    # Confirmed scores are read-only
    # ------------------------------------------------------------------

    def write(self, vals):
        changed = {
            f
            for f in vals
            if f != "state" and not f.startswith(("message_", "activity_"))
        }
        if not self.env.su and changed and any(s.state == "confirmed" for s in self):
            raise UserError(_("A confirmed score is read-only."))
        return super().write(vals)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_recompute(self):
        """Rebuild the lines of these (draft) scores from the current figures."""
        self._check_is_officer()
        self._check_draft()
        for (date_from, date_to), scores in self.grouped(
            lambda s: (s.date_from, s.date_to)
        ).items():
            self._compute_scores(date_from, date_to, units=scores.unit_id)
        return True

    def action_confirm(self):
        """Make the scores final (e.g. once the year-end assessment is adopted)."""
        self._check_is_officer()
        self._check_draft()
        self.write({"state": "confirmed"})
        return True

    def action_reset_to_draft(self):
        self._check_is_officer()
        self.write({"state": "draft"})
        return True

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    def _check_draft(self):
        for score in self:
            if score.state != "draft":
                raise UserError(
                    _(
                        "The score %(score)s is confirmed: reset it to draft "
                        "before computing it again.",
                        score=score.name,
                    )
                )

    @api.model
    def _compute_scores(self, date_from, date_to, units=None):
        """(Re)build the scores of every unit (or of ``units``) for the
        items assigned from ``date_from`` to ``date_to``.

        Set-based: one read of the assessment rows, one ``create`` of the
        lines. Confirmed scores are left as they are. Returns the scores.
        """
        if not self.env.su:
            self._check_is_officer()
        domain = [("date", ">=", date_from), ("date", "<=", date_to)]
        if units is not None:
            domain.append(("unit_id", "in", units.ids))
        # sudo: the official score counts every item, confidential ones too;
        # who may read the lines is decided by their own rules.
        rows = self.env["supervision.assessment.report"].sudo().search(domain)
        rules = self.env["supervision.score.rule"].sudo().search([])
        scores = self.sudo().search(
            [("date_from", "=", date_from), ("date_to", "=", date_to)]
            + ([("unit_id", "in", units.ids)] if units is not None else [])
        )
        by_unit = {score.unit_id: score for score in scores}
        missing = (rows.unit_id | (units or rows.unit_id)) - scores.unit_id
        # sudo: scores are created by this computation only (the office
        # checked above); units and leaders get read access by the rules.
        new_scores = self.sudo().create(
            [
                {"unit_id": unit.id, "date_from": date_from, "date_to": date_to}
                for unit in missing
            ]
        )
        by_unit.update({score.unit_id: score for score in new_scores})
        todo = (scores | new_scores).filtered(lambda s: s.state == "draft")
        todo.line_ids.unlink()
        line_vals = []
        for row in rows:
            score = by_unit[row.unit_id]
            if score.state != "draft":
                continue
            for rule in rules:
                count = rule._count(row)
                if count:
                    line_vals.append(
                        {
                            "score_id": score.id,
                            "item_id": row.item_id.id,
                            "rule_id": rule.id,
                            "role": row.role,
                            "count": count,
                            "points": count * rule.points,
                        }
                    )
        # sudo: lines are written by this computation only; each line's
        # visibility (confidential items) is decided by its own rules.
        self.env["supervision.unit.score.line"].sudo().create(line_vals)
        todo.write({"date_computed": fields.Datetime.now()})
        return (scores | new_scores).with_env(self.env)
