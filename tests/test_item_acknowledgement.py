# Part of university_supervision. See LICENSE file for full copyright and licensing details.
"""Acknowledgement by the lead unit (签收, GDUFS 第九条(二)/第十条)."""

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SupervisionCommon

NOW = "2026-03-02 02:00:00"  # Monday 10:00 in Beijing
TODAY = date(2026, 3, 2)


@tagged("post_install", "-at_install")
class TestItemAcknowledgement(SupervisionCommon):
    """The lead unit acknowledges an assigned item with its commitment;
    who may not, what must be filled in, and in which state."""

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

    @freeze_time(NOW)
    def test_acknowledge_records_acknowledgement_report(self):
        """The acknowledgement is kept as an 'acknowledgement' report of the
        lead unit, authored by whoever acknowledged (here a liaison), with the
        completion form, and logged in the chatter."""
        item = self._create_item_in("assigned")
        self._acknowledge(item, user=self.liaison_a)
        self.assertRecordValues(
            item.progress_ids,
            [
                {
                    "kind": "acknowledgement",
                    "unit_id": self.unit_a.id,
                    "user_id": self.liaison_a.id,
                    "date": TODAY,
                }
            ],
        )
        self.assertIn("Written report", item.progress_ids.description)
        self.assertTrue(
            self._messages_with(item, "Acknowledgement from Academic Affairs Office")
        )

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
