# Part of university_supervision. See LICENSE file for full copyright and licensing details.
from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import Form

from .common import SupervisionCommon

RESULT = "<p>Done as required.</p>"


class AssessmentCommon(SupervisionCommon):
    """A year of items driven through the real actions, for the assessment,
    the scores and the briefings.

    :meth:`_build_year` registers, on Monday 2 March 2026, six items due on
    31 March 2026 and moves them on through the spring:

    ============  =====  =========  ======  ==================================
    item          level  lead       assist  what happens
    ============  =====  =========  ======  ==================================
    on_time       key    A          B       closed 20 March
    late          key    A          B       overdue on 2 April (system urge),
                                            closed 3 April
    extended      remd.  A          B       extended to 15 April, closed
                                            10 April
    overdue       remd.  A          B       overdue on 2 April (system urge,
                                            escalated to key), unit A
                                            interviewed, unit B urged by phone
    returned      remd.  B          A       returned 10 March, closed 15 March
    cancelled     remd.  A          B       cancelled by the leader
    ============  =====  =========  ======  ==================================

    plus a draft, never counted.
    """

    def _at(self, moment):
        """Beijing 10:00 of ``moment`` (a 'YYYY-MM-DD' day)."""
        return freeze_time(f"{moment} 02:00:00")

    def _submit_result(self, item, head=None):
        head = self._as(head or self.head_a, item)
        head.write({"result_note": RESULT})
        head.action_submit_result()
        self.flush_tracking()

    def _close(self, item, head=None):
        """Result, review and, for a key item, closure by the leader."""
        self._submit_result(item, head)
        self._as(self.officer, item).action_review_pass()
        if item.level == "key":
            self._as(self.leader, item).action_approve_closure()
        self.flush_tracking()
        self.env.invalidate_all()
        self.assertEqual(item.state, "closed")

    def _return(self, item):
        self.env.invalidate_all()
        with Form(
            self.env["supervision.return.wizard"]
            .with_user(self.officer)
            .with_context(default_item_id=item.id)
        ) as wizard:
            wizard.findings = "<p>The colleges were not consulted.</p>"
        wizard.record.action_confirm()
        self.flush_tracking()

    def _extend(self, item, date_requested):
        extension = (
            self.env["supervision.extension"]
            .with_user(self.liaison_a)
            .create(
                {
                    "item_id": item.id,
                    "date_requested": date_requested,
                    "reason": "The colleges need more time.",
                }
            )
        )
        self._as(self.liaison_a, extension).action_submit()
        self._as(self.leader, extension).action_approve()
        self.flush_tracking()

    def _daily_check(self):
        self.env["supervision.item"]._cron_check_deadlines()
        self.flush_tracking()

    def _build_year(self):
        deadline = date(2026, 3, 31)
        with self._at("2026-03-02"):
            on_time = self._create_item_in(
                "in_progress", name="On time", level="key", deadline=deadline
            )
            late = self._create_item_in(
                "in_progress", name="Late", level="key", deadline=deadline
            )
            extended = self._create_item_in(
                "in_progress", name="Extended", deadline=deadline
            )
            overdue = self._create_item_in(
                "in_progress", name="Overdue", deadline=deadline
            )
            returned = self._create_item(
                name="Returned",
                lead_unit_id=self.unit_b.id,
                assist_unit_ids=[(6, 0, self.unit_a.ids)],
                leader_in_charge_id=self.leader.id,
                deadline=deadline,
            )
            self._submit(returned)
            self._approve(returned)
            self._acknowledge(returned, user=self.head_b, handler_id=self.liaison_b.id)
            cancelled = self._create_item_in(
                "assigned", name="Cancelled", deadline=deadline
            )
            self._as(self.leader, cancelled).action_cancel(reason="No longer needed.")
            draft = self._create_item(name="Draft", deadline=deadline)
        with self._at("2026-03-10"):
            self._submit_result(returned, self.head_b)
            self._return(returned)
        with self._at("2026-03-15"):
            self._close(returned, self.head_b)
        with self._at("2026-03-20"):
            self._close(on_time)
        with self._at("2026-03-25"):
            self._extend(extended, date(2026, 4, 15))
        with self._at("2026-04-02"):
            self._daily_check()
        with self._at("2026-04-03"):
            self._close(late)
        with self._at("2026-04-08"):
            interview = (
                self.env["supervision.interview"]
                .with_user(self.officer)
                .create(
                    {
                        "unit_id": self.unit_a.id,
                        "item_ids": [(6, 0, overdue.ids)],
                        "interviewer_id": self.leader.id,
                        "interviewee_ids": [(6, 0, self.head_a.ids)],
                        "date": datetime(2026, 4, 9, 7, 0),
                        "place": "Administration Building, Room 301",
                    }
                )
            )
            interview.action_notify()
            self.env["supervision.urge"].with_user(self.officer).create(
                {
                    "item_id": overdue.id,
                    "channel": "phone",
                    "unit_id": self.unit_b.id,
                    "target_user_id": self.head_b.id,
                    "note": "Your part of the budget is still missing.",
                }
            )
        with self._at("2026-04-10"):
            self._close(extended)
        self.flush_tracking()
        self.env.invalidate_all()
        return {
            "on_time": on_time,
            "late": late,
            "extended": extended,
            "overdue": overdue,
            "returned": returned,
            "cancelled": cancelled,
            "draft": draft,
        }
