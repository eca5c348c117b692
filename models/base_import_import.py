import datetime

from odoo import models
from odoo.tools import DEFAULT_SERVER_DATE_FORMAT

from odoo.addons.base_import.models.base_import import ImportValidationError

# models whose imports name every unreadable date of a column
READABLE_DATE_MODELS = ("supervision.item",)


class BaseImportImport(models.TransientModel):
    """Readable date errors when items are registered in bulk from a
    spreadsheet.

    Odoo's importer already reports the other problems of a file on their
    column and row, and imports nothing while one row is wrong. Its date
    check, though, stops at the first date it cannot read, counts lines from
    the first data row and shows Python's own wording (``day is out of range
    for month``). For supervision items every unreadable date of the column
    is named with its row (counted as the import dialog counts them, from
    the first data row), and the message shows how to write a date.
    """

    _inherit = "base_import.import"

    def _parse_date_from_data(self, data, index, name, field_type, options):
        if self.res_model not in READABLE_DATE_MODELS or "/" in name:
            return super()._parse_date_from_data(data, index, name, field_type, options)
        invalid = []
        for num, line in enumerate(data):
            try:
                super()._parse_date_from_data([line], index, name, field_type, options)
            except ImportValidationError:
                invalid.append(
                    self.env._(
                        "“%(value)s” (row %(row)s)",
                        value=line[index].strip(),
                        row=num + 1,
                    )
                )
        if invalid:
            date_format = options.get("date_format") or DEFAULT_SERVER_DATE_FORMAT
            raise ImportValidationError(
                self.env._(
                    "%(field)s: these values are not dates: %(values)s. "
                    "Write a date like %(example)s.",
                    field=self.env[self.res_model]
                    ._fields[name]
                    .get_description(self.env)["string"],
                    values=", ".join(invalid),
                    example=datetime.date(2026, 3, 15).strftime(date_format),
                ),
                field=name,
                field_type=field_type,
            )
        return data
