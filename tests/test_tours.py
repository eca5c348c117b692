# Part of university_supervision. See LICENSE file for full copyright and licensing details.
"""The main flows in the web client, run as Odoo tours in headless Chromium.

The tours are in ``static/tests/tours/``; each one is run as one user (in
Chinese, ``lang`` zh_CN) and the records it leaves are checked here. What
comes before a tour is driven through the real actions of the ORM.
"""

from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

GROUP_PREFIX = "university_supervision.group_supervision_"
DEADLINE = fields.Date.to_date("2099-06-30")
EXTENDED = fields.Date.to_date("2099-09-30")
COMMITTED = fields.Date.to_date("2099-05-31")
TOUR_TIMEOUT = 240


class SupervisionTourCommon(HttpCase):
    """Chinese-speaking users per role and two units (教务处 leads, 财务处
    assists), as the tours expect them. Each user's password is their login."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")

        def user(login, name, *groups):
            return mail_new_test_user(
                cls.env,
                login=login,
                name=name,
                groups=",".join(("base.group_user",) + groups),
                lang="zh_CN",
                tz="Asia/Shanghai",
            )

        cls.officer = user("sv_tour_officer", "王干事", GROUP_PREFIX + "officer")
        cls.leader = user("sv_tour_leader", "张副校长", GROUP_PREFIX + "leader")
        cls.head_a = user("sv_tour_head_a", "李处长", GROUP_PREFIX + "unit_head")
        cls.liaison_a = user("sv_tour_liaison_a", "赵老师", GROUP_PREFIX + "liaison")
        cls.head_b = user("sv_tour_head_b", "陈处长", GROUP_PREFIX + "unit_head")
        Unit = cls.env["supervision.unit"]
        cls.unit_a = Unit.create(
            {
                "name": "教务处",
                "code": "SV-TOUR-A",
                "head_id": cls.head_a.id,
                "liaison_ids": [(6, 0, cls.liaison_a.ids)],
                "leader_in_charge_id": cls.leader.id,
            }
        )
        cls.unit_b = Unit.create(
            {"name": "财务处", "code": "SV-TOUR-B", "head_id": cls.head_b.id}
        )

    def _start_tour(self, url, tour, user):
        self.start_tour(url, tour, login=user.login, timeout=TOUR_TIMEOUT)
        self.env.invalidate_all()

    def _create_item(self, state="draft", **vals):
        """An item of 教务处 assisted by 财务处, brought to ``state`` by the
        real actions of the office, the leader and the unit's head."""
        item = (
            self.env["supervision.item"]
            .with_user(self.officer)
            .create(
                {
                    "name": "建设智慧教室",
                    "lead_unit_id": self.unit_a.id,
                    "assist_unit_ids": [(6, 0, self.unit_b.ids)],
                    "deadline": DEADLINE,
                    **vals,
                }
            )
        )
        if state == "draft":
            return item.sudo()
        item.action_submit_for_approval()
        item.with_user(self.leader).action_approve()
        if state == "in_progress":
            head_item = item.with_user(self.head_a)
            head_item.write(
                {
                    "date_committed": COMMITTED,
                    "measures": "分批改造教室",
                    "completion_form": "书面报告",
                    "handler_id": self.liaison_a.id,
                }
            )
            head_item.action_acknowledge()
        item = item.sudo()
        self.assertEqual(item.state, state)
        return item


@tagged("post_install", "-at_install")
class TestSupervisionTours(SupervisionTourCommon):
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
