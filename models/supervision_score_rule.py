from odoo import fields, models

from .supervision_constants import LEVELS, ROLES

# condition of a rule -> measure of supervision.assessment.report it counts
CONDITION_MEASURES = {
    "closed_on_time": "on_time_count",
    "closed_on_time_original": "on_time_original_count",
    "closed": "closed_count",
    "overdue": "overdue_count",
    "extension": "extension_count",
    "return": "return_count",
    "urge": "urge_count",
    "interview": "interview_count",
}


class SupervisionScoreRule(models.Model):
    """A scoring rule of the unit assessment (NWU 第九条, GDUFS 第十一条).

    A rule gives ``points`` for each time its ``condition`` is met on an
    item's assessment row, for the unit's ``role`` and the item's ``level``
    it names (empty: any). E.g. +2 per item led and closed on time, −5 per
    item overdue, −3 per interview. Several rules may apply to the same row
    (a key-item bonus on top of the general rule).
    """

    _name = "supervision.score.rule"
    _description = "Supervision Score Rule"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        string="Rule Code", help="Short code of the rule, e.g. LEAD_ON_TIME."
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    condition = fields.Selection(
        [
            ("closed_on_time", "Closed on Time"),
            ("closed_on_time_original", "Closed by the Original Deadline"),
            ("closed", "Closed"),
            ("overdue", "Overdue"),
            ("extension", "Extension Approved"),
            ("return", "Returned for Rectification"),
            ("urge", "Urged"),
            ("interview", "Interviewed"),
        ],
        required=True,
    )
    role = fields.Selection(
        ROLES,
        string="Unit Role",
        help="Apply only to the lead unit or to assisting units; empty: both.",
    )
    level = fields.Selection(
        LEVELS,
        help="Apply only to items of this level; empty: all items.",
    )
    points = fields.Float(
        required=True,
        digits=(6, 1),
        help="Points per occurrence; negative for a deduction.",
    )
    description = fields.Text()

    def _applies_to(self, row):
        """Whether the rule applies to an assessment row (role and level)."""
        self.ensure_one()
        return (not self.role or self.role == row.role) and (
            not self.level or self.level == row.level
        )

    def _count(self, row):
        """How many times the rule's condition is met on ``row``."""
        self.ensure_one()
        return row[CONDITION_MEASURES[self.condition]] if self._applies_to(row) else 0
