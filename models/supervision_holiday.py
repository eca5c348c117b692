from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .supervision_settings import get_setting


def add_days(env, start, days):
    """``start`` plus ``days`` days of the supervision's calendar: calendar
    days, or in ``working`` day mode working days (weekends and holidays
    skipped, makeup workdays counted)."""
    if days <= 0 or get_setting(env, "day_mode") != "working":
        return start + timedelta(days=days)
    # sudo: the holiday list is configuration, read by every workflow step
    holidays = (
        env["supervision.holiday"]
        .sudo()
        .search_read(
            [
                ("date", ">", start),
                ("date", "<=", start + timedelta(days=days * 3 + 30)),
            ],
            ["date", "kind"],
        )
    )
    kinds = {holiday["date"]: holiday["kind"] for holiday in holidays}
    day, left = start, days
    while left:
        day += timedelta(days=1)
        kind = kinds.get(day)
        if kind == "workday" or (kind != "holiday" and day.weekday() < 5):
            left -= 1
    return day


class SupervisionHoliday(models.Model):
    """Holidays (法定节假日) and makeup workdays (调休上班日): in ``working`` day
    mode the acknowledgement period and the reminder days skip weekends and
    holidays and count makeup workdays."""

    _name = "supervision.holiday"
    _description = "Supervision Holiday or Makeup Workday"
    _order = "date"

    date = fields.Date(required=True, index=True)
    kind = fields.Selection(
        [("holiday", "Holiday"), ("workday", "Makeup Workday")],
        required=True,
        default="holiday",
    )
    name = fields.Char(required=True)

    _sql_constraints = [
        ("date_unique", "UNIQUE(date)", "A day is listed only once."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        self._check_unique_days([vals.get("date") for vals in vals_list])
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("date"):
            self._check_unique_days([vals["date"]] * len(self), exclude=self)
        return super().write(vals)

    def _check_unique_days(self, days, exclude=None):
        """Refuse a list naming a day twice, or a day already listed, with a
        clear message before the unique index refuses it in general terms."""
        days = [fields.Date.to_date(day) for day in days if day]
        seen = set()
        repeated = {day for day in days if day in seen or seen.add(day)}
        domain = [("date", "in", days)]
        if exclude:
            domain.append(("id", "not in", exclude.ids))
        repeated |= set(self.search(domain).mapped("date"))
        if repeated:
            raise ValidationError(
                _(
                    "%(dates)s listed more than once among the holidays and "
                    "makeup workdays.",
                    dates=", ".join(sorted(fields.Date.to_string(d) for d in repeated)),
                )
            )
