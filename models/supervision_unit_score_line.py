from odoo import fields, models

from .supervision_constants import ROLES


class SupervisionUnitScoreLine(models.Model):
    """One explained part of a unit's score: which item, which rule, how many
    times and how many points."""

    _name = "supervision.unit.score.line"
    _description = "Supervision Unit Score Line"
    _order = "score_id, item_id, rule_sequence, id"

    score_id = fields.Many2one(
        "supervision.unit.score",
        required=True,
        index=True,
        ondelete="cascade",
    )
    unit_id = fields.Many2one(related="score_id.unit_id", store=True)
    item_id = fields.Many2one(
        "supervision.item",
        required=True,
        index=True,
        ondelete="cascade",
    )
    rule_id = fields.Many2one(
        "supervision.score.rule",
        required=True,
        ondelete="restrict",
    )
    rule_sequence = fields.Integer(related="rule_id.sequence", store=True)
    role = fields.Selection(
        ROLES,
        string="Unit Role",
    )
    count = fields.Integer(required=True)
    points = fields.Float(digits=(6, 1), required=True)
