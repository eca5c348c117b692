# Part of university_supervision. See LICENSE file for full copyright and licensing details.
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import SupervisionCommon

ASSIGNED = "2026-03-02 02:00:00"  # Monday 10:00 in Beijing
DEADLINE = date(2026, 3, 25)
LATE = "2026-03-27 02:00:00"  # two days after the deadline
NEW_LIMIT = date(2026, 4, 30)


@tagged("post_install", "-at_install")
class TestTimeLimit(SupervisionCommon):
    """New time limits (GDUFS 第十条(一), NWU 第六条(二)(三)): the office asks
    for one on an overdue item, the leader in charge decides; the flags, the
    light and the to-dos follow any deadline change at once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.act_deadline = cls.env.ref("university_supervision.mail_act_item_deadline")

    def _overdue_item(self):
        with freeze_time(ASSIGNED):
            item = self._create_item_in("in_progress", deadline=DEADLINE)
        with freeze_time(LATE):
            self.env["supervision.item"]._cron_check_deadlines()
        self.env.invalidate_all()
        self.assertRecordValues(item, [{"is_overdue": True, "warning_light": "red"}])
        return item

    def _new_limit(self, item, user=None, date_requested=NEW_LIMIT):
        """The office's request, filled in the dialog the item's button opens."""
        user = user or self.officer
        self.env.invalidate_all()
        context = item.with_user(user).action_request_new_limit()["context"]
        with Form(
            self.env["supervision.extension"].with_user(user).with_context(**context)
        ) as form:
            form.date_requested = date_requested
            form.reason = "The college consultation was delayed by the office."
        return form.record

    @freeze_time(LATE)
    def test_office_new_limit_on_overdue_item(self):
        """Approved by the leader in charge: the deadline moves, the original
        stays, the item is green and no longer overdue at once."""
        item = self._overdue_item()
        ext = self._new_limit(item)
        self.assertEqual(ext.origin, "office")
        ext.action_submit()
        self.assertEqual(ext.state, "submitted")
        self._as(self.leader, ext).action_approve()
        self.env.invalidate_all()
        self.assertRecordValues(
            item,
            [
                {
                    "deadline": NEW_LIMIT,
                    "deadline_original": DEADLINE,
                    "is_overdue": False,
                    "warning_light": "green",
                }
            ],
        )

    @freeze_time(LATE)
    def test_new_limit_refused_input(self):
        """A new limit before today, or on an item on time, is refused with
        nothing changed."""
        item = self._overdue_item()
        ext = self._new_limit(item, date_requested=date(2026, 3, 26))
        with self.assertRaisesMessage(UserError, "before today"):
            ext.action_submit()
        self.assertEqual(ext.state, "draft")
        on_time = self._create_item_in("in_progress", deadline=NEW_LIMIT)
        ext2 = self._new_limit(on_time, date_requested=date(2026, 5, 30))
        with self.assertRaisesMessage(UserError, "overdue or escalated"):
            ext2.action_submit()
        self.assertEqual(on_time.deadline, NEW_LIMIT)

    @freeze_time(LATE)
    def test_new_limit_roles(self):
        """Only the office asks for a new limit; only the leader in charge
        decides it."""
        item = self._overdue_item()
        for user in (self.head_a, self.leader):
            with self.assertRaises(AccessError):
                self._as(user, item).action_request_new_limit()
        with self.assertRaises(AccessError):
            self.env["supervision.extension"].with_user(self.liaison_a).create(
                {
                    "item_id": item.id,
                    "origin": "office",
                    "reason": "x",
                    "date_requested": NEW_LIMIT,
                }
            )
        ext = self._new_limit(item)
        ext.action_submit()
        for user in (self.leader_other, self.officer, self.head_a):
            with self.assertRaises(AccessError):
                self._as(user, ext).action_approve()
        self.assertEqual(item.deadline, DEADLINE)

    def test_approved_extension_turns_light_green_at_once(self):
        """A unit's extension approved while the light is yellow: green, and
        the "due soon" to-dos gone, without waiting for the daily check."""
        with freeze_time(ASSIGNED):
            item = self._create_item_in("in_progress", deadline=DEADLINE)
        with freeze_time("2026-03-23 02:00:00"):
            self.env["supervision.item"]._cron_check_deadlines()
            self.env.invalidate_all()
            self.assertEqual(item.warning_light, "yellow")
            self.assertTrue(self._open_activities(item, self.act_deadline))
            ext = (
                self.env["supervision.extension"]
                .with_user(self.liaison_a)
                .create(
                    {
                        "item_id": item.id,
                        "reason": "One more month.",
                        "date_requested": NEW_LIMIT,
                    }
                )
            )
            ext.action_submit()
            self._as(self.leader, ext).action_approve()
            self.env.invalidate_all()
            self.assertEqual(item.warning_light, "green")
            self.assertFalse(self._open_activities(item, self.act_deadline))

    def _returned_item(self, rectify_by):
        """Assigned on 2 March, due 25 March, its result returned on 24 March
        with ``rectify_by`` as the rectification deadline."""
        with freeze_time(ASSIGNED):
            item = self._create_item_in("in_progress", deadline=DEADLINE)
        with freeze_time("2026-03-24 02:00:00"):
            head = self._as(self.head_a, item)
            head.result_note = "<p>Plan drafted.</p>"
            head.action_submit_result()
            self.env["supervision.return.wizard"].with_user(self.officer).create(
                {
                    "item_id": item.id,
                    "findings": "<p>The colleges were not consulted.</p>",
                    "rectification_deadline": rectify_by,
                }
            ).action_confirm()
        self.env.invalidate_all()
        self.assertEqual(item.state, "in_progress")
        return item

    def test_rectification_deadline_measures_lateness(self):
        """While rectifying, the item is late only after its rectification
        deadline: no overdue urge before it, overdue after it."""
        item = self._returned_item(date(2026, 4, 10))
        with freeze_time(LATE):
            self.env["supervision.item"]._cron_check_deadlines()
        self.env.invalidate_all()
        self.assertRecordValues(item, [{"is_overdue": False, "level": "reminder"}])
        self.assertFalse(item.urge_ids.filtered(lambda u: u.trigger == "overdue"))
        with freeze_time("2026-04-11 02:00:00"):
            self.env["supervision.item"]._cron_check_deadlines()
        self.env.invalidate_all()
        self.assertRecordValues(item, [{"is_overdue": True, "warning_light": "red"}])

    def test_rectification_deadline_before_deadline_ignored(self):
        """An earlier rectification deadline does not shorten the deadline."""
        item = self._returned_item(date(2026, 3, 24))
        self.assertEqual(item._time_limit(), DEADLINE)
