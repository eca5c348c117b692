# Part of university_supervision. See LICENSE file for full copyright and licensing details.
"""Approval and assignment by the leader in charge (NWU 第六条, GDUFS 第九条),
and the emergency assignment without approval (GDUFS 第十条(一))."""

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SupervisionCommon

NOW = "2026-03-02 02:00:00"  # Monday 10:00 in Beijing
TODAY = date(2026, 3, 2)


@tagged("post_install", "-at_install")
class TestItemApproval(SupervisionCommon):
    """The leader in charge approves: the item is numbered and assigned;
    who may not, and in which state it cannot be approved."""

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


@tagged("post_install", "-at_install")
class TestEmergency(SupervisionCommon):
    """The office assigns an emergency item at once, as a key item."""

    @freeze_time(NOW)
    def test_assign_emergency_item_at_once(self):
        """The office assigns an emergency draft at once as a key item,
        without the leader's approval step."""
        item = self._create_item(
            source_type="emergency", level="reminder", deadline=date(2026, 3, 9)
        )
        self._as(self.officer, item).action_assign_emergency()
        self.flush_tracking()
        self.assertRecordValues(
            item,
            [
                {
                    "state": "assigned",
                    "level": "key",
                    "number": "督字〔2026〕1号",
                    "date_assigned": TODAY,
                    "deadline_original": date(2026, 3, 9),
                }
            ],
        )
        self.assertEqual(self._state_tracking(item), [("Registered", "Assigned")])
        self.assertFalse(self._open_activities(item, self.act_approve))
        self.assertEqual(
            self._open_activities(item, self.act_acknowledge).user_id,
            self.head_a | self.liaison_a,
        )

    @freeze_time(NOW)
    def test_assign_emergency_notifies_leader(self):
        """The leader in charge learns of the emergency assignment."""
        item = self._create_item(source_type="emergency")
        self._as(self.officer, item).action_assign_emergency()
        message = self._messages_with(item, "Emergency item assigned")
        self.assertEqual(len(message), 1)
        self.assertIn(self.leader.partner_id, message.partner_ids)

    @freeze_time(NOW)
    def test_assign_emergency_refused_for_ordinary_item(self):
        """An item that is not an emergency goes through approval."""
        item = self._create_item(source_type="leader_instruction")
        with self.assertRaisesMessage(UserError, "emergency"):
            self._as(self.officer, item).action_assign_emergency()
        self.assertRecordValues(
            item, [{"state": "draft", "level": "reminder", "number": False}]
        )

    @freeze_time(NOW)
    def test_assign_emergency_refused_to_leader(self):
        """Not even the leader in charge assigns an item directly."""
        item = self._create_item(source_type="emergency")
        with self.assertRaises(AccessError):
            self._as(self.leader, item).action_assign_emergency()
        self.assertEqual(item.state, "draft")

    @freeze_time(NOW)
    def test_assign_emergency_refused_once_sent_for_approval(self):
        """An emergency already waiting for approval is approved normally."""
        item = self._create_item_in("to_approve", source_type="emergency")
        with self.assertRaises(UserError):
            self._as(self.officer, item).action_assign_emergency()
        self.assertEqual(item.state, "to_approve")
