# Part of university_supervision. See LICENSE file for full copyright and licensing details.
from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import SupervisionCommon


@tagged("post_install", "-at_install")
class TestItemConstraints(SupervisionCommon):
    """Dates, units, deletion and who may write which field of an item."""

    # ------------------------------------------------------------------
    # Dates
    # ------------------------------------------------------------------

    @freeze_time("2026-03-02 02:00:00")
    def test_deadline_before_assignment_refused(self):
        """No write, not even in sudo (as an approved extension does), may
        put the deadline of an assigned item before its assignment date."""
        item = self._create_item_in("assigned")
        with self.assertRaises(ValidationError):
            item.sudo().write({"deadline": date(2026, 3, 1)})
        self.assertEqual(item.deadline, item.deadline_original)

    @freeze_time("2026-03-02 02:00:00")
    def test_deadline_on_assignment_day_allowed(self):
        """A deadline on the very day of assignment is accepted."""
        item = self._create_item_in("to_approve", deadline=date(2026, 3, 2))
        self._approve(item)
        self.assertRecordValues(
            item, [{"state": "assigned", "date_assigned": date(2026, 3, 2)}]
        )

    def test_late_approval_refused(self):
        """If the deadline passes while the item waits for approval, the
        leader cannot assign it as it is (a deadline before the assignment
        date): the office must move the deadline first."""
        with freeze_time("2026-03-02 02:00:00"):
            item = self._create_item_in("to_approve", deadline=date(2026, 3, 10))
        with freeze_time("2026-03-11 02:00:00"), self.assertRaises(UserError):
            self._as(self.leader, item).action_approve()
        self.assertRecordValues(
            item, [{"state": "to_approve", "date_assigned": False, "number": False}]
        )

    @freeze_time("2026-03-02 02:00:00")
    def test_committed_date_after_deadline_refused(self):
        """The lead unit cannot commit to finish after the deadline."""
        item = self._create_item_in("assigned", deadline=date(2026, 6, 30))
        with self.assertRaises(ValidationError):
            self._as(self.head_a, item).write({"date_committed": date(2026, 7, 1)})
        self.assertFalse(item.date_committed)

    @freeze_time("2026-03-02 02:00:00")
    def test_committed_date_on_deadline_allowed(self):
        """Committing to finish on the deadline itself is accepted."""
        item = self._create_item_in("assigned", deadline=date(2026, 6, 30))
        self._as(self.head_a, item).write({"date_committed": date(2026, 6, 30)})
        self.assertEqual(item.date_committed, date(2026, 6, 30))

    @freeze_time("2026-03-02 02:00:00")
    def test_office_cannot_move_deadline_of_assigned_item(self):
        """After assignment only an approved extension moves the deadline
        (DESIGN: ``deadline`` moved only by an approved extension; the form
        makes it read-only): the office cannot simply rewrite it."""
        item = self._create_item_in("assigned", deadline=date(2026, 6, 30))
        with self.assertRaises(UserError):
            self._as(self.officer, item).write({"deadline": date(2026, 9, 30)})
        self.assertEqual(item.deadline, date(2026, 6, 30))

    @freeze_time("2026-03-02 02:00:00")
    def test_office_cannot_rewrite_original_deadline(self):
        """The original deadline never changes after assignment: it is what
        on-time rates are measured against (assessment, NWU 第九条)."""
        item = self._create_item_in("assigned", deadline=date(2026, 6, 30))
        with self.assertRaises(AccessError):
            self._as(self.officer, item).write({"deadline_original": date(2026, 9, 30)})
        self.assertEqual(item.deadline_original, date(2026, 6, 30))

    @freeze_time("2026-03-02 02:00:00")
    def test_office_moves_deadline_before_assignment(self):
        """While the leader has not approved yet, the office may still
        correct the deadline."""
        item = self._create_item_in("to_approve", deadline=date(2026, 6, 30))
        self._as(self.officer, item).write({"deadline": date(2026, 9, 30)})
        self.assertEqual(item.deadline, date(2026, 9, 30))

    # ------------------------------------------------------------------
    # Units
    # ------------------------------------------------------------------

    def test_lead_unit_cannot_assist_on_create(self):
        """The lead unit is not also an assisting unit of the same item."""
        with self.assertRaises(ValidationError):
            self._create_item(assist_unit_ids=[(6, 0, (self.unit_a | self.unit_b).ids)])

    def test_lead_unit_cannot_be_added_as_assisting(self):
        """Adding the lead unit to the assisting units later is refused too."""
        item = self._create_item()
        with self.assertRaises(ValidationError):
            self._as(self.officer, item).write(
                {"assist_unit_ids": [(4, self.unit_a.id)]}
            )
        self.assertEqual(item.assist_unit_ids, self.unit_b)

    def test_new_lead_unit_cannot_be_assisting(self):
        """Making an assisting unit the lead unit without removing it from
        the assisting units is refused."""
        item = self._create_item()
        with self.assertRaises(ValidationError):
            self._as(self.officer, item).write({"lead_unit_id": self.unit_b.id})
        self.assertEqual(item.lead_unit_id, self.unit_a)

    # ------------------------------------------------------------------
    # Deletion
    # ------------------------------------------------------------------

    def test_manager_deletes_draft(self):
        """The office's administrator may delete a draft item."""
        item = self._create_item()
        self._as(self.manager, item).unlink()
        self.assertFalse(item.exists())

    def test_officer_cannot_delete_draft(self):
        """Plain office staff may not delete items, not even drafts."""
        item = self._create_item()
        with self.assertRaises(AccessError):
            self._as(self.officer, item).unlink()
        self.assertTrue(item.exists())

    def test_manager_cannot_delete_assigned_item(self):
        """Once assigned, an item is never deleted, not even by the
        administrator: it has to be cancelled."""
        item = self._create_item_in("assigned")
        with self.assertRaisesMessage(UserError, "cancel it"):
            self._as(self.manager, item).unlink()
        self.assertTrue(item.exists())

    def test_manager_cannot_delete_item_waiting_for_approval(self):
        """An item sent to the leader is no longer a draft to delete."""
        item = self._create_item_in("to_approve")
        with self.assertRaises(UserError):
            self._as(self.manager, item).unlink()
        self.assertTrue(item.exists())

    # ------------------------------------------------------------------
    # Who writes what
    # ------------------------------------------------------------------

    def test_units_cannot_write_core_fields(self):
        """Neither the head nor the liaison of the lead unit may change the
        office's fields (title, deadline, lead unit)."""
        item = self._create_item_in("assigned")
        core_values = {
            "name": "A title of our own",
            "deadline": date(2030, 12, 31),
            "lead_unit_id": self.unit_c.id,
        }
        for user in (self.head_a, self.liaison_a):
            for fname, value in core_values.items():
                with (
                    self.subTest(user=user.login, field=fname),
                    self.assertRaises(AccessError),
                ):
                    self._as(user, item).write({fname: value})
        self.assertRecordValues(
            item,
            [
                {
                    "name": "Publish the 2026 undergraduate teaching reform plan",
                    "deadline": item.deadline_original,
                    "lead_unit_id": self.unit_a.id,
                }
            ],
        )

    def test_units_cannot_write_core_fields_with_their_own(self):
        """Mixing an acknowledgement field with an office field is refused
        as a whole."""
        item = self._create_item_in("assigned")
        with self.assertRaisesMessage(AccessError, "Title"):
            self._as(self.head_a, item).write(
                {"measures": "Our measures", "name": "A title of our own"}
            )
        self.assertFalse(item.measures)

    def test_leader_cannot_write_core_fields(self):
        """The leader in charge decides through actions, not by editing."""
        item = self._create_item_in("assigned")
        with self.assertRaises(AccessError):
            self._as(self.leader, item).write({"deadline": date(2030, 12, 31)})

    def test_lead_unit_head_writes_acknowledgement_fields(self):
        """The lead unit's head fills in the acknowledgement (承办反馈)."""
        item = self._create_item_in("assigned")
        values = self._ack_values()
        self._as(self.head_a, item).write(values)
        self.assertRecordValues(item, [values])

    def test_units_cannot_change_acknowledgement_once_acknowledged(self):
        """Once acknowledged, the committed date, measures, completion form
        and handler are on record (the form makes them read-only outside
        'Assigned'): the unit cannot rewrite them afterwards."""
        item = self._create_item_in("in_progress")
        acknowledged = self._ack_values()
        changes = {
            "date_committed": acknowledged["date_committed"] - timedelta(days=5),
            "measures": "Different measures",
            "completion_form": "Nothing",
            "handler_id": self.head_a.id,
            "handler_phone": "000",
        }
        for user in (self.head_a, self.liaison_a):
            for fname, value in changes.items():
                with (
                    self.subTest(user=user.login, field=fname),
                    self.assertRaises(UserError),
                ):
                    self._as(user, item).write({fname: value})
        self.assertRecordValues(item, [acknowledged])

    @freeze_time("2026-03-02 02:00:00")
    def test_units_cannot_rewrite_submitted_result(self):
        """Once the head submits the handling result, the unit cannot
        rewrite it under the office's review (the form makes it read-only
        outside 'In Progress')."""
        item = self._create_item_in("in_progress")
        head = self._as(self.head_a, item)
        head.write({"result_note": "<p>The plan was published on 1 June.</p>"})
        head.action_submit_result()
        self.assertEqual(item.state, "submitted")
        with self.assertRaises(UserError):
            self._as(self.head_a, item).write({"result_note": "<p>Another result.</p>"})
        self.assertEqual(item.result_note, "<p>The plan was published on 1 June.</p>")

    def test_assisting_unit_cannot_write_acknowledgement_fields(self):
        """An assisting unit does not fill in the lead unit's acknowledgement."""
        item = self._create_item_in("assigned")
        for user in (self.head_b, self.liaison_b):
            with (
                self.subTest(user=user.login),
                self.assertRaisesMessage(AccessError, "lead unit"),
            ):
                self._as(user, item).write({"measures": "Not ours to say"})
        self.assertFalse(item.measures)

    def test_officer_writes_core_fields_of_draft(self):
        """The office edits the items it registers."""
        item = self._create_item()
        self._as(self.officer, item).write(
            {"name": "Renamed by the office", "deadline": date(2030, 12, 31)}
        )
        self.assertRecordValues(
            item, [{"name": "Renamed by the office", "deadline": date(2030, 12, 31)}]
        )
