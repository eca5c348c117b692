"""Write the Dashboards-app spreadsheets of the supervision:

- ``data/dashboards/supervision_dashboard.json``: the office's dashboard
  (督办工作看板);
- ``data/dashboards/supervision_cockpit_dashboard.json``: the leaders'
  cockpit (领导驾驶舱).

Run from the checkout after changing a data source, then reinstall or upgrade
the addon: ``python3 scripts/make_dashboard.py``. The files are the snapshot
format of Odoo 18's spreadsheets (version 21, as Odoo's own dashboards); the
test ``tests/test_dashboard.py`` runs every query they hold.

Every text shown is a ``_t("...")`` formula, a chart title or a filter label,
which Odoo exports for translation (``*_dashboard.json`` under ``data/``);
tables are written cell by cell (``PIVOT.HEADER``/``PIVOT.VALUE``), never as
a ``PIVOT()`` block whose corner shows the pivot's technical name. A phone
shows the charts only, so every table has a chart with the same figures.
"""

import json
from pathlib import Path

DASHBOARDS = Path(__file__).resolve().parent.parent / "data" / "dashboards"
MODEL = "supervision.item"
ACTION = "university_supervision.supervision_item_action"
MENU = "university_supervision.supervision_item_menu"
OPEN_STATES = ["assigned", "in_progress", "submitted", "to_close"]
DONE_STATES = ["closed", "filed"]
UNIT_FILTER = "5b1c3f0e-0d5e-4c53-9a8e-7f2f3a1c0100"
MATCH_UNIT = {UNIT_FILTER: {"chain": "lead_unit_id", "type": "many2one"}}
GLOBAL_FILTERS = [
    {
        "id": UNIT_FILTER,
        "type": "relation",
        "label": "Lead Unit",
        "modelName": "supervision.unit",
        "defaultValue": [],
        "defaultValueDisplayNames": [],
        "rangeType": "year",
    }
]
LIGHTS = ("green", "yellow", "red")
LIGHT_TITLES = {"green": "Green", "yellow": "Yellow", "red": "Red"}
TABLE_ROWS = 15  # units listed in a table
# the office dashboard's charts start below its tables (title, header and
# TABLE_ROWS rows of 23 px)
CHART_Y = 40 + (TABLE_ROWS + 2) * 23
STYLES = {
    "1": {"bold": True, "fontSize": 16, "textColor": "#01666B"},  # titles
    "2": {"bold": True, "textColor": "#434343", "fillColor": "#F1F3F5"},  # headers
    "3": {"textColor": "#434343", "verticalAlign": "middle"},  # rows
    "4": {"bold": True, "fontSize": 11, "textColor": "#434343", "align": "center"},
    "5": {"bold": True, "fontSize": 22, "textColor": "#01666B", "align": "center"},
}


def col(index):
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[index]


def t(text):
    return {"content": f'=_t("{text}")'}


def pivot(formula_id, name, domain, rows, columns, measures):
    return {
        "type": "ODOO",
        "id": formula_id,
        "formulaId": formula_id,
        "name": name,
        "model": MODEL,
        "domain": domain,
        "context": {},
        "rows": [{"fieldName": f} for f in rows],
        "columns": [{"fieldName": f} for f in columns],
        "measures": measures,
        "sortedColumn": None,
        "actionXmlId": ACTION,
        "fieldMatching": MATCH_UNIT,
    }


COUNT = [{"id": "__count", "fieldName": "__count"}]
ON_TIME = {
    "id": "on_time_score:avg",
    "fieldName": "on_time_score",
    "aggregator": "avg",
    "format": "0.0",
}


def chart(figure_id, title, mode, group_by, domain, position, measure="__count"):
    x, y, width, height = position
    data = {
        "type": f"odoo_{mode}",
        "title": {"text": title},
        "background": "#FFFFFF",
        "legendPosition": "top" if mode == "pie" or len(group_by) > 1 else "none",
        "metaData": {
            "groupBy": group_by,
            "measure": measure,
            "order": None,
            "resModel": MODEL,
            "mode": mode,
        },
        "searchParams": {
            "comparison": None,
            "context": {},
            "domain": domain,
            "groupBy": group_by,
            "orderBy": [],
        },
        "actionXmlId": ACTION,
        "fieldMatching": MATCH_UNIT,
    }
    if mode == "bar":
        data.update(
            {
                "verticalAxisPosition": "left",
                "stacked": len(group_by) > 1,
                "showValues": True,
            }
        )
    if mode == "line":
        data.update(
            {
                "verticalAxisPosition": "left",
                "stacked": False,
                "fillArea": True,
                "cumulative": False,
                "showValues": True,
            }
        )
    return {
        "id": figure_id,
        "x": x,
        "y": y,
        "width": width,
        "height": height,
        "tag": "chart",
        "data": data,
    }


def scorecard(figure_id, title, key_cell, position, background):
    x, y, width, height = position
    return {
        "id": figure_id,
        "x": x,
        "y": y,
        "width": width,
        "height": height,
        "tag": "chart",
        "data": {
            "type": "scorecard",
            "title": {"text": title, "bold": True, "color": "#434343"},
            "background": background,
            "keyValue": key_cell,
            "baselineMode": "difference",
            "baselineColorUp": "#00A04A",
            "baselineColorDown": "#DC6965",
            "humanize": False,
        },
    }


def sheet(sheet_id, name, cells, styles, figures, cols=None, rows=None):
    return {
        "id": sheet_id,
        "name": name,
        "colNumber": 13,
        "rowNumber": 120,
        "rows": rows or {},
        "cols": cols or {},
        "merges": [],
        "cells": cells,
        "styles": styles,
        "formats": {},
        "borders": {},
        "conditionalFormats": [],
        "figures": figures,
        "tables": [],
        "areGridLinesVisible": False,
        "isVisible": True,
        "headerGroups": {"ROW": [], "COL": []},
        "dataValidationRules": [],
        "comments": {},
    }


def snapshot(sheets, pivots, lists=None):
    charts = [
        f["id"]
        for s in sheets
        for f in s["figures"]
        if f["data"]["type"].startswith("odoo_")
    ]
    return {
        "version": 21,
        "odooVersion": 12,
        "revisionId": "START_REVISION",
        "uniqueFigureIds": True,
        "sheets": sheets,
        "styles": STYLES,
        "formats": {},
        "borders": {},
        "settings": {},
        "pivots": pivots,
        "pivotNextId": max(int(i) for i in pivots) + 1,
        "lists": lists or {},
        "listNextId": len(lists or {}) + 1,
        "customTableStyles": {},
        "chartOdooMenusReferences": dict.fromkeys(charts, MENU),
        "globalFilters": GLOBAL_FILTERS,
    }


def unit_light_table(cells, styles, first_row, pivot_id, column=0):
    """Lead unit | green | yellow | red | total, one row per unit."""
    headers = ["Lead Unit", *(LIGHT_TITLES[light] for light in LIGHTS), "Total"]
    for offset, header in enumerate(headers):
        cells[f"{col(column + offset)}{first_row}"] = t(header)
    styles[f"{col(column)}{first_row}:{col(column + 4)}{first_row}"] = 2
    for index in range(1, TABLE_ROWS + 1):
        row = first_row + index
        unit = f'"#lead_unit_id",{index}'
        cells[f"{col(column)}{row}"] = {"content": f"=PIVOT.HEADER({pivot_id},{unit})"}
        for offset, light in enumerate(LIGHTS, start=1):
            cells[f"{col(column + offset)}{row}"] = {
                "content": f'=PIVOT.VALUE({pivot_id},"__count",{unit},'
                f'"warning_light","{light}")'
            }
        cells[f"{col(column + 4)}{row}"] = {
            "content": f'=PIVOT.VALUE({pivot_id},"__count",{unit})'
        }
    styles[
        f"{col(column)}{first_row + 1}:{col(column + 4)}{first_row + TABLE_ROWS}"
    ] = 3


# ----------------------------------------------------------------------
# The office's dashboard (督办)
# ----------------------------------------------------------------------


def office_dashboard():
    pivots = {
        "1": pivot(
            "1",
            "Open Items by Lead Unit and Light",
            [["state", "in", OPEN_STATES]],
            ["lead_unit_id"],
            ["warning_light"],
            COUNT,
        ),
        "2": pivot(
            "2",
            "On-Time Rate by Lead Unit",
            [["state", "in", DONE_STATES]],
            ["lead_unit_id"],
            [],
            [ON_TIME, *COUNT],
        ),
    }
    overdue = [
        "|",
        ["is_overdue", "=", True],
        "&",
        ["state", "in", DONE_STATES],
        ["on_time_score", "=", 0],
    ]
    figures = [
        chart(
            "5b1c3f0e-0d5e-4c53-9a8e-7f2f3a1c0013",
            "Open Items by Lead Unit and Light",
            "bar",
            ["lead_unit_id", "warning_light"],
            [["state", "in", OPEN_STATES]],
            (0, CHART_Y, 1000, 340),
        ),
        chart(
            "5b1c3f0e-0d5e-4c53-9a8e-7f2f3a1c0014",
            "On-Time Rate by Lead Unit (%)",
            "bar",
            ["lead_unit_id"],
            [["state", "in", DONE_STATES]],
            (0, CHART_Y + 350, 490, 330),
            measure="on_time_score",
        ),
        chart(
            "5b1c3f0e-0d5e-4c53-9a8e-7f2f3a1c0011",
            "Items by Source",
            "pie",
            ["source_type"],
            [["state", "!=", "cancelled"]],
            (510, CHART_Y + 350, 490, 330),
        ),
        chart(
            "5b1c3f0e-0d5e-4c53-9a8e-7f2f3a1c0012",
            "Overdue Items by Deadline Month",
            "line",
            ["deadline_month"],
            overdue,
            (0, CHART_Y + 690, 1000, 330),
        ),
    ]
    cells, styles = {}, {}
    first = 1  # the tables first, the charts below them
    cells[f"A{first}"] = t("Open Items by Lead Unit and Light")
    styles[f"A{first}"] = 1
    unit_light_table(cells, styles, first + 1, 1)
    cells[f"H{first}"] = t("On-Time Rate by Lead Unit (closed items)")
    styles[f"H{first}"] = 1
    header = first + 1
    for offset, text in enumerate(("Lead Unit", "On-Time Rate (%)", "Closed Items")):
        cells[f"{col(7 + offset)}{header}"] = t(text)
    styles[f"H{header}:J{header}"] = 2
    for index in range(1, TABLE_ROWS + 1):
        row = header + index
        unit = f'"#lead_unit_id",{index}'
        cells[f"H{row}"] = {"content": f"=PIVOT.HEADER(2,{unit})"}
        cells[f"I{row}"] = {"content": f'=PIVOT.VALUE(2,"on_time_score:avg",{unit})'}
        cells[f"J{row}"] = {"content": f'=PIVOT.VALUE(2,"__count",{unit})'}
    styles[f"H{header + 1}:J{header + TABLE_ROWS}"] = 3
    cols = {"0": {"size": 200}, "7": {"size": 200}, "8": {"size": 130}}
    rows = {"0": {"size": 40}}
    return snapshot(
        [
            sheet(
                "5b1c3f0e-0d5e-4c53-9a8e-7f2f3a1c0001",
                "Dashboard",
                cells,
                styles,
                figures,
                cols,
                rows,
            )
        ],
        pivots,
    )


# ----------------------------------------------------------------------
# The leaders' cockpit (领导驾驶舱)
# ----------------------------------------------------------------------

# headline: (title, pivot id, domain, measure, scorecard background)
HEADLINES = [
    ("Being Handled", "3", [["state", "in", OPEN_STATES]], "__count", "#EFF6FF"),
    (
        "Overdue",
        "4",
        [["state", "in", OPEN_STATES], ["is_overdue", "=", True]],
        "__count",
        "#FEF2F2",
    ),
    ("Due This Week", "5", [["is_due_this_week", "=", True]], "__count", "#FFF7ED"),
    (
        "On-Time Rate This Year (%)",
        "6",
        [["is_closed_this_year", "=", True]],
        "on_time_score:avg",
        "#F0FDF4",
    ),
    (
        "Awaiting My Decision",
        "7",
        [["is_awaiting_my_action", "=", True]],
        "__count",
        "#F5F3FF",
    ),
]
LIST_COLUMNS = [
    ("number", "Number"),
    ("name", "Title"),
    ("lead_unit_id", "Lead Unit"),
    ("leader_in_charge_id", "Leader in Charge"),
    ("deadline", "Deadline"),
]
TOP_OVERDUE = 10


def cockpit_dashboard():
    open_domain = [["state", "in", OPEN_STATES]]
    overdue_domain = [["state", "in", OPEN_STATES], ["is_overdue", "=", True]]
    pivots = {
        "1": pivot(
            "1",
            "Open Items by Lead Unit and Light",
            open_domain,
            ["lead_unit_id"],
            ["warning_light"],
            COUNT,
        ),
        "2": pivot(
            "2",
            "Overdue Items by Leader in Charge",
            overdue_domain,
            ["leader_in_charge_id"],
            [],
            COUNT,
        ),
    }
    for _title, pivot_id, domain, measure, _bg in HEADLINES:
        measures = [ON_TIME] if measure != "__count" else COUNT
        pivots[pivot_id] = pivot(pivot_id, _title, domain, [], [], measures)
    data_cells = {}
    for index, (title, pivot_id, _domain, measure, _bg) in enumerate(HEADLINES, 1):
        data_cells[f"A{index}"] = t(title)
        data_cells[f"B{index}"] = {"content": f'=PIVOT.VALUE({pivot_id},"{measure}")'}

    figures = [
        scorecard(
            f"6c2d4f1a-7b3e-4c8d-9e0f-1a2b3c4d{index:04d}",
            title,
            f"Data!B{index}",
            (10 + (index - 1) * 198, 8, 190, 100),
            background,
        )
        for index, (title, _p, _d, _m, background) in enumerate(HEADLINES, 1)
    ]
    chart_y = 215
    figures += [
        chart(
            "6c2d4f1a-7b3e-4c8d-9e0f-1a2b3c4d0101",
            "Lights by Lead Unit",
            "bar",
            ["lead_unit_id", "warning_light"],
            open_domain,
            (0, chart_y, 1000, 340),
        ),
        chart(
            "6c2d4f1a-7b3e-4c8d-9e0f-1a2b3c4d0102",
            "Overdue Items by Lead Unit",
            "bar",
            ["lead_unit_id"],
            overdue_domain,
            (0, chart_y + 350, 490, 320),
        ),
        chart(
            "6c2d4f1a-7b3e-4c8d-9e0f-1a2b3c4d0103",
            "Overdue Items by Leader in Charge",
            "bar",
            ["leader_in_charge_id"],
            overdue_domain,
            (510, chart_y + 350, 490, 320),
        ),
        chart(
            "6c2d4f1a-7b3e-4c8d-9e0f-1a2b3c4d0104",
            "Items Assigned by Month",
            "line",
            ["assigned_month"],
            [["state", "!=", "cancelled"], ["date_assigned", "!=", False]],
            (0, chart_y + 680, 1000, 320),
        ),
    ]
    cells, styles = {}, {}
    # the headline figures again, as cells that open the items behind them
    cells["A6"] = t("Open the items behind a figure: click it")
    styles["A6"] = 4
    for index, (title, pivot_id, _d, measure, _bg) in enumerate(HEADLINES):
        cells[f"{col(index + 1)}7"] = t(title)
        cells[f"{col(index + 1)}8"] = {
            "content": f'=PIVOT.VALUE({pivot_id},"{measure}")'
        }
    styles["B7:F7"] = 4
    styles["B8:F8"] = 5

    first = 63  # below the charts
    cells[f"A{first}"] = t("Top Overdue Items")
    styles[f"A{first}"] = 1
    for offset, (_fname, label) in enumerate(LIST_COLUMNS):
        cells[f"{col(offset)}{first + 1}"] = t(label)
    styles[f"A{first + 1}:E{first + 1}"] = 2
    for index in range(1, TOP_OVERDUE + 1):
        for offset, (fname, _label) in enumerate(LIST_COLUMNS):
            cells[f"{col(offset)}{first + 1 + index}"] = {
                "content": f'=ODOO.LIST(1,{index},"{fname}")'
            }
    styles[f"A{first + 2}:E{first + 1 + TOP_OVERDUE}"] = 3

    unit_first = first + TOP_OVERDUE + 4
    cells[f"A{unit_first}"] = t("Open Items by Lead Unit and Light")
    styles[f"A{unit_first}"] = 1
    unit_light_table(cells, styles, unit_first + 1, 1)
    cells[f"H{unit_first}"] = t("Overdue Items by Leader in Charge")
    styles[f"H{unit_first}"] = 1
    cells[f"H{unit_first + 1}"] = t("Leader in Charge")
    cells[f"I{unit_first + 1}"] = t("Overdue")
    styles[f"H{unit_first + 1}:I{unit_first + 1}"] = 2
    for index in range(1, TABLE_ROWS + 1):
        row = unit_first + 1 + index
        leader = f'"#leader_in_charge_id",{index}'
        cells[f"H{row}"] = {"content": f"=PIVOT.HEADER(2,{leader})"}
        cells[f"I{row}"] = {"content": f'=PIVOT.VALUE(2,"__count",{leader})'}
    styles[f"H{unit_first + 2}:I{unit_first + 1 + TABLE_ROWS}"] = 3

    lists = {
        "1": {
            "columns": [fname for fname, _label in LIST_COLUMNS],
            "domain": overdue_domain,
            "model": MODEL,
            "context": {},
            "orderBy": [{"name": "deadline", "asc": True}],
            "id": "1",
            "name": "Top Overdue Items",
            "fieldMatching": MATCH_UNIT,
        }
    }
    cols = {
        "0": {"size": 160},
        "1": {"size": 260},
        "2": {"size": 140},
        "3": {"size": 140},
        "4": {"size": 120},
        "5": {"size": 130},
        "7": {"size": 160},
    }
    rows = {"6": {"size": 30}, "7": {"size": 44}}
    return snapshot(
        [
            sheet(
                "6c2d4f1a-7b3e-4c8d-9e0f-1a2b3c4d0001",
                "Cockpit",
                cells,
                styles,
                figures,
                cols,
                rows,
            ),
            sheet("6c2d4f1a-7b3e-4c8d-9e0f-1a2b3c4d0002", "Data", data_cells, {}, []),
        ],
        pivots,
        lists,
    )


def write(name, data):
    target = DASHBOARDS / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def main():
    write("supervision_dashboard.json", office_dashboard())
    write("supervision_cockpit_dashboard.json", cockpit_dashboard())


if __name__ == "__main__":
    main()
