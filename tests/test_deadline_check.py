# Part of university_supervision. See LICENSE file for full copyright and licensing details.
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.tests import Form, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import (
    CHECK_LOGGER,
    CHECKED_FIELDS,
    DEADLINE,
    DeadlineCheckCommon,
)


@tagged("post_install", "-at_install")
class TestDeadlineCheck(DeadlineCheckCommon):
    """The daily check (DESIGN.md "Time rules"): lights, reminders, urges,
    escalation and interview proposals, computed on Shanghai's calendar."""

    # ------------------------------------------------------------------
    # Yellow light and reminder
    # ------------------------------------------------------------------

    def test_yellow_light_boundary(self):
        """The light turns yellow when the deadline is 3 days away in Shanghai
        (from 16:00 UTC the evening before), and stays yellow afterwards."""
        item = self._open_item()
        self._check_at("2026-03-16 15:59:00")  # 03-16 23:59 in Shanghai: 4 days left
        self.assertRecordValues(item, [{"warning_light": "green", "is_overdue": False}])
        self._check_at("2026-03-16 16:01:00")  # 03-17 00:01 in Shanghai: 3 days left
        self.assertRecordValues(
            item, [{"warning_light": "yellow", "is_overdue": False}]
        )
        self._check_at("2026-03-17 16:01:00")  # 03-18 in Shanghai: 2 days left
        self.assertRecordValues(
            item, [{"warning_light": "yellow", "is_overdue": False}]
        )

    def test_reminder_boundary(self):
        """No reminder 4 days before the deadline; 3 days before, the lead
        unit's head and liaison get one each, due on the deadline."""
        item = self._open_item()
        self._check_at("2026-03-16 15:59:00")
        self.assertFalse(self._reminders(item))
        self._check_at("2026-03-16 16:01:00")
        self.assertRecordValues(
            self._reminders(item).sorted("user_id"),
            [
                {"user_id": user.id, "date_deadline": DEADLINE}
                for user in (self.head_a | self.liaison_a).sorted("id")
            ],
        )

    def test_reminder_scheduled_once(self):
        """The next days in the window do not add a second reminder."""
        item = self._open_item()
        self._check_at("2026-03-16 16:01:00")
        self._check_at("2026-03-17 16:01:00")
        self._check_at("2026-03-18 16:01:00")
        self.assertEqual(len(self._reminders(item)), 2)

    # ------------------------------------------------------------------
    # Overdue
    # ------------------------------------------------------------------

    def test_overdue_boundary(self):
        """An item is overdue (red) only once its deadline day is over in
        Shanghai: not the day before nor on the day itself."""
        item = self._open_item()
        self._check_at("2026-03-19 15:59:00")  # 03-19 in Shanghai
        self.assertRecordValues(
            item, [{"warning_light": "yellow", "is_overdue": False}]
        )
        self._check_at("2026-03-20 15:59:00")  # 03-20 23:59 in Shanghai: deadline day
        self.assertRecordValues(
            item, [{"warning_light": "yellow", "is_overdue": False}]
        )
        self.assertFalse(item.urge_ids)
        self._check_at("2026-03-20 16:01:00")  # 03-21 00:01 in Shanghai
        self.assertRecordValues(item, [{"warning_light": "red", "is_overdue": True}])

    def test_overdue_system_urge(self):
        """The day after the deadline the lead unit's head is urged by the
        system, logged in the chatter (the unit is told in its digest)."""
        item = self._open_item()
        self._check_at("2026-03-20 16:01:00")
        self.assertRecordValues(
            item.urge_ids,
            [
                {
                    "channel": "system",
                    "trigger": "overdue",
                    "deadline": DEADLINE,
                    "unit_id": self.unit_a.id,
                    "target_user_id": self.head_a.id,
                }
            ],
        )
        urged = item.message_ids.filtered(lambda m: "Urged" in m.body)
        self.assertEqual(len(urged), 1)
        self.assertEqual(urged.subtype_id, self.env.ref("mail.mt_note"))
        self.assertFalse(urged.notification_ids)

    def test_overdue_urged_once_per_deadline(self):
        """An item still overdue the next days is not urged again by the system."""
        item = self._open_item(level="key")
        self._check_at("2026-03-20 16:01:00")
        self._check_at("2026-03-21 16:01:00")
        self._check_at("2026-03-22 16:01:00")
        self.assertEqual(len(self._system_urges(item, "overdue")), 1)

    # ------------------------------------------------------------------
    # Late acknowledgement
    # ------------------------------------------------------------------

    def test_ack_overdue_boundary(self):
        """An assigned item is late to acknowledge from the day after its
        acknowledgement deadline (03-08) in Shanghai, and urged for it."""
        item = self._open_item(deadline=date(2026, 6, 30), state="assigned")
        self.assertEqual(item.date_ack_deadline, date(2026, 3, 8))
        self._check_at("2026-03-07 02:00:00")  # the day before
        self.assertFalse(item.ack_overdue)
        self._check_at("2026-03-08 15:59:00")  # 03-08 23:59 in Shanghai
        self.assertFalse(item.ack_overdue)
        self.assertFalse(item.urge_ids)
        self._check_at("2026-03-08 16:01:00")  # 03-09 00:01 in Shanghai
        self.assertRecordValues(
            item, [{"ack_overdue": True, "is_overdue": False, "warning_light": "green"}]
        )
        self.assertRecordValues(
            item.urge_ids,
            [
                {
                    "channel": "system",
                    "trigger": "ack_overdue",
                    "target_user_id": self.head_a.id,
                }
            ],
        )
        # still late the next day: not urged again
        self._check_at("2026-03-09 16:01:00")
        self.assertTrue(item.ack_overdue)
        self.assertEqual(len(item.urge_ids), 1)

    def test_ack_overdue_not_for_acknowledged_item(self):
        """An item acknowledged in time is never late to acknowledge."""
        item = self._open_item(deadline=date(2026, 6, 30))
        self._check_at("2026-03-09 02:00:00")
        self.assertFalse(item.ack_overdue)
        self.assertFalse(item.urge_ids)

    def test_ack_overdue_cleared_after_late_acknowledgement(self):
        """Once the unit acknowledges late, the next check clears the flag
        and does not urge again."""
        item = self._open_item(deadline=date(2026, 6, 30), state="assigned")
        self._check_at("2026-03-09 02:00:00")
        self.assertTrue(item.ack_overdue)
        with freeze_time("2026-03-09 03:00:00"):
            self._acknowledge(item)
        self._check_at("2026-03-10 02:00:00")
        self.assertFalse(item.ack_overdue)
        self.assertEqual(len(item.urge_ids), 1)

    # ------------------------------------------------------------------
    # Escalation of reminder items
    # ------------------------------------------------------------------

    def test_overdue_reminder_item_escalated(self):
        """An overdue reminder item becomes a key item with a 督字 number,
        keeping its reminder number (GDUFS 第十条(一)1)."""
        item = self._open_item(level="reminder")
        self.assertEqual(item.number, "督提〔2026〕1号")
        self._check_at("2026-03-20 15:59:00")
        self.assertEqual(item.level, "reminder")
        self._check_at("2026-03-20 16:01:00")
        self.assertRecordValues(
            item,
            [
                {
                    "level": "key",
                    "number": "督字〔2026〕1号",
                    "previous_number": "督提〔2026〕1号",
                    "is_overdue": True,
                }
            ],
        )
        self.assertEqual(len(self._system_urges(item, "overdue")), 1)

    def test_no_escalation_when_auto_escalate_off(self):
        """With the setting off, an overdue reminder item stays a reminder
        item (but is still urged)."""
        self._set_param("auto_escalate", "False")
        item = self._open_item(level="reminder")
        self._check_at("2026-03-20 16:01:00")
        self.assertRecordValues(
            item,
            [
                {
                    "level": "reminder",
                    "number": "督提〔2026〕1号",
                    "previous_number": False,
                    "is_overdue": True,
                }
            ],
        )
        self.assertEqual(len(self._system_urges(item, "overdue")), 1)

    # ------------------------------------------------------------------
    # Interview proposals
    # ------------------------------------------------------------------

    def test_no_interview_on_first_overdue_day(self):
        """A key item not urged before today is only urged, not interviewed."""
        item = self._open_item(level="key")
        self._check_at("2026-03-20 16:01:00")
        self.assertEqual(len(item.urge_ids), 1)
        self.assertFalse(item.interview_ids)

    def test_leader_interview_proposed_after_urging(self):
        """A key item still overdue after being urged gets a draft interview
        of the unit's head by the leader in charge (NWU 第七条(一)), with a
        to-do for the office staff."""
        item = self._open_item(level="key")
        self._check_at("2026-03-20 16:01:00")  # urged on 03-21 in Shanghai
        self._check_at("2026-03-21 16:01:00")
        self.assertRecordValues(
            item.interview_ids,
            [
                {
                    "state": "draft",
                    "level": "leader",
                    "unit_id": self.unit_a.id,
                    "interviewer_id": self.leader.id,
                    "interviewee_ids": self.head_a.ids,
                }
            ],
        )
        self.assertRecordValues(
            item.interview_ids.activity_ids,
            [{"activity_type_id": self.act_todo.id, "user_id": self.officer.id}],
        )
        self.assertEqual(len(item.urge_ids), 1)
        self._check_at("2026-03-22 16:01:00")  # the draft is not proposed twice
        self.assertEqual(len(item.interview_ids), 1)

    def test_principal_interview_after_held_leader_interview(self):
        """When the lead unit already had a held leader interview for the
        item, a principal interview of its principal heads is proposed
        (NWU 第七条(二))."""
        secretary = mail_new_test_user(
            self.env,
            login="sv_secretary_a",
            groups="base.group_user",
            name="Party Secretary of Academic Affairs",
        )
        self.unit_a.principal_head_ids = secretary
        item = self._open_item(level="key")
        self._check_at("2026-03-20 16:01:00")
        held = self.env["supervision.interview"].create(
            {
                "item_ids": [Command.link(item.id)],
                "unit_id": self.unit_a.id,
                "level": "leader",
                "interviewer_id": self.leader.id,
                "interviewee_ids": [Command.set(self.head_a.ids)],
                "state": "held",
            }
        )
        self._check_at("2026-03-21 16:01:00")
        proposed = item.interview_ids - held
        self.assertRecordValues(
            proposed,
            [
                {
                    "state": "draft",
                    "level": "principal",
                    "unit_id": self.unit_a.id,
                    "interviewee_ids": secretary.ids,
                }
            ],
        )

    def test_other_unit_interview_does_not_count_for_lead_unit(self):
        """A held leader interview of an assisting unit about the item is not
        one of the lead unit: the lead unit gets a leader interview first."""
        item = self._open_item(level="key")
        self._check_at("2026-03-20 16:01:00")
        other = self.env["supervision.interview"].create(
            {
                "item_ids": [Command.link(item.id)],
                "unit_id": self.unit_b.id,
                "level": "leader",
                "interviewee_ids": [Command.set(self.head_b.ids)],
                "state": "held",
            }
        )
        self._check_at("2026-03-21 16:01:00")
        self.assertRecordValues(
            item.interview_ids - other,
            [
                {
                    "state": "draft",
                    "level": "leader",
                    "unit_id": self.unit_a.id,
                    "interviewee_ids": self.head_a.ids,
                }
            ],
        )

    def test_no_interview_when_setting_off(self):
        """With ``propose_interview`` off, an urged overdue key item gets no
        interview."""
        self._set_param("propose_interview", "False")
        item = self._open_item(level="key")
        self._check_at("2026-03-20 16:01:00")
        self._check_at("2026-03-21 16:01:00")
        self.assertTrue(item.is_overdue)
        self.assertFalse(item.interview_ids)

    # ------------------------------------------------------------------
    # Dates written by the check are Shanghai's, whatever the hour
    # ------------------------------------------------------------------

    def test_escalation_dated_and_numbered_in_university_day(self):
        """Run at the cron's hour (17:00 UTC) on 31 December, the check is
        already on 1 January in Shanghai: the escalation is dated that day
        and numbered in the new year's register."""
        item = self._open_item(
            deadline=date(2026, 12, 31), level="reminder", at="2026-12-01 02:00:00"
        )
        self._check_at("2026-12-31 17:00:00")
        self.assertRecordValues(
            item,
            [
                {
                    "level": "key",
                    "date_escalated": date(2027, 1, 1),
                    "number": "督字〔2027〕1号",
                }
            ],
        )

    def test_interview_todo_due_three_days_after_university_day(self):
        """The office's to-do for a proposed interview is due three days
        after the day of the check in Shanghai, also at the cron's hour."""
        item = self._open_item(level="key")
        self._check_at("2026-03-20 17:00:00")  # 03-21 01:00 in Shanghai
        self._check_at("2026-03-21 17:00:00")  # 03-22 01:00 in Shanghai
        self.assertRecordValues(
            item.interview_ids.activity_ids, [{"date_deadline": date(2026, 3, 25)}]
        )

    def test_no_interview_when_first_urged_in_the_same_run(self):
        """At the cron's hour, a key item whose acknowledgement deadline and
        deadline passed the same day is urged twice in the same run but not
        interviewed yet: no urge was made before that day."""
        item = self._open_item(deadline=date(2026, 3, 8), state="assigned")
        self._check_at("2026-03-08 17:00:00")  # 03-09 01:00 in Shanghai
        self.assertRecordValues(item, [{"is_overdue": True, "ack_overdue": True}])
        self.assertEqual(
            set(item.urge_ids.mapped("trigger")), {"ack_overdue", "overdue"}
        )
        self.assertFalse(item.interview_ids)

    def test_urge_earlier_the_same_shanghai_day_is_not_before_today(self):
        """An urge by the office at 07:00 in Shanghai (23:00 UTC the day
        before) is an urge of today: the first check after it, later that
        day, does not yet propose an interview."""
        item = self._open_item(level="key")
        with freeze_time("2026-03-21 23:00:00"):  # 03-22 07:00 in Shanghai
            wizard = Form(
                self.env["supervision.urge.wizard"]
                .with_user(self.officer)
                .with_context(default_item_ids=item.ids)
            )
            wizard.channel = "phone"
            wizard.note = "Called the head of the office."
            wizard.save().action_confirm()
        self._check_at("2026-03-22 02:00:00")  # 03-22 10:00 in Shanghai
        self.assertTrue(item.is_overdue)
        self.assertEqual(sorted(item.urge_ids.mapped("channel")), ["phone", "system"])
        self.assertFalse(item.interview_ids)

    # ------------------------------------------------------------------
    # Items out of the open states
    # ------------------------------------------------------------------

    def test_items_out_of_open_states_never_flagged(self):
        """Submitted, closed and cancelled items long past their deadlines
        get no light, flag, urge or reminder."""
        submitted = self._open_item(level="key")
        closed = self._open_item(level="reminder")
        cancelled = self._open_item(state="assigned")
        with freeze_time("2026-03-02 02:00:00"):
            self._submit_result(submitted)
            self._submit_result(closed)
            self._as(self.officer, closed).action_review_pass()
            self._as(self.leader, cancelled).action_cancel(reason="No longer needed")
        items = submitted | closed | cancelled
        self.assertEqual(items.mapped("state"), ["submitted", "closed", "cancelled"])
        self._check_at("2026-03-25 02:00:00")
        self.assertRecordValues(
            items,
            [{"warning_light": "green", "is_overdue": False, "ack_overdue": False}] * 3,
        )
        self.assertFalse(items.urge_ids)
        self.assertFalse(
            items.activity_ids.filtered(
                lambda a: a.activity_type_id == self.act_deadline
            )
        )
        self.assertEqual(closed.level, "reminder")

    def test_flags_cleared_when_item_leaves_open_states(self):
        """Flags of an item that is submitted or cancelled are cleared by the
        next check, even on the same day."""
        submitted = self._open_item(level="key")
        cancelled = self._open_item(state="assigned")
        self._check_at("2026-03-25 02:00:00")
        self.assertRecordValues(
            submitted | cancelled,
            [
                {"warning_light": "red", "is_overdue": True, "ack_overdue": False},
                {"warning_light": "red", "is_overdue": True, "ack_overdue": True},
            ],
        )
        with freeze_time("2026-03-25 03:00:00"):
            self._submit_result(submitted)
            self._as(self.leader, cancelled).action_cancel(reason="No longer needed")
        self._check_at("2026-03-25 04:00:00")
        self.assertRecordValues(
            submitted | cancelled,
            [{"warning_light": "green", "is_overdue": False, "ack_overdue": False}] * 2,
        )

    # ------------------------------------------------------------------
    # Idempotence, failures, batches
    # ------------------------------------------------------------------

    def test_second_run_same_day_changes_nothing(self):
        """A second run the same Shanghai day (after UTC midnight) adds no
        urge, activity, message or interview and leaves the items as they are."""
        yellow = self._open_item(deadline=date(2026, 3, 20))
        escalated = self._open_item(deadline=date(2026, 3, 16), level="reminder")
        interviewed = self._open_item(deadline=date(2026, 3, 15), level="key")
        late_ack = self._open_item(
            deadline=date(2026, 6, 30), state="assigned", at="2026-03-09 02:00:00"
        )
        items = yellow | escalated | interviewed | late_ack
        self._check_at("2026-03-16 02:00:00")  # 03-16 in Shanghai
        before_first = self._counts()
        self._check_at("2026-03-16 16:30:00")  # 03-17 00:30 in Shanghai
        after_first = self._counts()
        # the first run of the day did act on every item
        self.assertEqual(len(self._reminders(yellow)), 2)
        self.assertEqual(escalated.level, "key")
        self.assertEqual(len(interviewed.interview_ids), 1)
        self.assertEqual(len(self._system_urges(late_ack, "ack_overdue")), 1)
        for model in (
            "mail.message",
            "mail.activity",
            "supervision.urge",
            "supervision.interview",
        ):
            self.assertGreater(after_first[model], before_first[model], model)
        values = items.read(CHECKED_FIELDS)

        self._check_at("2026-03-17 02:00:00")  # 03-17 10:00 in Shanghai
        self.assertEqual(self._counts(), after_first)
        self.assertEqual(items.read(CHECKED_FIELDS), values)

    def test_failing_item_does_not_stop_the_batch(self):
        """An item the check cannot handle (its escalation fails on a
        misconfigured 督字 register) is logged and noted on its chatter, keeps
        its flags but nothing half-done of its rules; the items after it are
        handled."""
        failing = self._open_item(level="reminder")
        overdue = self._open_item(level="key")
        yellow = self._open_item(deadline=date(2026, 3, 23))
        # an administrator mistypes the prefix of the 督办单 register
        key_register = self.env.ref("university_supervision.seq_supervision_item_key")
        key_register.prefix = "督字〔%(range_yaer)s〕"
        with self.assertLogs(CHECK_LOGGER, level="ERROR") as logs:
            self._check_at("2026-03-20 16:01:00")
        self.assertEqual(len(logs.records), 1)
        self.assertIn(str(failing.id), logs.output[0])
        note = failing.message_ids.filtered(
            lambda m: "The daily check failed" in m.body
        )
        self.assertEqual(len(note), 1)
        self.assertIn("Invalid prefix or suffix", note.body)
        # flags are set, but nothing of the failed rules is kept half-done
        self.assertRecordValues(
            failing,
            [{"is_overdue": True, "level": "reminder", "number": "督提〔2026〕1号"}],
        )
        self.assertFalse(failing.urge_ids)
        # the other items were processed
        self.assertEqual(len(self._system_urges(overdue, "overdue")), 1)
        self.assertEqual(len(self._reminders(yellow)), 2)

    def test_batches(self):
        """With batches of 2, five items take three calls: each call handles
        the next two by id and says how many remain."""
        items = (
            self.env["supervision.item"]
            .concat(*(self._open_item(at="2026-03-10 02:00:00") for _i in range(5)))
            .sorted("id")
        )
        self.assertEqual(self._check_at("2026-03-17 02:00:00", batch_size=2), 3)
        self.assertEqual(
            items.mapped("warning_light"),
            ["yellow", "yellow", "green", "green", "green"],
        )
        self.assertEqual(self._check_at("2026-03-17 02:10:00", batch_size=2), 1)
        self.assertEqual(
            items.mapped("warning_light"),
            ["yellow", "yellow", "yellow", "yellow", "green"],
        )
        self.assertEqual(self._check_at("2026-03-17 02:20:00", batch_size=2), 0)
        self.assertEqual(items.mapped("warning_light"), ["yellow"] * 5)
        self.assertEqual(self._check_at("2026-03-17 02:30:00", batch_size=2), 0)

    def test_batch_progress_notified(self):
        """In a cron job, each batch reports done and remaining items."""
        for _i in range(5):
            self._open_item(at="2026-03-10 02:00:00")
        cron = self.env.ref("university_supervision.ir_cron_check_deadlines")
        cron, progress = cron._add_progress()
        with freeze_time("2026-03-17 02:00:00"):
            cron.env["supervision.item"]._cron_check_deadlines(batch_size=2)
        self.assertRecordValues(progress, [{"done": 2, "remaining": 3}])

    def test_scheduled_action_runs_the_check(self):
        """The daily scheduled action runs the check and reports its progress."""
        items = self.env["supervision.item"].concat(
            *(self._open_item(at="2026-03-10 02:00:00") for _i in range(3))
        )
        cron = self.env.ref("university_supervision.ir_cron_check_deadlines")
        self.assertRecordValues(
            cron, [{"active": True, "interval_number": 1, "interval_type": "days"}]
        )
        cron, progress = cron.with_user(cron.user_id)._add_progress()
        with freeze_time("2026-03-17 02:00:00"):
            cron.ir_actions_server_id.run()
        self.env.invalidate_all()
        self.assertRecordValues(progress, [{"done": 3, "remaining": 0}])
        self.assertEqual(items.mapped("warning_light"), ["yellow"] * 3)
