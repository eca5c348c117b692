# Part of university_supervision. See LICENSE file for full copyright and licensing details.
"""Cancellation (撤销) and carry-over into the next year (跨年度结转,
GDUFS 第八条(三))."""

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SupervisionCommon

NOW = "2026-03-02 02:00:00"  # Monday 10:00 in Beijing


@tagged("post_install", "-at_install")
class TestCancel(SupervisionCommon):
    """The office cancels items not yet assigned, the leader in charge the
    assigned ones, always with a reason."""

    @freeze_time(NOW)
    def test_cancel_without_reason_opens_wizard(self):
        """Cancelling without a reason opens the wizard asking for one and
        cancels nothing yet."""
        item = self._create_item()
        action = self._as(self.officer, item).action_cancel()
        self.assertEqual(action["res_model"], "supervision.cancel.wizard")
        self.assertEqual(action["context"], {"default_item_ids": item.ids})
        self.assertEqual(item.state, "draft")

    @freeze_time(NOW)
    def test_office_cancels_draft(self):
        """The office cancels a registered item; the reason is kept and
        logged."""
        item = self._create_item()
        self._cancel(item, self.officer, "Duplicate of an item registered last week.")
        self.assertRecordValues(
            item,
            [
                {
                    "state": "cancelled",
                    "cancel_reason": "Duplicate of an item registered last week.",
                }
            ],
        )
        self.assertEqual(self._state_tracking(item), [("Registered", "Cancelled")])
        self.assertTrue(
            self._messages_with(item, "Duplicate of an item registered last week.")
        )

    @freeze_time(NOW)
    def test_office_cancels_item_to_approve(self):
        """The office withdraws an item waiting for approval; the leader's
        approval to-do is removed."""
        item = self._create_item_in("to_approve")
        self.assertTrue(self._open_activities(item, self.act_approve))
        self._cancel(item, self.officer, "Withdrawn by the President's Office.")
        self.assertRecordValues(
            item,
            [
                {
                    "state": "cancelled",
                    "cancel_reason": "Withdrawn by the President's Office.",
                }
            ],
        )
        self.assertFalse(item.activity_ids)

    @freeze_time(NOW)
    def test_leader_in_charge_cancels_assigned_item(self):
        """The leader in charge cancels an assigned item; the lead unit's
        acknowledgement to-dos are removed."""
        item = self._create_item_in("assigned")
        self.assertEqual(len(self._open_activities(item, self.act_acknowledge)), 2)
        self._cancel(item, self.leader, "Superseded by the new national policy.")
        self.assertRecordValues(
            item,
            [
                {
                    "state": "cancelled",
                    "cancel_reason": "Superseded by the new national policy.",
                }
            ],
        )
        self.assertFalse(item.activity_ids)

    @freeze_time(NOW)
    def test_leader_in_charge_cancels_item_in_progress(self):
        """The leader in charge may cancel with the reason given directly."""
        item = self._create_item_in("in_progress")
        self.assertIs(
            self._as(self.leader, item).action_cancel(reason="No longer needed."), True
        )
        self.assertRecordValues(
            item, [{"state": "cancelled", "cancel_reason": "No longer needed."}]
        )

    @freeze_time(NOW)
    def test_office_cannot_cancel_assigned_item(self):
        """Once assigned, the office cannot cancel an item, even with a
        reason, nor open the wizard."""
        item = self._create_item_in("assigned")
        with self.assertRaisesMessage(AccessError, "leader in charge"):
            self._as(self.officer, item).action_cancel(reason="Not needed.")
        with self.assertRaises(AccessError):
            self._as(self.officer, item).action_cancel()
        self.assertRecordValues(item, [{"state": "assigned", "cancel_reason": False}])
        self.assertEqual(len(self._open_activities(item, self.act_acknowledge)), 2)

    @freeze_time(NOW)
    def test_other_leader_cannot_cancel_assigned_item(self):
        """The lead leader who is not in charge cannot cancel."""
        item = self._create_item_in("assigned", lead_leader_id=self.leader_other.id)
        with self.assertRaisesMessage(AccessError, "leader in charge"):
            self._as(self.leader_other, item).action_cancel(reason="Not needed.")
        self.assertEqual(item.state, "assigned")

    @freeze_time(NOW)
    def test_leader_cannot_cancel_item_not_assigned(self):
        """Before assignment, cancelling is the office's business, not the
        leader's."""
        item = self._create_item_in("to_approve")
        with self.assertRaises(AccessError):
            self._as(self.leader, item).action_cancel(reason="Not needed.")
        self.assertEqual(item.state, "to_approve")

    @freeze_time(NOW)
    def test_unit_cannot_cancel(self):
        """The lead unit's head cannot cancel the item."""
        item = self._create_item_in("in_progress")
        with self.assertRaises(AccessError):
            self._as(self.head_a, item).action_cancel(reason="Too hard.")
        self.assertEqual(item.state, "in_progress")

    @freeze_time(NOW)
    def test_cancel_refused_once_closed(self):
        """A closed item, or one already cancelled, cannot be cancelled."""
        closed = self._create_item_in("closed")
        with self.assertRaises(UserError):
            self._as(self.leader, closed).action_cancel(reason="Not needed.")
        cancelled = self._create_item()
        self._as(self.officer, cancelled).action_cancel(reason="First reason.")
        with self.assertRaises(UserError):
            self._as(self.officer, cancelled).action_cancel(reason="Second reason.")
        self.assertRecordValues(
            closed | cancelled,
            [
                {"state": "closed", "cancel_reason": False},
                {"state": "cancelled", "cancel_reason": "First reason."},
            ],
        )


@tagged("post_install", "-at_install")
class TestRollOver(SupervisionCommon):
    """The office carries an open item over into a new draft."""

    @freeze_time("2026-12-28 02:00:00")
    def test_roll_over_creates_linked_draft(self):
        """The office carries an item over: a new draft continues it, linked
        both ways, with the same units and no number nor deadline."""
        item = self._create_item_in("in_progress")
        action = self._as(self.officer, item).action_roll_over()
        new_item = item.rolled_to_id
        self.assertTrue(new_item)
        self.assertEqual(action["res_id"], new_item.id)
        self.assertRecordValues(
            new_item,
            [
                {
                    "state": "draft",
                    "name": item.name,
                    "rolled_from_id": item.id,
                    "number": False,
                    "deadline": False,
                    "lead_unit_id": self.unit_a.id,
                    "assist_unit_ids": self.unit_b.ids,
                    "leader_in_charge_id": self.leader.id,
                }
            ],
        )

    @freeze_time("2026-12-28 02:00:00")
    def test_roll_over_cancels_old_item_with_reason(self):
        """The old item is cancelled, its reason naming the new item, and its
        to-dos are removed."""
        item = self._create_item_in("assigned")
        self.assertTrue(item.activity_ids)
        self._as(self.officer, item).action_roll_over()
        self.flush_tracking()
        self.assertEqual(item.state, "cancelled")
        self.assertIn("Carried over into the next year", item.cancel_reason)
        self.assertIn(item.rolled_to_id.name, item.cancel_reason)
        self.assertFalse(item.activity_ids)
        self.assertEqual(self._state_tracking(item)[-1], ("Assigned", "Cancelled"))

    @freeze_time("2026-12-28 02:00:00")
    def test_roll_over_refused_to_leader(self):
        """Only the office carries items over."""
        item = self._create_item_in("in_progress")
        with self.assertRaises(AccessError):
            self._as(self.leader, item).action_roll_over()
        self.assertRecordValues(item, [{"state": "in_progress", "rolled_to_id": False}])

    @freeze_time("2026-12-28 02:00:00")
    def test_roll_over_refused_for_submitted_item(self):
        """An item whose result is submitted is reviewed, not carried over."""
        item = self._create_item_in("submitted")
        with self.assertRaises(UserError):
            self._as(self.officer, item).action_roll_over()
        self.assertRecordValues(item, [{"state": "submitted", "rolled_to_id": False}])
