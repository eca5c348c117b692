# Part of university_supervision. See LICENSE file for full copyright and licensing details.
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import AccessScenario


@tagged("post_install", "-at_install", "access")
class TestUnitMembership(AccessScenario):
    """Rules are paths from the record to the user: a change of a unit's
    members changes what they see at once, with no cache to clear."""

    def _seen(self, user, model, records):
        # a new request: the unit's change is flushed, the cache is cold
        self.env.invalidate_all()
        return (
            self.env[model]
            .with_user(user)
            .search([("id", "in", [r.id for r in records.values()])])
        )

    def test_new_liaison_sees_the_unit_items_and_their_records(self):
        """A liaison added to unit C sees item c, its progress, urges,
        extensions and reviews; removed again, none of them."""
        checks = {
            "supervision.item": self.items,
            "supervision.progress": self.progress,
            "supervision.urge": self.urges,
            "supervision.extension": self.extensions,
            "supervision.review": self.reviews,
        }
        for model, records in checks.items():
            self.assertFalse(self._seen(self.liaison_a, model, records) & records["c"])
        self.unit_c.with_user(self.manager).liaison_ids = [(4, self.liaison_a.id)]
        for model, records in checks.items():
            with self.subTest(model=model):
                self.assertIn(records["c"], self._seen(self.liaison_a, model, records))
        self.unit_c.with_user(self.manager).liaison_ids = [(3, self.liaison_a.id)]
        for model, records in checks.items():
            with self.subTest(model=model):
                self.assertNotIn(
                    records["c"], self._seen(self.liaison_a, model, records)
                )

    def test_replaced_head_loses_the_unit_items(self):
        """When unit A gets a new head, the old head no longer sees or
        writes its items, and the new head does."""
        self.unit_a.with_user(self.manager).head_id = self.head_c
        self.assertFalse(
            self._seen(self.head_a, "supervision.item", self.items) & self.items["a"]
        )
        self.assertIn(
            self.items["a"], self._seen(self.head_c, "supervision.item", self.items)
        )
        self.assertIn("w", self.allowed_operations("head_c", self.items["a"]))

    def test_new_leader_in_charge_sees_the_unit_items(self):
        """A unit handed to another leader: the new leader sees its items."""
        self.assertNotIn(
            self.items["a"],
            self._seen(self.leader_other, "supervision.item", self.items),
        )
        self.unit_a.with_user(self.manager).leader_in_charge_id = self.leader_other
        self.assertIn(
            self.items["a"],
            self._seen(self.leader_other, "supervision.item", self.items),
        )


@tagged("post_install", "-at_install", "access")
class TestConfidentialItemData(AccessScenario):
    """A confidential item's chatter, tracking, activities, attachments and
    figures stay with the users who may see the item."""

    def _messages(self, user):
        self.env.invalidate_all()
        return (
            self.env["mail.message"]
            .with_user(user)
            .search(
                [
                    ("model", "=", "supervision.item"),
                    ("res_id", "=", self.items["x"].id),
                ]
            )
        )

    def test_messages_hidden_from_unnamed_users(self):
        """Office staff and the principal not named on the item find none of
        its messages, and cannot read one by id; the named head reads them."""
        # all of them, the notifications sent to single users included; the
        # named head reads the whole chatter
        messages = self._messages(self.env.user)
        self.assertGreaterEqual(len(messages), 3)
        chatter = messages.filtered(lambda m: m.message_type != "user_notification")
        self.assertLessEqual(chatter, self._messages(self.head_a))
        for user in (self.officer_other, self.manager, self.principal, self.liaison_a):
            with self.subTest(user=user.login):
                self.assertFalse(self._messages(user))
                self.env.invalidate_all()
                with self.assertRaises(AccessError):
                    messages[0].with_user(user).read(["body"])

    def test_tracking_values_hidden_from_unnamed_users(self):
        """The state changes tracked on the item are not readable by an
        unnamed officer, neither as tracking values nor through the chatter
        fetch; the named officer gets them."""
        tracking = self.items["x"].message_ids.tracking_value_ids
        self.assertTrue(tracking)
        with self.assertRaises(AccessError):
            tracking.with_user(self.officer_other).read(["old_value_char"])
        self.assertFalse(
            self.env["supervision.item"]
            .with_user(self.officer_other)
            ._get_thread_with_access(self.items["x"].id)
        )
        thread = (
            self.env["supervision.item"]
            .with_user(self.officer)
            ._get_thread_with_access(self.items["x"].id)
        )
        self.assertEqual(thread, self.items["x"])

    def test_activities_and_attachments_hidden(self):
        """The item's activities and attachments are hidden from an unnamed
        officer."""
        attachment = self.env["ir.attachment"].create(
            {
                "name": "complaint.pdf",
                "raw": b"%PDF-1.4 confidential",
                "res_model": "supervision.item",
                "res_id": self.items["x"].id,
            }
        )
        self.assertTrue(self.items["x"].activity_ids)
        activities = (
            self.env["mail.activity"]
            .with_user(self.officer_other)
            .search(
                [
                    ("res_model", "=", "supervision.item"),
                    ("res_id", "=", self.items["x"].id),
                ]
            )
        )
        self.assertFalse(activities)
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            attachment.with_user(self.officer_other).read(["raw"])
        self.assertEqual(
            attachment.with_user(self.head_a).raw, b"%PDF-1.4 confidential"
        )

    def test_statistics_leave_out_the_item(self):
        """Counts by lead unit and level include the confidential item only
        for those who may see it."""

        def counts(user):
            groups = (
                self.env["supervision.item"]
                .with_user(user)
                .read_group(
                    [("lead_unit_id", "=", self.unit_a.id)],
                    ["state"],
                    ["lead_unit_id"],
                )
            )
            return groups[0]["lead_unit_id_count"]

        self.assertEqual(counts(self.officer), 2)
        self.assertEqual(counts(self.leader), 2)
        self.assertEqual(counts(self.officer_other), 1)
        self.assertEqual(counts(self.principal), 1)
        self.assertEqual(counts(self.liaison_a), 1)


@tagged("post_install", "-at_install", "access")
class TestUnitsCannotChangeCoreFields(AccessScenario):
    """Units fill in their acknowledgement and result only: they cannot
    change an item's core fields, nor delete anything."""

    CORE_FIELDS = {
        "name": "Another title",
        "content": "<p>Another content</p>",
        "level": "key",
        "deadline": "2030-01-01",
        "deadline_original": "2030-01-01",
    }

    def test_core_fields_refused(self):
        """Title, content, level, deadlines, units and leaders are refused to
        the lead unit's head and liaison."""
        values = {
            **self.CORE_FIELDS,
            "lead_unit_id": self.unit_b.id,
            "assist_unit_ids": [(6, 0, self.unit_c.ids)],
            "leader_in_charge_id": self.leader_other.id,
            "lead_leader_id": self.leader_other.id,
        }
        for user in (self.head_a, self.liaison_a):
            for fname, value in values.items():
                with (
                    self.subTest(user=user.login, field=fname),
                    self.assertRaises(AccessError),
                ):
                    self._as(user, self.items["a"]).write({fname: value})
        self.assertEqual(self.items["a"].lead_unit_id, self.unit_a)
        self.assertEqual(self.items["a"].name, "Renovate the teaching building")

    def test_assisting_unit_writes_nothing(self):
        """The assisting unit cannot even fill in the lead unit's result."""
        with self.assertRaises(AccessError):
            self._as(self.head_b, self.items["a"]).write({"result_note": "<p>Done</p>"})

    def test_units_delete_nothing(self):
        """Neither the head nor a liaison deletes the item or any of its records."""
        records = [
            self.items["a"],
            self.progress["a"],
            self.urges["a"],
            self.extensions["a"],
            self.reviews["a"],
            self.interviews["a"],
            self.unit_a,
        ]
        for user in (self.head_a, self.liaison_a):
            for record in records:
                with (
                    self.subTest(user=user.login, model=record._name),
                    self.assertRaises(AccessError),
                ):
                    self._as(user, record).unlink()
        self.assertTrue(self.items["a"].exists())


@tagged("post_install", "-at_install", "access")
class TestItemDeletion(AccessScenario):
    """Assigned items are deleted by the manager only, after cancellation."""

    def test_officer_cannot_delete_a_draft(self):
        """Office staff do not delete items, not even drafts."""
        draft = self._create_item()
        with self.assertRaises(AccessError):
            self._as(self.officer, draft).unlink()

    def test_manager_deletes_a_draft(self):
        """The manager deletes a draft."""
        draft = self._create_item()
        self._as(self.manager, draft).unlink()
        self.assertFalse(draft.exists())

    def test_manager_cancels_before_deleting(self):
        """An assigned item is refused to the manager until it is cancelled
        (by its leader in charge); then the manager deletes it."""
        item = self.items["c"]
        with self.assertRaisesMessage(UserError, "cancel it before deleting it"):
            self._as(self.manager, item).unlink()
        self._as(self.leader_other, item).action_cancel(
            reason="Merged into another item"
        )
        self._as(self.manager, item).unlink()
        self.assertFalse(item.exists())


@tagged("post_install", "-at_install", "access")
class TestOfficeOnlyFields(AccessScenario):
    """Fields with ``groups=`` are for the office only: the office's note
    on an item and the reviewer's internal note."""

    def test_office_reads_and_writes_its_notes(self):
        """Office staff write and read the item's note and the review's note."""
        self._as(self.officer, self.items["a"]).office_note = "<p>Call the dean.</p>"
        self.assertIn(
            "Call the dean", self._as(self.officer, self.items["a"]).office_note
        )
        self.assertIn(
            "hard to reach", self._as(self.officer, self.reviews["a"]).internal_note
        )

    def test_others_cannot_read_the_notes(self):
        """Units, leaders and the principal can neither read the notes nor
        see them among the fields of the model."""
        for role in ("head_a", "liaison_a", "leader", "principal"):
            user = self.role(role)
            with self.subTest(role=role):
                with self.assertRaises(AccessError):
                    self._as(user, self.items["a"]).read(["office_note"])
                with self.assertRaises(AccessError):
                    self._as(user, self.reviews["a"]).read(["internal_note"])
                self.assertNotIn(
                    "office_note",
                    self.env["supervision.item"].with_user(user).fields_get(),
                )
                self.assertNotIn(
                    "internal_note",
                    self.env["supervision.review"].with_user(user).fields_get(),
                )

    def test_others_cannot_write_the_note(self):
        """The lead unit's head cannot write the office's note."""
        with self.assertRaises(AccessError):
            self._as(self.head_a, self.items["a"]).write({"office_note": "<p>x</p>"})
