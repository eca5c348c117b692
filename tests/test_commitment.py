# Part of university_supervision. See LICENSE file for full copyright and licensing details.
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import SupervisionCommon

ASSIGNED = "2026-03-02 02:00:00"  # Monday 10:00 in Beijing
COMMITTED = date(2026, 3, 10)


@tagged("post_install", "-at_install")
class TestCommitment(SupervisionCommon):
    """Committed dates are followed (GDUFS 第九条(二))."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.act_commit = cls.env.ref("university_supervision.mail_act_item_commit")

    def _item(self):
        with freeze_time(ASSIGNED):
            item = self._create_item(deadline=date(2026, 3, 31))
            self._bring_to(item, "assigned")
            self._acknowledge(item, date_committed=COMMITTED)
        return item

    def _check(self, moment):
        with freeze_time(moment):
            self.env["supervision.item"]._cron_check_deadlines()
        self.env.invalidate_all()

    def test_reminder_before_committed_date(self):
        """Three days before the committed date the lead unit gets a to-do."""
        item = self._item()
        self._check("2026-03-05 02:00:00")
        self.assertFalse(self._open_activities(item, self.act_commit))
        self._check("2026-03-08 02:00:00")
        todos = self._open_activities(item, self.act_commit)
        self.assertEqual(todos.user_id, self.head_a | self.liaison_a)
        self.assertEqual(todos.mapped("date_deadline"), [COMMITTED, COMMITTED])
        self.assertFalse(item.commit_overdue)

    def test_commit_overdue_after_committed_date(self):
        """Once the committed date passed without a result: commit_overdue,
        a to-do for the unit and a logged note (the daily digest tells the
        unit, not a message each); the result clears both."""
        item = self._item()
        self._check("2026-03-11 02:00:00")
        self.assertTrue(item.commit_overdue)
        self.assertTrue(self._open_activities(item, self.act_commit))
        message = item.message_ids.filtered(lambda m: "new schedule" in (m.body or ""))
        self.assertEqual(len(message), 1)
        self.assertFalse(message.partner_ids)
        self.assertEqual(message.subtype_id, self.env.ref("mail.mt_note"))
        # the next day does not repeat the message
        self._check("2026-03-12 02:00:00")
        self.assertEqual(
            len(item.message_ids.filtered(lambda m: "new schedule" in (m.body or ""))),
            1,
        )
        with freeze_time("2026-03-12 04:00:00"):
            head = self._as(self.head_a, item)
            head.result_note = "<p>Done.</p>"
            head.action_submit_result()
        self.assertFalse(self._open_activities(item, self.act_commit))
        self._check("2026-03-13 02:00:00")
        self.assertFalse(item.commit_overdue)
