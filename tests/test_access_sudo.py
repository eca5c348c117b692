# Part of university_supervision. See LICENSE file for full copyright and licensing details.
from datetime import timedelta

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import AccessScenario


@tagged("post_install", "-at_install", "access")
class TestSudo(AccessScenario):
    """What runs as superuser hands the acting user nothing they could not
    see before. (That every ``sudo()`` says why in a comment is checked by
    the ``sudo-comments`` hook of .pre-commit-config.yaml.)"""

    def test_acknowledgement_gives_no_office_rights(self):
        """After acknowledging through a superuser write, the head still
        cannot change the title, read the office's note or reset the number
        sequences."""
        item = self.items["c"]
        as_head = self._as(self.head_c, item)
        as_head.write(
            {
                "date_committed": item.deadline - timedelta(days=1),
                "measures": "Open at 7:00.",
                "completion_form": "Notice",
                "handler_id": self.head_c.id,
                "handler_phone": "029-1",
            }
        )
        as_head.action_acknowledge()
        self.assertEqual(item.state, "in_progress")
        with self.assertRaises(AccessError):
            self._as(self.head_c, item).write({"name": "Changed"})
        with self.assertRaises(AccessError):
            self._as(self.head_c, item).read(["office_note"])
        sequence = self.env.ref("university_supervision.seq_supervision_item_key")
        with self.assertRaises(AccessError):
            sequence.with_user(self.head_c).write({"number_next": 1})

    def test_extension_decision_moves_the_deadline_only(self):
        """The leader's approval writes the deadline as superuser: the
        original deadline, the units and the title stay, and the leader gets
        no right to write the deadline himself."""
        ext = self.extensions["a"]
        item = self.items["a"]
        original = item.deadline_original
        self._as(self.leader, ext).action_approve()
        self.assertRecordValues(
            item,
            [
                {
                    "deadline": ext.date_requested,
                    "deadline_original": original,
                    "lead_unit_id": self.unit_a.id,
                    "name": "Renovate the teaching building",
                }
            ],
        )
        with self.assertRaises(AccessError):
            self._as(self.leader, item).write({"name": "Changed"})

    def test_roll_over_keeps_confidentiality(self):
        """The copy made as superuser for next year is as confidential as
        the item and hidden from the same users."""
        item = self.items["x"]
        self._as(self.officer, item).action_roll_over()
        new = item.rolled_to_id
        self.assertTrue(new.is_confidential)
        self.assertEqual(new.confidential_user_ids, self.officer | self.head_a)
        self.assertFalse(
            self.env["supervision.item"]
            .with_user(self.officer_other)
            .search([("id", "=", new.id)])
        )
        self.assertEqual(
            self.env["supervision.item"]
            .with_user(self.head_a)
            .search([("id", "=", new.id)]),
            new,
        )

    def test_daily_check_settings_stay_hidden(self):
        """The daily check reads its settings as superuser; units still
        cannot read the configuration parameters."""
        self.assertEqual(self.env["supervision.item"]._get_setting("ack_days"), 7)
        with self.assertRaises(AccessError):
            self.env["ir.config_parameter"].with_user(self.head_a).get_param(
                "university_supervision.ack_days"
            )

    def test_special_report_pending_state_only(self):
        """A unit's special report is marked pending as superuser; the unit
        still cannot decide it nor write the decision."""
        item = self.items["a"]
        report = (
            self.env["supervision.progress"]
            .with_user(self.head_a)
            .create(
                {
                    "item_id": item.id,
                    "unit_id": self.unit_a.id,
                    "kind": "special_report",
                    "description": "<p>Cannot be done this year.</p>",
                }
            )
        )
        report.action_submit()
        self.assertEqual(report.approval_state, "pending")
        with self.assertRaises(AccessError):
            report.write({"approval_state": "approved"})
        with self.assertRaises(AccessError):
            report.action_approve_special_report()

    def test_interview_hold_gives_the_leader_nothing_else(self):
        """The interviewer holds the interview through a superuser write but
        cannot close it or edit the unit."""
        interview = self.interviews["a"]
        interview.with_user(self.officer).write(
            {"date": "2030-01-01 02:00:00", "place": "Room 301"}
        )
        interview.with_user(self.officer).action_notify()
        interview.with_user(self.officer).minutes = "<p>Minutes</p>"
        self._as(self.leader, interview).action_hold()
        self.assertEqual(interview.state, "held")
        with self.assertRaises(AccessError):
            self._as(self.leader, interview).action_close()
        with self.assertRaises(AccessError):
            self._as(self.leader, self.unit_a).write({"name": "Renamed"})
