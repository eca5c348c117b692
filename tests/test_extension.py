# Part of university_supervision. See LICENSE file for full copyright and licensing details.
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import SupervisionCommon

NOW = "2026-03-02 02:00:00"  # Monday 10:00 in Beijing
TODAY = date(2026, 3, 2)
DEADLINE = date(2026, 6, 30)
REQUESTED = date(2026, 7, 31)
REASON = "The consultation of the colleges takes one more month."


@tagged("post_install", "-at_install")
class TestExtension(SupervisionCommon):
    """Deadline extensions (延期申请), NWU 第六条(二): the lead unit asks
    before the deadline, the leader in charge decides; approval moves the
    current deadline, never the original one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.act_extension = cls.env.ref(
            "university_supervision.mail_act_item_extension"
        )

    def _item(self, **vals):
        return self._create_item_in("in_progress", deadline=DEADLINE, **vals)

    def _new_request(self, item, user=None, date_requested=REQUESTED, reason=REASON):
        """A draft request filled in as ``user`` in the form the item's
        'Request an Extension' button opens."""
        user = user or self.liaison_a
        self.env.invalidate_all()
        context = item.with_user(user).action_request_extension()["context"]
        with Form(
            self.env["supervision.extension"].with_user(user).with_context(**context)
        ) as form:
            form.date_requested = date_requested
            form.reason = reason
        return form.record.with_env(self.env)

    def _request(self, item, user=None, **kwargs):
        """A request submitted as ``user``."""
        user = user or self.liaison_a
        extension = self._new_request(item, user, **kwargs)
        self._as(user, extension).action_submit()
        self.flush_tracking()
        return extension

    # ------------------------------------------------------------------
    # Request
    # ------------------------------------------------------------------

    @freeze_time(NOW)
    def test_liaison_requests_extension(self):
        """A liaison of the lead unit submits a request: the current deadline
        is recorded and the leader in charge gets a to-do."""
        item = self._item()
        extension = self._new_request(item)
        self.assertRecordValues(
            extension,
            [{"state": "draft", "user_id": self.liaison_a.id, "item_id": item.id}],
        )
        self._as(self.liaison_a, extension).action_submit()
        self.assertRecordValues(
            extension,
            [
                {
                    "state": "submitted",
                    "deadline_current": DEADLINE,
                    "date_requested": REQUESTED,
                }
            ],
        )
        activity = self._open_activities(item, self.act_extension)
        self.assertEqual(activity.user_id, self.leader)
        self.assertEqual(item.deadline, DEADLINE)

    @freeze_time(NOW)
    def test_request_logged_on_item(self):
        """The request and its reason are logged in the item's chatter."""
        item = self._item()
        self._request(item)
        message = item.message_ids.filtered(
            lambda m: "Extension requested" in (m.body or "")
        )
        self.assertEqual(len(message), 1)
        self.assertIn(REASON, message.body)
        self.assertEqual(message.author_id, self.liaison_a.partner_id)

    @freeze_time(NOW)
    def test_head_requests_extension_of_assigned_item(self):
        """The head of the lead unit may ask as soon as the item is assigned."""
        item = self._create_item_in("assigned", deadline=DEADLINE)
        extension = self._request(item, user=self.head_a)
        self.assertEqual(extension.state, "submitted")

    def test_request_allowed_on_deadline_day(self):
        """The request may still be submitted on the deadline day itself."""
        with freeze_time(NOW):
            item = self._item()
        with freeze_time("2026-06-30 15:30:00"):  # 23:30 in Beijing
            extension = self._request(item)
        self.assertRecordValues(
            extension, [{"state": "submitted", "deadline_current": DEADLINE}]
        )

    def test_request_refused_day_after_deadline(self):
        """The day after the deadline it is too late to ask."""
        with freeze_time(NOW):
            item = self._item()
        with freeze_time("2026-07-01 02:00:00"):
            extension = self._new_request(item)
            with self.assertRaisesMessage(UserError, "has passed"):
                self._as(self.liaison_a, extension).action_submit()
        self.assertEqual(extension.state, "draft")
        self.assertFalse(self._open_activities(item, self.act_extension))

    def test_request_refused_after_local_midnight(self):
        """The deadline day ends at midnight in Beijing, not in UTC."""
        with freeze_time(NOW):
            item = self._item()
        with freeze_time("2026-06-30 16:30:00"):  # 2026-07-01 00:30 in Beijing
            extension = self._new_request(item)
            with self.assertRaises(UserError):
                self._as(self.liaison_a, extension).action_submit()
        self.assertEqual(extension.state, "draft")

    @freeze_time(NOW)
    def test_requested_date_must_be_after_deadline(self):
        """Asking for the current deadline or an earlier date is refused."""
        item = self._item()
        for requested in (DEADLINE, date(2026, 6, 1)):
            with self.subTest(requested=requested):
                extension = self._new_request(item, date_requested=requested)
                with self.assertRaisesMessage(UserError, "after the current deadline"):
                    self._as(self.liaison_a, extension).action_submit()
                self.assertEqual(extension.state, "draft")
                extension.unlink()

    @freeze_time(NOW)
    def test_one_open_request_per_item(self):
        """While a request is open, another one cannot even be drafted."""
        item = self._item()
        self._request(item)
        with self.assertRaisesMessage(ValidationError, "already has an open extension"):
            self._new_request(item, user=self.head_a, date_requested=date(2026, 8, 31))
        self.assertEqual(len(item.extension_ids), 1)

    @freeze_time(NOW)
    def test_one_draft_request_per_item(self):
        """A draft counts as an open request too."""
        item = self._item()
        self._new_request(item)
        with self.assertRaises(ValidationError):
            self._new_request(item, date_requested=date(2026, 8, 31))
        self.assertEqual(len(item.extension_ids), 1)

    @freeze_time(NOW)
    def test_new_request_after_refusal(self):
        """Once a request is refused, the unit may ask again."""
        item = self._item()
        refused = self._as(self.leader, self._request(item))
        refused.decision_note = "Not justified."
        refused.action_refuse()
        second = self._request(item, date_requested=date(2026, 7, 15))
        self.assertEqual(second.state, "submitted")
        self.assertEqual(len(item.extension_ids), 2)

    @freeze_time(NOW)
    def test_assisting_unit_cannot_request(self):
        """An assisting unit cannot ask to move the lead unit's deadline,
        neither from the item's button nor with a request of its own."""
        item = self._item()
        with self.assertRaisesMessage(AccessError, "lead unit"):
            self._as(self.liaison_b, item).action_request_extension()
        with self.assertRaisesMessage(AccessError, "lead unit"):
            self.env["supervision.extension"].with_user(self.liaison_b).create(
                {"item_id": item.id, "date_requested": REQUESTED, "reason": REASON}
            )
        self.assertFalse(item.extension_ids)

    @freeze_time(NOW)
    def test_request_refused_once_result_submitted(self):
        """A unit that has reported its result has nothing to extend."""
        item = self._item()
        extension = self._new_request(item)
        head = self._as(self.head_a, item)
        head.write({"result_note": "<p>Done.</p>"})
        head.action_submit_result()
        with self.assertRaises(UserError):
            self._as(self.liaison_a, extension).action_submit()
        self.assertEqual(extension.state, "draft")

    # ------------------------------------------------------------------
    # Decision
    # ------------------------------------------------------------------

    @freeze_time(NOW)
    def test_leader_approves_extension(self):
        """The leader in charge approves: the item's deadline moves, its
        original deadline does not, and the decision is recorded."""
        item = self._item()
        extension = self._request(item)
        with freeze_time("2026-03-04 02:00:00"):
            self._as(self.leader, extension).action_approve()
        self.flush_tracking()
        self.assertRecordValues(
            extension,
            [
                {
                    "state": "approved",
                    "decided_by_id": self.leader.id,
                    "date_decided": date(2026, 3, 4),
                    "deadline_current": DEADLINE,
                }
            ],
        )
        self.assertRecordValues(
            item, [{"deadline": REQUESTED, "deadline_original": DEADLINE}]
        )
        self.assertFalse(self._open_activities(item, self.act_extension))

    @freeze_time(NOW)
    def test_approval_tracked_on_item(self):
        """The new deadline is tracked in the item's chatter, authored by the
        leader, and the lead unit is told of the decision."""
        item = self._item()
        extension = self._request(item)
        self._as(self.leader, extension).action_approve()
        self.flush_tracking()
        tracking = item.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "deadline"
        )
        self.assertEqual(len(tracking), 1)
        self.assertEqual(
            (tracking.old_value_datetime.date(), tracking.new_value_datetime.date()),
            (DEADLINE, REQUESTED),
        )
        self.assertEqual(tracking.mail_message_id.author_id, self.leader.partner_id)
        decision = item.message_ids.filtered(lambda m: "approved by" in (m.body or ""))
        self.assertEqual(len(decision), 1)
        self.assertEqual(
            decision.partner_ids, (self.head_a | self.liaison_a).partner_id
        )

    @freeze_time(NOW)
    def test_leader_refuses_extension(self):
        """The leader in charge refuses: the deadline stays."""
        item = self._item()
        extension = self._request(item)
        self._as(self.leader, extension).decision_note = "Not justified."
        self._as(self.leader, extension).action_refuse()
        self.flush_tracking()
        self.assertRecordValues(
            extension,
            [
                {
                    "state": "refused",
                    "decided_by_id": self.leader.id,
                    "date_decided": TODAY,
                }
            ],
        )
        self.assertRecordValues(
            item, [{"deadline": DEADLINE, "deadline_original": DEADLINE}]
        )
        self.assertFalse(
            item.message_ids.tracking_value_ids.filtered(
                lambda t: t.field_id.name == "deadline"
            )
        )
        self.assertFalse(self._open_activities(item, self.act_extension))
        self.assertTrue(
            item.message_ids.filtered(lambda m: "refused by" in (m.body or ""))
        )

    @freeze_time(NOW)
    def test_manager_decides_extension(self):
        """The administrator may decide in the leader's place."""
        item = self._item()
        extension = self._request(item)
        self._as(self.manager, extension).action_approve()
        self.assertRecordValues(
            extension, [{"state": "approved", "decided_by_id": self.manager.id}]
        )
        self.assertEqual(item.deadline, REQUESTED)

    @freeze_time(NOW)
    def test_other_leader_cannot_decide(self):
        """The lead leader sees the request but is not the leader in charge:
        neither approving nor refusing is allowed."""
        item = self._item(lead_leader_id=self.leader_other.id)
        extension = self._request(item)
        self._as(self.leader_other, extension).check_access("read")
        for method in ("action_approve", "action_refuse"):
            with (
                self.subTest(method=method),
                self.assertRaisesMessage(AccessError, "leader in charge"),
            ):
                getattr(self._as(self.leader_other, extension), method)()
        self.assertRecordValues(
            extension, [{"state": "submitted", "decided_by_id": False}]
        )
        self.assertEqual(item.deadline, DEADLINE)

    @freeze_time(NOW)
    def test_officer_cannot_decide(self):
        """Office staff (not administrator) do not decide on extensions."""
        item = self._item()
        extension = self._request(item)
        with self.assertRaisesMessage(AccessError, "leader in charge"):
            self._as(self.officer, extension).action_approve()
        self.assertEqual(extension.state, "submitted")
        self.assertEqual(item.deadline, DEADLINE)

    @freeze_time(NOW)
    def test_unit_cannot_decide(self):
        """The requesting unit cannot approve its own request."""
        item = self._item()
        extension = self._request(item)
        with self.assertRaises(AccessError):
            self._as(self.head_a, extension).action_approve()
        self.assertEqual(item.deadline, DEADLINE)

    @freeze_time(NOW)
    def test_decision_refused_on_draft_and_decided_requests(self):
        """Only a submitted request is decided, and only once."""
        item = self._item()
        draft = self._new_request(item)
        with self.assertRaises(UserError):
            self._as(self.leader, draft).action_approve()
        self._as(self.liaison_a, draft).action_submit()
        self._as(self.leader, draft).decision_note = "Not justified."
        self._as(self.leader, draft).action_refuse()
        with self.assertRaises(UserError):
            self._as(self.leader, draft).action_approve()
        self.assertEqual(draft.state, "refused")
        self.assertEqual(item.deadline, DEADLINE)

    # ------------------------------------------------------------------
    # Decision fields are protected
    # ------------------------------------------------------------------

    @freeze_time(NOW)
    def test_unit_cannot_write_decision_fields(self):
        """The lead unit cannot approve by writing the state, nor fill in the
        decision fields."""
        item = self._item()
        extension = self._request(item)
        for vals in (
            {"state": "approved"},
            {"decided_by_id": self.liaison_a.id},
            {"date_decided": TODAY},
            {"deadline_current": REQUESTED},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                self._as(self.liaison_a, extension).write(vals)
        self.assertRecordValues(
            extension,
            [
                {
                    "state": "submitted",
                    "decided_by_id": False,
                    "deadline_current": DEADLINE,
                }
            ],
        )

    @freeze_time(NOW)
    def test_leader_cannot_write_state(self):
        """Even the leader in charge decides through the buttons only."""
        item = self._item()
        extension = self._request(item)
        with self.assertRaises(AccessError):
            self._as(self.leader, extension).write({"state": "approved"})
        self.assertEqual(extension.state, "submitted")

    @freeze_time(NOW)
    def test_unit_cannot_create_decided_request(self):
        """A request cannot be born submitted or approved: that would skip
        the deadline check and the leader's decision."""
        item = self._item()
        Extension = self.env["supervision.extension"].with_user(self.liaison_a)
        for vals in (
            {"state": "submitted"},
            {"state": "approved", "decided_by_id": self.leader.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                Extension.create(
                    {
                        "item_id": item.id,
                        "date_requested": REQUESTED,
                        "reason": REASON,
                        **vals,
                    }
                )
        self.assertFalse(item.extension_ids)
