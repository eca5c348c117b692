# Part of university_supervision. See LICENSE file for full copyright and licensing details.
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SupervisionCommon

ASSIGNED = "2026-03-02 02:00:00"  # Monday 10:00 in Beijing
LATE = "2026-03-27 02:00:00"


@tagged("post_install", "-at_install")
class TestItemInterviewUrge(SupervisionCommon):
    """Interviews from the item and numbered urge notices."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref(
            "university_supervision.seq_supervision_urge"
        ).date_range_ids.unlink()

    def _overdue_key_item(self):
        with freeze_time(ASSIGNED):
            item = self._create_item_in(
                "in_progress", level="key", deadline=date(2026, 3, 25)
            )
        with freeze_time(LATE):
            self.env["supervision.item"]._cron_check_deadlines()
        self.env.invalidate_all()
        self.assertTrue(item.is_overdue)
        return item

    def test_start_interview_from_overdue_key_item(self):
        """发起约谈 opens an interview of the unit's head by the leader in
        charge, about the item."""
        item = self._overdue_key_item()
        action = self._as(self.officer, item).action_start_interview()
        interview = (
            self.env["supervision.interview"]
            .with_user(self.officer)
            .with_context(**action["context"])
            .create({})
        )
        self.assertRecordValues(
            interview,
            [
                {
                    "unit_id": self.unit_a.id,
                    "level": "leader",
                    "interviewer_id": self.leader.id,
                    "item_ids": item.ids,
                    "interviewee_ids": self.head_a.ids,
                }
            ],
        )

    def test_start_interview_refused(self):
        """Not on an item on time; not by the unit or the leader."""
        with freeze_time(ASSIGNED):
            on_time = self._create_item_in("in_progress", level="key")
            with self.assertRaises(UserError):
                self._as(self.officer, on_time).action_start_interview()
        item = self._overdue_key_item()
        for user in (self.head_a, self.leader):
            with self.assertRaises(AccessError):
                self._as(user, item).action_start_interview()

    def test_notice_needs_date_and_place(self):
        """No interview notice is printed without its date and place."""
        item = self._overdue_key_item()
        interview = (
            self.env["supervision.interview"]
            .with_user(self.officer)
            .create({"unit_id": self.unit_a.id, "item_ids": [(6, 0, item.ids)]})
        )
        with self.assertRaisesMessage(UserError, "date and the place"):
            self.env["ir.actions.report"].with_user(self.officer)._render_qweb_html(
                "university_supervision.action_report_supervision_interview",
                interview.ids,
            )

    def test_notice_time_in_university_time_zone(self):
        """The notice's time is the university's, whoever prints it."""
        item = self._overdue_key_item()
        interview = self.env["supervision.interview"].create(
            {
                "unit_id": self.unit_a.id,
                "item_ids": [(6, 0, item.ids)],
                "date": datetime(2026, 4, 8, 7, 0),  # 15:00 in Beijing
                "place": "Room 301",
            }
        )
        self.officer.tz = "Europe/Paris"
        text = interview.with_user(self.officer).with_context(tz="Europe/Paris")
        self.assertIn("15:00", text._notice_text())

    def test_urge_yearly_number(self):
        """Urges are numbered per year: 催字〔2026〕1号, 2号..."""
        with freeze_time(ASSIGNED):
            item = self._create_item_in("in_progress")
            first = item.with_user(self.officer)._do_urge("phone", "请加快进度")
            second = item.with_user(self.officer)._do_urge("phone", "再次催办")
        self.assertEqual(first.name, "催字〔2026〕1号")
        self.assertEqual(second.name, "催字〔2026〕2号")
