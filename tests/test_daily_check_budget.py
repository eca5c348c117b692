# Part of university_supervision. See LICENSE file for full copyright and licensing details.
"""What the daily check and the digest cost in queries, pinned: an escalated
item costs a fixed number of queries (its urge, its escalation, its share of
the batch of logged notes; nobody notified), and the digests cost the same
whatever the number of items they list."""

from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import PerformanceCommon

# 11 for the note and escalation, about 3 for the urge's yearly number
ESCALATED_QUERIES = 14


@tagged("post_install", "-at_install")
class TestDailyCheckBudget(PerformanceCommon):
    def _overdue_reminders(self, count):
        return self._bulk_items(
            count,
            level="reminder",
            state="in_progress",
            deadline=date(2026, 3, 20),
            deadline_original=date(2026, 3, 20),
        )

    def _check(self, day, expected=None):
        with freeze_time(f"2026-03-{day} 02:00:00"):
            return self._queries(
                self.env["supervision.item"]._cron_check_deadlines, expected
            )

    def _close(self, items):
        items.write({"state": "closed", "is_overdue": False, "warning_light": "green"})

    def test_queries_per_escalated_item(self):
        """Each overdue reminder item urged, escalated and noted by the check
        costs at most 14 queries (36 when each fact was a notified message)."""
        self._close(self._overdue_reminders(2))
        self._check(21)  # warm-up
        items = self._overdue_reminders(3)
        fixed = self._check(22) - 3 * ESCALATED_QUERIES
        self._close(items)
        items = self._overdue_reminders(9)
        self._check(23, fixed + 9 * ESCALATED_QUERIES)
        self.env.invalidate_all()
        self.assertEqual(set(items.mapped("level")), {"key"})
        self.assertEqual(len(items.urge_ids), 9)
        notes = self.env["mail.message"].search(
            [("model", "=", "supervision.item"), ("res_id", "in", items.ids)]
        )
        self.assertEqual(len(notes.filtered(lambda m: "Urged" in m.body)), 9)
        self.assertFalse(notes.notification_ids)

    def _digest_queries(self, count, day, expected=None):
        """Queries of the digest run of ``day`` (09:00 in Shanghai) with
        ``count`` overdue items of unit A checked that day."""
        items = self._bulk_items(
            count,
            state="in_progress",
            deadline=date(2026, 3, 20),
            is_overdue=True,
            warning_light="red",
            date_checked=date(2026, 3, day),
        )
        (self.head_a | self.liaison_a).write({"supervision_digest_date": False})
        with freeze_time(f"2026-03-{day} 01:00:00"):
            queries = self._queries(
                self.env["supervision.digest"]._cron_send_digest, expected
            )
        self._close(items)
        return queries

    def test_digest_queries_independent_of_item_count(self):
        """Two people's digests cost the same queries listing 5 or 25 items."""
        self._digest_queries(2, 21)  # warm-up
        count_5 = self._digest_queries(5, 22)
        self.assertEqual(self._digest_queries(25, 23, count_5), count_5)
