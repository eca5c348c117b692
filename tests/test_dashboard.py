# Part of university_supervision. See LICENSE file for full copyright and licensing details.
import json
import re
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.osv import expression
from odoo.tests import HttpCase, tagged
from odoo.tools import file_open

from .common import SupervisionCommon

DASHBOARD = "university_supervision/data/dashboards/supervision_dashboard.json"
PIVOT_FORMULA = re.compile(r"\bPIVOT(?:\.VALUE|\.HEADER)?\(\s*\"?(\d+)\"?")


class DashboardData:
    """Items feeding every data source of the dashboard."""

    @classmethod
    def _close(cls, item, user=None, at=None):
        """Close the reminder ``item`` (result by ``user``, review by the
        office) on the day ``at``."""
        with freeze_time(at or "2026-03-02 02:00:00"):
            return super()._close(item, user)

    def _in_progress_c(self, **vals):
        """An item of unit C (leader_other in charge) brought to in progress."""
        item = self._create_item(lead_unit_id=self.unit_c.id, **vals)
        self._submit(item)
        self._approve(item, self.leader_other)
        self._acknowledge(item, user=self.head_c)
        return item

    def _build_items(self):
        """Open items of units A and C with their lights, closed items on
        time and late, a draft and a cancelled item; due 2026-04-01 unless
        told."""
        with freeze_time("2026-03-02 02:00:00"):
            red = self._create_item_in("in_progress")
            self._create_item_in("in_progress")  # green
            yellow = self._create_item_in("assigned")
            self._in_progress_c(source_type="superior")  # green
            on_time_a = self._create_item_in("in_progress", source_type="party_meeting")
            late_a = self._create_item_in(
                "in_progress", source_type="party_meeting", deadline=date(2026, 5, 20)
            )
            on_time_c = self._in_progress_c(source_type="petition")
            self._create_item(source_type="emergency")  # draft
            cancelled = self._create_item(source_type="staff_proposal")
            self._as(self.officer, cancelled).action_cancel(reason="Duplicate")
        # the daily check's time flags
        red.write({"warning_light": "red", "is_overdue": True})
        yellow.write({"warning_light": "yellow"})
        self._close(on_time_a, self.head_a)
        self._close(on_time_c, self.head_c)
        self._close(late_a, self.head_a, at="2026-05-25 02:00:00")
        self.assertEqual(late_a.state, "closed")
        self.assertEqual(late_a.on_time_score, 0)
        self.assertEqual(on_time_a.on_time_score, 100)


@tagged("post_install", "-at_install")
class TestDashboard(DashboardData, SupervisionCommon):
    """The Dashboards-app dashboard (督办工作看板): its data file is valid,
    each of its queries runs for the office and returns the expected figures,
    and only the office (and the principals) see it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with file_open(DASHBOARD, "rb") as f:
            cls.snapshot = json.load(f)
        cls.dashboard = cls.env.ref(
            "university_supervision.spreadsheet_dashboard_supervision"
        )
        cls.charts = [
            figure["data"]
            for sheet in cls.snapshot["sheets"]
            for figure in sheet["figures"]
            if figure["tag"] == "chart"
        ]

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def _unit_domain(self, domain):
        """``domain`` with the dashboard's lead unit filter set to the test
        units (other items of the database stay out)."""
        units = self.unit_a | self.unit_b | self.unit_c
        return expression.AND([domain, [("lead_unit_id", "in", units.ids)]])

    def _pivot(self, name):
        pivots = [p for p in self.snapshot["pivots"].values() if p["name"] == name]
        self.assertEqual(len(pivots), 1, name)
        return pivots[0]

    def _chart(self, title):
        charts = [c for c in self.charts if c["title"]["text"] == title]
        self.assertEqual(len(charts), 1, title)
        return charts[0]

    def _run_pivot(self, pivot, user):
        """The pivot's query as the spreadsheet sends it (read_group, not lazy)."""
        measures = [
            measure["fieldName"]
            if measure["fieldName"] == "__count"
            else f"{measure['fieldName']}:{measure['aggregator']}"
            for measure in pivot["measures"]
        ]
        groupbys = [
            f"{g['fieldName']}:{g['granularity']}"
            if g.get("granularity")
            else g["fieldName"]
            for g in pivot["rows"] + pivot["columns"]
        ]
        self.env.invalidate_all()
        return (
            self.env[pivot["model"]]
            .with_user(user)
            .read_group(
                self._unit_domain(pivot["domain"]), measures, groupbys, lazy=False
            )
        )

    def _run_chart(self, chart, user):
        meta = chart["metaData"]
        self.env.invalidate_all()
        return (
            self.env[meta["resModel"]]
            .with_user(user)
            .read_group(
                self._unit_domain(chart["searchParams"]["domain"]),
                [meta["measure"]],
                meta["groupBy"],
                lazy=False,
            )
        )

    # ------------------------------------------------------------------
    # Data file
    # ------------------------------------------------------------------

    def test_data_file_is_the_dashboard_record(self):
        """The record holds the shipped file, in the Supervision group."""
        self.assertEqual(json.loads(self.dashboard.spreadsheet_data), self.snapshot)
        self.assertEqual(
            self.dashboard.dashboard_group_id,
            self.env.ref(
                "university_supervision.spreadsheet_dashboard_group_supervision"
            ),
        )
        self.assertTrue(self.dashboard.is_published)
        readonly = self.dashboard.with_user(self.officer).get_readonly_dashboard()
        self.assertEqual(
            readonly["snapshot"]["pivots"].keys(), self.snapshot["pivots"].keys()
        )

    def test_data_sources_reference_existing_fields(self):
        """Every model, field, measure, group-by and filter matching of the
        file exists, and every pivot formula points at a pivot."""
        self.assertEqual(len(self.snapshot["pivots"]), 2)
        self.assertEqual(len(self.charts), 4)
        filters = {f["id"]: f for f in self.snapshot["globalFilters"]}
        sources = [
            (pivot["model"], pivot["domain"], pivot["fieldMatching"])
            for pivot in self.snapshot["pivots"].values()
        ] + [
            (c["metaData"]["resModel"], c["searchParams"]["domain"], c["fieldMatching"])
            for c in self.charts
        ]
        for model, domain, matching in sources:
            Model = self.env[model]
            Model._search(domain)  # raises on an unknown field or operator
            self.assertEqual(matching.keys(), filters.keys())
            for filter_id, match in matching.items():
                field = Model._fields[match["chain"]]
                self.assertEqual(field.comodel_name, filters[filter_id]["modelName"])
        for pivot in self.snapshot["pivots"].values():
            Model = self.env[pivot["model"]]
            for group in pivot["rows"] + pivot["columns"]:
                fname = group["fieldName"]
                self.assertTrue(Model.fields_get([fname])[fname]["groupable"], fname)
            for measure in pivot["measures"]:
                if measure["fieldName"] != "__count":
                    field = Model._fields[measure["fieldName"]]
                    self.assertTrue(field.store, measure["fieldName"])
                    self.assertEqual(measure["aggregator"], field.aggregator)
        for chart in self.charts:
            Model = self.env[chart["metaData"]["resModel"]]
            for group in chart["metaData"]["groupBy"]:
                fname = group.split(":")[0]
                self.assertTrue(Model.fields_get([fname])[fname]["groupable"], fname)
        formula_ids = {pivot["formulaId"] for pivot in self.snapshot["pivots"].values()}
        used = {
            match
            for sheet in self.snapshot["sheets"]
            for cell in sheet["cells"].values()
            for match in PIVOT_FORMULA.findall(cell.get("content", ""))
        }
        self.assertEqual(used, formula_ids)

    # ------------------------------------------------------------------
    # Queries
    # ------------------------------------------------------------------

    def test_open_items_by_unit_and_light(self):
        """Open items counted per lead unit and light."""
        self._build_items()
        groups = self._run_pivot(
            self._pivot("Open Items by Lead Unit and Light"), self.officer
        )
        counts = {
            (g["lead_unit_id"][0], g["warning_light"]): g["__count"] for g in groups
        }
        self.assertEqual(
            counts,
            {
                (self.unit_a.id, "red"): 1,
                (self.unit_a.id, "yellow"): 1,
                (self.unit_a.id, "green"): 1,
                (self.unit_c.id, "green"): 1,
            },
        )

    def test_on_time_rate_by_unit(self):
        """The on-time rate of each unit's closed items, in percent."""
        self._build_items()
        groups = self._run_pivot(self._pivot("On-Time Rate by Lead Unit"), self.officer)
        rates = {
            g["lead_unit_id"][0]: (g["on_time_score"], g["__count"]) for g in groups
        }
        self.assertEqual(rates, {self.unit_a.id: (50, 2), self.unit_c.id: (100, 1)})

    def test_items_by_source(self):
        """Items of every state but cancelled, per source."""
        self._build_items()
        groups = self._run_chart(self._chart("Items by Source"), self.officer)
        counts = {g["source_type"]: g["__count"] for g in groups}
        self.assertEqual(
            counts,
            {
                "leader_instruction": 3,
                "superior": 1,
                "party_meeting": 2,
                "petition": 1,
                "emergency": 1,
            },
        )

    def test_overdue_trend_by_deadline_month(self):
        """Items overdue now or closed late, per month of their deadline."""
        self._build_items()
        chart = self._chart("Overdue Items by Deadline Month")
        self.assertEqual(chart["type"], "odoo_line")
        groups = self._run_chart(chart, self.officer)
        counts = {g["deadline_month"]: g["__count"] for g in groups}
        self.assertEqual(counts, {"2026-04": 1, "2026-05": 1})

    # ------------------------------------------------------------------
    # Access
    # ------------------------------------------------------------------

    def test_dashboard_for_office_only(self):
        """The office (and principals) open the dashboard; units do not."""
        Dashboard = self.env["spreadsheet.dashboard"]
        for user in (self.officer, self.manager, self.principal):
            with self.subTest(user=user.login):
                self.env.invalidate_all()
                self.assertIn(self.dashboard, Dashboard.with_user(user).search([]))
                self.dashboard.with_user(user).check_access("read")
        for user in (self.liaison_a, self.head_a, self.leader, self.internal_user):
            with self.subTest(user=user.login):
                self.env.invalidate_all()
                self.assertNotIn(self.dashboard, Dashboard.with_user(user).search([]))
                with self.assertRaises(AccessError):
                    self.dashboard.with_user(user).check_access("read")


@tagged("post_install", "-at_install")
class TestDashboardBrowser(DashboardData, SupervisionCommon, HttpCase):
    """The dashboard opens in the Dashboards app of a real browser."""

    def test_dashboard_loads_in_browser(self):
        """The office's dashboard opens without error: both tables, at the
        top, show their figures (14 clickable header and value cells on the
        test items) and the charts below them are drawn (those in the window:
        the spreadsheet draws the others when scrolled to)."""
        self._build_items()
        code = """
            const deadline = Date.now() + 60000;
            (function check() {
                const error = document.querySelector(".dashboard-loading-status.error");
                if (error) {
                    console.error("dashboard error: " + error.textContent);
                    return;
                }
                const active = document.querySelector(
                    ".o_search_panel_category_value.active .o_dashboard_name"
                );
                const cells = document.querySelectorAll(".o-dashboard-clickable-cell");
                const figures = document.querySelectorAll(".o-figure");
                if (active && cells.length >= 14 && figures.length >= 1) {
                    console.log("test successful");
                    return;
                }
                if (Date.now() > deadline) {
                    console.error(
                        `dashboard not loaded: ${active && active.textContent}, ` +
                        `${cells.length} cells, ${figures.length} figures`
                    );
                    return;
                }
                setTimeout(check, 250);
            })();
        """
        self.browser_js(
            "/odoo/action-spreadsheet_dashboard.ir_actions_dashboard_action",
            code,
            ready="odoo.isReady",
            login=self.officer.login,
            timeout=120,
        )
