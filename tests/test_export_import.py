# Part of university_supervision. See LICENSE file for full copyright and licensing details.
import datetime
import io
import re

import openpyxl
import xlsxwriter
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import file_open

from odoo.addons.university_supervision.tools.ledger import (
    LEDGER_FIELDS,
    ledger_headers,
    ledger_url,
)

from .common import LANG, SupervisionCommon, load_chinese

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LEDGER_HEADER = [
    "Number",
    "Title",
    "Level",
    "Source",
    "Lead Unit",
    "Assisting Units",
    "Leader in Charge",
    "Date Assigned",
    "Original Deadline",
    "Deadline",
    "Date Closed",
    "State",
    "Warning Light",
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
class TestLedgerExport(SupervisionCommon, HttpCase):
    """The ledger (督办事项台账) as an Excel file streamed by the controller,
    its saved export template, and the standard export of every list."""

    def _download(self, user, items):
        """The response of the ledger's address for ``items``, as ``user``
        in a browser session."""
        self.authenticate(user.login, user.login)
        action = self._as(user, items).action_export_ledger()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertEqual(action["target"], "download")
        return self.url_open(action["url"])

    def _ledger_rows(self, response):
        self.assertEqual(response.status_code, 200, response.text[:500])
        self.assertEqual(response.headers["Content-Type"], XLSX)
        book = openpyxl.load_workbook(io.BytesIO(response.content))
        return book.active

    @freeze_time("2026-03-02 02:00:00")
    def test_export_ledger_downloads_xlsx(self):
        """The action opens the controller's address for the selected items,
        which streams an xlsx with the ledger's header and one row per item,
        and leaves no attachment behind."""
        first = self._create_item_in("in_progress", name="Teaching reform plan")
        second = self._create_item_in("assigned", name="Dormitory hot water")
        self._create_item(name="Not selected")
        Attachment = self.env["ir.attachment"].sudo()  # count every user's files
        attachments = Attachment.search_count([])
        response = self._download(self.officer, first | second)
        self.assertEqual(
            response.headers["Content-Disposition"],
            "attachment; filename*=UTF-8''Supervision%20Ledger%2020260302.xlsx",
        )
        rows = list(self._ledger_rows(response).iter_rows(values_only=True))
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
        self.assertEqual(Attachment.search_count([]), attachments)

    @freeze_time("2026-03-02 02:00:00")
    def test_export_ledger_leaves_out_unreadable_items(self):
        """A leader's ledger holds only the items he may read, whatever ids
        the address names."""
        mine = self._create_item(name="Overseen by Zhang")
        other = self._create_item(
            name="Overseen by Zhao",
            lead_unit_id=self.unit_c.id,
            assist_unit_ids=[(5, 0, 0)],
        )
        self.assertFalse(other.with_user(self.leader).has_access("read"))
        self.authenticate(self.leader.login, self.leader.login)
        response = self.url_open(ledger_url(mine | other))
        names = [
            row[1]
            for row in self._ledger_rows(response).iter_rows(
                min_row=3, values_only=True
            )
        ]
        self.assertEqual(names, ["Overseen by Zhang"])

    @freeze_time("2026-03-02 02:00:00")
    def test_export_ledger_writes_texts_as_texts(self):
        """A title that looks like a formula, a number or an address stays
        a text cell of the workbook."""
        titles = [
            "=1+1",
            '=HYPERLINK("http://example.com","Click")',
            "1234",
            "http://example.com",
        ]
        items = self.env["supervision.item"]
        for title in titles:
            items |= self._create_item(name=title)
        sheet = self._ledger_rows(self._download(self.officer, items))
        cells = {row[1].value: row[1] for row in sheet.iter_rows(min_row=3)}
        self.assertEqual(sorted(cells), sorted(titles))
        for title, cell in cells.items():
            with self.subTest(title=title):
                self.assertEqual(cell.data_type, "s")
                self.assertIsNone(cell.hyperlink)

    @freeze_time("2026-03-02 02:00:00")
    def test_export_ledger_in_chinese(self):
        """A Chinese user gets the ledger's titles and values in Chinese."""
        load_chinese(self.env)
        self.officer.lang = LANG
        item = self._create_item_in("in_progress")
        response = self._download(self.officer, item)
        self.assertIn(
            "filename*=UTF-8''%E7%9D%A3%E5%8A%9E%E4%BA%8B%E9%A1%B9%E5%8F%B0%E8%B4%A6",
            response.headers["Content-Disposition"],
        )
        rows = list(self._ledger_rows(response).iter_rows(values_only=True))
        self.assertEqual(
            list(rows[1]),
            ledger_headers(self.env["supervision.item"].with_context(lang="zh_CN")),
        )
        self.assertEqual(rows[1][2], "级别")
        self.assertEqual(rows[2][11], "办理中")

    def test_export_ledger_refused_to_units(self):
        """A unit's head or liaison neither gets the action's address nor
        the file from the address itself."""
        item = self._create_item_in("in_progress")
        for user in (self.head_a, self.liaison_a):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self._as(user, item).action_export_ledger()
                self.authenticate(user.login, user.login)
                response = self.url_open(ledger_url(item))
                self.assertEqual(response.status_code, 403)
                self.assertNotEqual(response.headers["Content-Type"], XLSX)

    def test_export_ledger_action_in_list(self):
        """ "Export Ledger" sits in the Actions menu of the items' list, for
        the office and leaders, and opens the ledger of the selected items."""
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
        self.assertEqual(result["url"], ledger_url(item))
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
        self.assertEqual(fnames, list(LEDGER_FIELDS))
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

    def test_import_bad_dates_named_with_their_rows(self):
        """Every unreadable date is named with its data row and how to write
        a date, on the Deadline column; nothing is imported."""
        Item = self.env["supervision.item"]
        before = Item.search_count([])
        rows = [
            ["Title", "Lead Unit", "Deadline"],
            ["A good row", "Academic Affairs Office", "2026-06-30"],
            ["Impossible date", "Library", "2026-02-31"],
            ["Another good row", "Library", "2026-07-01"],
            ["Not a date", "Library", "next Friday"],
        ]
        result = self._import(rows)
        self.assertFalse(result.get("ids"))
        (message,) = result["messages"]
        self.assertEqual(message["field_path"], ["deadline"])
        self.assertEqual(
            message["message"],
            "Deadline: these values are not dates: “2026-02-31” (row 2), "
            "“next Friday” (row 4). Write a date like 2026-03-15.",
        )
        self.assertEqual(Item.search_count([]), before)

    def test_import_bad_rows_reported_per_row(self):
        """An unknown unit and a missing title are each reported on their
        field and data row (the import dialog shows them per column and
        row); the good row is not imported either."""
        Item = self.env["supervision.item"]
        before = Item.search_count([])
        rows = [
            ["Title", "Lead Unit", "Deadline"],
            ["A good row", "Academic Affairs Office", "2026-06-30"],
            ["Unknown unit", "Office of Nowhere", "2026-06-30"],
            ["", "Library", "2026-06-30"],
        ]
        result = self._import(rows)
        self.assertFalse(result["ids"])
        rows_by_field = {}
        for message in result["messages"]:
            rows_by_field.setdefault(message["field"], []).append(
                (message["rows"], message["message"])
            )
        self.assertEqual(sorted(rows_by_field), ["lead_unit_id", "name"])
        # the unknown unit, then the required unit it leaves empty
        (not_found, _missing_unit) = rows_by_field["lead_unit_id"]
        self.assertEqual(not_found[0], {"from": 1, "to": 1})
        self.assertIn("Office of Nowhere", not_found[1])
        ((missing_title_rows, _message),) = rows_by_field["name"]
        self.assertEqual(missing_title_rows, {"from": 2, "to": 2})
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
        (message,) = result["messages"]
        self.assertEqual(message["rows"], {"from": 0, "to": 0})
        self.assertIn("draft", message["message"])
        self.assertFalse(
            self.env["supervision.item"].search([("name", "=", "Closed at once")])
        )
