# Part of university_supervision. See LICENSE file for full copyright and licensing details.
"""Escalation of a reminder item into a key item (提醒转督办, GDUFS 第十条(一))."""

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SupervisionCommon

NOW = "2026-03-02 02:00:00"  # Monday 10:00 in Beijing
TODAY = date(2026, 3, 2)


@tagged("post_install", "-at_install")
class TestEscalate(SupervisionCommon):
    """The office escalates a reminder item into a key item."""

    @freeze_time(NOW)
    def test_escalate_reminder_item(self):
        """The office escalates a reminder item: it becomes a key item with
        the next 督办单 number of the year, keeping its reminder number."""
        self._create_item_in("assigned", level="key")  # takes 督字〔2026〕1号
        item = self._create_item_in("in_progress", level="reminder")
        self.assertEqual(item.number, "督提〔2026〕1号")
        self._as(self.officer, item).action_escalate()
        self.flush_tracking()
        self.assertRecordValues(
            item,
            [
                {
                    "state": "in_progress",
                    "level": "key",
                    "number": "督字〔2026〕2号",
                    "previous_number": "督提〔2026〕1号",
                    "date_escalated": TODAY,
                }
            ],
        )
        level_tracking = item.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "level"
        )
        self.assertEqual(
            [(t.old_value_char, t.new_value_char) for t in level_tracking],
            [("Reminder Item", "Key Item")],
        )

    @freeze_time(NOW)
    def test_escalate_notifies_leader_in_charge(self):
        """The leader in charge is notified of the escalation in the chatter."""
        item = self._create_item_in("in_progress", level="reminder")
        self._as(self.officer, item).action_escalate()
        message = self._messages_with(item, "escalated")
        self.assertEqual(len(message), 1)
        self.assertIn(self.leader.partner_id, message.partner_ids)
        self.assertIn(self.leader.partner_id, message.notification_ids.res_partner_id)

    @freeze_time(NOW)
    def test_escalate_refused_for_key_item(self):
        """A key item is not escalated again."""
        item = self._create_item_in("in_progress", level="key")
        number = item.number
        with self.assertRaisesMessage(UserError, "already a key item"):
            self._as(self.officer, item).action_escalate()
        self.assertRecordValues(item, [{"number": number, "previous_number": False}])

    @freeze_time(NOW)
    def test_escalate_refused_to_leader_and_unit(self):
        """Only the office escalates."""
        item = self._create_item_in("in_progress", level="reminder")
        for user in (self.leader, self.head_a):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._as(user, item).action_escalate()
        self.assertEqual(item.level, "reminder")

    @freeze_time(NOW)
    def test_escalate_refused_before_assignment(self):
        """A draft is simply registered as a key item, not escalated."""
        item = self._create_item(level="reminder")
        with self.assertRaises(UserError):
            self._as(self.officer, item).action_escalate()
        self.assertRecordValues(item, [{"level": "reminder", "number": False}])
