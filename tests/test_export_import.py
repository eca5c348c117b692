# Part of university_supervision. See LICENSE file for full copyright and licensing details.
import datetime
import io
import re

import openpyxl
import xlsxwriter
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import file_open

from .common import LANG, SupervisionCommon, load_chinese

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LEDGER_HEADER = [
    "No.",
    "Item",
    "Level",
    "Source",
    "Lead Unit",
    "Assisting Units",
    "Leader in Charge",
    "Date Assigned",
    "Original Deadline",
    "Deadline",
    "Date Closed",
    "Status",
    "Light",
]
IMPORT_COLUMNS = {
    "Title": "name",
    "Source": "source_type",
    "Source Reference": "source_ref",
    "Level": "level",
    "Supervision Mode": "supervision_mode",
    "Lead Unit": "lead_unit_id",
    "Assisting Units": "assist_unit_ids",
    "Leader in Charge": "leader_in_charge_id",
    "Deadline": "deadline",
    "Content": "content",
    "Requirements": "requirements",
}


def xlsx_file(rows):
    """The bytes of a one-sheet workbook holding ``rows``."""
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = workbook.add_worksheet()
    date = workbook.add_format({"num_format": "yyyy-mm-dd"})
    for row, values in enumerate(rows):
        for col, value in enumerate(values):
            if isinstance(value, datetime.date):
                sheet.write_datetime(
                    row, col, datetime.datetime.combine(value, datetime.time()), date
                )
            else:
                sheet.write(row, col, value)
    workbook.close()
    return output.getvalue()


@tagged("post_install", "-at_install")
class TestLedgerExport(SupervisionCommon):
    """The ledger (督办事项台账) as an Excel file, its saved export template,
    and the standard export of every list."""

    def _ledger_rows(self, action):
        match = re.fullmatch(r"/web/content/(\d+)\?download=true", action["url"])
        self.assertTrue(match, action["url"])
        attachment = self.env["ir.attachment"].browse(int(match[1]))
        raw = attachment.with_user(self.officer).raw
        book = openpyxl.load_workbook(io.BytesIO(raw))
        return attachment, list(book.active.iter_rows(values_only=True))

    @freeze_time("2026-03-02 02:00:00")
    def test_export_ledger_downloads_xlsx(self):
        """The action downloads an xlsx with the ledger's header and one row
        per selected item."""
        first = self._create_item_in("in_progress", name="Teaching reform plan")
        second = self._create_item_in("assigned", name="Dormitory hot water")
        self._create_item(name="Not selected")
        action = self._as(self.officer, first | second).action_export_ledger()
        self.assertEqual(action["type"], "ir.actions.act_url")
        attachment, rows = self._ledger_rows(action)
        self.assertEqual(attachment.name, "Supervision Ledger 20260302.xlsx")
        self.assertEqual(attachment.mimetype, XLSX)
        self.assertIn("Supervision Ledger", rows[0][0])
        self.assertEqual(list(rows[1]), LEDGER_HEADER)
        body = rows[2:]
        self.assertEqual(len(body), 2)
        by_name = {row[1]: row for row in body}
        row = by_name["Teaching reform plan"]
        self.assertEqual(row[0], first.number)
        self.assertEqual(row[2], "Reminder Item")
        self.assertEqual(row[4], "Academic Affairs Office")
        self.assertEqual(row[5], "Finance Office")
        self.assertEqual(row[6], "Vice President Zhang")
        self.assertEqual(row[7], datetime.datetime(2026, 3, 2))
        self.assertEqual(row[9], datetime.datetime(2026, 4, 1))
        self.assertEqual(row[11], "In Progress")
        self.assertEqual(row[12], "Green")
        self.assertEqual(by_name["Dormitory hot water"][11], "Assigned")
        # the download is the exporting user's only
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            attachment.with_user(self.officer_other).read(["raw"])

    @freeze_time("2026-03-02 02:00:00")
    def test_export_ledger_in_chinese(self):
        """A Chinese user gets the ledger's titles and values in Chinese."""
        load_chinese(self.env)
        self.officer.lang = LANG
        item = self._create_item_in("in_progress")
        action = self._as(self.officer, item).action_export_ledger()
        attachment, rows = self._ledger_rows(action)
        self.assertTrue(attachment.name.startswith("督办事项台账"), attachment.name)
        self.assertEqual(rows[1][:2], ("编号", "督办事项"))
        self.assertEqual(rows[2][11], "办理中")

    def test_export_ledger_action_in_list(self):
        """ "Export Ledger" sits in the Actions menu of the items' list, for
        the office and leaders, and runs on the selected items."""
        action = self.env.ref(
            "university_supervision.supervision_item_action_export_ledger"
        )
        self.assertEqual(action.binding_model_id.model, "supervision.item")
        self.assertEqual(action.binding_view_types, "list")
        item = self._create_item()
        result = (
            action.with_user(self.officer)
            .with_context(active_model="supervision.item", active_ids=item.ids)
            .run()
        )
        _attachment, rows = self._ledger_rows(result)
        self.assertEqual(len(rows), 3)
        bindings = (
            self.env["ir.actions.actions"]
            .with_user(self.liaison_a)
            .get_bindings("supervision.item")
        )
        self.assertNotIn(action.id, [a["id"] for a in bindings.get("action", [])])

    def test_saved_export_template(self):
        """The export dialog offers the ledger's columns as a saved template,
        which exports one line per item."""
        template = self.env.ref("university_supervision.supervision_item_export_ledger")
        self.assertEqual(template.resource, "supervision.item")
        fnames = template.export_fields.mapped("name")
        self.assertEqual(fnames[:2], ["number", "name"])
        items = self._create_item(name="First") | self._create_item(
            name="Second", assist_unit_ids=[(6, 0, (self.unit_b | self.unit_c).ids)]
        )
        data = self._as(self.officer, items).export_data(fnames)["datas"]
        self.assertEqual([row[1] for row in data], ["First", "Second"])
        self.assertEqual(
            data[1][fnames.index("assist_unit_ids")], "Finance Office,Library"
        )

    def test_every_list_exports(self):
        """Every role may export, and every list of the addon exports its
        columns."""
        for user in (self.liaison_a, self.head_a, self.leader, self.officer):
            self.assertTrue(user.has_group("base.group_allow_export"), user.login)
        self._create_item_in("in_progress")
        views = self.env["ir.ui.view"].search(
            [("type", "=", "list"), ("model", "like", "supervision.%")]
        )
        self.assertTrue(views)
        for view in views:
            with self.subTest(view=view.name):
                Model = self.env[view.model].with_user(self.officer)
                arch = Model.get_view(view.id, "list")["arch"]
                fnames = [
                    fname
                    for fname in re.findall(r'<field name="(\w+)"', arch)
                    if fname in Model._fields
                ]
                records = Model.search([], limit=5)
                data = records.export_data(fnames)["datas"]
                self.assertEqual(len(data) >= len(records), True)


@tagged("post_install", "-at_install")
class TestItemImport(SupervisionCommon):
    """Bulk registration of items with Odoo's import and the shipped
    template: good rows make drafts, bad rows are named with their problem."""

    def _import(self, rows, user=None):
        user = user or self.officer
        wizard = (
            self.env["base_import.import"]
            .with_user(user)
            .create(
                {
                    "res_model": "supervision.item",
                    "file": xlsx_file(rows),
                    "file_name": "items.xlsx",
                    "file_type": XLSX,
                }
            )
        )
        header = rows[0]
        fields = [IMPORT_COLUMNS[label] for label in header]
        options = {"has_headers": True, "date_format": "%Y-%m-%d"}
        return wizard.execute_import(fields, header, options)

    def test_template_offered_and_mapped(self):
        """The import dialog offers the template, whose every column Odoo
        maps to the right field."""
        (template,) = self.env["supervision.item"].get_import_templates()
        path = template["template"].lstrip("/")
        with file_open(path, "rb") as f:
            content = f.read()
        wizard = (
            self.env["base_import.import"]
            .with_user(self.officer)
            .create(
                {
                    "res_model": "supervision.item",
                    "file": content,
                    "file_name": "supervision_item_import_template.xlsx",
                    "file_type": XLSX,
                }
            )
        )
        preview = wizard.parse_preview({"has_headers": True})
        self.assertFalse(preview.get("error"), preview.get("error"))
        mapped = {
            preview["headers"][index]: fields[0]
            for index, fields in preview["matches"].items()
        }
        self.assertEqual(mapped, IMPORT_COLUMNS)

    def test_import_good_file_creates_drafts(self):
        """Each row becomes a draft item of the office with its units."""
        rows = [
            ["Title", "Source", "Level", "Lead Unit", "Assisting Units", "Deadline"],
            [
                "Publish the teaching reform plan",
                "President's Office Meeting",
                "Key Item",
                "Academic Affairs Office",
                "Finance Office,Library",
                datetime.date(2026, 6, 30),
            ],
            [
                "Repair the hot water of the dormitories",
                "petition",
                "Reminder Item",
                "Library",
                "",
                "2026-09-01",
            ],
        ]
        result = self._import(rows)
        self.assertEqual(result["messages"], [])
        items = self.env["supervision.item"].browse(result["ids"])
        self.assertRecordValues(
            items,
            [
                {
                    "name": "Publish the teaching reform plan",
                    "state": "draft",
                    "source_type": "president_meeting",
                    "level": "key",
                    "lead_unit_id": self.unit_a.id,
                    "assist_unit_ids": (self.unit_b | self.unit_c).ids,
                    "leader_in_charge_id": self.leader.id,
                    "officer_id": self.officer.id,
                    "deadline": datetime.date(2026, 6, 30),
                    "number": False,
                },
                {
                    "name": "Repair the hot water of the dormitories",
                    "state": "draft",
                    "source_type": "petition",
                    "level": "reminder",
                    "lead_unit_id": self.unit_c.id,
                    "assist_unit_ids": [],
                    "leader_in_charge_id": self.leader_other.id,
                    "officer_id": self.officer.id,
                    "deadline": datetime.date(2026, 9, 1),
                    "number": False,
                },
            ],
        )

    def test_import_bad_file_names_rows_and_creates_nothing(self):
        """Unknown unit, impossible date and missing title are each reported
        with their row; the good row is not imported either."""
        Item = self.env["supervision.item"]
        before = Item.search_count([])
        rows = [
            ["Title", "Lead Unit", "Deadline"],
            ["A good row", "Academic Affairs Office", "2026-06-30"],
            ["Unknown unit", "Office of Nowhere", "2026-06-30"],
            ["Impossible date", "Library", "2026-02-31"],
            ["", "Library", "2026-06-30"],
        ]
        result = self._import(rows)
        self.assertFalse(result["ids"])
        messages = [m["message"] for m in result["messages"]]
        self.assertEqual(len(messages), 3, messages)
        self.assertTrue(messages[0].startswith("Row 3: "), messages)
        self.assertIn("Office of Nowhere", messages[0])
        self.assertIn("Lead Unit", messages[0])
        self.assertEqual(
            messages[1],
            "Row 4: “2026-02-31” is not a valid date for Deadline: write it "
            "like 2026-03-15.",
        )
        self.assertTrue(messages[2].startswith("Row 5: "), messages)
        self.assertIn("Title", messages[2])
        self.assertEqual(Item.search_count([]), before)
        self.assertFalse(Item.search([("name", "=", "A good row")]))

    def test_import_cannot_skip_the_workflow(self):
        """An imported row cannot set a state: items start as drafts."""
        rows = [
            ["Title", "Lead Unit", "Status"],
            ["Closed at once", "Library", "closed"],
        ]
        IMPORT_COLUMNS_WITH_STATE = dict(IMPORT_COLUMNS, Status="state")
        wizard = (
            self.env["base_import.import"]
            .with_user(self.officer)
            .create(
                {
                    "res_model": "supervision.item",
                    "file": xlsx_file(rows),
                    "file_name": "items.xlsx",
                    "file_type": XLSX,
                }
            )
        )
        result = wizard.execute_import(
            [IMPORT_COLUMNS_WITH_STATE[h] for h in rows[0]],
            rows[0],
            {"has_headers": True},
        )
        self.assertFalse(result["ids"])
        self.assertEqual(len(result["messages"]), 1)
        self.assertIn("Row 2: ", result["messages"][0]["message"])
        self.assertIn("draft", result["messages"][0]["message"])
        self.assertFalse(
            self.env["supervision.item"].search([("name", "=", "Closed at once")])
        )
