# Part of university_supervision. See LICENSE file for full copyright and licensing details.
import inspect
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SupervisionCommon

ADDON_MODULE = "odoo.addons.university_supervision"


def public_actions(env):
    """{(model, method)} of every public ``action_*`` method the addon
    defines, on its own models and on the ones it extends."""
    actions = set()
    for model_name in env.registry:
        cls = type(env[model_name])
        for name in dir(cls):
            if not name.startswith("action_"):
                continue
            owner = next(klass for klass in cls.__mro__ if name in vars(klass))
            function = vars(owner)[name]
            if callable(function) and inspect.getmodule(function).__name__.startswith(
                ADDON_MODULE
            ):
                actions.add((model_name, name))
    return actions


def refusal_test_name(model, action):
    short = model.removeprefix("supervision.").replace(".", "_")
    return f"test_{short}_{action}"


@tagged("post_install", "-at_install", "access")
class TestActionRefusals(SupervisionCommon):
    """Every public action is refused to a role that may read the record
    but must not act on it; the record is left as it was."""

    def assertRefused(self, user, record, action, *args, **kwargs):
        before = record.read(["state"])[0]["state"] if "state" in record else None
        with self.assertRaises(AccessError):
            getattr(self._as(user, record), action)(*args, **kwargs)
        if before is not None:
            self.env.invalidate_all()
            self.assertEqual(record.state, before)

    def test_every_action_has_a_refusal_test(self):
        """Adding a public action without its refusal test fails here."""
        actions = public_actions(self.env)
        self.assertIn(("supervision.item", "action_approve"), actions)
        missing = sorted(
            f"{model}.{action}"
            for model, action in actions
            if not hasattr(self, refusal_test_name(model, action))
        )
        self.assertFalse(missing, "actions without a refusal test")

    # ------------------------------------------------------------ helpers
    def _extension(self, submit=True):
        item = self._create_item_in("in_progress")
        return self._create_extension(
            item,
            item.deadline + timedelta(days=10),
            reason="The tender took longer.",
            state="submitted" if submit else "draft",
        )

    def _interview(self, state="draft"):
        item = self._create_item_in("assigned")
        interview = (
            self.env["supervision.interview"]
            .with_user(self.officer)
            .create(
                {
                    "unit_id": self.unit_a.id,
                    "level": "leader",
                    "item_ids": [(6, 0, item.ids)],
                    "interviewer_id": self.leader.id,
                    "interviewee_ids": [(6, 0, self.head_a.ids)],
                    "date": fields.Datetime.now() + timedelta(days=2),
                    "place": "Room 301, Administration Building",
                }
            )
        )
        if state in ("notified", "held"):
            interview.action_notify()
        if state == "held":
            interview.minutes = "<p>The head explained the delay.</p>"
            interview.with_user(self.leader).action_hold()
        return interview.with_env(self.env)

    def _special_report(self):
        item = self._create_item_in("in_progress")
        report = (
            self.env["supervision.progress"]
            .with_user(self.head_a)
            .create(
                {
                    "item_id": item.id,
                    "unit_id": self.unit_a.id,
                    "kind": "special_report",
                    "description": "<p>The site is not available this year.</p>",
                }
            )
        )
        report.action_submit()
        return report.with_env(self.env)

    def _briefing(self, publish=False):
        briefing = (
            self.env["supervision.briefing"]
            .with_user(self.officer)
            .create(
                {
                    "name": "Briefing",
                    "period_type": "custom",
                    "date_from": fields.Date.today() - timedelta(days=60),
                    "date_to": fields.Date.today(),
                }
            )
        )
        briefing.action_generate()
        if publish:
            briefing.action_publish()
        return briefing.with_env(self.env)

    def _score(self, confirm=False):
        item = self._create_item_in("in_progress")
        score = (
            self.env["supervision.unit.score"]
            .with_user(self.officer)
            ._compute_scores(item.date_assigned, item.date_assigned)
            .filtered(lambda s: s.unit_id == self.unit_a)
        )
        self.assertEqual(len(score), 1)
        if confirm:
            score.action_confirm()
        return score.with_env(self.env)

    # ------------------------------------------------------------ items
    def test_item_action_submit_for_approval(self):
        """The lead unit's head cannot send a draft for approval."""
        self.assertRefused(
            self.head_a, self._create_item(), "action_submit_for_approval"
        )

    def test_item_action_approve(self):
        """Office staff cannot approve in the leader's stead."""
        self.assertRefused(
            self.officer, self._create_item_in("to_approve"), "action_approve"
        )

    def test_item_action_assign_emergency(self):
        """The leader in charge does not assign an emergency item himself."""
        item = self._create_item(source_type="emergency")
        self.assertRefused(self.leader, item, "action_assign_emergency")

    def test_item_action_acknowledge(self):
        """The assisting unit does not acknowledge for the lead unit."""
        item = self._create_item_in("assigned")
        self.assertRefused(self.head_b, item, "action_acknowledge")

    def test_item_action_report_progress(self):
        """The leader in charge does not report progress for a unit."""
        item = self._create_item_in("assigned")
        self.assertRefused(self.leader, item, "action_report_progress")

    def test_item_action_request_extension(self):
        """The assisting unit cannot ask to move the lead unit's deadline."""
        item = self._create_item_in("in_progress")
        self.assertRefused(self.liaison_b, item, "action_request_extension")

    def test_item_action_urge(self):
        """Units do not urge."""
        item = self._create_item_in("assigned")
        self.assertRefused(self.head_a, item, "action_urge")

    def test_item_action_submit_result(self):
        """A liaison of the lead unit prepares the result, only the head submits it."""
        item = self._create_item_in("in_progress")
        self._as(self.liaison_a, item).write({"result_note": "<p>Done.</p>"})
        self.assertRefused(self.liaison_a, item, "action_submit_result")

    def test_item_action_review_pass(self):
        """The leader in charge does not pass the office's review."""
        self.assertRefused(
            self.leader, self._create_item_in("submitted"), "action_review_pass"
        )

    def test_item_action_return(self):
        """The unit cannot return its own result."""
        self.assertRefused(
            self.head_a, self._create_item_in("submitted"), "action_return"
        )

    def test_item_action_approve_closure(self):
        """Office staff cannot approve the closure of a key item."""
        item = self._create_item_in("to_close")
        self.assertRefused(self.officer, item, "action_approve_closure")

    def test_item_action_file(self):
        """The leader in charge does not file a closed item."""
        item = self._create_item_in("closed")
        self.assertRefused(self.leader, item, "action_file")

    def test_item_action_cancel(self):
        """Units cannot cancel; nor can the office an assigned item without
        its leader in charge."""
        item = self._create_item_in("assigned")
        self.assertRefused(
            self.head_a, item, "action_cancel", reason="No longer needed"
        )
        self.assertRefused(
            self.officer, item, "action_cancel", reason="No longer needed"
        )

    def test_item_action_escalate(self):
        """The leader in charge does not escalate an item himself."""
        item = self._create_item_in("in_progress")
        self.assertRefused(self.leader, item, "action_escalate")
        self.assertEqual(item.level, "reminder")

    def test_item_action_roll_over(self):
        """Units cannot roll their item over to next year."""
        item = self._create_item_in("in_progress")
        self.assertRefused(self.head_a, item, "action_roll_over")
        self.assertFalse(item.rolled_to_id)

    def test_item_action_export_ledger(self):
        """Units read their items but do not export the ledger."""
        item = self._create_item_in("assigned")
        self.assertRefused(self.head_a, item, "action_export_ledger")
        self.assertEqual(
            self._as(self.leader, item).action_export_ledger()["type"],
            "ir.actions.act_url",
        )

    # ------------------------------------------------------------ others
    def test_extension_action_submit(self):
        """An assisting unit's liaison cannot submit the lead unit's request."""
        self.assertRefused(
            self.liaison_b, self._extension(submit=False), "action_submit"
        )

    def test_extension_action_approve(self):
        """Office staff do not approve extensions."""
        ext = self._extension()
        self.assertRefused(self.officer, ext, "action_approve")
        self.assertEqual(ext.item_id.deadline, ext.deadline_current)

    def test_extension_action_refuse(self):
        """The requesting unit does not decide on its own request."""
        self.assertRefused(self.head_a, self._extension(), "action_refuse")

    def test_interview_action_notify(self):
        """The interviewer does not send the notice; the office does."""
        self.assertRefused(self.leader, self._interview(), "action_notify")

    def test_interview_action_hold(self):
        """The interviewee cannot record the interview as held."""
        interview = self._interview("notified")
        interview.minutes = "<p>Minutes</p>"
        self.assertRefused(self.head_a, interview, "action_hold")

    def test_interview_action_close(self):
        """The interviewer does not close the interview; the office does."""
        self.assertRefused(self.leader, self._interview("held"), "action_close")

    def test_interview_action_accountability(self):
        """The interviewer does not start accountability; the office does."""
        self.assertRefused(
            self.leader, self._interview("held"), "action_accountability"
        )

    def test_progress_action_submit(self):
        """An assisting unit does not submit the lead unit's special report."""
        item = self._create_item_in("in_progress")
        report = (
            self.env["supervision.progress"]
            .with_user(self.head_a)
            .create(
                {
                    "item_id": item.id,
                    "unit_id": self.unit_a.id,
                    "kind": "special_report",
                    "description": "<p>The site is not available this year.</p>",
                }
            )
            .with_env(self.env)
        )
        self.assertRefused(self.head_b, report, "action_submit")
        self.assertFalse(report.approval_state)

    def test_progress_action_approve_special_report(self):
        """Office staff do not approve a special report."""
        report = self._special_report()
        self.assertRefused(self.officer, report, "action_approve_special_report")
        self.assertEqual(report.approval_state, "pending")

    def test_progress_action_refuse_special_report(self):
        """The reporting unit does not decide on its own special report."""
        report = self._special_report()
        self.assertRefused(self.head_a, report, "action_refuse_special_report")
        self.assertEqual(report.approval_state, "pending")

    def test_unit_action_view_items(self):
        """An employee without a supervision role reads the unit but cannot
        open its items."""
        self.assertEqual(
            self._as(self.internal_user, self.unit_a).name, self.unit_a.name
        )
        self.assertRefused(self.internal_user, self.unit_a, "action_view_items")

    def test_return_wizard_action_confirm(self):
        """The unit cannot confirm a return wizard, even one the office opened."""
        item = self._create_item_in("submitted")
        wizard = (
            self.env["supervision.return.wizard"]
            .with_user(self.officer)
            .create({"item_id": item.id, "findings": "<p>Missing minutes</p>"})
        )
        self.assertRefused(self.head_a, wizard, "action_confirm")
        self.assertEqual(item.state, "submitted")

    def test_cancel_wizard_action_confirm(self):
        """Office staff cannot cancel an assigned item through the wizard."""
        item = self._create_item_in("assigned")
        wizard = (
            self.env["supervision.cancel.wizard"]
            .with_user(self.officer)
            .create({"item_ids": [(6, 0, item.ids)], "reason": "Duplicate"})
        )
        self.assertRefused(self.officer, wizard, "action_confirm")
        self.assertEqual(item.state, "assigned")

    def test_urge_wizard_action_confirm(self):
        """The leader cannot confirm the office's urge wizard."""
        item = self._create_item_in("assigned")
        wizard = (
            self.env["supervision.urge.wizard"]
            .with_user(self.officer)
            .create(
                {
                    "item_ids": [(6, 0, item.ids)],
                    "channel": "phone",
                    "note": "Report this week",
                }
            )
        )
        self.assertRefused(self.leader, wizard, "action_confirm")
        self.assertFalse(item.urge_ids)

    # ------------------------------------------------------------ second release
    def test_item_action_decide(self):
        """Another leader does not decide an item not in his charge."""
        item = self._create_item_in("to_approve")
        self.assertRefused(self.leader_other, item, "action_decide")

    def test_item_action_send_back(self):
        """The office does not send back an item it submitted."""
        item = self._create_item_in("to_approve")
        self.assertRefused(self.officer, item, "action_send_back")

    def test_item_action_decide_extension(self):
        """The unit does not decide its own extension request."""
        ext = self._extension()
        self.assertRefused(self.head_a, ext.item_id, "action_decide_extension")

    def test_item_action_add_instruction(self):
        """Units and other leaders write no instruction on the item."""
        item = self._create_item_in("in_progress")
        self.assertRefused(self.head_a, item, "action_add_instruction")
        self.assertRefused(self.leader_other, item, "action_add_instruction")

    def test_item_action_request_new_limit(self):
        """Only the office asks for a new time limit."""
        item = self._create_item_in("in_progress")
        self.assertRefused(self.head_a, item, "action_request_new_limit")

    def test_item_action_start_interview(self):
        """Only the office starts an interview from the item."""
        item = self._create_item_in("in_progress", level="key")
        self.assertRefused(self.leader, item, "action_start_interview")

    def test_decision_wizard_action_confirm(self):
        """A leader not in charge cannot decide through the wizard."""
        item = self._create_item_in("to_approve")
        wizard = (
            self.env["supervision.decision.wizard"]
            .with_user(self.leader_other)
            .create({"item_id": item.id, "decision": "approve"})
        )
        self.assertRefused(self.leader_other, wizard, "action_confirm")
        self.assertEqual(item.state, "to_approve")

    def test_urge_action_open_reply(self):
        """The leader reads the urge but does not reply for the unit."""
        item = self._create_item_in("in_progress")
        urge = item.with_user(self.officer)._do_urge("phone", "Hurry up")
        self.assertRefused(self.leader, urge, "action_open_reply")

    def test_urge_action_save_reply(self):
        item = self._create_item_in("in_progress")
        urge = item.with_user(self.officer)._do_urge("phone", "Hurry up")
        self.assertRefused(self.leader, urge, "action_save_reply")

    # ------------------------------------------------------------ reporting
    def test_briefing_action_generate(self):
        """A leader reading a published briefing cannot regenerate it."""
        self.assertRefused(self.leader, self._briefing(publish=True), "action_generate")

    def test_briefing_action_publish(self):
        """Units cannot publish a briefing."""
        self.assertRefused(self.head_a, self._briefing(), "action_publish")

    def test_briefing_action_reset_to_draft(self):
        """Office staff cannot reopen a published briefing; the manager can."""
        briefing = self._briefing(publish=True)
        self.assertRefused(self.officer, briefing, "action_reset_to_draft")
        self._as(self.manager, briefing).action_reset_to_draft()
        self.assertEqual(briefing.state, "draft")

    def test_unit_score_action_recompute(self):
        """A leader reads the scores but does not compute them."""
        self.assertRefused(self.leader, self._score(), "action_recompute")

    def test_unit_score_action_confirm(self):
        """A leader does not confirm a unit's score."""
        self.assertRefused(self.leader, self._score(), "action_confirm")

    def test_unit_score_action_reset_to_draft(self):
        """A unit reading its confirmed score cannot reopen it."""
        self.assertRefused(
            self.head_a, self._score(confirm=True), "action_reset_to_draft"
        )

    def test_unit_action_send_test_message(self):
        """Office staff read the units but do not post to their group robots."""
        self.unit_a.webhook_url = (
            "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k"
        )
        self.assertRefused(self.officer, self.unit_a, "action_send_test_message")
        self.assertFalse(self.env["supervision.webhook.message"].search([]))

    def test_webhook_message_action_retry(self):
        """Office staff read a sent group chat message but cannot send it again."""
        message = self.env["supervision.webhook.message"]._queue(
            "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k",
            "Digest",
            [("Overdue", [("An item", False)])],
        )
        message.state = "sent"
        self.assertRefused(self.officer, message, "action_retry")

    def test_settings_action_open_settings(self):
        """Only the manager opens the supervision settings."""
        with self.assertRaises(AccessError):
            self.env["supervision.settings"].with_user(
                self.officer
            ).action_open_settings()

    def test_settings_action_save(self):
        """Only the manager saves the supervision settings; the parameter
        stays as it was."""
        Settings = self.env["supervision.settings"]
        action = Settings.with_user(self.manager).action_open_settings()
        page = Settings.browse(action["res_id"])
        page.ack_days = 30
        with self.assertRaises(AccessError):
            page.with_user(self.officer).action_save()
        self.assertEqual(
            self.env["ir.config_parameter"].get_param(
                "university_supervision.ack_days"
            ),
            "7",
        )
