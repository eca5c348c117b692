# Part of university_supervision. See LICENSE file for full copyright and licensing details.
"""From the handling result to the archive: result (办理结果, NWU 第六条(二)),
review and closure (办结审核, NWU 第六条(三), GDUFS 第九条(四)/第十条(五)),
return for rectification (退回办理, GDUFS 第十条(四)) and filing (归档,
NWU 第六条(四))."""

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import RESULT, SupervisionCommon

NOW = "2026-03-02 02:00:00"  # Monday 10:00 in Beijing
TODAY = date(2026, 3, 2)


@tagged("post_install", "-at_install")
class TestSubmitResult(SupervisionCommon):
    """The head of the lead unit reports the handling result."""

    @freeze_time(NOW)
    def test_submit_result_by_lead_unit_head(self):
        """The head of the lead unit submits the result: the item waits for
        the office's review."""
        item = self._create_item_in("in_progress")
        self._submit_result(item)
        self.assertRecordValues(item, [{"state": "submitted", "date_closed": False}])
        self.assertEqual(
            self._state_tracking(item)[-1], ("In Progress", "Result Submitted")
        )

    @freeze_time(NOW)
    def test_submit_result_records_result_report(self):
        """The result is kept as a 100% 'result' progress report of the lead
        unit, authored by its head."""
        item = self._create_item_in("in_progress")
        self._submit_result(item)
        result = item.progress_ids.filtered(lambda p: p.kind == "result")
        self.assertRecordValues(
            result,
            [
                {
                    "unit_id": self.unit_a.id,
                    "user_id": self.head_a.id,
                    "percent": 100,
                    "date": TODAY,
                }
            ],
        )
        self.assertIn("adopted by the President's Office Meeting", result.description)

    @freeze_time(NOW)
    def test_submit_result_schedules_review_for_item_officer(self):
        """The office staff following the item (officer_id), not whoever
        registered it, gets a review to-do."""
        item = self._create_item_in("in_progress", officer_id=self.officer_other.id)
        self.assertFalse(self._open_activities(item, self.act_review))
        self._submit_result(item)
        self.assertEqual(
            self._open_activities(item, self.act_review).user_id, self.officer_other
        )

    @freeze_time(NOW)
    def test_submit_result_requires_result_note(self):
        """Without a handling result nothing is submitted."""
        item = self._create_item_in("in_progress")
        with self.assertRaisesMessage(UserError, "Handling Result"):
            self._as(self.head_a, item).action_submit_result()
        self.assertEqual(item.state, "in_progress")
        self.assertFalse(item.progress_ids.filtered(lambda p: p.kind == "result"))

    @freeze_time(NOW)
    def test_submit_result_refuses_empty_html(self):
        """A result made only of empty paragraphs (what the editor leaves
        after pressing Enter) is no result."""
        item = self._create_item_in("in_progress")
        with self.assertRaisesMessage(UserError, "Handling Result"):
            self._submit_result(item, note="<p><br></p><p><br></p>")
        self.assertEqual(item.state, "in_progress")

    @freeze_time(NOW)
    def test_submit_result_refused_to_lead_unit_liaison(self):
        """A liaison of the lead unit fills in progress, but only the head
        submits the result."""
        item = self._create_item_in("in_progress", result_note=RESULT)
        with self.assertRaisesMessage(AccessError, "head of"):
            self._as(self.liaison_a, item).action_submit_result()
        self.assertEqual(item.state, "in_progress")

    @freeze_time(NOW)
    def test_submit_result_refused_to_assisting_unit_head(self):
        """The head of an assisting unit cannot submit the lead unit's result."""
        item = self._create_item_in("in_progress", result_note=RESULT)
        with self.assertRaisesMessage(AccessError, "head of"):
            self._as(self.head_b, item).action_submit_result()
        self.assertEqual(item.state, "in_progress")

    @freeze_time(NOW)
    def test_submit_result_refused_before_acknowledgement(self):
        """An item not acknowledged yet cannot be reported as done."""
        item = self._create_item_in("assigned", result_note=RESULT)
        with self.assertRaises(UserError):
            self._as(self.head_a, item).action_submit_result()
        self.assertEqual(item.state, "assigned")

    @freeze_time(NOW)
    def test_submit_result_refused_when_already_submitted(self):
        """A result waiting for review is not submitted twice."""
        item = self._create_item_in("submitted")
        with self.assertRaises(UserError):
            self._as(self.head_a, item).action_submit_result()
        self.assertEqual(
            len(item.progress_ids.filtered(lambda p: p.kind == "result")), 1
        )


@tagged("post_install", "-at_install")
class TestReviewAndClosure(SupervisionCommon):
    """The office reviews; key items are closed by the leader in charge."""

    @freeze_time(NOW)
    def test_review_pass_closes_reminder_item(self):
        """A reminder item whose result passes is closed today."""
        item = self._create_item_in("submitted", level="reminder")
        self._review_pass(item)
        self.assertRecordValues(item, [{"state": "closed", "date_closed": TODAY}])
        self.assertEqual(self._state_tracking(item)[-1], ("Result Submitted", "Closed"))

    @freeze_time(NOW)
    def test_review_pass_records_review(self):
        """The passed review is kept with its reviewer and the review to-do
        is done."""
        item = self._create_item_in("submitted")
        self._review_pass(item)
        self.assertRecordValues(
            item.review_ids,
            [{"conclusion": "passed", "reviewer_id": self.officer.id, "date": TODAY}],
        )
        self.assertFalse(self._open_activities(item, self.act_review))

    @freeze_time(NOW)
    def test_review_pass_sends_key_item_to_leader(self):
        """A key item whose result passes waits for the leader in charge,
        who gets a closure to-do; it is not closed yet."""
        item = self._create_item_in("submitted", level="key")
        self._review_pass(item)
        self.assertRecordValues(item, [{"state": "to_close", "date_closed": False}])
        self.assertEqual(
            self._open_activities(item, self.act_closure).user_id, self.leader
        )
        self.assertEqual(
            self._state_tracking(item)[-1], ("Result Submitted", "Closure to Approve")
        )

    @freeze_time(NOW)
    def test_review_pass_refused_to_units_and_leader(self):
        """Neither the lead unit's head nor the leader in charge passes a
        result."""
        item = self._create_item_in("submitted")
        for user in (self.head_a, self.leader):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._as(user, item).action_review_pass()
        self.assertEqual(item.state, "submitted")

    @freeze_time(NOW)
    def test_review_pass_refused_without_result(self):
        """An item still in progress has no result to pass."""
        item = self._create_item_in("in_progress")
        with self.assertRaises(UserError):
            self._as(self.officer, item).action_review_pass()
        self.assertEqual(item.state, "in_progress")

    @freeze_time(NOW)
    def test_approve_closure_by_leader_in_charge(self):
        """The leader in charge closes a key item today; the closure to-do
        is done and the change logged with the 'Closed' subtype."""
        item = self._create_item_in("to_close", level="key")
        self._approve_closure(item)
        self.assertRecordValues(item, [{"state": "closed", "date_closed": TODAY}])
        self.assertFalse(self._open_activities(item, self.act_closure))
        message = item.message_ids.filtered(
            lambda m: "state" in m.tracking_value_ids.field_id.mapped("name")
        )[:1]
        self.assertEqual(
            message.subtype_id, self.env.ref("university_supervision.mt_item_closed")
        )
        self.assertEqual(message.author_id, self.leader.partner_id)

    @freeze_time(NOW)
    def test_approve_closure_refused_to_officer(self):
        """The office passes the result but does not close a key item."""
        item = self._create_item_in("to_close", level="key")
        with self.assertRaisesMessage(AccessError, "leader in charge"):
            self._as(self.officer, item).action_approve_closure()
        self.assertEqual(item.state, "to_close")

    @freeze_time(NOW)
    def test_approve_closure_refused_to_other_leaders(self):
        """The lead leader (who sees the item) and the president are not the
        leader in charge."""
        item = self._create_item_in(
            "to_close", level="key", lead_leader_id=self.leader_other.id
        )
        for user in (self.leader_other, self.principal):
            with (
                self.subTest(user=user.login),
                self.assertRaisesMessage(AccessError, "leader in charge"),
            ):
                self._as(user, item).action_approve_closure()
        self.assertEqual(item.state, "to_close")

    @freeze_time(NOW)
    def test_approve_closure_refused_before_review(self):
        """A result the office has not reviewed cannot be closed."""
        item = self._create_item_in("submitted", level="key")
        with self.assertRaises(UserError):
            self._as(self.leader, item).action_approve_closure()
        self.assertEqual(item.state, "submitted")


@tagged("post_install", "-at_install")
class TestReturn(SupervisionCommon):
    """The office returns a result with findings and a rectification list."""

    @freeze_time(NOW)
    def test_action_return_opens_wizard(self):
        """The return button opens the wizard on the item."""
        item = self._create_item_in("submitted")
        action = self._as(self.officer, item).action_return()
        self.assertEqual(action["res_model"], "supervision.return.wizard")
        self.assertEqual(action["context"], {"default_item_id": item.id})
        self.assertEqual(item.state, "submitted")

    @freeze_time(NOW)
    def test_return_records_review_and_reopens_item(self):
        """Returning keeps a 'returned' review with findings, list and
        deadline, and sends the item back in progress."""
        item = self._create_item_in("submitted")
        self._return(item)
        self.assertRecordValues(
            item.review_ids,
            [
                {
                    "conclusion": "returned",
                    "method": "document",
                    "reviewer_id": self.officer.id,
                    "date": TODAY,
                    "rectification_deadline": date(2026, 3, 20),
                }
            ],
        )
        self.assertIn("colleges' opinions", item.review_ids.findings)
        self.assertIn("Consult the 17 colleges", item.review_ids.rectification_list)
        self.assertRecordValues(item, [{"state": "in_progress", "date_closed": False}])
        self.assertEqual(
            self._state_tracking(item)[-1], ("Result Submitted", "In Progress")
        )

    @freeze_time(NOW)
    def test_return_with_rectification_order(self):
        """An on-site check may order rectification (责令整改)."""
        item = self._create_item_in("submitted")
        self._return(item, conclusion="rectify", method="on_site")
        self.assertRecordValues(
            item.review_ids, [{"conclusion": "rectify", "method": "on_site"}]
        )
        self.assertEqual(item.state, "in_progress")

    @freeze_time(NOW)
    def test_return_schedules_rectification_for_lead_unit(self):
        """The lead unit's head and liaison get a rectification to-do due on
        the rectification deadline; the review to-do is done."""
        item = self._create_item_in("submitted")
        self._return(item)
        activities = self._open_activities(item, self.act_rectify)
        self.assertEqual(activities.user_id, self.head_a | self.liaison_a)
        self.assertEqual(set(activities.mapped("date_deadline")), {date(2026, 3, 20)})
        self.assertFalse(self._open_activities(item, self.act_review))

    @freeze_time(NOW)
    def test_return_notifies_lead_unit_with_template(self):
        """The lead unit's head and liaison are sent the 'returned' mail
        template with the findings."""
        item = self._create_item_in("submitted")
        self._return(item)
        message = item.message_ids.filtered(
            lambda m: m.subject and "returned for rectification" in m.subject
        )
        self.assertEqual(len(message), 1)
        self.assertEqual(
            message.subject,
            f"Supervision item {item.number} returned for rectification",
        )
        self.assertEqual(message.partner_ids, (self.head_a | self.liaison_a).partner_id)
        notified = message.notification_ids.res_partner_id
        self.assertLessEqual((self.head_a | self.liaison_a).partner_id, notified)
        self.assertIn("colleges' opinions", message.body)
        self.assertIn("Consult the 17 colleges", message.body)

    @freeze_time(NOW)
    def test_return_key_item_waiting_for_closure(self):
        """The office may still return a key item waiting for the leader's
        closure; the leader's closure to-do goes away."""
        item = self._create_item_in("to_close", level="key")
        self._return(item)
        self.assertEqual(item.state, "in_progress")
        self.assertFalse(self._open_activities(item, self.act_closure))
        self.assertEqual(
            self._state_tracking(item)[-1], ("Closure to Approve", "In Progress")
        )

    @freeze_time(NOW)
    def test_return_loop_resubmit_and_close(self):
        """After a return the head resubmits; the rectification to-dos are
        done, a second result is kept and the item can be closed."""
        item = self._create_item_in("submitted", level="reminder")
        self._return(item)
        self._submit_result(
            item, note="<p>The colleges were consulted; plan revised.</p>"
        )
        self.assertEqual(item.state, "submitted")
        self.assertFalse(self._open_activities(item, self.act_rectify))
        self.assertEqual(
            self._open_activities(item, self.act_review).user_id, self.officer
        )
        results = item.progress_ids.filtered(lambda p: p.kind == "result")
        self.assertEqual(len(results), 2)
        self._review_pass(item)
        self.assertRecordValues(item, [{"state": "closed", "date_closed": TODAY}])
        self.assertEqual(
            sorted(item.review_ids.mapped("conclusion")), ["passed", "returned"]
        )
        self.assertEqual(
            self._state_tracking(item)[-4:],
            [
                ("In Progress", "Result Submitted"),
                ("Result Submitted", "In Progress"),
                ("In Progress", "Result Submitted"),
                ("Result Submitted", "Closed"),
            ],
        )

    @freeze_time(NOW)
    def test_return_refused_to_lead_unit_and_leader(self):
        """Only the office opens the return wizard."""
        item = self._create_item_in("submitted")
        for user in (self.head_a, self.leader):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._as(user, item).action_return()
        self.assertEqual(item.state, "submitted")

    @freeze_time(NOW)
    def test_return_wizard_refused_to_leader(self):
        """The leader in charge cannot return a result through the wizard
        either."""
        item = self._create_item_in("to_close", level="key")
        with self.assertRaises(AccessError):
            self._return(item, user=self.leader)
        self.assertEqual(item.state, "to_close")
        self.assertFalse(item.review_ids.filtered(lambda r: r.conclusion != "passed"))

    @freeze_time(NOW)
    def test_return_refused_without_result(self):
        """An item in progress has no result to return."""
        item = self._create_item_in("in_progress")
        with self.assertRaises(UserError):
            self._as(self.officer, item).action_return()
        with self.assertRaises(UserError):
            self._return(item)
        self.assertFalse(item.review_ids)

    @freeze_time(NOW)
    def test_return_refused_once_closed(self):
        """A closed item is no longer returned."""
        item = self._create_item_in("closed")
        with self.assertRaises(UserError):
            self._return(item)
        self.assertEqual(item.state, "closed")


@tagged("post_install", "-at_install")
class TestFile(SupervisionCommon):
    """The office files closed items."""

    @freeze_time(NOW)
    def test_office_files_closed_item(self):
        """The office files a closed item."""
        item = self._create_item_in("closed")
        self._as(self.officer, item).action_file()
        self.flush_tracking()
        self.assertRecordValues(item, [{"state": "filed", "date_closed": TODAY}])
        self.assertEqual(self._state_tracking(item)[-1], ("Closed", "Filed"))

    @freeze_time(NOW)
    def test_file_refused_to_leader_and_unit(self):
        """Neither the leader in charge nor the lead unit files items."""
        item = self._create_item_in("closed")
        for user in (self.leader, self.head_a):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._as(user, item).action_file()
        self.assertEqual(item.state, "closed")

    @freeze_time(NOW)
    def test_file_refused_before_closure(self):
        """A result waiting for review is not filed."""
        item = self._create_item_in("submitted")
        with self.assertRaises(UserError):
            self._as(self.officer, item).action_file()
        self.assertEqual(item.state, "submitted")


@tagged("post_install", "-at_install")
class TestWholeLife(SupervisionCommon):
    """A key item from its registration to its filing."""

    def test_key_item_from_registration_to_filing(self):
        """A key item lives through every step, each logged in the chatter."""
        with freeze_time("2026-03-02 02:00:00"):
            item = self._create_item_in(
                "in_progress", level="key", deadline=date(2026, 6, 30)
            )
        with freeze_time("2026-05-06 02:00:00"):
            self._submit_result(item)
        with freeze_time("2026-05-08 02:00:00"):
            self._return(item, rectification_deadline=date(2026, 5, 20))
        with freeze_time("2026-05-18 02:00:00"):
            self._submit_result(item, note="<p>Rectified as asked.</p>")
        with freeze_time("2026-05-19 02:00:00"):
            self._review_pass(item)
        with freeze_time("2026-05-21 02:00:00"):
            self._approve_closure(item)
            self._as(self.officer, item).action_file()
            self.flush_tracking()
        self.assertRecordValues(
            item,
            [
                {
                    "state": "filed",
                    "date_assigned": date(2026, 3, 2),
                    "date_closed": date(2026, 5, 21),
                    "deadline": date(2026, 6, 30),
                    "deadline_original": date(2026, 6, 30),
                }
            ],
        )
        self.assertEqual(
            self._state_tracking(item),
            [
                ("Registered", "To Approve"),
                ("To Approve", "Assigned"),
                ("Assigned", "In Progress"),
                ("In Progress", "Result Submitted"),
                ("Result Submitted", "In Progress"),
                ("In Progress", "Result Submitted"),
                ("Result Submitted", "Closure to Approve"),
                ("Closure to Approve", "Closed"),
                ("Closed", "Filed"),
            ],
        )
        self.assertFalse(item.activity_ids)
