from odoo import api, fields, models


class SupervisionItem(models.Model):
    """Figures of an item for the Dashboards app (督办工作看板).

    ``on_time_score`` is 100 for an item closed by its deadline and 0 for one
    closed after it, so that its average over closed items is the on-time
    rate in percent (按期办结率, NWU 第九条, GDUFS 第十一条). Items not closed
    yet score 0: average it over closed items only.
    """

    _inherit = "supervision.item"

    on_time_score = fields.Integer(
        string="On-Time Rate (%)",
        compute="_compute_on_time_score",
        store=True,
        aggregator="avg",
        help="100 when the item was closed by its deadline, 0 otherwise; its "
        "average over closed items is the on-time rate.",
    )

    @api.depends("state", "date_closed", "deadline")
    def _compute_on_time_score(self):
        for item in self:
            on_time = (
                item.state in ("closed", "filed")
                and item.date_closed
                and item.deadline
                and item.date_closed <= item.deadline
            )
            item.on_time_score = 100 if on_time else 0
