# Part of university_supervision. See LICENSE file for full copyright and licensing details.
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SupervisionCommon

NOW = "2026-03-02 02:00:00"


@tagged("post_install", "-at_install")
class TestActivityUpdate(SupervisionCommon):
    """Each workflow model keeps its to-dos in one ``activity_update()``
    that maps the state to what is done and what is planned for whom."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.act_special = ref("university_supervision.mail_act_item_special_report")
        cls.act_extension = ref("university_supervision.mail_act_item_extension")

    def _todo(self, item):
        """{activity type xmlid suffix: users} of the item's open to-dos."""
        todo = {}
        for activity in item.activity_ids:
            name = activity.activity_type_id.get_external_id()[
                activity.activity_type_id.id
            ].rsplit("mail_act_item_", 1)[-1]
            todo[name] = todo.get(name, self.env["res.users"]) | activity.user_id
        return todo

    @freeze_time(NOW)
    def test_item_todos_follow_state(self):
        """Approve for the leader, acknowledge for the lead unit, then
        nothing while handled: each step closes the previous to-do."""
        item = self._create_item(deadline=date(2026, 6, 30))
        self._submit(item)
        self.assertEqual(self._todo(item), {"approve": self.leader})
        self._approve(item)
        self.assertEqual(
            self._todo(item), {"acknowledge": self.head_a | self.liaison_a}
        )
        self._acknowledge(item)
        self.assertEqual(self._todo(item), {})

    @freeze_time(NOW)
    def test_activity_update_is_idempotent(self):
        """Calling it again plans nothing twice."""
        item = self._create_item_in("assigned", deadline=date(2026, 6, 30))
        count = len(item.activity_ids)
        item.activity_update()
        item.activity_update()
        self.assertEqual(len(item.activity_ids), count)

    @freeze_time(NOW)
    def test_cancel_removes_todos(self):
        item = self._create_item_in("assigned", deadline=date(2026, 6, 30))
        self._as(self.leader, item).action_cancel(reason="Merged into another item")
        self.assertFalse(item.activity_ids)

    @freeze_time(NOW)
    def test_special_report_is_submitted_explicitly(self):
        """Saving a special report asks nothing of the leader yet; its
        submission does (NWU 第八条(三))."""
        item = self._create_item_in("in_progress", deadline=date(2026, 6, 30))
        report = (
            self.env["supervision.progress"]
            .with_user(self.head_a)
            .create(
                {
                    "item_id": item.id,
                    "unit_id": self.unit_a.id,
                    "kind": "special_report",
                    "description": "<p>The policy was withdrawn.</p>",
                }
            )
        )
        self.assertFalse(report.approval_state)
        self.assertFalse(self._open_activities(item, self.act_special))
        report.action_submit()
        self.assertEqual(report.approval_state, "pending")
        self.assertEqual(
            self._open_activities(item, self.act_special).user_id, self.leader
        )
        with self.assertRaises(UserError):
            report.action_submit()

    @freeze_time(NOW)
    def test_ordinary_report_is_not_submitted(self):
        item = self._create_item_in("in_progress", deadline=date(2026, 6, 30))
        report = item.progress_ids.filtered(lambda p: p.kind == "acknowledgement")
        with self.assertRaises(UserError):
            self._as(self.head_a, report).action_submit()

    @freeze_time(NOW)
    def test_extension_todo_for_leader_until_decided(self):
        item = self._create_item_in("in_progress", deadline=date(2026, 6, 30))
        ext = (
            self.env["supervision.extension"]
            .with_user(self.head_a)
            .create(
                {
                    "item_id": item.id,
                    "reason": "The tender failed.",
                    "date_requested": date(2026, 8, 31),
                }
            )
        )
        ext.action_submit()
        self.assertEqual(
            self._open_activities(item, self.act_extension).user_id, self.leader
        )
        self._as(self.leader, ext).action_approve()
        self.assertFalse(self._open_activities(item, self.act_extension))
