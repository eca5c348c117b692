"""The ledger of items (督办事项台账, GDUFS 第八条(三)) as an Excel workbook:
the columns of the printed ledger (report/) plus the source and the closing
date, in the language of the items' environment."""

import datetime
import io

import xlsxwriter

from odoo import fields

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LIGHT_STATES = ("assigned", "in_progress")


def ledger_columns(items):
    """(title, width, value of an item) of each column of the ledger."""
    env = items.env
    selection = {
        fname: dict(items._fields[fname]._description_selection(env))
        for fname in ("level", "source_type", "state", "warning_light")
    }

    def light(item):
        if item.state in LIGHT_STATES and item.warning_light:
            return selection["warning_light"][item.warning_light]
        return ""

    return [
        (env._("No."), 22, lambda i: i.number or ""),
        (env._("Item"), 40, lambda i: i.name),
        (env._("Level"), 14, lambda i: selection["level"][i.level]),
        (env._("Source"), 22, lambda i: selection["source_type"][i.source_type]),
        (env._("Lead Unit"), 22, lambda i: i.lead_unit_id.name or ""),
        (
            env._("Assisting Units"),
            30,
            lambda i: "、".join(i.assist_unit_ids.mapped("name")),
        ),
        (env._("Leader in Charge"), 16, lambda i: i.leader_in_charge_id.name or ""),
        (env._("Date Assigned"), 14, lambda i: i.date_assigned),
        (env._("Original Deadline"), 14, lambda i: i.deadline_original),
        (env._("Deadline"), 14, lambda i: i.deadline),
        (env._("Date Closed"), 14, lambda i: i.date_closed),
        (env._("Status"), 16, lambda i: selection["state"][i.state]),
        (env._("Light"), 10, light),
    ]


def ledger_xlsx(items):
    """The ledger of ``items`` as the bytes of an xlsx workbook."""
    env = items.env
    columns = ledger_columns(items)
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = workbook.add_worksheet(env._("Supervision Ledger"))
    title = workbook.add_format({"bold": True, "font_size": 16})
    header = workbook.add_format(
        {"bold": True, "border": 1, "bg_color": "#EEEEEE", "text_wrap": True}
    )
    cell = workbook.add_format({"border": 1, "text_wrap": True, "valign": "top"})
    date = workbook.add_format(
        {"border": 1, "valign": "top", "num_format": "yyyy-mm-dd"}
    )
    sheet.write(
        0,
        0,
        env._("%(company)s Supervision Ledger", company=env.company.name),
        title,
    )
    for col, (label, width, _value) in enumerate(columns):
        sheet.set_column(col, col, width)
        sheet.write(1, col, label, header)
    for row, item in enumerate(items, start=2):
        for col, (_label, _width, value) in enumerate(columns):
            content = value(item)
            if isinstance(content, datetime.date):
                sheet.write_datetime(
                    row, col, fields.Datetime.to_datetime(content), date
                )
            else:
                sheet.write(row, col, content or "", cell)
    sheet.freeze_panes(2, 2)
    workbook.close()
    return output.getvalue()


def ledger_attachment(items):
    """The ledger of ``items`` as an attachment of the current user."""
    env = items.env
    today = fields.Date.context_today(items)
    return env["ir.attachment"].create(
        {
            "name": env._(
                "Supervision Ledger %(date)s.xlsx", date=today.strftime("%Y%m%d")
            ),
            "raw": ledger_xlsx(items),
            "mimetype": XLSX_MIMETYPE,
        }
    )
