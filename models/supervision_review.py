from odoo import _, api, fields, models

from .supervision_constants import GROUPS


class SupervisionReview(models.Model):
    """A review or check (审核/核查) of an item's result, GDUFS 第十条(四)."""

    _name = "supervision.review"
    _description = "Supervision Review"
    _order = "date desc, id desc"

    item_id = fields.Many2one(
        "supervision.item",
        required=True,
        index=True,
        ondelete="cascade",
    )
    reviewer_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    method = fields.Selection(
        [
            ("document", "Documents"),
            ("revisit", "Revisit"),
            ("on_site", "On-Site Check"),
        ],
        required=True,
        default="document",
    )
    conclusion = fields.Selection(
        [
            ("passed", "Passed"),
            ("returned", "Returned"),
            ("rectify", "Rectification Ordered"),
        ],
        required=True,
    )
    findings = fields.Html()
    rectification_list = fields.Html()
    rectification_deadline = fields.Date()
    internal_note = fields.Html(
        string="Internal Review Note",
        groups=GROUPS["officer"],
        help="The reviewer's notes for the office; units do not see them.",
    )

    @api.depends_context("lang", "tz")
    @api.depends("item_id.number", "item_id.name", "date")
    def _compute_display_name(self):
        """督字〔2026〕3号 审核 2026-11-20: the item's number (or title) and
        the day of the review."""
        for review in self:
            review.display_name = _(
                "%(item)s review %(date)s",
                item=review.item_id.number or review.item_id.name or "",
                date=review.date or "",
            )
