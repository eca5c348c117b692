# Part of university_supervision. See LICENSE file for full copyright and licensing details.
import base64
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import SupervisionCommon

NOW = "2026-03-02 02:00:00"  # Monday 10:00 in Beijing
TODAY = date(2026, 3, 2)


@tagged("post_install", "-at_install")
class TestProgress(SupervisionCommon):
    """Progress reports (进展反馈) of the lead and assisting units, GDUFS
    第八条(二)/第九条(二)."""

    def _report_form(self, item, user):
        """The form the item's 'Report Progress' button opens for ``user``."""
        self.env.invalidate_all()
        context = item.with_user(user).action_report_progress()["context"]
        return Form(
            self.env["supervision.progress"].with_user(user).with_context(**context)
        )

    def _report(self, item, user, **values):
        values = {
            "description": "<p>Drafted the plan; consulting the colleges.</p>",
            "percent": 40,
            **values,
        }
        with self._report_form(item, user) as form:
            for fname, value in values.items():
                setattr(form, fname, value)
        return form.record.with_env(self.env)

    def _create_report(self, item, user, unit, **values):
        """A report created directly (no form), as an RPC client would."""
        return (
            self.env["supervision.progress"]
            .with_user(user)
            .create(
                {
                    "item_id": item.id,
                    "unit_id": unit.id,
                    "description": "<p>Our part is done.</p>",
                    "percent": 100,
                    **values,
                }
            )
        )

    def _progress(self, item):
        return item.progress_ids.filtered(lambda p: p.kind == "progress")

    @freeze_time(NOW)
    def test_lead_unit_reports_progress_with_attachment(self):
        """A liaison of the lead unit reports with a percentage and an
        attachment, which also appears in the item's chatter."""
        item = self._create_item_in("in_progress")
        attachment = (
            self.env["ir.attachment"]
            .with_user(self.liaison_a)
            .create(
                {
                    "name": "draft-plan.pdf",
                    "datas": base64.b64encode(b"%PDF-1.4 draft plan"),
                    "res_model": "supervision.progress",
                    "res_id": 0,
                }
            )
        )
        with self._report_form(item, self.liaison_a) as form:
            form.description = "<p>Drafted the plan; consulting the colleges.</p>"
            form.percent = 40
            form.attachment_ids.add(attachment)
        report = form.record.with_env(self.env)
        self.assertRecordValues(
            report,
            [
                {
                    "item_id": item.id,
                    "unit_id": self.unit_a.id,
                    "user_id": self.liaison_a.id,
                    "kind": "progress",
                    "percent": 40,
                    "date": TODAY,
                    "approval_state": False,
                    "attachment_ids": attachment.ids,
                }
            ],
        )
        message = item.message_ids.filtered(
            lambda m: "Progress from Academic Affairs Office (40%)" in (m.body or "")
        )
        self.assertEqual(len(message), 1)
        self.assertEqual(message.attachment_ids, attachment)
        self.assertEqual(message.author_id, self.liaison_a.partner_id)

    @freeze_time(NOW)
    def test_assisting_unit_reports_its_part(self):
        """A liaison of an assisting unit reports in the name of that unit."""
        item = self._create_item_in("in_progress")
        report = self._report(item, self.liaison_b, percent=60)
        self.assertRecordValues(
            report,
            [{"unit_id": self.unit_b.id, "user_id": self.liaison_b.id, "percent": 60}],
        )
        self.assertTrue(
            item.message_ids.filtered(
                lambda m: "Progress from Finance Office (60%)" in (m.body or "")
            )
        )

    @freeze_time(NOW)
    def test_uninvolved_unit_cannot_report(self):
        """A unit that neither leads nor assists cannot report on the item."""
        item = self._create_item_in("in_progress")
        with self.assertRaises(AccessError):
            self._create_report(item, self.head_c, self.unit_c)
        self.assertFalse(self._progress(item))

    @freeze_time(NOW)
    def test_cannot_report_for_uninvolved_unit(self):
        """The lead unit's head cannot file a report in the name of a unit
        that has nothing to do with the item."""
        self.unit_c.sudo().member_ids = [(4, self.head_a.id)]
        item = self._create_item_in("in_progress")
        with self.assertRaisesMessage(UserError, "neither leads nor assists"):
            self._create_report(item, self.head_a, self.unit_c)
        self.assertFalse(self._progress(item))

    @freeze_time(NOW)
    def test_liaison_cannot_report_for_other_unit(self):
        """The assisting unit's liaison cannot report in the lead unit's name."""
        item = self._create_item_in("in_progress")
        with self.assertRaisesMessage(AccessError, "your own unit"):
            self._create_report(item, self.liaison_b, self.unit_a)
        self.assertFalse(self._progress(item))

    @freeze_time(NOW)
    def test_liaison_cannot_move_report_to_other_unit(self):
        """A report cannot be moved afterwards to another unit's name."""
        item = self._create_item_in("in_progress")
        report = self._report(item, self.liaison_b)
        with self.assertRaises(AccessError):
            self._as(self.liaison_b, report).write({"unit_id": self.unit_a.id})
        self.assertEqual(report.unit_id, self.unit_b)

    @freeze_time(NOW)
    def test_no_report_before_assignment_or_after_closure(self):
        """Reports are made on open items only."""
        draft = self._create_item()
        with self.assertRaises(UserError):
            self._create_report(draft, self.liaison_a, self.unit_a)
        cancelled = self._create_item_in("in_progress")
        self._as(self.leader, cancelled).action_cancel(reason="No longer needed.")
        with self.assertRaises(UserError):
            self._create_report(cancelled, self.liaison_a, self.unit_a)
        self.assertFalse(self._progress(draft | cancelled))


@tagged("post_install", "-at_install")
class TestSpecialReport(SupervisionCommon):
    """Special reports (专项报告), NWU 第八条(三): an item that objectively
    cannot be completed ends as cancelled when the leader in charge agrees."""

    REPORT = "<p>The national policy the item implements was withdrawn.</p>"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.act_special = cls.env.ref(
            "university_supervision.mail_act_item_special_report"
        )

    def _special_report(self, item, user=None, unit=None):
        report = (
            self.env["supervision.progress"]
            .with_user(user or self.liaison_a)
            .create(
                {
                    "item_id": item.id,
                    "unit_id": (unit or self.unit_a).id,
                    "kind": "special_report",
                    "description": self.REPORT,
                }
            )
        )
        report.action_submit()
        return report.with_env(self.env)

    @freeze_time(NOW)
    def test_special_report_waits_for_leader(self):
        """A special report of the lead unit waits for the decision of the
        leader in charge, who gets a to-do; the item goes on meanwhile."""
        item = self._create_item_in("in_progress")
        report = self._special_report(item)
        self.assertEqual(report.approval_state, "pending")
        self.assertEqual(
            self._open_activities(item, self.act_special).user_id, self.leader
        )
        self.assertEqual(item.state, "in_progress")
        self.assertTrue(self._as(self.leader, report).can_decide)

    @freeze_time(NOW)
    def test_assisting_unit_cannot_send_special_report(self):
        """Only the lead unit may say the item cannot be completed."""
        item = self._create_item_in("in_progress")
        with self.assertRaisesMessage(UserError, "lead unit"):
            self._special_report(item, user=self.liaison_b, unit=self.unit_b)
        self.assertFalse(
            item.progress_ids.filtered(lambda p: p.kind == "special_report")
        )
        self.assertFalse(self._open_activities(item, self.act_special))

    @freeze_time(NOW)
    def test_leader_approves_special_report(self):
        """The leader in charge approves: the item is cancelled with the
        report as reason and its to-dos are removed."""
        item = self._create_item_in("in_progress")
        report = self._special_report(item)
        self._as(self.leader, report).action_approve_special_report()
        self.flush_tracking()
        self.assertEqual(report.approval_state, "approved")
        self.assertEqual(item.state, "cancelled")
        self.assertIn(
            "national policy the item implements was withdrawn", item.cancel_reason
        )
        self.assertFalse(item.activity_ids)
        self.assertEqual(self._state_tracking(item)[-1], ("In Progress", "Cancelled"))

    @freeze_time(NOW)
    def test_leader_refuses_special_report(self):
        """The leader in charge refuses: the unit goes on with the item and
        is told so."""
        item = self._create_item_in("in_progress")
        report = self._special_report(item)
        self._as(self.leader, report).action_refuse_special_report()
        self.assertEqual(report.approval_state, "refused")
        self.assertRecordValues(
            item, [{"state": "in_progress", "cancel_reason": False}]
        )
        self.assertFalse(self._open_activities(item, self.act_special))
        message = item.message_ids.filtered(
            lambda m: "special report was refused" in (m.body or "")
        )
        self.assertEqual(message.partner_ids, (self.head_a | self.liaison_a).partner_id)

    @freeze_time(NOW)
    def test_other_leaders_cannot_decide(self):
        """The lead leader and the president see the report but are not the
        leader in charge; neither is the office."""
        item = self._create_item_in("in_progress", lead_leader_id=self.leader_other.id)
        report = self._special_report(item)
        for user in (self.leader_other, self.principal, self.officer):
            for method in (
                "action_approve_special_report",
                "action_refuse_special_report",
            ):
                with (
                    self.subTest(user=user.login, method=method),
                    self.assertRaisesMessage(AccessError, "leader in charge"),
                ):
                    getattr(self._as(user, report), method)()
        self.assertEqual(report.approval_state, "pending")
        self.assertEqual(item.state, "in_progress")

    @freeze_time(NOW)
    def test_unit_cannot_write_decision(self):
        """The lead unit cannot approve its own special report by writing."""
        item = self._create_item_in("in_progress")
        report = self._special_report(item)
        with self.assertRaises(AccessError):
            self._as(self.liaison_a, report).write({"approval_state": "approved"})
        self.assertEqual(report.approval_state, "pending")

    @freeze_time(NOW)
    def test_special_report_decided_once(self):
        """A decided special report, or an ordinary report, has nothing to
        decide."""
        item = self._create_item_in("in_progress")
        report = self._special_report(item)
        self._as(self.leader, report).action_refuse_special_report()
        with self.assertRaisesMessage(UserError, "no special report to decide"):
            self._as(self.leader, report).action_approve_special_report()
        ordinary = item.progress_ids.filtered(lambda p: p.kind == "acknowledgement")
        with self.assertRaisesMessage(UserError, "no special report to decide"):
            self._as(self.leader, ordinary).action_approve_special_report()
        self.assertEqual(item.state, "in_progress")


@tagged("post_install", "-at_install")
class TestUrge(SupervisionCommon):
    """Urges (催办), GDUFS 第九条(三)/第十条(二): the office urges, the units
    reply."""

    def _urge_form(self, items, user=None, lang="en_US"):
        """The wizard as the web client opens it: its context carries the
        user's language."""
        self.env.invalidate_all()
        context = {"default_item_ids": items.ids}
        if lang:
            context["lang"] = lang
        return Form(
            self.env["supervision.urge.wizard"]
            .with_user(user or self.officer)
            .with_context(**context)
        )

    def _urge(
        self,
        items,
        user=None,
        channel="phone",
        note="Please send the draft plan by Friday.",
        lang="en_US",
    ):
        with self._urge_form(items, user, lang) as wizard:
            wizard.channel = channel
            wizard.note = note
        wizard.record.action_confirm()
        self.flush_tracking()
        return items.urge_ids

    @freeze_time(NOW)
    def test_action_urge_opens_wizard(self):
        """The office's urge button opens the quick urge wizard on the item."""
        item = self._create_item_in("in_progress")
        action = self._as(self.officer, item).action_urge()
        self.assertEqual(action["res_model"], "supervision.urge.wizard")
        self.assertEqual(action["context"], {"default_item_ids": item.ids})

    @freeze_time(NOW)
    def test_officer_urges_with_wizard(self):
        """The wizard records an urge of the lead unit's head, with the
        channel, the note and the deadline of the day."""
        item = self._create_item_in("in_progress")
        urge = self._urge(item)
        self.assertRecordValues(
            urge,
            [
                {
                    "channel": "phone",
                    "note": "Please send the draft plan by Friday.",
                    "user_id": self.officer.id,
                    "unit_id": self.unit_a.id,
                    "target_user_id": self.head_a.id,
                    "date": datetime(2026, 3, 2, 2, 0, 0),
                    "deadline": item.deadline,
                    "trigger": False,
                    "reply": False,
                }
            ],
        )

    @freeze_time(NOW)
    def test_urge_without_language_in_context(self):
        """Urging also works when the context carries no language, as in an
        external API call without context or in the daily scheduled check."""
        item = self._create_item_in("in_progress")
        urge = self._urge(item, lang=None)
        self.assertRecordValues(
            urge, [{"channel": "phone", "user_id": self.officer.id}]
        )
        self.assertTrue(item.message_ids.filtered(lambda m: "Urged:" in (m.body or "")))

    @freeze_time(NOW)
    def test_urge_posted_to_lead_unit(self):
        """The urge is posted in the chatter to the lead unit's head and
        liaison."""
        item = self._create_item_in("in_progress")
        self._urge(item, channel="email")
        message = item.message_ids.filtered(
            lambda m: "Urged: Please send the draft plan by Friday." in (m.body or "")
        )
        self.assertEqual(len(message), 1)
        self.assertEqual(message.partner_ids, (self.head_a | self.liaison_a).partner_id)
        self.assertEqual(message.author_id, self.officer.partner_id)

    @freeze_time(NOW)
    def test_urge_several_items_at_once(self):
        """One wizard urges each selected item."""
        items = self._create_item_in("in_progress") | self._create_item_in("assigned")
        urges = self._urge(items, channel="meeting")
        self.assertEqual(urges.item_id, items)
        self.assertEqual(set(urges.mapped("channel")), {"meeting"})

    @freeze_time(NOW)
    def test_non_officer_cannot_use_wizard(self):
        """Neither the leader in charge nor a unit head may urge."""
        item = self._create_item_in("in_progress")
        for user in (self.leader, self.head_a):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self._as(user, item).action_urge()
                with self.assertRaises(AccessError):
                    self._urge(item, user=user)
        self.assertFalse(item.urge_ids)

    @freeze_time(NOW)
    def test_urge_refused_for_item_not_assigned(self):
        """A registered draft, not assigned yet, is not urged."""
        item = self._create_item()
        with self.assertRaises(UserError):
            self._urge(item)
        self.assertFalse(item.urge_ids)

    @freeze_time(NOW)
    def test_unit_replies_to_urge(self):
        """The lead unit's head replies; the reply date is set."""
        item = self._create_item_in("in_progress")
        urge = self._urge(item)
        with freeze_time("2026-03-03 01:00:00"):
            self._as(self.head_a, urge).write(
                {"reply": "The draft will be sent on Thursday."}
            )
        self.assertRecordValues(
            urge,
            [
                {
                    "reply": "The draft will be sent on Thursday.",
                    "date_reply": datetime(2026, 3, 3, 1, 0, 0),
                    "note": "Please send the draft plan by Friday.",
                }
            ],
        )

    @freeze_time(NOW)
    def test_assisting_unit_replies_to_urge(self):
        """An assisting unit of the item may reply as well."""
        item = self._create_item_in("in_progress")
        urge = self._urge(item)
        self._as(self.liaison_b, urge).write({"reply": "Our part is done."})
        self.assertRecordValues(
            urge,
            [
                {
                    "reply": "Our part is done.",
                    "date_reply": datetime(2026, 3, 2, 2, 0, 0),
                }
            ],
        )

    @freeze_time(NOW)
    def test_unit_cannot_change_urge(self):
        """A unit cannot rewrite what the office recorded."""
        item = self._create_item_in("in_progress")
        urge = self._urge(item)
        for vals in (
            {"note": "We were never asked."},
            {"channel": "visit"},
            {"reply": "Done.", "note": "We were never asked."},
        ):
            with (
                self.subTest(vals=vals),
                self.assertRaisesMessage(AccessError, "only reply"),
            ):
                self._as(self.head_a, urge).write(vals)
        self.assertRecordValues(
            urge,
            [
                {
                    "note": "Please send the draft plan by Friday.",
                    "channel": "phone",
                    "reply": False,
                }
            ],
        )

    @freeze_time(NOW)
    def test_unit_cannot_set_reply_date(self):
        """The reply date is the time of the reply: a unit cannot write it."""
        item = self._create_item_in("in_progress")
        urge = self._urge(item)
        with self.assertRaises(AccessError):
            self._as(self.head_a, urge).write(
                {"date_reply": datetime(2026, 3, 1, 0, 0, 0)}
            )
        self.assertFalse(urge.date_reply)

    @freeze_time(NOW)
    def test_uninvolved_unit_cannot_reply(self):
        """A unit with nothing to do with the item cannot reply."""
        item = self._create_item_in("in_progress")
        urge = self._urge(item)
        with self.assertRaises(AccessError):
            self._as(self.head_c, urge).write({"reply": "Not ours."})
        self.assertFalse(urge.reply)

    @freeze_time(NOW)
    def test_leader_cannot_reply(self):
        """The leader in charge reads urges but does not reply for the unit."""
        item = self._create_item_in("in_progress")
        urge = self._urge(item)
        self._as(self.leader, urge).check_access("read")
        with self.assertRaises(AccessError):
            self._as(self.leader, urge).write({"reply": "Done."})
        self.assertFalse(urge.reply)
