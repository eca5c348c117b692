# Part of university_supervision. See LICENSE file for full copyright and licensing details.
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SupervisionCommon

NOW = "2026-04-03 02:00:00"  # Friday 10:00 in Beijing
TODAY = date(2026, 4, 3)
# Wednesday 8 April 2026, 15:00 in Beijing
INTERVIEW_AT = datetime(2026, 4, 8, 7, 0)
PLACE = "Administration Building, Room 301"


@tagged("post_install", "-at_install")
class TestInterview(SupervisionCommon):
    """Supervision interviews (督办约谈, NWU 第七条): numbering, the notice
    (督办约谈通知单), holding, closure, accountability and who sees them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Interview numbers restart every year: start from an empty register.
        cls.env.ref(
            "university_supervision.seq_supervision_interview"
        ).date_range_ids.unlink()
        cls.act_meeting = cls.env.ref("mail.mail_activity_data_meeting")

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def _create_interview(self, **vals):
        """A draft leader-level interview of unit A about one of its items,
        ready to be notified; created by the office, returned in the test
        (superuser) environment."""
        if "item_ids" not in vals:
            vals["item_ids"] = [(6, 0, self._create_item().ids)]
        values = {
            "unit_id": self.unit_a.id,
            "level": "leader",
            "interviewer_id": self.leader.id,
            "interviewee_ids": [(6, 0, self.head_a.ids)],
            "date": INTERVIEW_AT,
            "place": PLACE,
            "reason": "Still not done after two urges.",
            **vals,
        }
        interview = (
            self.env["supervision.interview"].with_user(self.officer).create(values)
        )
        self.flush_tracking()
        return interview.with_env(self.env)

    def _notify(self, interview):
        self._as(self.officer, interview).action_notify()
        self.flush_tracking()
        return interview

    def _hold(self, interview, user=None):
        self._as(self.officer, interview).write(
            {"minutes": "<p>The head explained the delay and committed to a date.</p>"}
        )
        self._as(user or self.officer, interview).action_hold()
        self.flush_tracking()
        return interview

    def _create_interview_in(self, state, **vals):
        interview = self._create_interview(**vals)
        if state in ("notified", "held"):
            self._notify(interview)
        if state == "held":
            self._hold(interview)
        self.env.invalidate_all()
        self.assertEqual(interview.state, state)
        return interview

    def _meeting_activities(self, interview):
        return interview.activity_ids.filtered(
            lambda a: a.activity_type_id == self.act_meeting
        )

    def _notice_messages(self, interview):
        return interview.message_ids.filtered(
            lambda m: (
                m.subtype_id == self.env.ref("mail.mt_comment")
                and PLACE in (m.body or "")
            )
        )

    # ------------------------------------------------------------------
    # Numbering
    # ------------------------------------------------------------------

    @freeze_time(NOW)
    def test_number_from_yearly_sequence(self):
        """Interviews are numbered as on the NWU form, （year）督字（N）号,
        one after the other."""
        first = self._create_interview()
        second = self._create_interview()
        self.assertEqual(first.name, "（2026）督字（1）号")
        self.assertEqual(second.name, "（2026）督字（2）号")

    def test_number_restarts_each_year(self):
        """The numbering starts again at 1 in a new year."""
        with freeze_time("2026-12-30 02:00:00"):
            last_of_2026 = self._create_interview()
            self._create_interview()
        with freeze_time("2027-01-04 02:00:00"):
            first_of_2027 = self._create_interview()
        self.assertEqual(last_of_2026.name, "（2026）督字（1）号")
        self.assertEqual(first_of_2027.name, "（2027）督字（1）号")

    @freeze_time(NOW)
    def test_number_independent_of_item_numbers(self):
        """Assigning key items (督字〔2026〕N号) does not use up interview
        numbers: interviews have their own sequence."""
        item = self._create_item_in("in_progress", level="key")
        self.assertEqual(item.number, "督字〔2026〕1号")
        interview = self._create_interview(item_ids=[(6, 0, item.ids)])
        self.assertEqual(interview.name, "（2026）督字（1）号")

    # ------------------------------------------------------------------
    # Notice (督办约谈通知单)
    # ------------------------------------------------------------------

    @freeze_time(NOW)
    def test_notify_by_office(self):
        """The office sends the notice: the interview is notified today."""
        interview = self._create_interview()
        self._notify(interview)
        self.assertRecordValues(
            interview, [{"state": "notified", "date_notified": TODAY}]
        )

    @freeze_time("2026-04-02 17:00:00")  # already 3 April 01:00 in Beijing
    def test_notify_date_in_office_time_zone(self):
        """The notice date is the office's local date, not the UTC one."""
        interview = self._create_interview()
        self._notify(interview)
        self.assertEqual(interview.date_notified, TODAY)

    @freeze_time(NOW)
    def test_notify_schedules_meetings(self):
        """Each interviewee and the interviewer get a meeting to-do on the day
        of the interview, naming the place."""
        interview = self._create_interview(
            interviewee_ids=[(6, 0, (self.head_a | self.liaison_a).ids)]
        )
        self._notify(interview)
        activities = self._meeting_activities(interview)
        self.assertEqual(activities.user_id, self.head_a | self.liaison_a | self.leader)
        self.assertEqual(set(activities.mapped("date_deadline")), {date(2026, 4, 8)})
        for activity in activities:
            self.assertIn(PLACE, activity.summary)

    @freeze_time(NOW)
    def test_notify_posts_notice_to_participants(self):
        """The notice is posted in the chatter and sent to the interviewees'
        and the interviewer's partners; it says who, by whom, where and when."""
        interview = self._create_interview()
        self._notify(interview)
        message = self._notice_messages(interview)
        self.assertEqual(len(message), 1)
        participants = (self.head_a | self.leader).partner_id
        self.assertEqual(message.partner_ids, participants)
        self.assertEqual(message.author_id, self.officer.partner_id)
        self.assertLessEqual(participants, message.notification_ids.res_partner_id)
        for text in (self.head_a.name, self.leader.name, "15:00"):
            self.assertIn(text, message.body)

    @freeze_time(NOW)
    def test_notify_requires_date_place_interviewer_interviewees(self):
        """The notice cannot be sent while the date, the place, the
        interviewer or the interviewees are missing; the error names the
        missing field."""
        labels = {
            "date": "Date",
            "place": "Place",
            "interviewer_id": "Interviewer",
            "interviewee_ids": "Interviewees",
        }
        for fname, label in labels.items():
            with self.subTest(field=fname):
                empty = [(5, 0, 0)] if fname == "interviewee_ids" else False
                interview = self._create_interview(**{fname: empty})
                with self.assertRaisesMessage(UserError, label) as caught:
                    self._as(self.officer, interview).action_notify()
                message = str(caught.exception)
                for other in set(labels.values()) - {label}:
                    self.assertNotIn(other, message.replace(interview.name, ""))
                self.assertRecordValues(
                    interview, [{"state": "draft", "date_notified": False}]
                )

    @freeze_time(NOW)
    def test_notify_refused_to_interviewer_and_unit(self):
        """Only the office sends the notice, not the interviewer nor the
        interviewed unit's head."""
        interview = self._create_interview()
        for user in (self.leader, self.head_a):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._as(user, interview).action_notify()
        self.assertEqual(interview.state, "draft")

    @freeze_time(NOW)
    def test_notify_refused_when_already_notified(self):
        """A notice is sent once: notifying a notified interview is refused."""
        interview = self._create_interview_in("notified")
        with self.assertRaisesMessage(UserError, interview.name):
            self._as(self.officer, interview).action_notify()

    # ------------------------------------------------------------------
    # Holding the interview
    # ------------------------------------------------------------------

    @freeze_time(NOW)
    def test_hold_requires_minutes(self):
        """An interview is held only once its minutes are written; an empty
        editor counts as no minutes."""
        interview = self._create_interview_in("notified")
        for minutes in (False, "<p><br></p>"):
            with self.subTest(minutes=minutes):
                interview.minutes = minutes
                with self.assertRaisesMessage(UserError, interview.name):
                    self._as(self.officer, interview).action_hold()
                self.assertEqual(interview.state, "notified")

    @freeze_time(NOW)
    def test_hold_by_office(self):
        """The office records that the interview was held."""
        interview = self._create_interview_in("notified")
        self._hold(interview, self.officer)
        self.assertEqual(interview.state, "held")

    @freeze_time(NOW)
    def test_hold_by_interviewer(self):
        """The interviewer writes the minutes and records the interview as
        held; the meeting to-dos are done."""
        interview = self._create_interview_in("notified")
        as_leader = self._as(self.leader, interview)
        as_leader.minutes = "<p>Rectification promised by 30 April.</p>"
        as_leader.action_hold()
        self.flush_tracking()
        self.assertEqual(interview.state, "held")
        self.assertFalse(self._meeting_activities(interview))

    @freeze_time(NOW)
    def test_hold_refused_to_unit_head(self):
        """The interviewed unit's head cannot record the interview as held."""
        interview = self._create_interview_in("notified")
        interview.minutes = "<p>Minutes written by the office.</p>"
        with self.assertRaises(AccessError):
            self._as(self.head_a, interview).action_hold()
        self.assertEqual(interview.state, "notified")

    @freeze_time(NOW)
    def test_hold_refused_before_notice(self):
        """A draft interview, never notified, cannot be held."""
        interview = self._create_interview(minutes="<p>Minutes.</p>")
        with self.assertRaisesMessage(UserError, interview.name):
            self._as(self.officer, interview).action_hold()
        self.assertEqual(interview.state, "draft")

    # ------------------------------------------------------------------
    # Conclusion: closure or accountability (NWU 第七条(三))
    # ------------------------------------------------------------------

    @freeze_time(NOW)
    def test_close_by_office(self):
        """The office closes a held interview."""
        interview = self._create_interview_in("held")
        self._as(self.officer, interview).action_close()
        self.assertEqual(interview.state, "closed")

    @freeze_time(NOW)
    def test_close_refused_to_interviewer(self):
        """Even the interviewer cannot close an interview: office only."""
        interview = self._create_interview_in("held")
        with self.assertRaises(AccessError):
            self._as(self.leader, interview).action_close()
        self.assertEqual(interview.state, "held")

    @freeze_time(NOW)
    def test_close_refused_unless_held(self):
        """Only a held interview can be closed."""
        for state in ("draft", "notified"):
            with self.subTest(state=state):
                interview = self._create_interview_in(state)
                with self.assertRaisesMessage(UserError, interview.name):
                    self._as(self.officer, interview).action_close()
                self.assertEqual(interview.state, state)

    @freeze_time(NOW)
    def test_accountability_by_office(self):
        """Still not done after the interview: the office starts
        accountability (NWU 第七条(三))."""
        interview = self._create_interview_in("held")
        self._as(self.officer, interview).action_accountability()
        self.assertEqual(interview.state, "accountability")

    @freeze_time(NOW)
    def test_accountability_refused_to_interviewer(self):
        """Accountability is decided by the office, not by the interviewer."""
        interview = self._create_interview_in("held")
        with self.assertRaises(AccessError):
            self._as(self.leader, interview).action_accountability()
        self.assertEqual(interview.state, "held")

    @freeze_time(NOW)
    def test_accountability_refused_unless_held(self):
        """Accountability follows a held interview only: not before it is
        held, nor after it was closed."""
        closed = self._create_interview_in("held")
        self._as(self.officer, closed).action_close()
        for interview in (self._create_interview_in("notified"), closed):
            with self.subTest(state=interview.state):
                state = interview.state
                with self.assertRaisesMessage(UserError, interview.name):
                    self._as(self.officer, interview).action_accountability()
                self.assertEqual(interview.state, state)

    # ------------------------------------------------------------------
    # Who sees an interview
    # ------------------------------------------------------------------

    @freeze_time(NOW)
    def test_office_reads_all(self):
        """Any member of the office finds and reads every interview."""
        interview_a = self._create_interview()
        interview_c = self._create_interview(
            unit_id=self.unit_c.id,
            item_ids=[(6, 0, self._create_item(lead_unit_id=self.unit_c.id).ids)],
            interviewer_id=self.leader_other.id,
            interviewee_ids=[(6, 0, self.head_c.ids)],
        )
        interviews = interview_a | interview_c
        found = self._as(self.officer_other, interviews).search(
            [("id", "in", interviews.ids)]
        )
        self.assertEqual(found, interviews)
        self.assertEqual(
            self._as(self.officer_other, interviews).mapped("place"), [PLACE, PLACE]
        )

    @freeze_time(NOW)
    def test_interviewer_reads_own(self):
        """The leader who holds the interview reads it."""
        interview = self._create_interview()
        self.assertEqual(self._as(self.leader, interview).place, PLACE)

    @freeze_time(NOW)
    def test_leader_in_charge_reads_principal_interview(self):
        """The leader in charge of the item reads the interview the president
        holds about it (NWU 第七条(二))."""
        interview = self._create_interview(
            level="principal", interviewer_id=self.principal.id
        )
        self.assertEqual(self._as(self.leader, interview).place, PLACE)

    @freeze_time(NOW)
    def test_other_leader_cannot_read(self):
        """A leader neither interviewing nor in charge of the item does not see
        the interview."""
        interview = self._create_interview()
        Interview = self.env["supervision.interview"].with_user(self.leader_other)
        self.assertFalse(Interview.search([("id", "=", interview.id)]))
        with self.assertRaises(AccessError):
            self._as(self.leader_other, interview).read(["place"])

    @freeze_time(NOW)
    def test_interviewed_unit_head_reads(self):
        """The head of the interviewed unit reads the interview."""
        interview = self._create_interview()
        self.assertEqual(self._as(self.head_a, interview).place, PLACE)

    @freeze_time(NOW)
    def test_interviewed_unit_head_cannot_write(self):
        """The interviewed unit reads the interview but cannot change it."""
        interview = self._create_interview()
        with self.assertRaises(AccessError):
            self._as(self.head_a, interview).write({"place": "Library"})
        self.assertEqual(interview.place, PLACE)

    @freeze_time(NOW)
    def test_other_unit_head_cannot_read(self):
        """The head of a unit not interviewed does not see the interview."""
        interview = self._create_interview()
        with self.assertRaises(AccessError):
            self._as(self.head_c, interview).read(["place"])

    @freeze_time(NOW)
    def test_internal_user_without_role_cannot_read(self):
        """An employee without a supervision role has no access to interviews."""
        interview = self._create_interview()
        with self.assertRaises(AccessError):
            self._as(self.internal_user, interview).read(["place"])
