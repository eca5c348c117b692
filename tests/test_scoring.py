# Part of university_supervision. See LICENSE file for full copyright and licensing details.
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import AssessmentCommon

FROM = date(2026, 1, 1)
TO = date(2026, 12, 31)


@tagged("post_install", "-at_install")
class TestScoring(AssessmentCommon):
    """Unit scores from configurable rules, explained line by line."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.rule_lead = ref("university_supervision.score_rule_lead_on_time")
        cls.rule_key = ref("university_supervision.score_rule_lead_key_on_time")
        cls.rule_assist = ref("university_supervision.score_rule_assist_on_time")
        cls.rule_overdue = ref("university_supervision.score_rule_overdue")
        cls.rule_return = ref("university_supervision.score_rule_return")
        cls.rule_interview = ref("university_supervision.score_rule_interview")
        # only the shipped rules, whatever the database holds besides
        cls.env["supervision.score.rule"].search(
            [
                (
                    "id",
                    "not in",
                    (
                        cls.rule_lead
                        | cls.rule_key
                        | cls.rule_assist
                        | cls.rule_overdue
                        | cls.rule_return
                        | cls.rule_interview
                    ).ids,
                )
            ]
        ).active = False

    def _compute(self, user=None):
        Score = self.env["supervision.unit.score"]
        return Score.with_user(user or self.officer)._compute_scores(FROM, TO)

    def _lines(self, score):
        return {
            (line.item_id.name, line.rule_id.code, line.count, line.points)
            for line in score.line_ids
        }

    def test_default_rules(self):
        """The shipped rules give the example points of the issue."""
        self.assertRecordValues(
            self.rule_lead
            | self.rule_key
            | self.rule_assist
            | self.rule_overdue
            | self.rule_return
            | self.rule_interview,
            [
                {
                    "condition": "closed_on_time",
                    "role": "lead",
                    "level": False,
                    "points": 2,
                },
                {
                    "condition": "closed_on_time",
                    "role": "lead",
                    "level": "key",
                    "points": 1,
                },
                {
                    "condition": "closed_on_time",
                    "role": "assist",
                    "level": False,
                    "points": 1,
                },
                {"condition": "overdue", "role": "lead", "level": False, "points": -5},
                {"condition": "return", "role": "lead", "level": False, "points": -1},
                {"condition": "interview", "role": False, "level": False, "points": -3},
            ],
        )

    def test_scores_and_lines(self):
        """Each point is explained by a line: which item, which rule, how
        many times; the total is the sum of the lines."""
        items = self._build_year()
        scores = self._compute()
        self.assertEqual(
            {s.unit_id: s.total for s in scores},
            {self.unit_a: -7.0, self.unit_b: 3.0},
        )
        score_a = scores.filtered(lambda s: s.unit_id == self.unit_a)
        score_b = scores.filtered(lambda s: s.unit_id == self.unit_b)
        self.assertEqual(
            self._lines(score_a),
            {
                ("On time", "LEAD_ON_TIME", 1, 2.0),
                ("On time", "LEAD_KEY_ON_TIME", 1, 1.0),
                ("Late", "OVERDUE", 1, -5.0),
                ("Extended", "LEAD_ON_TIME", 1, 2.0),
                ("Overdue", "OVERDUE", 1, -5.0),
                ("Overdue", "INTERVIEW", 1, -3.0),
                ("Returned", "ASSIST_ON_TIME", 1, 1.0),
            },
        )
        self.assertEqual(
            self._lines(score_b),
            {
                ("Returned", "LEAD_ON_TIME", 1, 2.0),
                ("Returned", "RETURN", 1, -1.0),
                ("On time", "ASSIST_ON_TIME", 1, 1.0),
                ("Extended", "ASSIST_ON_TIME", 1, 1.0),
            },
        )
        self.assertRecordValues(
            score_a,
            [{"date_from": FROM, "date_to": TO, "year": 2026, "state": "draft"}],
        )
        self.assertNotIn(items["cancelled"], scores.line_ids.item_id)

    def test_recompute_follows_the_rules(self):
        """Changing a rule and recomputing rebuilds the lines, no duplicates;
        a rule counts per occurrence (two returns, two points)."""
        self._build_year()
        scores = self._compute()
        self.rule_overdue.points = -10
        self.rule_return.points = -2
        self.env["supervision.score.rule"].create(
            {
                "name": "Urged",
                "code": "URGE",
                "condition": "urge",
                "role": "lead",
                "points": -0.5,
            }
        )
        self.assertEqual(self._compute(), scores)
        self.assertEqual(
            {s.unit_id: s.total for s in scores},
            # A: 2 + 1 + 2 + 1 - 10 - 10 - 3 - 0.5 (late) - 0.5 (overdue)
            # B: 2 - 2 + 1 + 1
            {self.unit_a: -18.0, self.unit_b: 2.0},
        )
        self.assertEqual(len(scores.line_ids), 13)

    def test_recompute_button_and_confirmation(self):
        """The office recomputes a draft score with its button; a confirmed
        score is final until reset."""
        self._build_year()
        scores = self._compute()
        score_a = scores.filtered(lambda s: s.unit_id == self.unit_a)
        self.rule_interview.points = -4
        self._as(self.officer, score_a).action_recompute()
        self.assertEqual(score_a.total, -8.0)
        self._as(self.officer, score_a).action_confirm()
        self.rule_interview.points = -6
        self._compute()
        self.assertEqual(score_a.total, -8.0)
        with self.assertRaisesMessage(UserError, "confirmed"):
            self._as(self.officer, score_a).action_recompute()
        with self.assertRaises(AccessError):
            self._as(self.head_a, score_a).action_reset_to_draft()

    def test_score_access(self):
        """Units read their own confirmed scores; leaders read all; only the
        office computes."""
        self._build_year()
        scores = self._compute()
        score_a = scores.filtered(lambda s: s.unit_id == self.unit_a)
        Score = self.env["supervision.unit.score"]
        self.assertFalse(self._as(self.head_a, Score).search([]))
        self._as(self.officer, score_a).action_confirm()
        self.assertEqual(self._as(self.head_a, Score).search([]), score_a)
        self.assertEqual(len(self._as(self.head_a, score_a).line_ids), 7)
        self.assertFalse(self._as(self.head_c, Score).search([]))
        self.assertEqual(self._as(self.leader_other, Score).search([]), scores)
        with self.assertRaises(AccessError):
            self._as(self.head_a, score_a).action_recompute()
        with self.assertRaises(AccessError):
            self._as(self.leader, Score)._compute_scores(FROM, TO)

    def test_scoring_query_count(self):
        """Computing the scores is set-based: the number of queries does not
        grow with the number of items."""
        self._build_year()
        self._compute()
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=19):
            self.env["supervision.unit.score"]._compute_scores(FROM, TO)
