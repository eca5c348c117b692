# Part of university_supervision. See LICENSE file for full copyright and licensing details.
"""The main flows in the web client, run as Odoo tours in headless Chromium.

The tours are in ``static/tests/tours/``; each one is run as one user (in
Chinese, ``lang`` zh_CN, the addon's Chinese loaded by the test itself) and
the records it leaves are checked here. What comes before a tour is driven
through the real actions of the ORM by the drivers of tests/common.py.
"""

from unittest.mock import patch

from odoo import fields
from odoo.tests import tagged

from .common import SupervisionTourCommon

DEADLINE = SupervisionTourCommon.DEADLINE
EXTENDED = SupervisionTourCommon.EXTENDED
COMMITTED = SupervisionTourCommon.COMMITTED


@tagged("post_install", "-at_install")
class TestSupervisionTours(SupervisionTourCommon):
    """The main flows on a desktop screen."""

    def test_01_register_and_approve(self):
        """The office registers an item with its units and sends it for
        approval; the leader in charge approves it from his to-do list."""
        self._start_tour(
            "/odoo/action-university_supervision.supervision_item_action",
            "university_supervision_register",
            self.officer,
        )
        item = self.env["supervision.item"].search(
            [("name", "=", "修订本科教学改革实施方案")]
        )
        self.assertRecordValues(
            item,
            [
                {
                    "state": "to_approve",
                    "source_type": "party_meeting",
                    "lead_unit_id": self.unit_a.id,
                    "assist_unit_ids": self.unit_b.ids,
                    "leader_in_charge_id": self.leader.id,
                    "deadline": DEADLINE,
                    "officer_id": self.officer.id,
                }
            ],
        )
        self.assertEqual(item.activity_ids.user_id, self.leader)

        self._start_tour("/odoo", "university_supervision_approve", self.leader)
        self.assertRecordValues(
            item,
            [
                {
                    "state": "assigned",
                    "deadline_original": DEADLINE,
                    "date_assigned": fields.Date.context_today(item),
                }
            ],
        )
        self.assertTrue(item.number)
        self.assertEqual(
            item.activity_ids.user_id,
            self.head_a | self.liaison_a,
            "the approval to-do is done; the unit has to acknowledge",
        )

    def test_02_acknowledge_and_report_progress(self):
        """The unit's head acknowledges the item; a liaison reports progress
        with a file."""
        item = self._create_item_in("assigned")
        self._start_tour(
            "/odoo/action-university_supervision.supervision_item_action_my_units",
            "university_supervision_acknowledge",
            self.head_a,
        )
        self.assertRecordValues(
            item,
            [
                {
                    "state": "in_progress",
                    "date_committed": COMMITTED,
                    "measures": "暑期分两批改造教室，九月投入使用",
                    "completion_form": "书面报告",
                    "handler_id": self.liaison_a.id,
                    "handler_phone": "029-88302000",
                }
            ],
        )
        self.assertEqual(item.progress_ids.mapped("kind"), ["acknowledgement"])

        self._start_tour(
            "/odoo/action-university_supervision.supervision_item_action_my_units",
            "university_supervision_progress",
            self.liaison_a,
        )
        progress = item.progress_ids.filtered(lambda p: p.kind == "progress")
        self.assertRecordValues(
            progress, [{"user_id": self.liaison_a.id, "unit_id": self.unit_a.id}]
        )
        self.assertIn("第一批二十间教室已完成改造", progress.description)
        self.assertEqual(progress.attachment_ids.mapped("name"), ["progress.txt"])
        self.assertEqual(progress.attachment_ids.raw, "二十间教室验收记录".encode())

    def test_03_extension(self):
        """The unit asks for an extension and the leader approves it: the
        deadline moves, the original deadline stays and both are shown."""
        item = self._create_item_in("in_progress")
        self._start_tour(
            "/odoo/action-university_supervision.supervision_item_action_my_units",
            "university_supervision_extension_request",
            self.head_a,
        )
        extension = item.extension_ids
        self.assertRecordValues(
            extension,
            [
                {
                    "state": "submitted",
                    "user_id": self.head_a.id,
                    "date_requested": EXTENDED,
                    "deadline_current": DEADLINE,
                }
            ],
        )

        self._start_tour(
            "/odoo/action-university_supervision.supervision_extension_action",
            "university_supervision_extension_approve",
            self.leader,
        )
        self.assertRecordValues(
            extension, [{"state": "approved", "decided_by_id": self.leader.id}]
        )
        self.assertRecordValues(
            item, [{"deadline": EXTENDED, "deadline_original": DEADLINE}]
        )

    def test_04_return_resubmit_close_and_print(self):
        """The unit submits its result, the office returns it with the
        wizard, the unit resubmits, the office passes it, the leader approves
        the closure of the key item and the office prints its 督办单."""
        item = self._create_item_in("in_progress", level="key")
        my_units = (
            "/odoo/action-university_supervision.supervision_item_action_my_units"
        )
        all_items = "/odoo/action-university_supervision.supervision_item_action"

        self._start_tour(my_units, "university_supervision_submit_result", self.head_a)
        self.assertEqual(item.state, "submitted")
        self.assertIn("四十间智慧教室已全部投入使用", item.result_note)

        self._start_tour(all_items, "university_supervision_return", self.officer)
        self.assertEqual(item.state, "in_progress")
        self.assertRecordValues(
            item.review_ids,
            [{"conclusion": "returned", "reviewer_id": self.officer.id}],
        )
        self.assertIn("缺少验收报告", item.review_ids.findings)
        self.assertIn("补充第三方验收报告", item.review_ids.rectification_list)

        self._start_tour(my_units, "university_supervision_submit_result", self.head_a)
        self.assertEqual(item.state, "submitted")
        self.assertEqual(
            item.progress_ids.filtered(lambda p: p.kind == "result").mapped("percent"),
            [100, 100],
            "the result is reported twice",
        )

        self._start_tour(all_items, "university_supervision_review_pass", self.officer)
        self.assertEqual(item.state, "to_close")
        self._start_tour(
            all_items, "university_supervision_approve_closure", self.leader
        )
        self.assertRecordValues(
            item,
            [{"state": "closed", "date_closed": fields.Date.context_today(item)}],
        )

        Report = self.env.registry["ir.actions.report"]
        with patch.object(
            Report,
            "_render_qweb_pdf",
            autospec=True,
            side_effect=Report._render_qweb_pdf,
        ) as render:
            self._start_tour(
                f"{all_items}/{item.id}", "university_supervision_print", self.officer
            )
        self.assertEqual(render.call_count, 1)
        _report, report_ref, res_ids = render.call_args.args[:3]
        self.assertEqual(report_ref, "university_supervision.report_supervision_form")
        self.assertEqual(list(res_ids), item.ids)

    def test_05_dashboard(self):
        """The office opens the supervision dashboard in the Dashboards app,
        then the unit assessment, where the lead unit of an item closed on
        time has its row."""
        item = self._create_item_in("closed")
        self.assertEqual(item.level, "reminder", "a reminder item closes on review")

        self._start_tour("/odoo", "university_supervision_dashboard", self.officer)
        rows = (
            self.env["supervision.assessment.report"]
            .with_user(self.officer)
            .search([("item_id", "=", item.id)])
        )
        self.assertRecordValues(
            rows.sorted("role", reverse=True),
            [
                {
                    "unit_id": self.unit_a.id,
                    "role": "lead",
                    "year": fields.Date.context_today(item).year,
                    "item_count": 1,
                    "closed_count": 1,
                    "on_time_count": 1,
                    "overdue_count": 0,
                },
                {
                    "unit_id": self.unit_b.id,
                    "role": "assist",
                    "year": fields.Date.context_today(item).year,
                    "item_count": 1,
                    "closed_count": 1,
                    "on_time_count": 1,
                    "overdue_count": 0,
                },
            ],
        )


@tagged("post_install", "-at_install")
class TestSupervisionToursPhone(SupervisionTourCommon):
    """The same screens on a phone: 375x667 pixels, touch screen."""

    browser_size = "375x667"
    touch_enabled = True

    def test_phone_approve_from_todo_list(self):
        """The leader approves from his to-do list on his phone."""
        item = self._create_item()
        item.with_user(self.officer).action_submit_for_approval()
        self._start_tour("/odoo", "university_supervision_mobile_approve", self.leader)
        self.assertEqual(item.state, "assigned")

    def test_phone_acknowledge(self):
        """The unit's head finds the item in his list and acknowledges it on
        his phone; nothing needs horizontal scrolling."""
        item = self._create_item_in("assigned")
        self._start_tour(
            "/odoo/action-university_supervision.supervision_item_action_my_units",
            "university_supervision_mobile_acknowledge",
            self.head_a,
        )
        self.assertRecordValues(
            item,
            [
                {
                    "state": "in_progress",
                    "date_committed": COMMITTED,
                    "handler_id": self.liaison_a.id,
                }
            ],
        )
