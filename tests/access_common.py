# Part of university_supervision. See LICENSE file for full copyright and licensing details.
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError

from .common import SupervisionCommon

# The roles of DESIGN.md as users of tests/common.py: unit A leads the
# scenario's ordinary item and unit B assists it; unit C leads another item.
ROLES = (
    "liaison_a",
    "head_a",
    "liaison_b",
    "head_b",
    "head_c",
    "leader",
    "leader_other",
    "principal",
    "officer",
    "officer_other",
    "manager",
    "internal_user",
    "portal_user",
)


class AccessScenario(SupervisionCommon):
    """Three items and one record of every satellite on each, built through
    the real actions by the users who would do it:

    - ``a``: led by unit A, assisted by unit B, ``leader`` in charge, in
      progress;
    - ``c``: led by unit C, ``leader_other`` in charge, assigned;
    - ``x``: confidential, led by unit A, ``leader`` in charge, assigned;
      only ``officer`` and ``head_a`` are named on it.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.today()
        Item = cls.env["supervision.item"]

        def register(**vals):
            values = {
                "name": "Renovate the teaching building",
                "lead_unit_id": cls.unit_a.id,
                "deadline": today + timedelta(days=30),
                **vals,
            }
            item = Item.with_user(cls.officer).create(values)
            item.action_submit_for_approval()
            cls._flush_tracking()
            item.with_user(item.leader_in_charge_id).action_approve()
            cls._flush_tracking()
            return item.with_env(cls.env)

        def acknowledge(item, head, handler):
            as_head = item.with_user(head)
            as_head.write(
                {
                    "date_committed": today + timedelta(days=20),
                    "measures": "Plan, tender, build.",
                    "completion_form": "Written report",
                    "handler_id": handler.id,
                    "handler_phone": "029-88300000",
                }
            )
            as_head.action_acknowledge()
            cls._flush_tracking()

        cls.items = {
            "a": register(assist_unit_ids=[(6, 0, cls.unit_b.ids)]),
            "c": register(
                name="Extend the library's opening hours",
                lead_unit_id=cls.unit_c.id,
            ),
            "x": register(
                name="Investigate the admissions complaint",
                is_confidential=True,
                confidential_user_ids=[(6, 0, (cls.officer | cls.head_a).ids)],
            ),
        }
        acknowledge(cls.items["a"], cls.head_a, cls.liaison_a)

        Progress = cls.env["supervision.progress"]

        def progress(user, item, unit):
            return (
                Progress.with_user(user)
                .create(
                    {
                        "item_id": item.id,
                        "unit_id": unit.id,
                        "description": "<p>Half of the work is done.</p>",
                        "percent": 50,
                    }
                )
                .with_env(cls.env)
            )

        cls.progress = {
            "a": progress(cls.liaison_a, cls.items["a"], cls.unit_a),
            "ab": progress(cls.liaison_b, cls.items["a"], cls.unit_b),
            "c": progress(cls.head_c, cls.items["c"], cls.unit_c),
            "x": progress(cls.head_a, cls.items["x"], cls.unit_a),
        }
        cls.urges = {
            key: cls.env["supervision.urge"]
            .with_user(cls.officer)
            .create(
                {
                    "item_id": item.id,
                    "channel": "phone",
                    "unit_id": item.lead_unit_id.id,
                    "note": "Please report the progress this week.",
                }
            )
            .with_env(cls.env)
            for key, item in cls.items.items()
        }

        def extension(user, item):
            ext = (
                cls.env["supervision.extension"]
                .with_user(user)
                .create(
                    {
                        "item_id": item.id,
                        "reason": "The tender took a month longer.",
                        "date_requested": item.deadline + timedelta(days=15),
                    }
                )
            )
            ext.action_submit()
            return ext.with_env(cls.env)

        cls.extensions = {
            "a": extension(cls.head_a, cls.items["a"]),
            "c": extension(cls.head_c, cls.items["c"]),
            "x": extension(cls.head_a, cls.items["x"]),
        }
        cls.reviews = {
            key: cls.env["supervision.review"]
            .with_user(cls.officer)
            .create(
                {
                    "item_id": item.id,
                    "conclusion": "rectify",
                    "findings": "<p>The minutes are missing.</p>",
                    "internal_note": "<p>The head was hard to reach.</p>",
                }
            )
            .with_env(cls.env)
            for key, item in cls.items.items()
        }

        def interview(item, interviewer, interviewee):
            return (
                cls.env["supervision.interview"]
                .with_user(cls.officer)
                .create(
                    {
                        "unit_id": item.lead_unit_id.id,
                        "level": "leader",
                        "item_ids": [(6, 0, item.ids)],
                        "interviewer_id": interviewer.id,
                        "interviewee_ids": [(6, 0, interviewee.ids)],
                        "reason": "The item is overdue after urging.",
                    }
                )
                .with_env(cls.env)
            )

        cls.interviews = {
            "a": interview(cls.items["a"], cls.leader, cls.head_a),
            "c": interview(cls.items["c"], cls.leader_other, cls.head_c),
            "x": interview(cls.items["x"], cls.leader, cls.head_a),
        }
        cls.units = {"a": cls.unit_a, "b": cls.unit_b, "c": cls.unit_c}

        # briefings: a draft and a published one
        Briefing = cls.env["supervision.briefing"].with_user(cls.officer)
        period = {
            "period_type": "custom",
            "date_from": today - timedelta(days=60),
            "date_to": today + timedelta(days=1),
        }
        cls.briefings = {
            "draft": Briefing.create({"name": "Draft briefing", **period}),
            "published": Briefing.create({"name": "Published briefing", **period}),
        }
        cls.briefings["draft"].action_generate()
        cls.briefings["published"].action_generate()
        cls.briefings["published"].action_publish()
        cls.briefings = {k: b.with_env(cls.env) for k, b in cls.briefings.items()}

        # unit scores of the period: unit A's confirmed, unit C's draft
        scores = (
            cls.env["supervision.unit.score"]
            .with_user(cls.officer)
            ._compute_scores(period["date_from"], period["date_to"])
            .with_env(cls.env)
        )
        cls.scores = {
            key: scores.filtered(lambda s, unit=unit: s.unit_id == unit)
            for key, unit in cls.units.items()
        }
        cls.scores["a"].with_user(cls.officer).action_confirm()

        # assessment rows: "<item>_<unit>"
        cls.env.flush_all()
        rows = cls.env["supervision.assessment.report"].search(
            [("item_id", "in", [item.id for item in cls.items.values()])]
        )
        cls.assessment = {
            f"{item_key}_{unit_key}": row
            for row in rows
            for item_key, item in cls.items.items()
            for unit_key, unit in cls.units.items()
            if row.item_id == item and row.unit_id == unit
        }
        cls.env.flush_all()

    @classmethod
    def _flush_tracking(cls):
        cls.env.flush_all()
        cls.cr.flush()

    def role(self, name):
        return getattr(self, name)

    def assertVisible(self, model, records, role, expected_keys):
        """``search``, ``search_count`` and ``read_group`` of ``role`` over
        ``records`` ({key: record}) return exactly ``expected_keys``; ``None``
        means the role has no access to the model at all."""
        user = self.role(role)
        domain = [("id", "in", [r.id for r in records.values()])]
        Model = self.env[model].with_user(user)
        self.env.invalidate_all()
        if expected_keys is None:
            for call in (
                lambda: Model.search(domain),
                lambda: Model.search_count(domain),
                lambda: Model.read_group(domain, ["id:array_agg"], []),
            ):
                with self.assertRaises(AccessError):
                    call()
            return
        expected = sorted(records[key].id for key in expected_keys)
        self.assertEqual(sorted(Model.search(domain).ids), expected, "search")
        self.assertEqual(Model.search_count(domain), len(expected), "search_count")
        groups = Model.read_group(domain, ["id:array_agg"], [])
        self.assertEqual(sorted(groups[0]["id"] or []), expected, "read_group")

    def allowed_operations(self, role, record):
        """The operations among read/write/create/unlink that ``role`` may do
        on ``record`` (access rights and record rules), as a string "rwcu"."""
        allowed = ""
        for letter, operation in (
            ("r", "read"),
            ("w", "write"),
            ("c", "create"),
            ("u", "unlink"),
        ):
            self.env.invalidate_all()
            try:
                record.with_user(self.role(role)).check_access(operation)
            except AccessError:
                continue
            allowed += letter
        return allowed
