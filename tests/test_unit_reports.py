# Part of university_supervision. See LICENSE file for full copyright and licensing details.
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SupervisionCommon


@tagged("post_install", "-at_install")
class TestUnitReports(SupervisionCommon):
    """Units' reports reach people (NWU 第六条(二), 第八条(三); GDUFS 第八条(四))."""

    def _report(self, user, item, **vals):
        return (
            self.env["supervision.progress"]
            .with_user(user)
            .create(
                {
                    "item_id": item.id,
                    "unit_id": self.unit_a.id,
                    "kind": "progress",
                    "percent": 40,
                    "description": "<p>两个学院的意见已收回。</p>",
                    **vals,
                }
            )
        )

    def _last_message(self, item):
        return item.message_ids.sorted("id")[-1]

    def test_progress_report_notifies_office_and_leader(self):
        item = self._create_item_in("in_progress", officer_id=self.officer.id)
        self._report(self.liaison_a, item)
        message = self._last_message(item)
        self.assertEqual(message.subtype_id, self.env.ref("mail.mt_comment"))
        self.assertEqual(message.partner_ids, (self.officer | self.leader).partner_id)
        self.assertIn("两个学院的意见已收回", message.body)

    def test_difficulty_report_urgent(self):
        """A difficulty report marked urgent says so to the office and leader."""
        item = self._create_item_in("in_progress", officer_id=self.officer.id)
        self._report(self.head_a, item, kind="difficulty", is_urgent=True)
        message = self._last_message(item)
        self.assertIn("Urgent", message.body)
        self.assertEqual(message.partner_ids, (self.officer | self.leader).partner_id)

    def test_acknowledgement_stays_a_note(self):
        """The acknowledgement summary is logged, not sent to the leader."""
        item = self._create_item_in("in_progress")
        ack = item.progress_ids.filtered(lambda p: p.kind == "acknowledgement")
        self.assertTrue(ack)
        notes = item.message_ids.filtered(lambda m: "Acknowledgement" in (m.body or ""))
        self.assertFalse(notes.partner_ids)

    def test_unit_replies_to_urge_from_item(self):
        """The urged unit opens the urge editable from the item and replies;
        the office is told. Another unit may not reply."""
        item = self._create_item_in("in_progress", officer_id=self.officer.id)
        urge = item.with_user(self.officer)._do_urge("phone", "请加快进度")
        action = self._as(self.liaison_a, urge).action_open_reply()
        self.assertEqual(
            (action["res_model"], action["res_id"], action["target"]),
            ("supervision.urge", urge.id, "new"),
        )
        reply = self._as(self.liaison_a, urge)
        reply.reply = "本周五前提交初稿"
        reply.action_save_reply()
        self.assertTrue(urge.date_reply)
        message = self._last_message(item)
        self.assertIn("本周五前提交初稿", message.body)
        self.assertIn(self.officer.partner_id, message.partner_ids)
        with self.assertRaises(AccessError):
            self._as(self.head_c, urge).reply = "not mine"
