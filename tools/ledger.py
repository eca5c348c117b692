"""The ledger of items (督办事项台账, GDUFS 第八条(三)).

:data:`LEDGER_COLUMNS` is the one list of its columns: the Excel workbook
(:func:`ledger_xlsx`, downloaded from the controller), the printed ledger
(report/) and the saved template of the export dialog
(data/ir_exports_data.xml) all take it from here. Each column is a field of
``supervision.item`` and is headed with the field's label, as in the export
dialog; values are read in the language of the items' environment.
"""

import datetime
import io

import xlsxwriter
from werkzeug.urls import url_encode

from odoo import fields
from odoo.exceptions import AccessError

from ..models.supervision_constants import ACTIVE_STATES, has_role

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LEDGER_ROUTE = "/university_supervision/ledger.xlsx"

# (field of supervision.item, width of its column in the workbook)
LEDGER_COLUMNS = (
    ("number", 22),
    ("name", 40),
    ("level", 14),
    ("source_type", 22),
    ("lead_unit_id", 22),
    ("assist_unit_ids", 30),
    ("leader_in_charge_id", 16),
    ("date_assigned", 14),
    ("deadline_original", 14),
    ("deadline", 14),
    ("date_closed", 14),
    ("state", 16),
    ("warning_light", 10),
)
LEDGER_FIELDS = tuple(fname for fname, _width in LEDGER_COLUMNS)

# the light says something only while the units are handling the item
LIGHT_STATES = ACTIVE_STATES


def check_ledger_access(env):
    """Only the supervision office and the school leaders export the ledger.

    :raise AccessError: for any other user
    """
    if not (has_role(env, "officer") or has_role(env, "leader")):
        raise AccessError(
            env._(
                "Only the supervision office and the school leaders export the ledger."
            )
        )


def ledger_url(items):
    """The address of the controller that streams the ledger of ``items``."""
    return f"{LEDGER_ROUTE}?{url_encode({'ids': ','.join(map(str, items.ids))})}"


def ledger_headers(items):
    """The label of each column, in the language of ``items``' environment."""
    descriptions = items.fields_get(LEDGER_FIELDS, ["string"])
    return [descriptions[fname]["string"] for fname in LEDGER_FIELDS]


def ledger_rows(items):
    """Each item's cells in the order of :data:`LEDGER_COLUMNS`: a text, or
    a :class:`datetime.date` for the date columns (``False`` when empty)."""
    descriptions = items.fields_get(LEDGER_FIELDS, ["type", "selection"])

    def cell(item, fname):
        description = descriptions[fname]
        value = item[fname]
        if fname == "warning_light" and item.state not in LIGHT_STATES:
            return ""
        if description["type"] == "selection":
            return dict(description["selection"]).get(value, "")
        if description["type"] == "many2one":
            return value.display_name or ""
        if description["type"] in ("many2many", "one2many"):
            return "、".join(value.mapped("display_name"))
        if description["type"] == "date":
            return value
        return value or ""

    return [[cell(item, fname) for fname in LEDGER_FIELDS] for item in items]


def ledger_filename(env):
    """The name of the downloaded workbook, dated in the user's timezone."""
    today = fields.Date.context_today(env.user)
    return env._("Supervision Ledger %(date)s.xlsx", date=today.strftime("%Y%m%d"))


def ledger_xlsx(items):
    """The ledger of ``items`` as the bytes of an xlsx workbook.

    Texts are written as texts: a title starting with ``=`` stays a title and
    never becomes a formula of the workbook.
    """
    env = items.env
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        output,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    sheet = workbook.add_worksheet(env._("Supervision Ledger"))
    title = workbook.add_format({"bold": True, "font_size": 16})
    header = workbook.add_format(
        {"bold": True, "border": 1, "bg_color": "#EEEEEE", "text_wrap": True}
    )
    cell = workbook.add_format({"border": 1, "text_wrap": True, "valign": "top"})
    date = workbook.add_format(
        {"border": 1, "valign": "top", "num_format": "yyyy-mm-dd"}
    )
    sheet.write_string(
        0,
        0,
        env._("%(company)s Supervision Ledger", company=env.company.name),
        title,
    )
    for col, ((_fname, width), label) in enumerate(
        zip(LEDGER_COLUMNS, ledger_headers(items), strict=True)
    ):
        sheet.set_column(col, col, width)
        sheet.write_string(1, col, label, header)
    for row, values in enumerate(ledger_rows(items), start=2):
        for col, value in enumerate(values):
            if isinstance(value, datetime.date):
                sheet.write_datetime(row, col, fields.Datetime.to_datetime(value), date)
            else:
                sheet.write_string(row, col, value or "", cell)
    sheet.freeze_panes(2, 2)
    workbook.close()
    return output.getvalue()
