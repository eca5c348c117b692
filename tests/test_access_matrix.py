# Part of university_supervision. See LICENSE file for full copyright and licensing details.
from odoo.tests import tagged

from .common import ROLES, AccessScenario

# Who sees what: role -> keys of the scenario's records (see AccessScenario)
# returned by search/search_count/read_group; None: no access to the model.
ITEMS_SEEN = {
    "liaison_a": {"a"},
    "head_a": {"a", "x"},
    "liaison_b": {"a"},
    "head_b": {"a"},
    "head_c": {"c"},
    "leader": {"a", "x"},
    "leader_other": {"c"},
    "principal": {"a", "c"},
    "officer": {"a", "c", "x"},
    "officer_other": {"a", "c"},
    "manager": {"a", "c"},
    "internal_user": None,
    "portal_user": None,
}
# progress reports: "ab" is unit B's report on item a
PROGRESS_SEEN = {
    role: None if keys is None else keys | ({"ab"} if "a" in keys else set())
    for role, keys in ITEMS_SEEN.items()
}
INTERVIEWS_SEEN = {
    "liaison_a": set(),
    "head_a": {"a", "x"},
    "liaison_b": set(),
    "head_b": set(),
    "head_c": {"c"},
    "leader": {"a", "x"},
    "leader_other": {"c"},
    "principal": {"a", "c"},
    "officer": {"a", "c", "x"},
    "officer_other": {"a", "c"},
    "manager": {"a", "c"},
    "internal_user": None,
    "portal_user": None,
}
UNITS_SEEN = {
    role: None if role == "portal_user" else {"a", "b", "c"} for role in ROLES
}

# What each role may do ("rwcu") on the records of items a and c.
NOBODY = dict.fromkeys(ROLES, "")
OFFICE = {"officer": "rwc", "officer_other": "rwc", "manager": "rwcu"}
ITEM_OPS = {
    "a": {
        **NOBODY,
        **OFFICE,
        "liaison_a": "rw",
        "head_a": "rw",
        "liaison_b": "r",
        "head_b": "r",
        "leader": "rw",
        "principal": "r",
    },
    "c": {**NOBODY, **OFFICE, "head_c": "rw", "leader_other": "rw", "principal": "r"},
}
PROGRESS_OPS = {
    "a": {
        **NOBODY,
        **OFFICE,
        "liaison_a": "rwc",
        "head_a": "rwc",
        "liaison_b": "r",
        "head_b": "r",
        "leader": "r",
        "principal": "r",
    },
    "ab": {
        **NOBODY,
        **OFFICE,
        "liaison_a": "r",
        "head_a": "r",
        "liaison_b": "rwc",
        "head_b": "rwc",
        "leader": "r",
        "principal": "r",
    },
    "c": {**NOBODY, **OFFICE, "head_c": "rwc", "leader_other": "r", "principal": "r"},
}
URGE_OPS = {
    "a": {
        **NOBODY,
        **OFFICE,
        "liaison_a": "rw",
        "head_a": "rw",
        "liaison_b": "rw",
        "head_b": "rw",
        "leader": "r",
        "principal": "r",
    },
    "c": {**NOBODY, **OFFICE, "head_c": "rw", "leader_other": "r", "principal": "r"},
}
EXTENSION_OPS = {
    "a": {
        **NOBODY,
        **OFFICE,
        "liaison_a": "rwc",
        "head_a": "rwc",
        "liaison_b": "r",
        "head_b": "r",
        "leader": "rw",
        "principal": "r",
    },
    "c": {**NOBODY, **OFFICE, "head_c": "rwc", "leader_other": "rw", "principal": "r"},
}
REVIEW_OPS = {
    "a": {
        **NOBODY,
        **OFFICE,
        "liaison_a": "r",
        "head_a": "r",
        "liaison_b": "r",
        "head_b": "r",
        "leader": "r",
        "principal": "r",
    },
    "c": {**NOBODY, **OFFICE, "head_c": "r", "leader_other": "r", "principal": "r"},
}
INTERVIEW_OPS = {
    "a": {**NOBODY, **OFFICE, "head_a": "r", "leader": "rw", "principal": "r"},
    "c": {**NOBODY, **OFFICE, "head_c": "r", "leader_other": "rw", "principal": "r"},
}
UNIT_OPS = {
    key: {
        **dict.fromkeys(ROLES, "r"),
        "manager": "rwcu",
        "portal_user": "",
    }
    for key in ("a", "c")
}
# assessment rows "<item>_<unit>": a_a, a_b (unit B assists a), c_c, x_a
ASSESSMENT_SEEN = {
    "liaison_a": {"a_a"},
    "head_a": {"a_a", "x_a"},
    "liaison_b": {"a_b"},
    "head_b": {"a_b"},
    "head_c": {"c_c"},
    "leader": {"a_a", "a_b", "x_a"},
    "leader_other": {"c_c"},
    "principal": {"a_a", "a_b", "c_c"},
    "officer": {"a_a", "a_b", "c_c", "x_a"},
    "officer_other": {"a_a", "a_b", "c_c"},
    "manager": {"a_a", "a_b", "c_c"},
    "internal_user": None,
    "portal_user": None,
}
ASSESSMENT_OPS = {
    "a_a": {
        **NOBODY,
        **dict.fromkeys(OFFICE, "r"),
        "liaison_a": "r",
        "head_a": "r",
        "leader": "r",
        "principal": "r",
    },
}
BRIEFINGS_SEEN = {
    role: {"draft", "published"}
    if role in OFFICE
    else None
    if role in ("internal_user", "portal_user")
    else {"published"}
    for role in ROLES
}
BRIEFING_OPS = {
    "draft": {**NOBODY, **OFFICE},
    "published": {
        **dict.fromkeys(ROLES, "r"),
        **OFFICE,
        "internal_user": "",
        "portal_user": "",
    },
}
# unit scores: unit A's is confirmed, unit B's and C's are drafts
SCORES_SEEN = {
    role: {"a", "b", "c"}
    if role in OFFICE or role in ("leader", "leader_other", "principal")
    else None
    if role in ("internal_user", "portal_user")
    else {"a"}
    if role in ("liaison_a", "head_a")
    else set()
    for role in ROLES
}
SCORE_OPS = {
    "a": {
        **NOBODY,
        **OFFICE,
        "liaison_a": "r",
        "head_a": "r",
        "leader": "r",
        "leader_other": "r",
        "principal": "r",
    },
    "c": {**NOBODY, **OFFICE, "leader": "r", "leader_other": "r", "principal": "r"},
}
# Wizards are transient: access rights only (who may open them).
WIZARD_OPS = {
    "supervision.return.wizard": {**NOBODY, **dict.fromkeys(OFFICE, "rwcu")},
    "supervision.cancel.wizard": {
        **NOBODY,
        **dict.fromkeys(OFFICE, "rwcu"),
        "leader": "rwcu",
        "leader_other": "rwcu",
        "principal": "rwcu",
    },
    "supervision.urge.wizard": {**NOBODY, **dict.fromkeys(OFFICE, "rwcu")},
}


@tagged("post_install", "-at_install", "access")
class TestAccessMatrix(AccessScenario):
    """Every role against every model: what search, search_count and
    read_group return, and which of read/write/create/unlink are allowed."""

    def _check_model(self, model, records, seen, operations):
        for role in ROLES:
            with self.subTest(model=model, role=role):
                self.assertVisible(model, records, role, seen[role])
            for key, expected_by_role in operations.items():
                with self.subTest(model=model, role=role, record=key):
                    self.assertEqual(
                        self.allowed_operations(role, records[key]),
                        expected_by_role[role],
                    )

    def test_items(self):
        """Units see the items they lead or assist, leaders those they are in
        charge of, the principal and the office all but the confidential ones
        they are not named on; only the lead unit writes (its part) and only
        the manager deletes."""
        self._check_model("supervision.item", self.items, ITEMS_SEEN, ITEM_OPS)

    def test_progress_reports(self):
        """Units read the reports on their items and write their own unit's."""
        self._check_model(
            "supervision.progress", self.progress, PROGRESS_SEEN, PROGRESS_OPS
        )

    def test_urges(self):
        """Units read and reply to the urges on their items."""
        self._check_model("supervision.urge", self.urges, ITEMS_SEEN, URGE_OPS)

    def test_extensions(self):
        """The lead unit requests extensions, the leader in charge decides."""
        self._check_model(
            "supervision.extension", self.extensions, ITEMS_SEEN, EXTENSION_OPS
        )

    def test_reviews(self):
        """Reviews are the office's; units and leaders read those of their items."""
        self._check_model("supervision.review", self.reviews, ITEMS_SEEN, REVIEW_OPS)

    def test_interviews(self):
        """Interviews are seen by the interviewees, the unit head, the
        interviewer and the leader in charge, the principal and the office;
        not by the unit's liaisons."""
        self._check_model(
            "supervision.interview", self.interviews, INTERVIEWS_SEEN, INTERVIEW_OPS
        )

    def test_units(self):
        """Every internal user reads the units; only the manager edits them."""
        self._check_model("supervision.unit", self.units, UNITS_SEEN, UNIT_OPS)

    def test_assessment_report(self):
        """Assessment rows follow their unit and item: a unit sees its own
        rows (lead or assist), a leader those of the items in charge, and a
        confidential item is counted only for who may see it; nobody writes."""
        self.assertEqual(set(self.assessment), {"a_a", "a_b", "c_c", "x_a"})
        self._check_model(
            "supervision.assessment.report",
            self.assessment,
            ASSESSMENT_SEEN,
            ASSESSMENT_OPS,
        )

    def test_briefings(self):
        """Drafts are the office's; everybody with a role reads published ones."""
        self._check_model(
            "supervision.briefing", self.briefings, BRIEFINGS_SEEN, BRIEFING_OPS
        )

    def test_unit_scores(self):
        """The office and the leaders see every score, a unit its own
        confirmed score only; the office computes them."""
        self._check_model("supervision.unit.score", self.scores, SCORES_SEEN, SCORE_OPS)

    def test_wizards(self):
        """Only the office opens the return and urge wizards; the office and
        the leaders open the cancellation wizard."""
        for model, expected_by_role in WIZARD_OPS.items():
            for role in ROLES:
                with self.subTest(model=model, role=role):
                    Model = self.env[model].with_user(self.role(role))
                    allowed = "".join(
                        letter
                        for letter, operation in (
                            ("r", "read"),
                            ("w", "write"),
                            ("c", "create"),
                            ("u", "unlink"),
                        )
                        if Model.has_access(operation)
                    )
                    self.assertEqual(allowed, expected_by_role[role])
