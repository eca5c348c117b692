# Part of university_supervision. See LICENSE file for full copyright and licensing details.
"""Query counts of the hot paths, pinned so that they stay independent of the
number of items (the figures at 100,000 items are in README.md, "Benchmark").

Every measure is warmed: the same call runs once before it is counted, so
that ORM caches (access rules, parameters, groups) are filled as in a running
server. Items are written directly in their state, as the superuser and
without tracking: the workflow is tested elsewhere and would take minutes for
hundreds of items.
"""

from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from ..models.supervision_assessment_report import MEASURES as REPORT_MEASURES
from .common import LIST_SPEC, PerformanceCommon


@tagged("post_install", "-at_install")
class TestDailyCheckQueries(PerformanceCommon):
    """The daily check is set-based: items needing no action cost no query
    each, and an item needing action costs a fixed number of queries."""

    def _measured_check(self, items, expected):
        self.env.invalidate_all()
        with freeze_time("2026-03-05 02:00:00"):
            count = self._queries(
                self.env["supervision.item"]._cron_check_deadlines, expected
            )
        self.env.invalidate_all()
        self.assertEqual(items.mapped("date_checked"), [date(2026, 3, 5)] * len(items))
        self.assertEqual(set(items.mapped("warning_light")), {"green"})
        return count

    def test_query_count_independent_of_item_count(self):
        """10 or 100 items needing no action take the same number of queries."""
        # warm the caches (parameters, access rules) on other items
        self._bulk_items(2)
        with freeze_time("2026-03-05 02:00:00"):
            self.env["supervision.item"]._cron_check_deadlines()
        count_10 = self._measured_check(self._bulk_items(10), 6)
        count_100 = self._measured_check(self._bulk_items(100), 6)
        self.assertEqual(count_10, count_100)

    def _escalation_queries(self, count, day):
        """Queries of the check on ``day`` over ``count`` reminder items
        overdue since 03-20: each is urged and escalated."""
        items = self._bulk_items(
            count,
            level="reminder",
            state="in_progress",
            deadline=date(2026, 3, 20),
            deadline_original=date(2026, 3, 20),
        )
        with freeze_time(f"2026-03-{day} 02:00:00"):
            queries = self._queries(self.env["supervision.item"]._cron_check_deadlines)
        self.env.invalidate_all()
        self.assertEqual(set(items.mapped("level")), {"key"})
        self.assertEqual(len(items.urge_ids), count)
        # out of the way of the next measure
        items.write({"state": "closed", "is_overdue": False, "warning_light": "green"})
        return queries

    def test_query_count_per_escalated_item(self):
        """Each overdue item costs the same number of queries (urge, escalation
        to key supervision, their logged note), however many there are."""
        self._escalation_queries(2, 21)  # warm-up
        per_item_small = (
            self._escalation_queries(6, 22) - self._escalation_queries(3, 23)
        ) / 3
        per_item_large = (
            self._escalation_queries(24, 24) - self._escalation_queries(12, 25)
        ) / 12
        self.assertEqual(per_item_small, per_item_large)
        # 11 after the digest, and 5 more since each urge draws its yearly
        # number (催字〔2026〕N号)
        self.assertEqual(per_item_small, 16)


@tagged("post_install", "-at_install")
class TestListQueries(PerformanceCommon):
    """A list page of items costs the same queries with 80 or 800 items, for
    each role that reads it through its record rules."""

    def _list_queries(self, user, expected):
        Item = self.env["supervision.item"].with_user(user)

        def first_page():
            result = Item.web_search_read(
                [], LIST_SPEC, limit=80, order=Item._order, count_limit=10001
            )
            self.assertEqual(len(result["records"]), 80)

        first_page()  # warm-up
        return self._queries(first_page, expected)

    def _assert_same_count(self, user, expected):
        self._bulk_items(80)
        count_80 = self._list_queries(user, expected)
        self._bulk_items(720)
        self.assertEqual(count_80, self._list_queries(user, expected))

    def test_list_unit_head(self):
        """The head of the lead unit, through the rule on his units."""
        self._assert_same_count(self.head_a, 14)

    def test_list_liaison(self):
        """A liaison of the assisting unit."""
        self._assert_same_count(self.liaison_b, 14)

    def test_list_leader(self):
        """The leader in charge of the lead unit."""
        self._assert_same_count(self.leader, 13)

    def test_list_officer(self):
        """The office, which sees all items."""
        self._assert_same_count(self.officer, 13)


@tagged("post_install", "-at_install")
class TestDashboardQueries(PerformanceCommon):
    """The dashboard's groupings cost the same queries with 10 or 100 items."""

    def _groups_queries(self, expected):
        Item = self.env["supervision.item"].with_user(self.officer)

        def read_groups():
            Item.read_group(
                [("state", "in", ("assigned", "in_progress"))],
                ["__count"],
                ["lead_unit_id", "warning_light"],
                lazy=False,
            )
            Item.read_group([], ["__count"], ["source_type"], lazy=False)
            Item.read_group(
                [("is_overdue", "=", True)],
                ["__count"],
                ["deadline:month"],
                lazy=False,
            )

        read_groups()  # warm-up
        return self._queries(read_groups, expected)

    def test_read_groups(self):
        """Open items by lead unit and light, items by source, overdue items
        by month of their deadline."""
        self._bulk_items(10)
        self._bulk_items(10, lead_unit_id=self.unit_c.id, is_overdue=True)
        count_20 = self._groups_queries(7)
        self._bulk_items(100, lead_unit_id=self.unit_b.id, assist_unit_ids=[])
        self._bulk_items(100, lead_unit_id=self.unit_c.id, is_overdue=True)
        self.assertEqual(count_20, self._groups_queries(7))


@tagged("post_install", "-at_install")
class TestAssessmentQueries(PerformanceCommon):
    """The assessment pivot (rows by unit and role, every measure) costs the
    same queries with 20 or 220 items, for the office and for a unit head
    whose rows go through the record rules."""

    MEASURES = [f"{fname}:sum" for fname in REPORT_MEASURES] + ["on_time_rate:avg"]

    def _assessment_queries(self, user, expected):
        Report = self.env["supervision.assessment.report"].with_user(user)

        def pivot():
            groups = Report.read_group(
                [("year", "=", 2026)],
                self.MEASURES,
                ["unit_id", "role"],
                lazy=False,
            )
            self.assertTrue(groups)

        pivot()  # warm-up
        return self._queries(pivot, expected)

    def _assert_same_count(self, user, expected):
        self._bulk_items(10)
        self._bulk_items(10, lead_unit_id=self.unit_c.id, is_overdue=True)
        count_20 = self._assessment_queries(user, expected)
        self._bulk_items(100)
        self._bulk_items(100, lead_unit_id=self.unit_c.id, is_overdue=True)
        self.assertEqual(count_20, self._assessment_queries(user, expected))

    def test_assessment_officer(self):
        """The office's pivot over every unit."""
        self._assert_same_count(self.officer, 3)

    def test_assessment_unit_head(self):
        """A unit head's pivot over his units' rows."""
        self._assert_same_count(self.head_a, 3)
