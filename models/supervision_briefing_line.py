from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .supervision_constants import LEVELS, ROLES


class SupervisionBriefingLine(models.Model):
    """Figures of one unit, item level and role in a briefing: a snapshot
    taken when the briefing is generated."""

    _name = "supervision.briefing.line"
    _description = "Supervision Briefing Figures"
    _order = "briefing_id, unit_sequence, unit_id, role desc, level"

    briefing_id = fields.Many2one(
        "supervision.briefing",
        required=True,
        index=True,
        ondelete="cascade",
    )
    unit_id = fields.Many2one("supervision.unit", required=True, ondelete="cascade")
    unit_sequence = fields.Integer(related="unit_id.sequence", store=True)
    role = fields.Selection(
        ROLES,
        required=True,
    )
    level = fields.Selection(
        LEVELS,
        required=True,
    )
    item_count = fields.Integer(string="Items")
    closed_count = fields.Integer(string="Closed")
    on_time_count = fields.Integer(string="Closed on Time")
    on_time_original_count = fields.Integer(string="Closed by Original Deadline")
    overdue_count = fields.Integer(string="Overdue")
    extension_count = fields.Integer(string="Extensions")
    return_count = fields.Integer(string="Returns")
    urge_count = fields.Integer(string="Urges")
    interview_count = fields.Integer(string="Interviews")
    on_time_rate = fields.Float(
        string="On-Time Rate (%)",
        digits=(5, 1),
        aggregator="avg",
    )

    # ------------------------------------------------------------------
    # Published figures are read-only
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_briefing_draft()
        return lines

    def write(self, vals):
        self._check_briefing_draft()
        res = super().write(vals)
        if "briefing_id" in vals:
            self._check_briefing_draft()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_published(self):
        self._check_briefing_draft()

    def _check_briefing_draft(self):
        if self.env.su:
            return
        if any(line.briefing_id.state == "published" for line in self):
            raise UserError(_("The figures of a published briefing are read-only."))
