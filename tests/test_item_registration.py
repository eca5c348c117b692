# Part of university_supervision. See LICENSE file for full copyright and licensing details.
"""Registration by the office and sending for approval (NWU 第六条)."""

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SupervisionCommon


@tagged("post_install", "-at_install")
class TestItemRegistration(SupervisionCommon):
    """The office registers an item and sends it to the leader in charge;
    who may not, and in which state it cannot be sent."""

    @freeze_time("2026-03-02 02:00:00")
    def test_register_draft(self):
        """The office registers a draft item; the leader in charge comes from
        the lead unit and nothing is assigned yet."""
        item = self._create_item(level="key", deadline=date(2026, 6, 30))
        self.assertRecordValues(
            item,
            [
                {
                    "state": "draft",
                    "officer_id": self.officer.id,
                    "leader_in_charge_id": self.leader.id,
                    "number": False,
                    "date_assigned": False,
                    "date_ack_deadline": False,
                    "deadline_original": False,
                    "deadline": date(2026, 6, 30),
                }
            ],
        )

    @freeze_time("2026-03-02 02:00:00")
    def test_submit_for_approval(self):
        """The office sends a draft to the leader in charge, who gets an
        approval to-do due today."""
        item = self._create_item(level="key", deadline=date(2026, 6, 30))
        self._submit(item)
        self.assertRecordValues(
            item, [{"state": "to_approve", "number": False, "date_assigned": False}]
        )
        activity = self._open_activities(item, self.act_approve)
        self.assertRecordValues(
            activity, [{"user_id": self.leader.id, "date_deadline": date(2026, 3, 2)}]
        )

    @freeze_time("2026-03-02 02:00:00")
    def test_submit_is_tracked_with_its_subtype(self):
        """Sending for approval is logged in the chatter with the
        'Sent for Approval' subtype."""
        item = self._create_item()
        self._submit(item)
        self.assertEqual(self._state_tracking(item), [("Registered", "To Approve")])
        message = item.message_ids.filtered("tracking_value_ids")
        self.assertEqual(
            message.subtype_id,
            self.env.ref("university_supervision.mt_item_to_approve"),
        )
        self.assertEqual(message.author_id, self.officer.partner_id)

    def test_submit_refused_to_unit_head(self):
        """Only the office sends an item for approval, not the lead unit."""
        item = self._create_item()
        with self.assertRaises(AccessError):
            self._as(self.head_a, item).action_submit_for_approval()
        self.assertEqual(item.state, "draft")

    def test_submit_refused_to_leader(self):
        """Not even the leader in charge sends an item for approval."""
        item = self._create_item()
        with self.assertRaises(AccessError):
            self._as(self.leader, item).action_submit_for_approval()
        self.assertEqual(item.state, "draft")

    def test_submit_requires_deadline(self):
        """An item without deadline cannot be sent for approval."""
        item = self._create_item(deadline=False)
        with self.assertRaisesMessage(UserError, "Deadline"):
            self._as(self.officer, item).action_submit_for_approval()
        self.assertEqual(item.state, "draft")

    def test_submit_requires_leader_in_charge(self):
        """An item whose lead unit has no leader in charge cannot be sent
        for approval until one is set."""
        item = self._create_item(lead_unit_id=self.unit_b.id, assist_unit_ids=[])
        self.assertFalse(item.leader_in_charge_id)
        with self.assertRaisesMessage(UserError, "Leader in Charge"):
            self._as(self.officer, item).action_submit_for_approval()
        self.assertEqual(item.state, "draft")

    @freeze_time("2026-03-02 02:00:00")
    def test_submit_refuses_past_deadline(self):
        """An item whose deadline is already past cannot be sent for approval."""
        item = self._create_item(deadline=date(2026, 3, 1))
        with self.assertRaisesMessage(UserError, "already past"):
            self._as(self.officer, item).action_submit_for_approval()
        self.assertEqual(item.state, "draft")

    def test_submit_refused_when_already_sent(self):
        """An item waiting for approval cannot be sent again."""
        item = self._create_item_in("to_approve")
        with self.assertRaisesMessage(UserError, "To Approve"):
            self._as(self.officer, item).action_submit_for_approval()
        self.assertEqual(len(self._open_activities(item, self.act_approve)), 1)

    def test_submit_refused_when_assigned(self):
        """An assigned item cannot go back to approval."""
        item = self._create_item_in("assigned")
        with self.assertRaises(UserError):
            self._as(self.officer, item).action_submit_for_approval()
        self.assertEqual(item.state, "assigned")
