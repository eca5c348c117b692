# Part of university_supervision. See LICENSE file for full copyright and licensing details.
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SupervisionCommon


@tagged("post_install", "-at_install")
class TestItemWorkflow(SupervisionCommon):
    """Registration → approval → assignment → acknowledgement (NWU 第六条,
    GDUFS 第九条/第十条)."""

    def _done_messages(self, item, activity_type):
        """Chatter messages logged when an activity of ``activity_type`` was done."""
        return item.message_ids.filtered(
            lambda m: m.mail_activity_type_id == activity_type
        )

    # ------------------------------------------------------------------
    # Happy path, step by step
    # ------------------------------------------------------------------

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

    @freeze_time("2026-03-02 02:00:00")
    def test_approve_assigns_key_item(self):
        """The leader in charge approves: the item is assigned today, must be
        acknowledged within 7 days, keeps its original deadline and gets a
        督办单 number."""
        item = self._create_item_in(
            "to_approve", level="key", deadline=date(2026, 6, 30)
        )
        self._approve(item)
        self.assertRecordValues(
            item,
            [
                {
                    "state": "assigned",
                    "date_assigned": date(2026, 3, 2),
                    "date_ack_deadline": date(2026, 3, 9),
                    "deadline_original": date(2026, 6, 30),
                    "deadline": date(2026, 6, 30),
                    "number": "督字〔2026〕1号",
                    "year": 2026,
                }
            ],
        )

    @freeze_time("2026-03-02 02:00:00")
    def test_ack_deadline_defaults_to_seven_days(self):
        """Without the acknowledgement setting (never set, or cleared in the
        settings, which deletes it), the regulation's 7 days apply, as the
        settings form shows (GDUFS 第九条(二))."""
        self.env["ir.config_parameter"].set_param(
            "university_supervision.ack_days", False
        )
        item = self._create_item_in("assigned")
        self.assertRecordValues(
            item,
            [
                {
                    "date_assigned": date(2026, 3, 2),
                    "date_ack_deadline": date(2026, 3, 9),
                }
            ],
        )
        self.assertEqual(
            self._open_activities(item, self.act_acknowledge).mapped("date_deadline"),
            [date(2026, 3, 9)] * 2,
        )

    @freeze_time("2026-03-02 02:00:00")
    def test_approve_assigns_reminder_item(self):
        """A reminder item gets a 工作进展提醒单 number, not a 督办单 one."""
        item = self._create_item_in("to_approve", level="reminder")
        self._approve(item)
        self.assertRecordValues(
            item, [{"state": "assigned", "number": "督提〔2026〕1号"}]
        )

    def test_numbers_per_level_restart_every_year(self):
        """Numbers count per level and start again at 1 every year."""
        with freeze_time("2026-12-30 02:00:00"):
            key_1 = self._create_item_in("assigned", level="key")
            reminder_1 = self._create_item_in("assigned", level="reminder")
            key_2 = self._create_item_in("assigned", level="key")
        with freeze_time("2027-01-04 02:00:00"):
            key_2027 = self._create_item_in("assigned", level="key")
            reminder_2027 = self._create_item_in("assigned", level="reminder")
        self.assertRecordValues(
            key_1 | reminder_1 | key_2 | key_2027 | reminder_2027,
            [
                {"number": "督字〔2026〕1号", "year": 2026},
                {"number": "督提〔2026〕1号", "year": 2026},
                {"number": "督字〔2026〕2号", "year": 2026},
                {"number": "督字〔2027〕1号", "year": 2027},
                {"number": "督提〔2027〕1号", "year": 2027},
            ],
        )

    def test_refused_approval_uses_up_no_number(self):
        """A form number is only used by an approval that succeeds, so the
        register of 督办单 numbers has no gaps."""
        with freeze_time("2026-03-02 02:00:00"):
            first = self._create_item_in("assigned", level="key")
            late = self._create_item_in(
                "to_approve", level="key", deadline=date(2026, 3, 10)
            )
            other = self._create_item_in("to_approve", level="key")
        with freeze_time("2026-03-11 02:00:00"):
            # the deadline passed while waiting: this approval is refused
            with self.assertRaises(UserError):
                self._as(self.leader, late).action_approve()
            self._approve(other)
        self.assertRecordValues(
            first | late | other,
            [
                {"state": "assigned", "number": "督字〔2026〕1号"},
                {"state": "to_approve", "number": False},
                {"state": "assigned", "number": "督字〔2026〕2号"},
            ],
        )

    def test_assignment_date_is_the_local_date(self):
        """At 01:00 in Beijing (17:00 UTC the day before) the item is
        assigned on the local date, and numbered in the local year."""
        with freeze_time("2026-12-31 02:00:00"):
            item = self._create_item_in("to_approve", level="key")
        with freeze_time("2026-12-31 17:00:00"):
            self._approve(item)
        self.assertRecordValues(
            item,
            [
                {
                    "date_assigned": date(2027, 1, 1),
                    "date_ack_deadline": date(2027, 1, 8),
                    "number": "督字〔2027〕1号",
                }
            ],
        )

    @freeze_time("2026-03-02 02:00:00")
    def test_approve_is_tracked_and_authored_by_the_leader(self):
        """The assignment is logged with the 'Assigned' subtype and authored
        by the leader who approved, though the write is done in sudo."""
        item = self._create_item_in("to_approve", level="key")
        self._approve(item)
        self.assertEqual(
            self._state_tracking(item),
            [("Registered", "To Approve"), ("To Approve", "Assigned")],
        )
        message = item.message_ids.filtered(
            lambda m: (
                "state" in m.tracking_value_ids.field_id.mapped("name")
                and m.subtype_id
                == self.env.ref("university_supervision.mt_item_assigned")
            )
        )
        self.assertEqual(len(message), 1)
        self.assertEqual(message.author_id, self.leader.partner_id)
        tracked = message.tracking_value_ids.field_id.mapped("name")
        self.assertIn("number", tracked)
        self.assertIn("date_assigned", tracked)

    @freeze_time("2026-03-02 02:00:00")
    def test_approve_closes_approval_activity(self):
        """Approving marks the leader's approval to-do as done."""
        item = self._create_item_in("to_approve")
        self._approve(item)
        self.assertFalse(self._open_activities(item, self.act_approve))
        done = self._done_messages(item, self.act_approve)
        self.assertEqual(len(done), 1)
        self.assertEqual(done.author_id, self.leader.partner_id)

    @freeze_time("2026-03-02 02:00:00")
    def test_approve_schedules_acknowledgement_for_lead_unit(self):
        """The lead unit's head and liaison each get an acknowledgement to-do
        due on the acknowledgement deadline; the assisting unit gets none."""
        item = self._create_item_in("assigned")
        activities = self._open_activities(item, self.act_acknowledge)
        self.assertEqual(activities.user_id, self.head_a | self.liaison_a)
        self.assertEqual(set(activities.mapped("date_deadline")), {date(2026, 3, 9)})

    @freeze_time("2026-03-02 02:00:00")
    def test_acknowledge_by_lead_unit_head(self):
        """The head of the lead unit acknowledges with committed date,
        measures, completion form and handler: the item is in progress."""
        item = self._create_item_in("assigned", deadline=date(2026, 6, 30))
        with freeze_time("2026-03-05 02:00:00"):
            self._acknowledge(item, date_committed=date(2026, 6, 15))
        self.assertRecordValues(
            item,
            [
                {
                    "state": "in_progress",
                    "date_acknowledged": date(2026, 3, 5),
                    "date_committed": date(2026, 6, 15),
                    "completion_form": "Written report",
                    "handler_id": self.liaison_a.id,
                    "handler_phone": "029-88300000",
                    "deadline": date(2026, 6, 30),
                    "deadline_original": date(2026, 6, 30),
                }
            ],
        )
        self.assertEqual(
            self._state_tracking(item),
            [
                ("Registered", "To Approve"),
                ("To Approve", "Assigned"),
                ("Assigned", "In Progress"),
            ],
        )

    @freeze_time("2026-03-02 02:00:00")
    def test_acknowledge_by_lead_unit_liaison(self):
        """A liaison of the lead unit may acknowledge as well."""
        item = self._create_item_in("assigned")
        self._acknowledge(item, user=self.liaison_a)
        self.assertRecordValues(
            item, [{"state": "in_progress", "date_acknowledged": date(2026, 3, 2)}]
        )

    @freeze_time("2026-03-02 02:00:00")
    def test_acknowledge_closes_acknowledgement_activities(self):
        """Acknowledging closes the to-dos of both the head and the liaison."""
        item = self._create_item_in("assigned")
        self.assertEqual(len(self._open_activities(item, self.act_acknowledge)), 2)
        self._acknowledge(item)
        self.assertFalse(self._open_activities(item, self.act_acknowledge))
        done = self._done_messages(item, self.act_acknowledge)
        self.assertEqual(len(done), 2)
        self.assertEqual(done.author_id, self.head_a.partner_id)

    @freeze_time("2026-03-02 02:00:00")
    def test_acknowledge_records_acknowledgement_report(self):
        """The acknowledgement is kept as a progress report of the lead unit."""
        item = self._create_item_in("in_progress")
        self.assertRecordValues(
            item.progress_ids,
            [
                {
                    "kind": "acknowledgement",
                    "unit_id": self.unit_a.id,
                    "user_id": self.head_a.id,
                }
            ],
        )
        self.assertIn("Written report", item.progress_ids.description)


@tagged("post_install", "-at_install")
class TestItemWorkflowRefusals(SupervisionCommon):
    """Who may not do what, and in which state nothing can be done."""

    # ------------------------------------------------------------------
    # Roles
    # ------------------------------------------------------------------

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

    def test_approve_refused_to_other_leader(self):
        """A leader who does not oversee the lead unit cannot approve."""
        item = self._create_item_in("to_approve")
        with self.assertRaises(AccessError):
            self._as(self.leader_other, item).action_approve()
        self.assertEqual(item.state, "to_approve")

    def test_approve_refused_to_lead_leader_not_in_charge(self):
        """The lead leader (牵头领导) sees the item but only the leader in
        charge approves it."""
        item = self._create_item_in("to_approve", lead_leader_id=self.leader_other.id)
        self._as(self.leader_other, item).check_access("read")
        with self.assertRaisesMessage(AccessError, "leader in charge"):
            self._as(self.leader_other, item).action_approve()
        self.assertEqual(item.state, "to_approve")

    def test_approve_refused_to_officer(self):
        """The office registers items but does not approve them."""
        item = self._create_item_in("to_approve")
        with self.assertRaisesMessage(AccessError, "leader in charge"):
            self._as(self.officer, item).action_approve()
        self.assertEqual(item.state, "to_approve")

    def test_approve_refused_to_principal(self):
        """The president sees every item but approves only as leader in charge."""
        item = self._create_item_in("to_approve")
        with self.assertRaisesMessage(AccessError, "leader in charge"):
            self._as(self.principal, item).action_approve()
        self.assertEqual(item.state, "to_approve")

    def test_acknowledge_refused_to_assisting_unit_head(self):
        """The head of an assisting unit reads the item but cannot
        acknowledge it for the lead unit."""
        item = self._create_item_in("assigned")
        with self.assertRaisesMessage(AccessError, "lead unit"):
            self._as(self.head_b, item).action_acknowledge()
        self.assertEqual(item.state, "assigned")

    def test_acknowledge_refused_to_uninvolved_unit_head(self):
        """The head of an uninvolved unit cannot even read the item."""
        item = self._create_item_in("assigned")
        with self.assertRaises(AccessError):
            self._as(self.head_c, item).read(["state"])
        with self.assertRaises(AccessError):
            self._as(self.head_c, item).action_acknowledge()
        self.assertEqual(item.state, "assigned")

    def test_acknowledge_refused_to_leader_in_charge(self):
        """The leader in charge does not acknowledge for the unit."""
        item = self._create_item_in("assigned")
        with self.assertRaisesMessage(AccessError, "lead unit"):
            self._as(self.leader, item).action_acknowledge()
        self.assertEqual(item.state, "assigned")

    # ------------------------------------------------------------------
    # Missing information
    # ------------------------------------------------------------------

    def test_acknowledge_requires_measures(self):
        """Acknowledging without work measures is refused, naming them."""
        item = self._create_item_in("assigned")
        head = self._as(self.head_a, item)
        head.write(self._ack_values(measures=False))
        with self.assertRaisesMessage(UserError, "Work Measures") as cm:
            head.action_acknowledge()
        self.assertNotIn("Handler", str(cm.exception))
        self.assertEqual(item.state, "assigned")

    def test_acknowledge_requires_handler(self):
        """Acknowledging without a handler (经办人) is refused, naming it."""
        item = self._create_item_in("assigned")
        head = self._as(self.head_a, item)
        head.write(self._ack_values(handler_id=False))
        with self.assertRaisesMessage(UserError, "Handler") as cm:
            head.action_acknowledge()
        self.assertNotIn("Work Measures", str(cm.exception))
        self.assertEqual(item.state, "assigned")

    def test_acknowledge_names_every_missing_field(self):
        """With nothing filled in, the refusal lists all four required fields."""
        item = self._create_item_in("assigned")
        with self.assertRaises(UserError) as cm:
            self._as(self.head_a, item).action_acknowledge()
        for label in ("Committed Date", "Work Measures", "Completion Form", "Handler"):
            self.assertIn(label, str(cm.exception))
        self.assertEqual(item.state, "assigned")

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

    # ------------------------------------------------------------------
    # Wrong states
    # ------------------------------------------------------------------

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

    def test_approve_refused_for_draft(self):
        """The leader cannot approve an item the office has not sent."""
        item = self._create_item()
        with self.assertRaisesMessage(UserError, "Registered"):
            self._as(self.leader, item).action_approve()
        self.assertRecordValues(item, [{"state": "draft", "number": False}])

    def test_approve_refused_when_already_assigned(self):
        """Approving twice neither changes the state nor draws a second number."""
        item = self._create_item_in("assigned", level="key")
        number = item.number
        with self.assertRaises(UserError):
            self._as(self.leader, item).action_approve()
        self.assertRecordValues(item, [{"state": "assigned", "number": number}])

    def test_acknowledge_refused_before_assignment(self):
        """The lead unit cannot acknowledge an item not yet approved."""
        item = self._create_item_in("to_approve")
        with self.assertRaises(UserError):
            self._as(self.head_a, item).action_acknowledge()
        self.assertEqual(item.state, "to_approve")

    def test_acknowledge_refused_when_in_progress(self):
        """An item already acknowledged cannot be acknowledged again."""
        item = self._create_item_in("in_progress")
        with self.assertRaisesMessage(UserError, "In Progress"):
            self._as(self.head_a, item).action_acknowledge()
        self.assertEqual(len(item.progress_ids), 1)
