# Part of university_supervision. See LICENSE file for full copyright and licensing details.
from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SupervisionCommon


@tagged("post_install", "-at_install")
class TestWorkingDays(SupervisionCommon):
    """Working days: setting ``day_mode`` and ``supervision.holiday``."""

    def _set_mode(self, mode):
        self.env["ir.config_parameter"].set_param(
            "university_supervision.day_mode", mode
        )

    def test_national_day_shipped(self):
        """The 2026 holidays and makeup workdays are shipped."""
        Holiday = self.env["supervision.holiday"]
        self.assertEqual(
            Holiday.search([("date", "=", date(2026, 10, 1))]).kind, "holiday"
        )
        self.assertEqual(
            Holiday.search([("date", "=", date(2026, 10, 10))]).kind, "workday"
        )

    def test_ack_deadline_in_working_days(self):
        """Assigned on Monday 28 September 2026 with 7 working days: the
        National Day week is skipped, the makeup Saturday 10 October counts."""
        self._set_mode("working")
        with freeze_time("2026-09-28 02:00:00"):
            item = self._create_item_in("assigned", deadline=date(2026, 12, 31))
        # 28 Sep (Mon): 29, 30 Sep, then 1-7 Oct off, 8, 9, 10 (makeup), 12, 13
        self.assertEqual(item.date_ack_deadline, date(2026, 10, 13))

    def test_ack_deadline_in_calendar_days(self):
        self._set_mode("calendar")
        with freeze_time("2026-09-28 02:00:00"):
            item = self._create_item_in("assigned", deadline=date(2026, 12, 31))
        self.assertEqual(item.date_ack_deadline, date(2026, 10, 5))

    def test_duplicate_day_refused(self):
        """A list with the same day twice is refused, nothing is created."""
        Holiday = self.env["supervision.holiday"].with_user(self.manager)
        with self.assertRaisesMessage(ValidationError, "2027-01-01"):
            Holiday.create(
                [
                    {"date": date(2027, 1, 1), "name": "元旦"},
                    {"date": date(2027, 1, 1), "name": "元旦"},
                ]
            )
        self.assertFalse(Holiday.search([("date", "=", date(2027, 1, 1))]))
        with self.assertRaisesMessage(ValidationError, "2026-10-01"):
            Holiday.create({"date": date(2026, 10, 1), "name": "国庆节"})
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            self.env.cr.execute(
                "INSERT INTO supervision_holiday (date, kind, name) "
                "VALUES ('2026-10-01', 'holiday', 'x')"
            )

    def test_only_manager_edits_holidays(self):
        Holiday = self.env["supervision.holiday"]
        for user in (self.officer, self.leader, self.head_a):
            with self.assertRaises(AccessError):
                Holiday.with_user(user).create(
                    {"date": date(2027, 1, 1), "name": "元旦"}
                )
        self.assertTrue(Holiday.with_user(self.head_a).search_count([]))
