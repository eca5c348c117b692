from odoo import _, api, fields, models
from odoo.exceptions import UserError

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

    # ------------------------------------------------------------------
    # Confirmed scores are read-only
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_score_draft()
        return lines

    def write(self, vals):
        self._check_score_draft()
        res = super().write(vals)
        if "score_id" in vals:
            self._check_score_draft()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_confirmed(self):
        self._check_score_draft()

    def _check_score_draft(self):
        if self.env.su:
            return
        if any(line.score_id.state == "confirmed" for line in self):
            raise UserError(_("The lines of a confirmed score are read-only."))
