# Part of university_supervision. See LICENSE file for full copyright and licensing details.
"""The record cannot be rewritten by those it supervises.

Each test replays, as the role that must not succeed, the calls an RPC client
makes (``mail.message.write``, ``message_post(author_id=…)``,
``ir.attachment.unlink``, ``mail.activity.action_feedback``…): write access
on an item must not open its chatter, files and to-dos, its satellites are
frozen once submitted, and the machine's fields are the machine's.
"""

import base64
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import SupervisionCommon


@tagged("post_install", "-at_install")
class AdversaryCommon(SupervisionCommon):
    """An item in progress with the office's comment, file and the leader's
    to-do on it; the roles that may write or read it try to rewrite them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.todo = cls.env.ref("mail.mail_activity_data_todo")

    def setUp(self):
        super().setUp()
        self.item = self._create_item_in("in_progress")
        item_as_officer = self._as(self.officer, self.item)
        self.office_comment = item_as_officer.message_post(
            body="Please report by Friday.",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        ).with_env(self.env)
        self.office_file = (
            self.env["ir.attachment"]
            .with_user(self.officer)
            .create(
                {
                    "name": "instruction.pdf",
                    "raw": b"%PDF-1.4 office instruction",
                    "res_model": "supervision.item",
                    "res_id": self.item.id,
                }
            )
            .with_env(self.env)
        )
        self.leader_todo = (
            item_as_officer.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=self.leader.id,
                summary="Give an instruction",
            )
        ).with_env(self.env)
        self.flush_tracking()
        self.tracking_message = self.item.message_ids.filtered("tracking_value_ids")[:1]
        self.assertTrue(self.tracking_message)

    # users who may write the item (lead unit, leader in charge) or read it
    # (assisting unit) but are not the office
    def writers_and_readers(self):
        return self.head_a | self.liaison_a | self.leader | self.head_b | self.liaison_b


@tagged("post_install", "-at_install")
class TestChatterSideChannels(AdversaryCommon):
    def test_office_messages_cannot_be_rewritten_or_deleted(self):
        """Units (lead and assisting) and the leader neither edit nor delete
        the office's urge in the chatter."""
        for user in self.writers_and_readers():
            with self.subTest(user=user.login):
                message = self._as(user, self.office_comment)
                with self.assertRaises(AccessError):
                    message.write({"body": "Never mind."})
                with self.assertRaises(AccessError):
                    message.unlink()
        self.assertIn("Please report by Friday.", self.office_comment.body)

    def test_tracking_messages_only_for_the_manager(self):
        """Tracking and system messages are immutable for everyone, the office
        included, but the manager."""
        users = self.writers_and_readers() | self.officer
        for user in users:
            with self.subTest(user=user.login):
                message = self._as(user, self.tracking_message)
                with self.assertRaises(AccessError):
                    message.write({"body": "rewritten history"})
                with self.assertRaises(AccessError):
                    message.unlink()
        # the creation message too (a notification)
        creation = self.item.message_ids.filtered(
            lambda m: m.message_type == "notification" and not m.tracking_value_ids
        )[:1]
        if creation:
            with self.assertRaises(AccessError):
                self._as(self.head_a, creation).unlink()
        self._as(self.manager, self.tracking_message).write({"body": "corrected"})

    def test_authors_and_office_edit_comments(self):
        """The author edits and deletes their own comment; the office edits
        it too; nobody else does."""
        comment = (
            self._as(self.head_a, self.item)
            .message_post(body="Draft sent.", message_type="comment")
            .with_env(self.env)
        )
        self._as(self.head_a, comment).write({"body": "Draft sent to the colleges."})
        with self.assertRaises(AccessError):
            self._as(self.leader, comment).write({"body": "Approved."})
        with self.assertRaises(AccessError):
            self._as(self.liaison_a, comment).unlink()
        self._as(self.officer, comment).write({"body": "Draft sent (office)."})
        self._as(self.head_a, comment).unlink()
        self.assertFalse(comment.exists())

    def test_no_post_in_another_name(self):
        """``message_post(author_id=…)``, a forged ``email_from`` and a raw
        ``mail.message.create`` in the leader's name are refused."""
        self.leader.email = "zhang.vp@university.example.com"
        for user in self.head_a | self.liaison_a | self.head_b | self.officer:
            with self.subTest(user=user.login):
                item = self._as(user, self.item)
                with self.assertRaises(AccessError):
                    item.message_post(
                        body="同意延期",
                        author_id=self.leader.partner_id.id,
                        message_type="comment",
                    )
                with self.assertRaises(AccessError):
                    item.message_post(
                        body="同意延期",
                        email_from=self.leader.email,
                        message_type="comment",
                    )
                with self.assertRaises(AccessError):
                    self.env["mail.message"].with_user(user).create(
                        {
                            "model": "supervision.item",
                            "res_id": self.item.id,
                            "body": "同意延期",
                            "message_type": "comment",
                            "author_id": self.leader.partner_id.id,
                        }
                    )
        with self.assertRaises(AccessError):
            self._as(self.leader, self.item).message_post(
                body="Done.", author_id=self.head_a.partner_id.id
            )
        # in one's own name it works
        message = self._as(self.liaison_a, self.item).message_post(
            body="Working on it.", author_id=self.liaison_a.partner_id.id
        )
        self.assertEqual(message.author_id, self.liaison_a.partner_id)

    def test_subscribe_only_readers(self):
        """The lead unit may not make a unit that cannot read the item follow
        it; readers may follow."""
        with self.assertRaises(AccessError):
            self._as(self.head_a, self.item).message_subscribe(
                partner_ids=self.head_c.partner_id.ids
            )
        with self.assertRaises(AccessError):
            self._as(self.leader, self.item).message_subscribe(
                partner_ids=self.internal_user.partner_id.ids
            )
        self.assertNotIn(self.head_c.partner_id, self.item.message_partner_ids)
        self._as(self.head_a, self.item).message_subscribe(
            partner_ids=self.head_b.partner_id.ids
        )
        self.assertIn(self.head_b.partner_id, self.item.message_partner_ids)


@tagged("post_install", "-at_install")
class TestFilesAndTodos(AdversaryCommon):
    def test_office_files_stay(self):
        """Those who may write the item neither replace nor delete the
        office's file; its uploader and the office do."""
        for user in self.head_a | self.liaison_a | self.leader:
            with self.subTest(user=user.login):
                attachment = self._as(user, self.office_file)
                with self.assertRaises(AccessError):
                    attachment.write({"raw": b"%PDF-1.4 forged"})
                with self.assertRaises(AccessError):
                    attachment.write({"name": "void.pdf"})
                with self.assertRaises(AccessError):
                    attachment.unlink()
        self.assertEqual(self.office_file.raw, b"%PDF-1.4 office instruction")
        own = (
            self.env["ir.attachment"]
            .with_user(self.head_a)
            .create(
                {
                    "name": "plan.docx",
                    "datas": base64.b64encode(b"plan"),
                    "res_model": "supervision.item",
                    "res_id": self.item.id,
                }
            )
        )
        own.write({"name": "plan-v2.docx"})
        with self.assertRaises(AccessError):
            self._as(self.liaison_a, own).unlink()
        self._as(self.officer, own).write({"name": "plan-final.docx"})
        self._as(self.officer, self.office_file).unlink()
        self.assertFalse(self.office_file.exists())

    def test_others_todos_stay(self):
        """Units and the assisting unit may not mark the leader's to-do done,
        change it or remove it; the leader and the office may."""
        for user in self.head_a | self.liaison_a | self.head_b:
            with self.subTest(user=user.login):
                todo = self._as(user, self.leader_todo)
                with self.assertRaises(AccessError):
                    todo.action_feedback(feedback="done (forged)")
                with self.assertRaises(AccessError):
                    todo.action_done()
                with self.assertRaises(AccessError):
                    todo.write({"date_deadline": fields.Date.today()})
                with self.assertRaises(AccessError):
                    todo.unlink()
                with self.assertRaises(AccessError):
                    self._as(user, self.item).activity_feedback(
                        ["mail.mail_activity_data_todo"]
                    )
        self.assertTrue(self.leader_todo.exists())
        self._as(self.leader, self.leader_todo).action_feedback(feedback="Given.")
        self.assertFalse(self.leader_todo.exists())
        other = self._as(self.officer, self.item).activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.head_a.id
        )
        self._as(self.officer, other).unlink()
        self.assertFalse(other.exists())

    def test_workflow_still_ends_the_units_todos(self):
        """The workflow's steps end the to-dos of others (the acknowledgement
        to-do of the liaison ends when the head acknowledges)."""
        item = self._create_item_in("assigned")
        self.assertTrue(self._open_activities(item, self.act_acknowledge))
        self._acknowledge(item, user=self.head_a)
        self.assertFalse(self._open_activities(item, self.act_acknowledge))


@tagged("post_install", "-at_install")
class TestConfidentialAudience(AdversaryCommon):
    def test_becoming_confidential_sheds_followers_and_todos(self):
        """When the item becomes confidential, the assisting unit stops
        following it and loses its to-dos; named users keep theirs."""
        self._as(self.head_a, self.item).message_subscribe(
            partner_ids=(self.head_b | self.liaison_a).partner_id.ids
        )
        todo_b = self._as(self.officer, self.item).activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.liaison_b.id
        )
        todo_a = self._as(self.officer, self.item).activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.liaison_a.id
        )
        self._as(self.officer, self.item).write(
            {
                "is_confidential": True,
                "confidential_user_ids": [
                    Command.set((self.officer | self.head_a | self.liaison_a).ids)
                ],
            }
        )
        partners = self.item.message_partner_ids
        self.assertNotIn(self.head_b.partner_id, partners)
        self.assertNotIn(self.liaison_b.partner_id, partners)
        self.assertIn(self.liaison_a.partner_id, partners)
        self.assertFalse(todo_b.exists())
        self.assertTrue(todo_a.exists())
        # the leader in charge still reads it: his to-do stays
        self.assertTrue(self.leader_todo.exists())

    def test_removed_assisting_unit_sheds(self):
        """An assisting unit taken off the item stops following it."""
        self._as(self.head_a, self.item).message_subscribe(
            partner_ids=self.head_b.partner_id.ids
        )
        self._as(self.officer, self.item).write(
            {"assist_unit_ids": [Command.set(self.unit_c.ids)]}
        )
        self.assertNotIn(self.head_b.partner_id, self.item.message_partner_ids)

    def test_confidential_subscribe_and_notify_only_readers(self):
        """On a confidential item an unnamed user can neither be added as a
        follower nor be notified, even when he follows it from before."""
        self._as(self.officer, self.item).write(
            {
                "is_confidential": True,
                "confidential_user_ids": [
                    Command.set((self.officer | self.head_a).ids)
                ],
            }
        )
        with self.assertRaises(AccessError):
            self._as(self.head_a, self.item).message_subscribe(
                partner_ids=self.head_b.partner_id.ids
            )
        # a follower left over (inserted without checks, as an older release did)
        self.env["mail.followers"]._insert_followers(
            "supervision.item", self.item.ids, self.head_b.partner_id.ids
        )
        message = self._as(self.officer, self.item).message_post(
            body="Confidential instruction.",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.liaison_b.partner_id.ids,
        )
        notified = message.sudo().notification_ids.res_partner_id
        self.assertNotIn(self.head_b.partner_id, notified)
        self.assertNotIn(self.liaison_b.partner_id, notified)
        self.assertIn(self.head_a.partner_id, notified)

    def test_followers_of_unreadable_items_are_not_listed(self):
        """``mail.followers.search``/``read`` do not show who follows an item
        the user cannot read."""
        self._as(self.officer, self.item).write(
            {
                "is_confidential": True,
                "confidential_user_ids": [
                    Command.set((self.officer | self.head_a).ids)
                ],
            }
        )
        followers = self.item.message_follower_ids
        self.assertTrue(followers)
        domain = [("res_model", "=", "supervision.item"), ("res_id", "=", self.item.id)]
        for user in self.head_b | self.head_c | self.internal_user | self.officer_other:
            with self.subTest(user=user.login):
                Followers = self.env["mail.followers"].with_user(user)
                self.assertFalse(Followers.search(domain))
                self.assertFalse(Followers.search_count(domain))
                with self.assertRaises(AccessError):
                    self._as(user, followers).read(["partner_id"])
        self.assertEqual(
            self.env["mail.followers"].with_user(self.head_a).search(domain),
            followers,
        )


@tagged("post_install", "-at_install")
class TestSatellitesFrozen(AdversaryCommon):
    def _submitted_extension(self):
        ext = (
            self.env["supervision.extension"]
            .with_user(self.liaison_a)
            .create(
                {
                    "item_id": self.item.id,
                    "reason": "The colleges need two more weeks.",
                    "date_requested": self.item.deadline + timedelta(days=14),
                }
            )
        )
        ext.action_submit()
        return ext.with_env(self.env)

    def test_extension_frozen_after_submission(self):
        """After submission the unit changes neither the date, the reason nor
        the item; the decision note is the decider's; the approval moves the
        deadline to the date submitted; then only the manager changes it."""
        ext = self._submitted_extension()
        other = self._create_item_in("in_progress", assist_unit_ids=[])
        for vals in (
            {"date_requested": fields.Date.to_date("2099-12-31")},
            {"reason": "Whatever."},
            {"item_id": other.id},
        ):
            for user in self.liaison_a | self.officer:
                with (
                    self.subTest(vals=vals, user=user.login),
                    self.assertRaises(UserError),
                ):
                    self._as(user, ext).write(vals)
        with self.assertRaises(AccessError):
            self._as(self.liaison_a, ext).write({"decision_note": "同意"})
        with self.assertRaises(AccessError):
            self.env["supervision.extension"].with_user(self.liaison_a).create(
                {
                    "item_id": other.id,
                    "reason": "r",
                    "date_requested": other.deadline + timedelta(days=3),
                    "decision_note": "同意",
                }
            )
        self._as(self.leader, ext).write({"decision_note": "Agreed, last time."})
        requested = ext.date_requested
        self._as(self.leader, ext).action_approve()
        self.assertEqual(self.item.deadline, requested)
        with self.assertRaises(AccessError):
            self._as(self.leader, ext).write({"decision_note": "Changed my mind."})
        with self.assertRaises(AccessError):
            self._as(self.officer, ext).write({"decision_note": "Office note."})
        self._as(self.manager, ext).write({"decision_note": "Corrected typo."})
        self.assertEqual(ext.item_id, self.item)

    def test_progress_reports_are_the_writers(self):
        """The author is the writer; item, kind and date are fixed; the
        acknowledgement is read-only; changes are logged on the item."""
        Progress = self.env["supervision.progress"]
        with self.assertRaises(AccessError):
            Progress.with_user(self.liaison_a).create(
                {
                    "item_id": self.item.id,
                    "unit_id": self.unit_a.id,
                    "description": "<p>As the head.</p>",
                    "user_id": self.head_a.id,
                }
            )
        report = Progress.with_user(self.liaison_a).create(
            {
                "item_id": self.item.id,
                "unit_id": self.unit_a.id,
                "description": "<p>Half done.</p>",
                "percent": 50,
            }
        )
        self.assertEqual(report.user_id, self.liaison_a)
        other = self._create_item_in("in_progress")
        for vals in (
            {"item_id": other.id},
            {"kind": "result"},
            {"date": fields.Date.today() - timedelta(days=30)},
            {"user_id": self.head_a.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                self._as(self.liaison_a, report).write(vals)
        self._as(self.liaison_a, report).write({"percent": 60})
        self.flush_tracking()
        self.assertTrue(
            self.item.message_ids.filtered(
                lambda m: "changed" in (m.body or "") and report.display_name in m.body
            )
        )
        ack = self.item.progress_ids.filtered(lambda r: r.kind == "acknowledgement")
        self.assertTrue(ack)
        for user in self.head_a | self.officer:
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self._as(user, ack).write({"description": "<p>Rewritten.</p>"})

    def test_interviewer_writes_only_minutes(self):
        """The interviewer writes the minutes and rectification only; nobody
        writes the state but the actions."""
        interview = (
            self.env["supervision.interview"]
            .with_user(self.officer)
            .create(
                {
                    "item_ids": [Command.link(self.item.id)],
                    "unit_id": self.unit_a.id,
                    "interviewer_id": self.leader.id,
                    "interviewee_ids": [Command.set(self.head_a.ids)],
                    "date": fields.Datetime.now() + timedelta(days=2),
                    "place": "Room 101",
                }
            )
            .with_env(self.env)
        )
        self._as(self.officer, interview).action_notify()
        with self.assertRaises(AccessError):
            self._as(self.leader, interview).write({"place": "Elsewhere"})
        with self.assertRaises(UserError):
            self._as(self.leader, interview).write({"state": "closed"})
        with self.assertRaises(UserError):
            self._as(self.officer, interview).write({"state": "closed"})
        self._as(self.leader, interview).write({"minutes": "<p>Talked.</p>"})
        self._as(self.leader, interview).action_hold()
        self.assertEqual(interview.state, "held")

    def test_published_briefing_and_confirmed_score_lines(self):
        """The figures of a published briefing and the lines of a confirmed
        score are read-only, to the manager too."""
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
        briefing.action_publish()
        line = self.env["supervision.briefing.line"].create(
            {
                "briefing_id": briefing.id,
                "unit_id": self.unit_a.id,
                "role": "lead",
                "level": "key",
            }
        )
        for user in self.officer | self.manager:
            with self.subTest(user=user.login):
                with self.assertRaises(UserError):
                    self._as(user, line).write({"item_count": 99})
                with self.assertRaises(UserError):
                    self._as(user, line).unlink()
        score = self.env["supervision.unit.score"].create(
            {
                "unit_id": self.unit_a.id,
                "date_from": fields.Date.today() - timedelta(days=60),
                "date_to": fields.Date.today(),
                "line_ids": [
                    Command.create(
                        {
                            "item_id": self.item.id,
                            "rule_id": self.env.ref(
                                "university_supervision.score_rule_overdue"
                            ).id,
                            "count": 1,
                            "points": -2,
                        }
                    )
                ],
            }
        )
        self._as(self.officer, score).action_confirm()
        with self.assertRaises(UserError):
            self._as(self.manager, score.line_ids).write({"points": 10})
        with self.assertRaises(UserError):
            self._as(self.officer, score).write({"date_to": fields.Date.today()})


@tagged("post_install", "-at_install")
class TestMachineFields(AdversaryCommon):
    MACHINE_VALUES = {
        "warning_light": "green",
        "is_overdue": False,
        "ack_overdue": False,
        "date_checked": "2026-01-01",
        "on_time_score": 100,
        "year": 2030,
        "deadline_original": "2099-01-01",
    }

    def test_nobody_writes_machine_fields(self):
        """No user, the office included, writes or creates the daily check's
        flags, the statistics or the original deadline."""
        for fname, value in self.MACHINE_VALUES.items():
            for user in self.officer | self.manager | self.head_a | self.leader:
                with (
                    self.subTest(field=fname, user=user.login),
                    self.assertRaises(AccessError),
                ):
                    self._as(user, self.item).write({fname: value})
            with self.subTest(field=fname, create=True), self.assertRaises(AccessError):
                self.env["supervision.item"].with_user(self.officer).create(
                    {
                        "name": "Forged flags",
                        "lead_unit_id": self.unit_a.id,
                        fname: value,
                    }
                )

    def test_units_write_no_chatter_fields(self):
        """A unit cannot point the item's main attachment at another item's
        file (which leaked its name), nor write any message_/activity_ field;
        the office points it only at the item's own files."""
        other = self._create_item(lead_unit_id=self.unit_c.id, assist_unit_ids=[])
        secret = self.env["ir.attachment"].create(
            {
                "name": "secret-plan.pdf",
                "raw": b"%PDF secret",
                "res_model": "supervision.item",
                "res_id": other.id,
            }
        )
        for user in self.head_a | self.liaison_a:
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self._as(user, self.item).write(
                        {"message_main_attachment_id": secret.id}
                    )
                with self.assertRaises(AccessError):
                    self._as(user, self.item).write(
                        {"activity_user_id": self.head_a.id}
                    )
        with self.assertRaises(AccessError):
            self._as(self.officer, self.item).write(
                {"message_main_attachment_id": secret.id}
            )
        self._as(self.officer, self.item).write(
            {"message_main_attachment_id": self.office_file.id}
        )
        self.assertEqual(self.item.message_main_attachment_id, self.office_file)

    def test_unit_posts_a_file(self):
        """Posting a file in the chatter still works for a unit (the main
        attachment is set by the system)."""
        item = self._create_item_in("in_progress")
        self._as(self.head_a, item).message_post(
            body="Plan attached.",
            attachments=[("plan.pdf", b"%PDF-1.4 plan")],
        )
        self.assertEqual(item.message_main_attachment_id.name, "plan.pdf")


@tagged("post_install", "-at_install")
class TestWizards(AdversaryCommon):
    def test_wizards_refuse_unseen_items(self):
        """An officer not named on a confidential item cannot urge, cancel or
        return it through a wizard; an empty choice is refused."""
        secret = self._create_item_in(
            "in_progress",
            is_confidential=True,
            confidential_user_ids=[Command.set((self.officer | self.head_a).ids)],
        )
        Urge = self.env["supervision.urge.wizard"].with_user(self.officer_other)
        wizard = Urge.create(
            {"item_ids": [Command.set(secret.ids)], "note": "Hurry up."}
        )
        with self.assertRaises(AccessError):
            wizard.action_confirm()
        self.assertFalse(secret.urge_ids)
        Cancel = self.env["supervision.cancel.wizard"].with_user(self.officer_other)
        draft = self._create_item(
            is_confidential=True,
            confidential_user_ids=[Command.set(self.officer.ids)],
        )
        wizard = Cancel.create(
            {"item_ids": [Command.set(draft.ids)], "reason": "Not needed."}
        )
        with self.assertRaises(AccessError):
            wizard.action_confirm()
        self.assertEqual(draft.state, "draft")
        empty = Urge.create({"item_ids": [Command.set([])], "note": "Nothing."})
        with self.assertRaises(UserError):
            empty.action_confirm()

    def test_wizards_are_their_creators(self):
        """Another user can neither read nor confirm one's wizard (Odoo 18
        does not restrict transient records to their creator by itself)."""
        wizard = (
            self.env["supervision.urge.wizard"]
            .with_user(self.officer)
            .create({"item_ids": [Command.set(self.item.ids)], "note": "Urgent."})
        )
        with self.assertRaises(AccessError):
            self._as(self.officer_other, wizard).read(["note"])
        with self.assertRaises(AccessError):
            self._as(self.officer_other, wizard).write({"note": "Changed."})
        self.assertFalse(
            self.env["supervision.urge.wizard"]
            .with_user(self.officer_other)
            .search([("id", "=", wizard.id)])
        )


@tagged("post_install", "-at_install")
class TestBadInput(AdversaryCommon):
    def test_titles_and_texts(self):
        """Blank titles, titles over 200 characters, texts over 20,000
        characters and deadlines beyond 10 years are refused; nothing is
        written."""
        Item = self.env["supervision.item"].with_user(self.officer)
        count = Item.search_count([])
        base = {"lead_unit_id": self.unit_a.id}
        for vals in (
            {"name": ""},
            {"name": "   "},
            {"name": "x" * 201},
            {"name": "ok", "content": "<p>%s</p>" % ("x" * 20001)},
            {"name": "ok", "targets": "x" * 20001},
            {
                "name": "ok",
                "deadline": fields.Date.today() + timedelta(days=365 * 10 + 10),
            },
        ):
            with self.subTest(vals=str(vals)[:60]), self.assertRaises(ValidationError):
                Item.create({**base, **vals})
        self.assertEqual(Item.search_count([]), count)
        item = self._as(self.officer, self._create_item())
        with self.assertRaises(ValidationError):
            item.write({"name": " \t "})
        self.assertTrue(item.name.strip())
        with self.assertRaises(ValidationError):
            self._as(self.head_a, self.item).write({"result_note": "x" * 20001})

    def test_required_texts_not_empty(self):
        """Required texts given as '' are refused: an extension's reason, a
        report's description, a cancellation's reason."""
        with self.assertRaises(ValidationError):
            self.env["supervision.extension"].with_user(self.liaison_a).create(
                {
                    "item_id": self.item.id,
                    "reason": "",
                    "date_requested": self.item.deadline + timedelta(days=5),
                }
            )
        with self.assertRaises(ValidationError):
            self.env["supervision.extension"].with_user(self.liaison_a).create(
                {
                    "item_id": self.item.id,
                    "reason": "later",
                    "date_requested": fields.Date.today() + timedelta(days=4000),
                }
            )
        with self.assertRaises(ValidationError):
            self.env["supervision.progress"].with_user(self.liaison_a).create(
                {
                    "item_id": self.item.id,
                    "unit_id": self.unit_a.id,
                    "description": "<p> </p>",
                }
            )
        with self.assertRaises(ValidationError):
            self.env["supervision.cancel.wizard"].with_user(self.officer).create(
                {"item_ids": [Command.set(self.item.ids)], "reason": "  "}
            )
        self.assertFalse(self.item.extension_ids)
