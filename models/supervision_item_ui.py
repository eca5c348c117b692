from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

OPEN_STATES = ("assigned", "in_progress", "submitted", "to_close")
DONE_STATES = ("closed", "filed")


# kept apart from the workflow (supervision_item.py) and the daily check
# (supervision_item_deadline.py): what the screens need on items
class SupervisionItem(models.Model):
    """What the web client's dashboards, filters and to-dos need on items."""

    _inherit = "supervision.item"  # pylint: disable=consider-merging-classes-inherited

    assigned_month = fields.Char(
        compute="_compute_months",
        store=True,
        help="Month of the assignment (2026-03), to follow items by month.",
    )
    deadline_month = fields.Char(
        compute="_compute_months",
        store=True,
        help="Month of the current deadline (2026-03), to follow items by month.",
    )
    is_due_this_week = fields.Boolean(
        string="Due This Week",
        compute="_compute_is_due_this_week",
        search="_search_is_due_this_week",
        help="Open and due between Monday and Sunday of the current week.",
    )
    is_closed_this_year = fields.Boolean(
        string="Closed This Year",
        compute="_compute_is_closed_this_year",
        search="_search_is_closed_this_year",
        help="Closed or filed, closed in the current year.",
    )

    @api.depends("date_assigned", "deadline")
    def _compute_months(self):
        for item in self:
            item.assigned_month = (
                item.date_assigned.strftime("%Y-%m") if item.date_assigned else False
            )
            item.deadline_month = (
                item.deadline.strftime("%Y-%m") if item.deadline else False
            )

    def _this_week(self):
        today = fields.Date.context_today(self)
        monday = today - timedelta(days=today.weekday())
        return monday, monday + timedelta(days=6)

    @api.depends_context("tz")
    @api.depends("state", "deadline")
    def _compute_is_due_this_week(self):
        monday, sunday = self._this_week()
        for item in self:
            item.is_due_this_week = bool(
                item.state in OPEN_STATES
                and item.deadline
                and monday <= item.deadline <= sunday
            )

    def _search_is_due_this_week(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Operation not supported"))
        monday, sunday = self._this_week()
        domain = [
            ("state", "in", OPEN_STATES),
            ("deadline", ">=", monday),
            ("deadline", "<=", sunday),
        ]
        if (operator == "=") != value:
            return ["!", "&", "&", *domain]
        return domain

    @api.depends_context("tz")
    @api.depends("state", "date_closed")
    def _compute_is_closed_this_year(self):
        year = fields.Date.context_today(self).year
        for item in self:
            item.is_closed_this_year = bool(
                item.state in DONE_STATES
                and item.date_closed
                and item.date_closed.year == year
            )

    def _search_is_closed_this_year(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Operation not supported"))
        year = fields.Date.context_today(self).year
        domain = [
            ("state", "in", DONE_STATES),
            ("date_closed", ">=", fields.Date.to_date(f"{year}-01-01")),
            ("date_closed", "<=", fields.Date.to_date(f"{year}-12-31")),
        ]
        if (operator == "=") != value:
            return ["!", "&", "&", *domain]
        return domain

    def activity_schedule(
        self, act_type_xmlid="", date_deadline=None, summary="", note="", **act_values
    ):
        """Write the to-do's summary and note in the language of the person
        who gets it, not in the language of the user whose action creates it
        (the activity type's texts are copied onto the activity)."""
        user_id = act_values.get("user_id")
        lang = user_id and self.env["res.users"].browse(user_id).lang
        items = self.with_context(lang=lang) if lang and lang != self.env.lang else self
        return super(SupervisionItem, items).activity_schedule(
            act_type_xmlid=act_type_xmlid,
            date_deadline=date_deadline,
            summary=summary,
            note=note,
            **act_values,
        )
