# Part of university_supervision. See LICENSE file for full copyright and licensing details.
from datetime import date

from odoo.tests import tagged

from .common import AssessmentCommon

YEAR_2026 = (("year", "=", 2026),)


@tagged("post_install", "-at_install")
class TestAssessment(AssessmentCommon):
    """The assessment rows (NWU 第九条, GDUFS 第十一条) of items closed on
    time, late, extended, overdue and returned, and who sees them."""

    def _report(self, user=None):
        report = self.env["supervision.assessment.report"]
        return self._as(user, report) if user else report

    def _table(self, user=None, domain=YEAR_2026, groupby=("unit_id", "role")):
        """{(unit name, role): figures} as the pivot by unit and role shows it."""
        rows = self._report(user)._figures(list(domain), list(groupby))
        return {
            tuple(row[g].name if g == "unit_id" else row[g] for g in groupby): {
                k: v for k, v in row.items() if k not in groupby
            }
            for row in rows
        }

    def test_items_are_checked_as_expected(self):
        """The scenario really is what the assessment is about: the items'
        dates and flags as the actions left them."""
        items = self._build_year()
        self.assertRecordValues(
            items["on_time"] + items["late"] + items["extended"] + items["overdue"],
            [
                {
                    "state": "closed",
                    "date_closed": date(2026, 3, 20),
                    "deadline": date(2026, 3, 31),
                },
                {
                    "state": "closed",
                    "date_closed": date(2026, 4, 3),
                    "deadline": date(2026, 3, 31),
                },
                {
                    "state": "closed",
                    "date_closed": date(2026, 4, 10),
                    "deadline": date(2026, 4, 15),
                },
                {
                    "state": "in_progress",
                    "date_closed": False,
                    "deadline": date(2026, 3, 31),
                },
            ],
        )
        self.assertTrue(items["overdue"].is_overdue)
        self.assertEqual(items["overdue"].level, "key")
        self.assertEqual(items["extended"].deadline_original, date(2026, 3, 31))

    def test_rows_per_unit_year_and_role(self):
        """Grouped by unit, year and role, the rows give DESIGN's table
        exactly: on time against the current and the original deadline,
        overdue (closed late or still open past the deadline), extensions and
        returns of the lead unit, urges and interviews of the unit concerned;
        cancelled and draft items do not count."""
        self._build_year()
        table = self._table(groupby=("unit_id", "year", "role"))
        self.assertEqual(
            table,
            {
                ("Academic Affairs Office", 2026, "lead"): {
                    "item_count": 4,
                    "closed_count": 3,
                    "on_time_count": 2,
                    "on_time_original_count": 1,
                    "overdue_count": 2,
                    "extension_count": 1,
                    "return_count": 0,
                    "urge_count": 2,
                    "interview_count": 1,
                    "on_time_rate": 200 / 3,
                },
                ("Academic Affairs Office", 2026, "assist"): {
                    "item_count": 1,
                    "closed_count": 1,
                    "on_time_count": 1,
                    "on_time_original_count": 1,
                    "overdue_count": 0,
                    "extension_count": 0,
                    "return_count": 0,
                    "urge_count": 0,
                    "interview_count": 0,
                    "on_time_rate": 100.0,
                },
                ("Finance Office", 2026, "lead"): {
                    "item_count": 1,
                    "closed_count": 1,
                    "on_time_count": 1,
                    "on_time_original_count": 1,
                    "overdue_count": 0,
                    "extension_count": 0,
                    "return_count": 1,
                    "urge_count": 0,
                    "interview_count": 0,
                    "on_time_rate": 100.0,
                },
                ("Finance Office", 2026, "assist"): {
                    "item_count": 4,
                    "closed_count": 3,
                    "on_time_count": 2,
                    "on_time_original_count": 1,
                    "overdue_count": 2,
                    "extension_count": 0,
                    "return_count": 0,
                    "urge_count": 1,
                    "interview_count": 0,
                    "on_time_rate": 200 / 3,
                },
            },
        )

    def test_rows_per_item(self):
        """One row per item and unit: the extended item is on time against
        its deadline but late against its original deadline; an open item's
        on-time rate is empty."""
        items = self._build_year()
        rows = (
            self._report()
            .search([("item_id", "in", (items["extended"] | items["overdue"]).ids)])
            .sorted(lambda r: (r.item_id.id, r.role != "lead"))
        )
        self.assertRecordValues(
            rows,
            [
                {
                    "item_id": items["extended"].id,
                    "unit_id": self.unit_a.id,
                    "role": "lead",
                    "level": "reminder",
                    "date": date(2026, 3, 2),
                    "closed_count": 1,
                    "on_time_count": 1,
                    "on_time_original_count": 0,
                    "overdue_count": 0,
                    "extension_count": 1,
                    "on_time_rate": 100.0,
                },
                {
                    "item_id": items["extended"].id,
                    "unit_id": self.unit_b.id,
                    "role": "assist",
                    "level": "reminder",
                    "date": date(2026, 3, 2),
                    "closed_count": 1,
                    "on_time_count": 1,
                    "on_time_original_count": 0,
                    "overdue_count": 0,
                    "extension_count": 0,
                    "on_time_rate": 100.0,
                },
                {
                    "item_id": items["overdue"].id,
                    "unit_id": self.unit_a.id,
                    "role": "lead",
                    "level": "key",
                    "date": date(2026, 3, 2),
                    "closed_count": 0,
                    "on_time_count": 0,
                    "on_time_original_count": 0,
                    "overdue_count": 1,
                    "extension_count": 0,
                    "on_time_rate": 0.0,
                },
                {
                    "item_id": items["overdue"].id,
                    "unit_id": self.unit_b.id,
                    "role": "assist",
                    "level": "key",
                    "date": date(2026, 3, 2),
                    "closed_count": 0,
                    "on_time_count": 0,
                    "on_time_original_count": 0,
                    "overdue_count": 1,
                    "extension_count": 0,
                    "on_time_rate": 0.0,
                },
            ],
        )
        # empty, not zero, in the database: it does not weigh on the average
        self.env.cr.execute(
            "SELECT COUNT(*) FROM supervision_assessment_report "
            "WHERE item_id = %s AND on_time_rate IS NULL",
            [items["overdue"].id],
        )
        self.assertEqual(self.env.cr.fetchone()[0], 2)

    def test_read_group_as_the_pivot_does(self):
        """The pivot's read_group sums the counts and averages the rate."""
        self._build_year()
        groups = self._as(self.officer, self._report()).read_group(
            list(YEAR_2026) + [("role", "=", "lead")],
            ["closed_count:sum", "on_time_count:sum", "on_time_rate:avg"],
            ["level"],
            lazy=False,
        )
        self.assertEqual(
            {g["level"]: (g["closed_count"], g["on_time_count"]) for g in groups},
            {"key": (2, 1), "reminder": (2, 2)},
        )
        self.assertEqual(
            {g["level"]: g["on_time_rate"] for g in groups},
            {"key": 50.0, "reminder": 100.0},
        )

    def test_period_filter(self):
        """Rows are filtered by the assignment date (bimonthly periods)."""
        self._build_year()
        self.assertEqual(
            self._report().search_count(
                [("date", ">=", date(2026, 3, 1)), ("date", "<=", date(2026, 4, 30))]
            ),
            10,
        )
        self.assertEqual(
            self._report().search_count(
                [("date", ">=", date(2026, 5, 1)), ("date", "<=", date(2026, 6, 30))]
            ),
            0,
        )

    def test_unit_head_sees_own_units_rows(self):
        """A unit head sees the rows of their units only, as lead and as
        assisting unit; a unit not involved sees nothing."""
        self._build_year()
        self.assertEqual(
            set(self._table(self.head_b)),
            {("Finance Office", "lead"), ("Finance Office", "assist")},
        )
        self.assertEqual(
            self._table(self.liaison_a)[("Academic Affairs Office", "lead")][
                "item_count"
            ],
            4,
        )
        self.assertEqual(self._table(self.head_c), {})

    def test_leader_sees_items_in_charge(self):
        """A leader sees the rows of the items they are in charge of; the
        principal and the office see all rows."""
        self._build_year()
        self.assertEqual(len(self._report(self.leader).search(list(YEAR_2026))), 10)
        self.assertEqual(
            len(self._report(self.leader_other).search(list(YEAR_2026))), 0
        )
        self.assertEqual(len(self._report(self.principal).search(list(YEAR_2026))), 10)
        self.assertEqual(len(self._report(self.officer).search(list(YEAR_2026))), 10)

    def test_confidential_item_counts_only_for_named_users(self):
        """A confidential item is not counted for an officer who is not
        named on it; it is for the named officer and its leader in charge."""
        with self._at("2026-03-02"):
            item = (
                self.env["supervision.item"]
                .with_user(self.officer_other)
                .create(
                    {
                        "name": "Confidential personnel matter",
                        "lead_unit_id": self.unit_c.id,
                        "assist_unit_ids": [(5, 0, 0)],
                        "deadline": date(2026, 3, 31),
                        "is_confidential": True,
                        "confidential_user_ids": [(6, 0, self.officer_other.ids)],
                    }
                )
            )
            self._as(self.officer_other, item).action_submit_for_approval()
            self._as(self.leader_other, item).action_approve()
        domain = [("item_id", "=", item.id)]
        self.assertEqual(self._report(self.officer).search_count(domain), 0)
        self.assertEqual(self._report(self.manager).search_count(domain), 0)
        self.assertEqual(self._report(self.officer_other).search_count(domain), 1)
        self.assertEqual(self._report(self.leader_other).search_count(domain), 1)
        self.assertEqual(self._report(self.head_c).search_count(domain), 0)
        self.assertEqual(self._table(self.officer), {})
        self.assertEqual(
            self._table(self.officer_other)[("Library", "lead")]["item_count"], 1
        )
