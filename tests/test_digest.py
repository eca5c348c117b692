# Part of university_supervision. See LICENSE file for full copyright and licensing details.
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import DeadlineCheckCommon

# 09:00 in Shanghai on 03-21, the day after the deadline of the items
DIGEST_AT = "2026-03-21 01:00:00"
CHECK_AT = "2026-03-20 16:01:00"  # 03-21 00:01 in Shanghai


@tagged("post_install", "-at_install")
class TestDigest(DeadlineCheckCommon):
    """The daily check logs its facts on the items and notifies nobody; each
    person gets one digest a day of what needs them."""

    def _digests(self, user):
        """Digests received by ``user``, oldest first."""
        return (
            self.env["mail.message"]
            .search(
                [
                    ("message_type", "=", "user_notification"),
                    ("partner_ids", "in", user.partner_id.ids),
                    ("subject", "like", "Supervision digest"),
                ]
            )
            .sorted("id")
        )

    def _send_digests(self, moment=DIGEST_AT):
        with freeze_time(moment):
            self.env["supervision.digest"]._cron_send_digest()
        self.env.invalidate_all()

    def _notifications(self, users):
        return self.env["mail.notification"].search_count(
            [("res_partner_id", "in", users.partner_id.ids)]
        )

    def test_check_logs_facts_without_notifying(self):
        """An overdue reminder item is urged and escalated: both facts are a
        logged note on the item, and neither the unit nor the leader in
        charge is notified by the check."""
        item = self._open_item(level="reminder")
        people = self.head_a | self.liaison_a | self.leader | self.officer
        before = self._notifications(people)
        self._check_at(CHECK_AT)
        self.assertEqual(item.level, "key")
        self.assertEqual(self._notifications(people), before)
        notes = item.message_ids.filtered(lambda m: "Urged" in m.body)
        self.assertEqual(len(notes), 1)
        self.assertRecordValues(
            notes,
            [
                {
                    "message_type": "notification",
                    "subtype_id": self.env.ref("mail.mt_note").id,
                    "partner_ids": [],
                }
            ],
        )
        self.assertIn("escalated to key supervision", notes.body)

    def test_reminders_without_assignment_mail(self):
        """The reminders the check schedules notify nobody one by one."""
        item = self._open_item()
        before = self._notifications(self.head_a | self.liaison_a)
        self._check_at("2026-03-17 02:00:00")
        self.assertEqual(len(self._reminders(item)), 2)
        self.assertEqual(self._notifications(self.head_a | self.liaison_a), before)

    def test_one_digest_per_person_per_day(self):
        """Five overdue items, two runs of the digest the same day: the head
        of the lead unit gets one digest naming the five; the next day,
        another one."""
        items = self.env["supervision.item"].concat(
            *(self._open_item(name=f"Overdue task {i}") for i in range(5))
        )
        self._check_at(CHECK_AT)
        self._send_digests()
        self._send_digests("2026-03-21 05:00:00")
        digests = self._digests(self.head_a)
        self.assertEqual(len(digests), 1)
        for item in items:
            self.assertIn(item.name, digests.body)
            self.assertIn(f"/odoo/supervision.item/{item.id}", digests.body)
        self.assertEqual(self.head_a.supervision_digest_date, date(2026, 3, 21))
        self._check_at("2026-03-21 16:01:00")
        self._send_digests("2026-03-22 01:00:00")
        self.assertEqual(len(self._digests(self.head_a)), 2)

    def test_digest_waits_for_its_hour_and_the_check(self):
        """Nothing before the digest hour (08:00 in Shanghai by default), nor
        while the day's check has items left; the hour is a setting."""
        self._open_item()
        self._check_at(CHECK_AT)
        self._send_digests("2026-03-20 23:59:00")  # 07:59 in Shanghai
        self.assertFalse(self._digests(self.head_a))
        self._set_param("digest_hour", "10")
        self._send_digests()  # 09:00
        self.assertFalse(self._digests(self.head_a))
        self._send_digests("2026-03-21 02:00:00")  # 10:00
        self.assertEqual(len(self._digests(self.head_a)), 1)

    def test_digest_waits_for_the_check(self):
        """While open items are left unchecked today, no digest goes out."""
        self._open_item()
        self._send_digests()
        self.assertFalse(self._digests(self.head_a))

    def test_digest_content_per_role(self):
        """The unit's people get their overdue, due-soon and late items; the
        leader in charge the escalation and what awaits his decision; the
        office the escalation. Nobody gets what is not theirs."""
        overdue = self._open_item(level="reminder", name="Overdue reminder task")
        soon = self._open_item(deadline=date(2026, 3, 23), name="Task due soon")
        late = self._open_item(
            deadline=date(2026, 6, 30),
            state="assigned",
            at="2026-03-10 02:00:00",
            name="Task not acknowledged",
        )
        with freeze_time("2026-03-20 02:00:00"):
            to_approve = self._submit(self._create_item(name="Task to approve"))
        self._check_at(CHECK_AT)
        self._send_digests()
        head = self._digests(self.head_a).body
        for text in ("Overdue", "Due soon", "Acknowledgement late"):
            self.assertIn(text, head)
        for item in (overdue, soon, late):
            self.assertIn(item.name, head)
        self.assertNotIn(to_approve.name, head)
        liaison = self._digests(self.liaison_a).body
        for item in (overdue, soon, late):
            self.assertIn(item.name, liaison)
        leader = self._digests(self.leader).body
        self.assertIn("To approve", leader)
        self.assertIn(to_approve.name, leader)
        self.assertIn("Escalated to key supervision today", leader)
        self.assertIn(overdue.name, leader)
        self.assertNotIn(soon.name, leader)
        office = self._digests(self.officer).body
        self.assertIn("Escalated to key supervision today", office)
        self.assertNotIn(soon.name, office)
        self.assertFalse(self._digests(self.head_b))
        self.assertFalse(self._digests(self.officer_other))

    def test_interview_proposal_in_leader_and_office_digests(self):
        """A proposed interview reaches the leader in charge and the office
        in their digests of that day."""
        item = self._open_item(level="key", name="Urged key task")
        self._check_at(CHECK_AT)
        self._check_at("2026-03-21 16:01:00")
        self.assertEqual(len(item.interview_ids), 1)
        self._send_digests("2026-03-22 01:00:00")
        for user in (self.leader, self.officer):
            body = self._digests(user).body
            self.assertIn("Interviews proposed today", body)
            self.assertIn(item.name, body)

    def test_digest_turned_off(self):
        """A person who turned the digest off in their preferences gets none."""
        self._as(self.head_a, self.head_a).write({"supervision_digest": False})
        self._open_item()
        self._check_at(CHECK_AT)
        self._send_digests()
        self.assertFalse(self._digests(self.head_a))
        self.assertEqual(len(self._digests(self.liaison_a)), 1)

    def test_confidential_item_only_for_its_readers(self):
        """A confidential item is in the digest of the people named on it
        and of its leader in charge, not in the lead unit's head's."""
        self._open_item(
            state="assigned",
            is_confidential=True,
            confidential_user_ids=[(6, 0, (self.officer | self.liaison_a).ids)],
            name="Confidential overdue task",
        )
        self._open_item(name="Ordinary overdue task")
        self._check_at(CHECK_AT)
        self._send_digests()
        self.assertNotIn("Confidential overdue task", self._digests(self.head_a).body)
        self.assertIn("Confidential overdue task", self._digests(self.liaison_a).body)

    def test_digest_e_mail_queued(self):
        """For a person notified by e-mail the digest is an e-mail left in
        the mail queue, not sent while the cron runs."""
        self.head_a.notification_type = "email"
        self._open_item()
        self._check_at(CHECK_AT)
        self._send_digests()
        mails = self.env["mail.mail"].search(
            [("mail_message_id", "in", self._digests(self.head_a).ids)]
        )
        self.assertRecordValues(mails, [{"state": "outgoing"}])

    def test_digest_in_the_person_language(self):
        """A person working in Chinese gets the digest in Chinese."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["university_supervision"], ["zh_CN"], overwrite=True
        )
        self.head_a.lang = "zh_CN"
        self._open_item()
        self._check_at(CHECK_AT)
        self._send_digests()
        digest = self._digests(self.head_a)
        self.assertFalse(digest, "the subject is in Chinese")
        digest = self.env["mail.message"].search(
            [
                ("message_type", "=", "user_notification"),
                ("partner_ids", "in", self.head_a.partner_id.ids),
                ("subject", "like", "督办每日汇总"),
            ]
        )
        self.assertEqual(len(digest), 1)
        self.assertIn("逾期", digest.body)
        self.assertIn("您可以在个人偏好设置中关闭此汇总", digest.body)
