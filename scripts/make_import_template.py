"""Write static/xls/supervision_item_import_template.xlsx, the template
offered by the import dialog of supervision items (bulk registration).

Run from the checkout: ``python3 scripts/make_import_template.py``. The
headers are the items' field labels in English, which Odoo's importer maps
in any language; the example rows use the demo data's units (delete them
before importing).
"""

import datetime
from pathlib import Path

import xlsxwriter

TARGET = (
    Path(__file__).resolve().parent.parent
    / "static"
    / "xls"
    / "supervision_item_import_template.xlsx"
)
HEADERS = [
    ("Title", 40),
    ("Source", 18),
    ("Source Reference", 22),
    ("Level", 16),
    ("Supervision Mode", 16),
    ("Lead Unit", 22),
    ("Assisting Units", 28),
    ("Leader in Charge", 16),
    ("Deadline", 14),
    ("Content", 50),
    ("Requirements", 40),
]
ROWS = [
    [
        "制定2026年本科教学改革实施方案",
        "校长办公会",
        "2026年第3次校长办公会纪要",
        "重点督办事项",
        "会议督办",
        "教务处",
        "人事处,财务处",
        "",
        datetime.date(2026, 6, 30),
        "按照校长办公会决定，制定本科教学改革实施方案并报校长办公会审议。",
        "6月底前提交方案，每月报送进展。",
    ],
    [
        "完成学生宿舍热水系统改造",
        "重点信访/师生反映的热点难点",
        "",
        "常规提醒事项",
        "日常督办",
        "后勤管理处",
        "",
        "",
        datetime.date(2026, 9, 1),
        "回应学生反映的宿舍热水供应不稳定问题。",
        "",
    ],
]


def main():
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    workbook = xlsxwriter.Workbook(str(TARGET))
    sheet = workbook.add_worksheet("Supervision Items")
    header = workbook.add_format({"bold": True, "bg_color": "#EEEEEE"})
    date = workbook.add_format({"num_format": "yyyy-mm-dd"})
    for col, (label, width) in enumerate(HEADERS):
        sheet.set_column(col, col, width)
        sheet.write(0, col, label, header)
    for row, values in enumerate(ROWS, start=1):
        for col, value in enumerate(values):
            if isinstance(value, datetime.date):
                sheet.write_datetime(
                    row, col, datetime.datetime.combine(value, datetime.time()), date
                )
            elif value:
                sheet.write(row, col, value)
    sheet.freeze_panes(1, 1)
    workbook.close()


if __name__ == "__main__":
    main()
