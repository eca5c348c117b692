# Part of university_supervision. See LICENSE file for full copyright and licensing details.
"""Leaders decide, offices reset, in the web client (Chinese users): the
tours are in ``static/tests/tours/supervision_leader_tour.js``."""

from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import SupervisionTourCommon


@tagged("post_install", "-at_install")
class TestLeaderTours(SupervisionTourCommon):
    def test_leader_sends_back_office_resubmits(self):
        """The leader in charge sends a registration back with an opinion;
        the office resubmits it."""
        item = self._create_item()
        item.with_user(self.officer).action_submit_for_approval()
        self._start_tour(
            "/odoo/action-university_supervision.supervision_item_action_to_approve",
            "university_supervision_leader_send_back",
            self.leader,
        )
        self.assertRecordValues(
            item.opinion_ids,
            [
                {
                    "user_id": self.leader.id,
                    "stage": "registration",
                    "decision": "send_back",
                    "opinion": "请补充各学院意见后再报",
                }
            ],
        )
        self.assertEqual(item.state, "draft")
        self._start_tour(
            "/odoo/action-university_supervision.supervision_item_action_my_work",
            "university_supervision_office_resubmit",
            self.officer,
        )
        self.assertEqual(item.state, "to_approve")

    def test_office_new_limit_turns_light_green(self):
        """The office sets a new time limit on an overdue item; once the
        leader in charge approves it the light is green at once."""
        item = self._create_item_in("in_progress")
        today = fields.Date.context_today(item)
        # an item assigned a month ago whose deadline passed yesterday
        self.env.cr.execute(
            "UPDATE supervision_item SET date_assigned = %s, deadline = %s, "
            "date_committed = %s WHERE id = %s",
            (
                today - timedelta(days=30),
                today - timedelta(days=1),
                today - timedelta(days=2),
                item.id,
            ),
        )
        self.env.invalidate_all()
        item._refresh_time_flags()
        self.assertRecordValues(item, [{"is_overdue": True, "warning_light": "red"}])
        self._start_tour(
            "/odoo/action-university_supervision.supervision_item_action",
            "university_supervision_office_new_limit",
            self.officer,
        )
        extension = item.extension_ids
        self.assertRecordValues(
            extension,
            [
                {
                    "origin": "office",
                    "state": "submitted",
                    "date_requested": self.EXTENDED,
                }
            ],
        )
        self._start_tour(
            "/odoo/action-university_supervision.supervision_item_action",
            "university_supervision_leader_new_limit",
            self.leader,
        )
        self.assertRecordValues(
            item,
            [
                {
                    "deadline": self.EXTENDED,
                    "is_overdue": False,
                    "warning_light": "green",
                }
            ],
        )
        self.assertEqual(extension.state, "approved")
