# Part of university_supervision. See LICENSE file for full copyright and licensing details.
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SupervisionCommon


@tagged("post_install", "-at_install")
class TestLeaderChange(SupervisionCommon):
    """Leaders change (GDUFS 第四条): the unit's new leader in charge takes
    over its open items and their pending decisions."""

    def test_new_leader_takes_over_open_items(self):
        pending = self._create_item_in("to_approve")
        running = self._create_item_in("in_progress")
        closed = self._create_item_in("in_progress")
        closed.sudo().write({"state": "closed"})
        self.unit_a.with_user(self.manager).leader_in_charge_id = self.leader_other
        self.flush_tracking()
        self.assertEqual(pending.leader_in_charge_id, self.leader_other)
        self.assertEqual(running.leader_in_charge_id, self.leader_other)
        self.assertEqual(closed.leader_in_charge_id, self.leader)
        self.assertEqual(
            self._open_activities(pending, self.act_approve).user_id,
            self.leader_other,
        )
        tracked = pending.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "leader_in_charge_id"
        )
        self.assertTrue(tracked)
        # the new leader decides; the former one no longer may
        with self.assertRaises(AccessError):
            self._as(self.leader, pending).action_approve()
        self._as(self.leader_other, pending).action_approve()
        self.assertEqual(pending.state, "assigned")

    def test_only_manager_changes_the_leader(self):
        with self.assertRaises(AccessError):
            self.unit_a.with_user(self.officer).leader_in_charge_id = self.leader_other
        self.assertEqual(self.unit_a.leader_in_charge_id, self.leader)
