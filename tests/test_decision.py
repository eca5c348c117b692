# Part of university_supervision. See LICENSE file for full copyright and licensing details.
from datetime import timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SupervisionCommon

OPINION = "先征求各学院意见，再报校长办公会。"


@tagged("post_install", "-at_install")
class TestDecision(SupervisionCommon):
    """Leaders decide with an opinion (审定意见/批示), GDUFS 第九条(一),
    第十条(一)(五), NWU 第六条."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.act_rectify = cls.env.ref("university_supervision.mail_act_item_rectify")
        cls.act_closure = cls.env.ref("university_supervision.mail_act_item_closure")

    def _decide(self, user, item, decision, opinion=None, action="action_decide"):
        """Confirm the decision wizard opened by ``action`` as ``user``, with
        the values of its dialog (checked on the server, not by the form)."""
        self.env.invalidate_all()
        context = getattr(item.with_user(user), action)()["context"]
        values = {"opinion": opinion or False}
        if decision:
            values["decision"] = decision
        self.env["supervision.decision.wizard"].with_user(user).with_context(
            **context
        ).create(values).action_confirm()
        self.flush_tracking()

    def _to_close(self):
        item = self._create_item_in("in_progress", level="key")
        head = self._as(self.head_a, item)
        head.result_note = "<p>The plan is published.</p>"
        head.action_submit_result()
        self._as(self.officer, item).action_review_pass()
        self.flush_tracking()
        self.assertEqual(item.state, "to_close")
        return item

    def test_send_back_registration_to_office(self):
        """At registration a send-back returns the item to the office with
        the opinion; the office resubmits it."""
        item = self._create_item_in("to_approve")
        self._decide(self.leader, item, "send_back", OPINION, "action_send_back")
        self.assertEqual(item.state, "draft")
        self.assertRecordValues(
            item.opinion_ids,
            [
                {
                    "user_id": self.leader.id,
                    "stage": "registration",
                    "decision": "send_back",
                    "opinion": OPINION,
                }
            ],
        )
        self.assertFalse(self._open_activities(item, self.act_approve))
        message = item.message_ids.filtered(lambda m: OPINION in (m.body or ""))
        self.assertIn(self.officer.partner_id, message.partner_ids)
        self._submit(item)
        self.assertEqual(item.state, "to_approve")

    def test_send_back_needs_opinion(self):
        """A send-back without an opinion is refused; nothing changes."""
        item = self._create_item_in("to_approve")
        with self.assertRaisesMessage(UserError, "sent back"):
            self._decide(self.leader, item, "send_back", None, "action_send_back")
        self.assertEqual(item.state, "to_approve")
        self.assertFalse(item.opinion_ids)

    def test_approve_with_opinion(self):
        """Approving through the decision keeps the opinion; approving
        without one still works."""
        item = self._create_item_in("to_approve")
        self._decide(self.leader, item, "approve", OPINION)
        self.assertEqual(item.state, "assigned")
        self.assertEqual(item.opinion_ids.decision, "approve")
        other = self._create_item_in("assigned")
        self.assertFalse(other.opinion_ids)

    def test_send_back_closure_to_unit(self):
        """At closure a send-back returns the key item to the lead unit, told
        what to redo by a to-do carrying the opinion."""
        item = self._to_close()
        self._decide(self.leader, item, "send_back", OPINION, "action_send_back")
        self.assertEqual(item.state, "in_progress")
        self.assertFalse(self._open_activities(item, self.act_closure))
        todos = self._open_activities(item, self.act_rectify)
        self.assertEqual(todos.user_id, self.head_a | self.liaison_a)
        self.assertIn(OPINION, todos[0].note)
        self.assertEqual(item.opinion_ids.stage, "closure")

    def test_approve_closure_with_opinion(self):
        item = self._to_close()
        self._decide(self.leader, item, "approve", OPINION)
        self.assertEqual(item.state, "closed")
        self.assertEqual(item.opinion_ids.stage, "closure")

    def test_decision_refused_to_others(self):
        """Only the leader in charge decides: another leader, the office and
        the unit are refused."""
        item = self._create_item_in("to_approve")
        for user in (self.leader_other, self.officer, self.head_a):
            with self.assertRaises(AccessError):
                self._decide(user, item, "send_back", OPINION, "action_send_back")
        self.assertEqual(item.state, "to_approve")
        self.assertFalse(item.opinion_ids)

    def test_instruction_notifies_office_and_unit(self):
        """A leader's 批示 on an item in progress reaches the office and the
        lead unit; the state does not change."""
        item = self._create_item_in("in_progress", officer_id=self.officer.id)
        self._decide(self.leader, item, None, OPINION, "action_add_instruction")
        self.assertEqual(item.state, "in_progress")
        self.assertRecordValues(
            item.opinion_ids, [{"stage": "instruction", "decision": "comment"}]
        )
        message = item.message_ids.filtered(lambda m: OPINION in (m.body or ""))
        self.assertEqual(
            message.partner_ids,
            self.officer.partner_id | (self.head_a | self.liaison_a).partner_id,
        )

    def test_instruction_refused(self):
        """An empty instruction is refused; leaders not in charge, the
        office and units may not instruct."""
        item = self._create_item_in("in_progress")
        with self.assertRaises(UserError):
            self._decide(self.leader, item, None, None, "action_add_instruction")
        for user in (self.leader_other, self.officer, self.head_a):
            with self.assertRaises(AccessError):
                self._decide(user, item, None, OPINION, "action_add_instruction")
        self.assertFalse(item.opinion_ids)

    def test_opinions_readable_not_writable(self):
        """The unit reads the opinions of its item; nobody edits them."""
        item = self._create_item_in("to_approve")
        self._decide(self.leader, item, "approve", OPINION)
        opinion = self._as(self.head_a, item).opinion_ids
        self.assertEqual(opinion.opinion, OPINION)
        for user in (self.leader, self.officer, self.head_a):
            with self.assertRaises(AccessError):
                self._as(user, opinion).opinion = "changed"
        self.assertFalse(self._as(self.head_c, item.opinion_ids).has_access("read"))

    def _extension(self, item):
        ext = (
            self.env["supervision.extension"]
            .with_user(self.liaison_a)
            .create(
                {
                    "item_id": item.id,
                    "reason": "One more month of consultation.",
                    "date_requested": item.deadline + timedelta(days=30),
                }
            )
        )
        ext.action_submit()
        self.flush_tracking()
        return ext.with_env(self.env)

    def test_leader_decides_extension_from_item(self):
        """The leader in charge approves the open extension from the item."""
        item = self._create_item_in("in_progress")
        ext = self._extension(item)
        self.assertEqual(item.pending_extension_id, ext)
        self._decide(self.leader, item, "approve", OPINION, "action_decide_extension")
        self.assertEqual(ext.state, "approved")
        self.assertEqual(item.deadline, ext.date_requested)
        self.assertRecordValues(
            item.opinion_ids, [{"stage": "extension", "extension_id": ext.id}]
        )

    def test_extension_refusal_needs_reason(self):
        """Refusing an extension needs a reason, from the item or the request."""
        item = self._create_item_in("in_progress")
        deadline = item.deadline
        ext = self._extension(item)
        with self.assertRaises(UserError):
            self._decide(
                self.leader, item, "send_back", None, "action_decide_extension"
            )
        with self.assertRaises(UserError):
            self._as(self.leader, ext).action_refuse()
        self.assertEqual(ext.state, "submitted")
        self._decide(self.leader, item, "send_back", OPINION, "action_decide_extension")
        self.assertRecordValues(ext, [{"state": "refused", "decision_note": OPINION}])
        self.assertEqual(item.deadline, deadline)

    def test_extension_decision_refused_to_others(self):
        item = self._create_item_in("in_progress")
        ext = self._extension(item)
        for user in (self.leader_other, self.head_a):
            with self.assertRaises(AccessError):
                self._as(user, item).action_decide_extension()
        self.assertEqual(ext.state, "submitted")
