from odoo import api, fields, models, tools
from odoo.tools import SQL

from .supervision_constants import LEVELS, ROLES, STATES
from .supervision_item import SOURCE_TYPES

# An item counts once it is assigned, and until it is cancelled (a rolled-over
# item counts in the year of its new record).
ASSESSMENT_QUERY = """
    WITH item_unit AS (
        SELECT item.id AS item_id, item.lead_unit_id AS unit_id, 'lead' AS role
          FROM supervision_item item
        UNION ALL
        SELECT rel.item_id, rel.unit_id, 'assist' AS role
          FROM supervision_item_assist_unit_rel rel
    ), figures AS (
        SELECT iu.item_id,
               iu.unit_id,
               iu.role,
               item.date_assigned AS date,
               EXTRACT(YEAR FROM item.date_assigned)::integer AS year,
               item.level,
               item.source_type AS source,
               item.state,
               item.leader_in_charge_id,
               COALESCE(item.is_confidential, FALSE) AS is_confidential,
               item.state IN ('closed', 'filed') AS is_closed,
               item.date_closed <= item.deadline AS by_deadline,
               item.date_closed <= item.deadline_original AS by_original,
               COALESCE(item.is_overdue, FALSE) AS flagged_overdue,
               CASE WHEN iu.role = 'lead' THEN (
                   SELECT COUNT(*) FROM supervision_extension ext
                    WHERE ext.item_id = item.id AND ext.state = 'approved'
               ) ELSE 0 END AS extension_count,
               CASE WHEN iu.role = 'lead' THEN (
                   SELECT COUNT(*) FROM supervision_review review
                    WHERE review.item_id = item.id
                      AND review.conclusion IN ('returned', 'rectify')
               ) ELSE 0 END AS return_count,
               (
                   SELECT COUNT(*) FROM supervision_urge urge
                    WHERE urge.item_id = item.id
                      AND (urge.unit_id = iu.unit_id
                           OR (urge.unit_id IS NULL AND iu.role = 'lead'))
               ) AS urge_count,
               (
                   SELECT COUNT(*)
                     FROM supervision_interview interview
                     JOIN supervision_interview_item_rel irel
                       ON irel.interview_id = interview.id
                    WHERE irel.item_id = item.id
                      AND interview.unit_id = iu.unit_id
                      AND interview.state != 'draft'
               ) AS interview_count
          FROM item_unit iu
          JOIN supervision_item item ON item.id = iu.item_id
         WHERE item.date_assigned IS NOT NULL
           AND item.state != 'cancelled'
    )
    SELECT ROW_NUMBER() OVER (ORDER BY item_id, role DESC, unit_id) AS id,
           item_id,
           unit_id,
           role,
           date,
           year,
           level,
           source,
           state,
           leader_in_charge_id,
           is_confidential,
           1 AS item_count,
           is_closed::integer AS closed_count,
           (is_closed AND COALESCE(by_deadline, FALSE))::integer AS on_time_count,
           (is_closed AND COALESCE(by_original, FALSE))::integer
               AS on_time_original_count,
           ((is_closed AND NOT COALESCE(by_deadline, TRUE))
               OR (NOT is_closed AND flagged_overdue))::integer AS overdue_count,
           extension_count::integer AS extension_count,
           return_count::integer AS return_count,
           urge_count::integer AS urge_count,
           interview_count::integer AS interview_count,
           CASE WHEN is_closed
                THEN CASE WHEN COALESCE(by_deadline, FALSE) THEN 100.0 ELSE 0.0 END
           END AS on_time_rate
      FROM figures
"""

# measures of a row, in the order of DESIGN.md
MEASURES = (
    "item_count",
    "closed_count",
    "on_time_count",
    "on_time_original_count",
    "overdue_count",
    "extension_count",
    "return_count",
    "urge_count",
    "interview_count",
)


class SupervisionAssessmentReport(models.Model):
    """Figures for the annual assessment of units (NWU 第九条, GDUFS 第十一条).

    One row per item and unit: the lead unit's row (``role`` = ``lead``) and
    one row per assisting unit (``assist``); grouped by unit, year and role
    they give the assessment table of DESIGN.md. Definitions:

    - an item counts from its assignment (``date``/``year`` are those of
      ``date_assigned``) unless it is cancelled;
    - *closed*: the item is closed or filed; *on time*: closed
      (``date_closed``, the day the office or the leader in charge accepted
      the result) on or before the current ``deadline``; *on time against the
      original deadline*: the same against ``deadline_original``, so an
      extended item can be on time but late against its original deadline;
    - *overdue*: closed after its deadline, or still open and flagged overdue
      by the daily check (``is_overdue``);
    - extensions (approved) and returns (reviews returned or ordering
      rectification) are the lead unit's; urges and interviews count for the
      unit they were addressed to (an urge to no unit counts for the lead);
      interviews only once notified (the daily check's proposals are drafts);
    - ``on_time_rate`` is 100 or 0 on closed rows and empty otherwise, so its
      average over a group is on-time closures / closures × 100.

    The rows follow the item's access rules (see
    ``security/supervision_assessment_report_security.xml``): confidential
    items count only for the users who may see them.
    """

    _name = "supervision.assessment.report"
    _description = "Supervision Assessment Report"
    _auto = False
    _order = "year desc, unit_id, role desc"
    _rec_name = "item_id"

    item_id = fields.Many2one("supervision.item", readonly=True)
    unit_id = fields.Many2one("supervision.unit", readonly=True)
    role = fields.Selection(
        ROLES,
        readonly=True,
    )
    date = fields.Date(string="Assigned On", readonly=True)
    year = fields.Integer(readonly=True, aggregator=None)
    level = fields.Selection(
        LEVELS,
        readonly=True,
    )
    source = fields.Selection(SOURCE_TYPES, readonly=True)
    state = fields.Selection(
        STATES,
        string="Item Status",
        readonly=True,
    )
    leader_in_charge_id = fields.Many2one(
        "res.users", string="Leader in Charge", readonly=True
    )
    is_confidential = fields.Boolean(string="Confidential", readonly=True)
    item_count = fields.Integer(string="Items", readonly=True)
    closed_count = fields.Integer(string="Closed", readonly=True)
    on_time_count = fields.Integer(
        string="Closed on Time",
        readonly=True,
        help="Closed by the current deadline.",
    )
    on_time_original_count = fields.Integer(
        string="Closed by Original Deadline",
        readonly=True,
        help="Closed by the deadline set at assignment, before any extension.",
    )
    overdue_count = fields.Integer(string="Overdue", readonly=True)
    extension_count = fields.Integer(string="Extensions", readonly=True)
    return_count = fields.Integer(string="Returns", readonly=True)
    urge_count = fields.Integer(string="Urges", readonly=True)
    interview_count = fields.Integer(string="Interviews", readonly=True)
    on_time_rate = fields.Float(
        string="On-Time Rate (%)",
        readonly=True,
        aggregator="avg",
        digits=(5, 1),
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                SQL(ASSESSMENT_QUERY),
            )
        )

    @api.model
    def _read_group_orderby(self, order, groupby_terms, query):
        """Lead units before assisting ones when grouping by role (主办 before
        协办), not the alphabetical order of the stored values."""
        if not order and "role" in groupby_terms:
            order = ",".join(
                f"{term} desc" if term == "role" else term for term in groupby_terms
            )
        return super()._read_group_orderby(order, groupby_terms, query)

    @api.model
    def _figures(self, domain, groupby):
        """Sums of the measures (and the on-time rate) per ``groupby``, as
        dicts keyed by field name, read with the current user's rights."""
        aggregates = [f"{fname}:sum" for fname in MEASURES] + ["on_time_rate:avg"]
        result = []
        for row in self._read_group(domain, groupby, aggregates):
            values = dict(zip(groupby, row[: len(groupby)], strict=True))
            values.update(
                zip(
                    list(MEASURES) + ["on_time_rate"],
                    row[len(groupby) :],
                    strict=True,
                )
            )
            result.append(values)
        return result
