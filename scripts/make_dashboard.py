"""Write data/dashboards/supervision_dashboard.json, the Dashboards-app
spreadsheet of the supervision office (督办工作看板).

Run from the checkout after changing a data source, then reinstall or upgrade
the addon: ``python3 scripts/make_dashboard.py``. The file is the snapshot
format of Odoo 18's spreadsheets (version 21, as Odoo's own dashboards); the
test ``tests/test_dashboard.py`` runs every query it holds.

Strings in ``_t("...")`` formulas and chart titles are exported for
translation by Odoo (``*_dashboard.json`` under ``data/``).
"""

import json
from pathlib import Path

TARGET = (
    Path(__file__).resolve().parent.parent
    / "data"
    / "dashboards"
    / "supervision_dashboard.json"
)
MODEL = "supervision.item"
OPEN_STATES = ["assigned", "in_progress", "submitted", "to_close"]
DONE_STATES = ["closed", "filed"]
SHEET_ID = "5b1c3f0e-0d5e-4c53-9a8e-7f2f3a1c0001"
UNIT_FILTER = "5b1c3f0e-0d5e-4c53-9a8e-7f2f3a1c0100"
MATCH_UNIT = {UNIT_FILTER: {"chain": "lead_unit_id", "type": "many2one"}}

PIVOTS = {
    "1": {
        "name": "Open Items by Lead Unit and Light",
        "domain": [["state", "in", OPEN_STATES]],
        "rows": [{"fieldName": "lead_unit_id"}],
        "columns": [{"fieldName": "warning_light"}],
        "measures": [{"id": "__count", "fieldName": "__count"}],
    },
    "2": {
        "name": "On-Time Rate by Lead Unit",
        "domain": [["state", "in", DONE_STATES]],
        "rows": [{"fieldName": "lead_unit_id"}],
        "columns": [],
        "measures": [
            {
                "id": "on_time_score:avg",
                "fieldName": "on_time_score",
                "aggregator": "avg",
                "format": "0.0",
            },
            {"id": "__count", "fieldName": "__count"},
        ],
    },
}

# figure id -> (title, type, group bys, domain, position)
CHARTS = {
    "5b1c3f0e-0d5e-4c53-9a8e-7f2f3a1c0011": (
        "Items by Source",
        "pie",
        ["source_type"],
        [["state", "!=", "cancelled"]],
        (0, 0, 480, 330),
    ),
    "5b1c3f0e-0d5e-4c53-9a8e-7f2f3a1c0012": (
        "Overdue Items by Deadline Month",
        "line",
        ["deadline:month"],
        # overdue now, or closed after the deadline
        [
            "|",
            ["is_overdue", "=", True],
            "&",
            ["state", "in", DONE_STATES],
            ["on_time_score", "=", 0],
        ],
        (500, 0, 560, 330),
    ),
}


def pivot(formula_id, spec):
    return {
        "type": "ODOO",
        "id": formula_id,
        "formulaId": formula_id,
        "name": spec["name"],
        "model": MODEL,
        "domain": spec["domain"],
        "context": {},
        "rows": spec["rows"],
        "columns": spec["columns"],
        "measures": spec["measures"],
        "sortedColumn": None,
        "actionXmlId": "university_supervision.supervision_item_action",
        "fieldMatching": MATCH_UNIT,
    }


def chart(figure_id, title, mode, group_by, domain, position):
    x, y, width, height = position
    data = {
        "type": f"odoo_{mode}",
        "title": {"text": title},
        "background": "#FFFFFF",
        "legendPosition": "top" if mode == "pie" else "none",
        "metaData": {
            "groupBy": group_by,
            "measure": "__count",
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
        "fieldMatching": MATCH_UNIT,
    }
    if mode == "line":
        data.update(
            {
                "verticalAxisPosition": "left",
                "stacked": False,
                "fillArea": True,
                "cumulative": False,
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


def main():
    cells = {
        "A16": {"content": '=_t("Open Items by Lead Unit and Light")'},
        "A17": {"content": "=PIVOT(1)"},
        "H16": {"content": '=_t("On-Time Rate by Lead Unit (closed items)")'},
        "H17": {"content": "=PIVOT(2)"},
    }
    snapshot = {
        "version": 21,
        "odooVersion": 12,
        "revisionId": "START_REVISION",
        "uniqueFigureIds": True,
        "sheets": [
            {
                "id": SHEET_ID,
                "name": "Dashboard",
                "colNumber": 13,
                "rowNumber": 80,
                "rows": {"15": {"size": 40}},
                "cols": {"0": {"size": 220}, "7": {"size": 220}},
                "merges": [],
                "cells": cells,
                "styles": {"A16": 1, "H16": 1},
                "formats": {},
                "borders": {},
                "conditionalFormats": [],
                "figures": [
                    chart(figure_id, *spec) for figure_id, spec in CHARTS.items()
                ],
                "tables": [],
                "areGridLinesVisible": False,
                "isVisible": True,
                "headerGroups": {"ROW": [], "COL": []},
                "dataValidationRules": [],
                "comments": {},
            }
        ],
        "styles": {"1": {"bold": True, "fontSize": 16, "textColor": "#01666B"}},
        "formats": {},
        "borders": {},
        "settings": {},
        "pivots": {fid: pivot(fid, spec) for fid, spec in PIVOTS.items()},
        "pivotNextId": len(PIVOTS) + 1,
        "lists": {},
        "listNextId": 1,
        "customTableStyles": {},
        "chartOdooMenusReferences": dict.fromkeys(
            CHARTS, "university_supervision.supervision_item_menu"
        ),
        "globalFilters": [
            {
                "id": UNIT_FILTER,
                "type": "relation",
                "label": "Lead Unit",
                "modelName": "supervision.unit",
                "defaultValue": [],
                "defaultValueDisplayNames": [],
                "rangeType": "year",
            }
        ],
    }
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(
        json.dumps(snapshot, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
