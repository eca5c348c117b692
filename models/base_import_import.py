import contextlib
import datetime

import psycopg2

from odoo import _, models
from odoo.tools import DEFAULT_SERVER_DATE_FORMAT

from odoo.addons.base_import.models.base_import import ImportValidationError

# models whose imports report every bad row, each message naming its row
ROW_MESSAGE_MODELS = ("supervision.item",)
DATE_ERRORS = "supervision_date_errors"


class BaseImportImport(models.TransientModel):
    """Readable messages when items are registered in bulk from a spreadsheet.

    Odoo's importer stops at the first date it cannot read, with Python's
    own wording, and leaves the row out of the other messages. For supervision
    items every bad date is reported with the other problems of the file,
    and each message starts with the row of the file it comes from; nothing
    is imported while one row is wrong.
    """

    _inherit = "base_import.import"

    def execute_import(self, fields, columns, options, dryrun=False):
        if self.res_model not in ROW_MESSAGE_MODELS:
            return super().execute_import(fields, columns, options, dryrun=dryrun)
        options = dict(options, **{DATE_ERRORS: []})
        savepoint = self.env.cr.savepoint(flush=False)
        result = super().execute_import(fields, columns, options, dryrun=dryrun)
        date_errors = options[DATE_ERRORS]
        if date_errors:
            # the rows with a bad date were imported without it: undo all
            with contextlib.suppress(psycopg2.InternalError):
                savepoint.close(rollback=True)
            self.pool.clear_all_caches()
            self.pool.reset_changes()
            result["ids"] = False
            result["messages"] = sorted(
                date_errors + result.get("messages", []),
                key=lambda message: (message.get("rows") or {}).get("from", -1),
            )
        else:
            with contextlib.suppress(psycopg2.InternalError):
                savepoint.close(rollback=False)
        first_row = (
            (1 if options.get("has_headers") else 0) + options.get("skip", 0) + 1
        )
        messages, seen = [], set()
        for message in result.get("messages", []):
            rows = message.get("rows") or {}
            if "from" in rows:
                # a value not found leaves its field empty: the "missing
                # required value" that follows would only repeat it
                key = (rows["from"], message.get("field"))
                if message.get("field") and key in seen:
                    continue
                seen.add(key)
                message["message"] = _(
                    "Row %(row)s: %(message)s",
                    row=rows["from"] + first_row,
                    message=message["message"],
                )
            messages.append(message)
        result["messages"] = messages
        return result

    def _parse_date_from_data(self, data, index, name, field_type, options):
        """Report every unreadable date instead of stopping at the first one.

        The bad value is emptied so that the rest of the row is still checked;
        :meth:`execute_import` then rolls the whole import back.
        """
        errors = options.get(DATE_ERRORS)
        if errors is None or "/" in name:
            return super()._parse_date_from_data(data, index, name, field_type, options)
        field = self.env[self.res_model]._fields[name]
        label = field.get_description(self.env)["string"]
        date_format = options.get("date_format") or DEFAULT_SERVER_DATE_FORMAT
        example = datetime.date(2026, 3, 15).strftime(date_format)
        for num, line in enumerate(data):
            value = line[index]
            try:
                super()._parse_date_from_data([line], index, name, field_type, options)
            except ImportValidationError:
                line[index] = ""
                errors.append(
                    {
                        "type": "error",
                        "record": False,
                        "field": name,
                        "field_name": label,
                        "rows": {"from": num, "to": num},
                        "message": _(
                            "“%(value)s” is not a valid date for %(field)s: "
                            "write it like %(example)s.",
                            value=value.strip(),
                            field=label,
                            example=example,
                        ),
                    }
                )
