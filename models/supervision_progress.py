from odoo import api, fields, models


class SupervisionProgress(models.Model):
    """A progress report (进展反馈) of a unit on an item.

    GDUFS 第九条(二): the lead unit acknowledges within 7 days and reports on
    its committed date; NWU 第八条(三): a special report (专项报告) for an
    item that objectively cannot be completed.
    """

    _name = "supervision.progress"
    _description = "Supervision Progress Report"
    _order = "date desc, id desc"

    item_id = fields.Many2one(
        "supervision.item",
        string="Item",
        required=True,
        index=True,
        ondelete="cascade",
    )
    unit_id = fields.Many2one(
        "supervision.unit",
        string="Unit",
        required=True,
        ondelete="restrict",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Author",
        required=True,
        default=lambda self: self.env.user,
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    kind = fields.Selection(
        [
            ("acknowledgement", "Acknowledgement"),
            ("progress", "Progress"),
            ("result", "Result"),
            ("special_report", "Special Report"),
            ("rectification", "Rectification"),
        ],
        required=True,
        default="progress",
    )
    description = fields.Html(required=True)
    percent = fields.Integer(string="Progress (%)")
    attachment_ids = fields.Many2many("ir.attachment", string="Attachments")

    _sql_constraints = [
        (
            "percent_range",
            "CHECK(percent >= 0 AND percent <= 100)",
            "The progress must be between 0 and 100%.",
        ),
    ]

    @api.depends("item_id", "kind", "date")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for report in self:
            report.display_name = f"{report.item_id.display_name} - {kinds.get(report.kind, '')}"
