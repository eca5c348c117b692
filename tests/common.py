# Part of university_supervision. See LICENSE file for full copyright and licensing details.
"""The one test harness of the addon; test modules import from here only.

- :class:`SupervisionDrivers`: class-level drivers bringing an item (and its
  progress reports, urges, extensions and reviews) to every state through
  the real actions, as the users who would do them; usable in
  ``setUpClass``, in tests and in the HttpCase tours;
- :class:`SupervisionCommon`: users per role and three units for
  ``TransactionCase`` tests; its ``assertRaises`` demands the exact class of
  an ``odoo.exceptions`` exception;
- :class:`AccessScenario`: three items with one record of every satellite,
  for the access tests;
- :class:`AssessmentCommon`: a spring of items, for the assessment, the
  scores and the briefings;
- :class:`SupervisionTourCommon`: Chinese-speaking users and units for the
  tours;
- :func:`load_chinese`: what a test that needs Chinese loads itself, so that
  the suite passes on a database created with English only.
"""

import re
import unicodedata
from contextlib import contextmanager
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo import SUPERUSER_ID, api, exceptions, fields, http
from odoo.exceptions import AccessError
from odoo.modules.registry import Registry
from odoo.tests import Form, HttpCase, TransactionCase, get_db_name

from odoo.addons.mail.tests.common import mail_new_test_user

from ..models.supervision_constants import STATES

MODULE = "university_supervision"
GROUP_PREFIX = f"{MODULE}.group_supervision_"
LANG = "zh_CN"
RESULT = "<p>The reform plan was adopted by the President's Office Meeting.</p>"
# Every state of an item; SupervisionDrivers._bring_to reaches each one.
ITEM_STATES = tuple(state for state, _label in STATES)
# The roles as users of SupervisionCommon: unit A leads the scenario's
# ordinary item and unit B assists it; unit C leads another item.
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


def load_chinese(env):
    """Activate zh_CN and load the addon's zh_CN terms (labels, selection
    values, views, menus, templates) in the test's transaction.

    A test that needs Chinese calls this itself rather than relying on the
    languages of the database it runs in."""
    env["res.lang"]._activate_lang(LANG)
    env["ir.module.module"]._load_module_terms([MODULE], [LANG], overwrite=True)
    env.registry.clear_cache()


# Noto CJK SC draws some ideographs with the glyph of a radical, and the PDF
# maps that glyph back to the radical's code point. NFKC turns the Kangxi
# radicals (U+2F00-2FDF) back into ideographs, but not the CJK Radicals
# Supplement (长 comes back as ⻓, 见 as ⻅, 门 as ⻔...), and it turns ⼾ into
# the traditional 戶 where the simplified font meant 户. Pairs (radical,
# ideograph) read from the cmaps of the Noto Sans/Serif CJK SC fonts: the
# code points mapped to the same glyph.
RADICALS = str.maketrans(
    dict(
        zip(
            "⺂⺃⺅⺇⺉⺋⺍⺎⺏⺐⺒⺓⺔⺕⺖⺘⺙⺛⺞⺟⺠⺡⺣⺤⺦⺨⺩⺫⺭⺮⺯⺰⺱⺲⺳⺹⺺⺽⺾⺿⻀⻁⻂"
            "⻃⻅⻆⻇⻈⻉⻊⻋⻌⻐⻑⻒⻓⻔⻕⻖⻘⻙⻚⻛⻜⻝⻞⻟⻠⻡⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻮⻯⻰⻱⻲⻳⼾",
            "乛乚亻𠘨刂㔾𭕄兀尣尢巳幺彑彐忄扌攵旡歺母民氵灬爫丬犭𤣩罒礻𥫗糹纟罓罒㓁耂肀𦥑艹艹艹虎衤"
            "覀见角𧢲讠贝𧾷车辶钅長镸长门𨸏阝青韦页风飞食𩙿飠饣𩠐马骨鬼鱼鸟卤麦黄黾斉齐齿竜龙龜亀龟户",
            strict=True,
        )
    )
)


def normalize(text):
    """Radicals back to ideographs (NFKC and :data:`RADICALS`), full-width
    punctuation to ASCII (NFKC), no whitespace."""
    text = unicodedata.normalize("NFKC", text.translate(RADICALS))
    return re.sub(r"\s+", "", text)


class SupervisionDrivers:
    """Class-level drivers moving items through the real actions, as the
    users who would do each step.

    Mixed into a test case class that has ``env``, ``cr`` and the users and
    units ``officer``, ``leader``, ``head_a``, ``liaison_a``, ``unit_a`` and
    ``unit_b``. Every driver is a classmethod, so it serves in
    ``setUpClass`` as well as in a test; records come back in the test's
    (superuser) environment. The class attributes below are what the
    drivers fill in when a test does not say otherwise.
    """

    ITEM_NAME = "Publish the 2026 undergraduate teaching reform plan"
    ITEM_DAYS = 30  # deadline, from today
    ACK_VALUES = {
        "measures": "Draft the plan, consult the colleges, submit it to the "
        "President's Office Meeting.",
        "completion_form": "Written report",
        "handler_phone": "029-88300000",
    }
    ACK_DAYS = 20  # committed date, from today
    RESULT_NOTE = RESULT
    RETURN_VALUES = {
        "findings": "<p>The plan lacks the colleges' opinions.</p>",
        "rectification_list": "<p>Consult the 17 colleges and revise.</p>",
        "rectification_deadline": date(2026, 3, 20),
    }
    CANCEL_REASON = "No longer needed."

    # ------------------------------------------------------------------
    # Environment
    # ------------------------------------------------------------------

    @classmethod
    def flush_tracking(cls):
        """Force the creation of tracking values (as MailCase.flush_tracking)."""
        cls.env.flush_all()
        cls.cr.flush()

    @classmethod
    def _as(cls, user, records):
        """``records`` as ``user`` with a cold cache, as in a real request:
        nothing read earlier by another user can bypass the access rules."""
        cls.env.invalidate_all()
        return records.with_user(user)

    # ------------------------------------------------------------------
    # Item: registration and assignment
    # ------------------------------------------------------------------

    @classmethod
    def _create_item(cls, **vals):
        """Register a draft item as the office: lead unit A, assisting unit B,
        due in :attr:`ITEM_DAYS` days."""
        values = {
            "name": cls.ITEM_NAME,
            "lead_unit_id": cls.unit_a.id,
            "assist_unit_ids": [(6, 0, cls.unit_b.ids)],
            "deadline": fields.Date.today() + timedelta(days=cls.ITEM_DAYS),
            **vals,
        }
        item = cls.env["supervision.item"].with_user(cls.officer).create(values)
        cls.flush_tracking()
        return item.with_env(cls.env)

    @classmethod
    def _ack_values(cls, **vals):
        return {
            "date_committed": fields.Date.today() + timedelta(days=cls.ACK_DAYS),
            "handler_id": cls.liaison_a.id,
            **cls.ACK_VALUES,
            **vals,
        }

    @classmethod
    def _submit(cls, item, user=None):
        """The office sends ``item`` to its leader in charge."""
        cls._as(user or cls.officer, item).action_submit_for_approval()
        cls.flush_tracking()
        return item

    @classmethod
    def _approve(cls, item, user=None):
        """The leader (default ``leader``) approves and assigns ``item``."""
        cls._as(user or cls.leader, item).action_approve()
        cls.flush_tracking()
        return item

    @classmethod
    def _acknowledge(cls, item, user=None, **vals):
        """The lead unit (default ``head_a``) acknowledges ``item`` with
        :meth:`_ack_values` updated by ``vals``."""
        unit_user = cls._as(user or cls.head_a, item)
        unit_user.write(cls._ack_values(**vals))
        unit_user.action_acknowledge()
        cls.flush_tracking()
        return item

    # ------------------------------------------------------------------
    # Item: result, review, closure, filing, cancellation
    # ------------------------------------------------------------------

    @classmethod
    def _submit_result(cls, item, user=None, note=None):
        """The head of the lead unit (default ``head_a``) reports the result."""
        head = cls._as(user or cls.head_a, item)
        head.write({"result_note": note or cls.RESULT_NOTE})
        head.action_submit_result()
        cls.flush_tracking()
        return item

    @classmethod
    def _review_pass(cls, item, user=None):
        """The office passes the review: a reminder item closes, a key item
        waits for its leader."""
        cls._as(user or cls.officer, item).action_review_pass()
        cls.flush_tracking()
        return item

    @classmethod
    def _approve_closure(cls, item, user=None):
        cls._as(user or cls.leader, item).action_approve_closure()
        cls.flush_tracking()
        return item

    @classmethod
    def _close(cls, item, user=None):
        """Result (as ``user``, default ``head_a``), review and, for a key
        item, closure by the leader."""
        cls._submit_result(item, user)
        cls._review_pass(item)
        if item.level == "key":
            cls._approve_closure(item)
        cls.env.invalidate_all()
        return item

    @classmethod
    def _file(cls, item, user=None):
        cls._as(user or cls.officer, item).action_file()
        cls.flush_tracking()
        return item

    @classmethod
    def _return_form(cls, item, user=None):
        """The return wizard of ``item``, as the office (default) opens it."""
        cls.env.invalidate_all()
        return Form(
            cls.env["supervision.return.wizard"]
            .with_user(user or cls.officer)
            .with_context(default_item_id=item.id)
        )

    @classmethod
    def _return(cls, item, user=None, **values):
        """Return ``item`` through the wizard filled in with
        :attr:`RETURN_VALUES` updated by ``values``; the wizard comes back."""
        values = {**cls.RETURN_VALUES, **values}
        with cls._return_form(item, user) as wizard:
            for fname, value in values.items():
                setattr(wizard, fname, value)
        wizard.record.action_confirm()
        cls.flush_tracking()
        return wizard.record

    @classmethod
    def _cancel(cls, item, user, reason=None):
        """Cancel ``item`` as ``user`` through the wizard the action opens."""
        action = cls._as(user, item).action_cancel()
        with Form(
            cls.env[action["res_model"]]
            .with_user(user)
            .with_context(**action["context"])
        ) as wizard:
            wizard.reason = reason or cls.CANCEL_REASON
        wizard.record.action_confirm()
        cls.flush_tracking()
        return item

    # ------------------------------------------------------------------
    # Item: any state
    # ------------------------------------------------------------------

    @classmethod
    def _bring_to(cls, item, state):
        """Drive the draft ``item`` to ``state`` through the real actions.

        ``to_close`` needs a key item; ``cancelled`` is the office cancelling
        the draft (see :meth:`_cancel` for the other ways)."""
        if state not in ITEM_STATES:
            raise ValueError(f"No path to state {state!r}")
        if state == "cancelled":
            cls._cancel(item, cls.officer)
        else:
            steps = [
                ("to_approve", cls._submit),
                ("assigned", cls._approve),
                ("in_progress", cls._acknowledge),
                ("submitted", cls._submit_result),
                ("to_close", cls._review_pass),
                ("closed", cls._approve_closure),
                ("filed", cls._file),
            ]
            for target, step in steps[: ITEM_STATES.index(state)]:
                cls.env.invalidate_all()
                if target == "closed" and item.state == "closed":
                    continue  # a reminder item closed on review
                if target == "to_close" and state == "to_close" and item.level != "key":
                    raise ValueError("Only a key item waits for its closure")
                step(item)
        cls.env.invalidate_all()
        if item.state != state:
            raise AssertionError(f"{item.display_name} is {item.state}, not {state}")
        return item

    @classmethod
    def _create_item_in(cls, state, **vals):
        """A new item (see :meth:`_create_item`) brought to ``state``; key
        when it must wait for its closure."""
        if state == "to_close":
            vals.setdefault("level", "key")
        return cls._bring_to(cls._create_item(**vals), state)

    # ------------------------------------------------------------------
    # Satellites: progress, urge, extension, review
    # ------------------------------------------------------------------

    @classmethod
    def _create_progress(cls, item, user, unit, percent=50, **vals):
        """A progress report of ``unit`` on ``item`` written by ``user``."""
        values = {
            "item_id": item.id,
            "unit_id": unit.id,
            "description": "<p>Half of the work is done.</p>",
            "percent": percent,
            **vals,
        }
        progress = cls.env["supervision.progress"].with_user(user).create(values)
        cls.flush_tracking()
        return progress.with_env(cls.env)

    @classmethod
    def _create_urge(cls, item, user=None, **vals):
        """An urge the office (default) logs on ``item``: by phone to the
        lead unit unless told."""
        values = {
            "item_id": item.id,
            "channel": "phone",
            "unit_id": item.lead_unit_id.id,
            "note": "Please report the progress this week.",
            **vals,
        }
        urge = cls.env["supervision.urge"].with_user(user or cls.officer).create(values)
        cls.flush_tracking()
        return urge.with_env(cls.env)

    @classmethod
    def _create_extension(
        cls, item, date_requested, user=None, reason=None, state="submitted"
    ):
        """An extension request of ``item`` by ``user`` (default
        ``liaison_a``), left ``draft``, ``submitted`` or ``approved`` (by the
        leader in charge)."""
        user = user or cls.liaison_a
        extension = (
            cls.env["supervision.extension"]
            .with_user(user)
            .create(
                {
                    "item_id": item.id,
                    "date_requested": date_requested,
                    "reason": reason or "The colleges need more time.",
                }
            )
        )
        if state in ("submitted", "approved"):
            cls._as(user, extension).action_submit()
        if state == "approved":
            cls._as(item.leader_in_charge_id, extension).action_approve()
        cls.flush_tracking()
        return extension.with_env(cls.env)

    @classmethod
    def _create_review(cls, item, user=None, **vals):
        """A review record the office (default) writes on ``item``."""
        values = {
            "item_id": item.id,
            "conclusion": "rectify",
            "findings": "<p>The minutes are missing.</p>",
            **vals,
        }
        review = cls.env["supervision.review"].with_user(user or cls.officer)
        review = review.create(values)
        cls.flush_tracking()
        return review.with_env(cls.env)


class SupervisionCommon(SupervisionDrivers, TransactionCase):
    """Users per role, three units and the drivers of
    :class:`SupervisionDrivers`.

    Unit A leads the items built by :meth:`_create_item` and unit B assists;
    unit C is never involved. ``leader`` oversees unit A (and so is the leader
    in charge of its items), ``leader_other`` oversees unit C.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        def user(login, *groups, **kwargs):
            return mail_new_test_user(
                cls.env,
                login=login,
                groups=",".join(("base.group_user",) + groups),
                tz="Asia/Shanghai",
                **kwargs,
            )

        cls.officer = user(
            "sv_officer", GROUP_PREFIX + "officer", name="Office Staff Wang"
        )
        cls.officer_other = user(
            "sv_officer_other", GROUP_PREFIX + "officer", name="Office Staff Zhou"
        )
        cls.manager = user(
            "sv_manager", GROUP_PREFIX + "manager", name="Office Head Li"
        )
        cls.leader = user(
            "sv_leader", GROUP_PREFIX + "leader", name="Vice President Zhang"
        )
        cls.leader_other = user(
            "sv_leader_other", GROUP_PREFIX + "leader", name="Vice President Zhao"
        )
        cls.principal = user(
            "sv_principal", GROUP_PREFIX + "principal", name="President Chen"
        )
        cls.head_a = user(
            "sv_head_a", GROUP_PREFIX + "unit_head", name="Head of Academic Affairs"
        )
        cls.liaison_a = user(
            "sv_liaison_a", GROUP_PREFIX + "liaison", name="Liaison of Academic Affairs"
        )
        cls.head_b = user(
            "sv_head_b", GROUP_PREFIX + "unit_head", name="Head of Finance"
        )
        cls.liaison_b = user(
            "sv_liaison_b", GROUP_PREFIX + "liaison", name="Liaison of Finance"
        )
        cls.head_c = user(
            "sv_head_c", GROUP_PREFIX + "unit_head", name="Head of Library"
        )
        cls.internal_user = user(
            "sv_internal", name="Employee Without Supervision Role"
        )
        cls.portal_user = mail_new_test_user(
            cls.env,
            login="sv_portal",
            groups="base.group_portal",
            name="Portal Student",
        )

        Unit = cls.env["supervision.unit"].with_user(cls.manager)
        cls.unit_a = Unit.create(
            {
                "name": "Academic Affairs Office",
                "code": "SV-T-A",
                "head_id": cls.head_a.id,
                "liaison_ids": [(6, 0, cls.liaison_a.ids)],
                "leader_in_charge_id": cls.leader.id,
            }
        )
        cls.unit_b = Unit.create(
            {
                "name": "Finance Office",
                "code": "SV-T-B",
                "head_id": cls.head_b.id,
                "liaison_ids": [(6, 0, cls.liaison_b.ids)],
            }
        )
        cls.unit_c = Unit.create(
            {
                "name": "Library",
                "code": "SV-T-C",
                "head_id": cls.head_c.id,
                "leader_in_charge_id": cls.leader_other.id,
            }
        )

        # Form numbers restart every year: start from an empty register so
        # that numbers do not depend on what the database already holds.
        sequences = cls.env.ref(f"{MODULE}.seq_supervision_item_key") | cls.env.ref(
            f"{MODULE}.seq_supervision_item_reminder"
        )
        sequences.date_range_ids.unlink()
        # the acknowledgement period is the regulation's 7 days (GDUFS 第九条(二)),
        # whatever the database is configured with
        cls.env["ir.config_parameter"].set_param(f"{MODULE}.ack_days", 7)

        ref = cls.env.ref
        cls.act_approve = ref(f"{MODULE}.mail_act_item_approve")
        cls.act_acknowledge = ref(f"{MODULE}.mail_act_item_acknowledge")
        cls.act_review = ref(f"{MODULE}.mail_act_item_review")
        cls.act_rectify = ref(f"{MODULE}.mail_act_item_rectify")
        cls.act_closure = ref(f"{MODULE}.mail_act_item_closure")

    # ------------------------------------------------------------------
    # Assertions and readers
    # ------------------------------------------------------------------

    def assertRaises(self, exception, func=None, *args, **kwargs):
        """As Odoo's (rolled back to a savepoint, cache cleared for access
        errors), but an exception of ``odoo.exceptions`` must be raised with
        exactly that class: an AccessError or a ValidationError does not pass
        for a UserError."""
        if func:
            with self.assertRaises(exception):
                func(*args, **kwargs)
            return None
        return self._assertRaisesExactly(exception, **kwargs)

    @contextmanager
    def _assertRaisesExactly(self, exception, msg=None):
        with self._assertRaises(exception, msg=msg) as cm:
            yield cm
        if isinstance(exception, type) and exception.__module__ == exceptions.__name__:
            self.assertIs(
                type(cm.exception),
                exception,
                f"{type(cm.exception).__name__} raised instead of "
                f"{exception.__name__}: {cm.exception}",
            )

    @contextmanager
    def assertRaisesMessage(self, exception, text):
        """``assertRaises`` that also checks the message contains ``text``."""
        with self.assertRaises(exception) as cm:
            yield cm
        self.assertIn(text, str(cm.exception))

    def _state_tracking(self, item):
        """[(old, new)] of the state changes logged in the chatter, oldest first."""
        values = item.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "state"
        ).sorted("id")
        return [(t.old_value_char, t.new_value_char) for t in values]

    def _open_activities(self, item, activity_type):
        return item.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)

    def _messages_with(self, item, text):
        return item.message_ids.filtered(lambda m: text in (m.body or ""))

    def _done_messages(self, item, activity_type):
        """Chatter messages logged when an activity of ``activity_type`` was done."""
        return item.message_ids.filtered(
            lambda m: m.mail_activity_type_id == activity_type
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

        def register(**vals):
            values = {
                "name": "Renovate the teaching building",
                "assist_unit_ids": [],
                **vals,
            }
            item = cls._create_item(**values)
            cls._submit(item)
            return cls._approve(item, item.leader_in_charge_id)

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
        cls._acknowledge(cls.items["a"], measures="Plan, tender, build.")

        cls.progress = {
            "a": cls._create_progress(cls.items["a"], cls.liaison_a, cls.unit_a),
            "ab": cls._create_progress(cls.items["a"], cls.liaison_b, cls.unit_b),
            "c": cls._create_progress(cls.items["c"], cls.head_c, cls.unit_c),
            "x": cls._create_progress(cls.items["x"], cls.head_a, cls.unit_a),
        }
        cls.urges = {key: cls._create_urge(item) for key, item in cls.items.items()}
        cls.extensions = {
            key: cls._create_extension(
                cls.items[key],
                cls.items[key].deadline + timedelta(days=15),
                user=user,
                reason="The tender took a month longer.",
            )
            for key, user in (("a", cls.head_a), ("c", cls.head_c), ("x", cls.head_a))
        }
        cls.reviews = {
            key: cls._create_review(
                item, internal_note="<p>The head was hard to reach.</p>"
            )
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

    RESULT_NOTE = "<p>Done as required.</p>"
    RETURN_VALUES = {"findings": "<p>The colleges were not consulted.</p>"}

    def _at(self, moment):
        """Beijing 10:00 of ``moment`` (a 'YYYY-MM-DD' day)."""
        return freeze_time(f"{moment} 02:00:00")

    def _extend(self, item, date_requested):
        self._create_extension(item, date_requested, state="approved")

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


class SupervisionTourCommon(SupervisionDrivers, HttpCase):
    """Chinese-speaking users per role and two units (教务处 leads, 财务处
    assists), as the tours expect them, with the addon's Chinese loaded.
    Each user's password is their login; the drivers of
    :class:`SupervisionDrivers` prepare what comes before a tour."""

    ITEM_NAME = "建设智慧教室"
    ACK_VALUES = {"measures": "分批改造教室", "completion_form": "书面报告"}
    RESULT_NOTE = "<p>四十间智慧教室已全部投入使用</p>"
    DEADLINE = fields.Date.to_date("2035-06-30")
    EXTENDED = fields.Date.to_date("2035-09-30")
    COMMITTED = fields.Date.to_date("2035-05-31")
    TOUR_TIMEOUT = 240

    @classmethod
    def setUpClass(cls):
        cls._prepare_web_client()
        super().setUpClass()
        load_chinese(cls.env)

        def user(login, name, *groups):
            return mail_new_test_user(
                cls.env,
                login=login,
                name=name,
                groups=",".join(("base.group_user",) + groups),
                lang=LANG,
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

    @classmethod
    def _prepare_web_client(cls):
        """Build what the first page load would otherwise build while the
        browser waits, so that a loaded machine does not time a tour out.

        The asset bundles are cached as attachments: built inside a test they
        are rolled back with it and rebuilt for every tour, so they are built
        once here and committed, as a running server would keep them. Reading
        the addons' static paths once also keeps the first requests from
        parsing every manifest in parallel threads.
        """
        # a lazy property: its first access parses the manifests, here once
        http.root.statics.get("web")
        with Registry(get_db_name()).cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            # the Dashboards app loads the spreadsheet bundle (and Chart.js)
            # lazily, on opening
            for bundle_name in (
                "web.assets_web",
                "web.assets_tests",
                "web.chartjs_lib",
                "spreadsheet.o_spreadsheet",
            ):
                bundle = env["ir.qweb"]._get_asset_bundle(bundle_name, css=False)
                bundle.js()
            for bundle_name in (
                "web.assets_web",
                "web.assets_web_print",
                "spreadsheet.o_spreadsheet",
            ):
                bundle = env["ir.qweb"]._get_asset_bundle(bundle_name, js=False)
                bundle.css()

    @classmethod
    def _create_item(cls, **vals):
        """An item of 教务处 assisted by 财务处, due on :attr:`DEADLINE`."""
        return super()._create_item(**{"deadline": cls.DEADLINE, **vals})

    @classmethod
    def _ack_values(cls, **vals):
        return super()._ack_values(**{"date_committed": cls.COMMITTED, **vals})

    def _start_tour(self, url, tour, user):
        self.start_tour(url, tour, login=user.login, timeout=self.TOUR_TIMEOUT)
        self.env.invalidate_all()


CHECK_LOGGER = "odoo.addons.university_supervision.models.supervision_item_deadline"

# Items are registered and approved at 10:00 in Shanghai on 2026-03-01, so
# their acknowledgement deadline is 2026-03-08 (7 days).
ASSIGN_AT = "2026-03-01 02:00:00"
DEADLINE = date(2026, 3, 20)
# what the daily check writes on an item
CHECKED_FIELDS = [
    "warning_light",
    "is_overdue",
    "ack_overdue",
    "level",
    "number",
    "previous_number",
    "date_checked",
]


class DeadlineCheckCommon(SupervisionCommon):
    """Helpers to build open items and run the daily check at a given instant.

    All instants are UTC; Shanghai is UTC+8, so ``YYYY-MM-DD 15:59:00`` is
    still that day in Shanghai and ``YYYY-MM-DD 16:01:00`` is already the
    next one. The real scheduled action runs at 17:00 UTC (01:00 in Shanghai).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.act_deadline = cls.env.ref("university_supervision.mail_act_item_deadline")
        cls.act_todo = cls.env.ref("mail.mail_activity_data_todo")

    def _open_item(
        self, deadline=DEADLINE, state="in_progress", level="key", at=ASSIGN_AT, **vals
    ):
        """An item assigned at ``at`` (and acknowledged, committing to finish
        on the deadline, when ``state`` is ``in_progress``)."""
        with freeze_time(at):
            item = self._create_item(deadline=deadline, level=level, **vals)
            self._submit(item)
            self._approve(item)
            if state == "in_progress":
                self._acknowledge(item, date_committed=deadline)
        self.env.invalidate_all()
        self.assertEqual(item.state, state)
        return item

    def _check_at(self, moment, **kwargs):
        """Run the daily check at ``moment`` (UTC) and return what it returns;
        the caches are emptied so that the test reads what was written."""
        with freeze_time(moment):
            remaining = self.env["supervision.item"]._cron_check_deadlines(**kwargs)
        self.flush_tracking()
        self.env.invalidate_all()
        return remaining

    def _set_param(self, key, value):
        self.env["ir.config_parameter"].set_param(
            f"university_supervision.{key}", value
        )

    def _system_urges(self, item, trigger):
        return item.urge_ids.filtered(
            lambda u: u.channel == "system" and u.trigger == trigger
        )

    def _reminders(self, item):
        return self._open_activities(item, self.act_deadline)

    def _counts(self):
        """Number of records the daily check may create."""
        return {
            model: self.env[model].search_count([])
            for model in (
                "mail.message",
                "mail.activity",
                "supervision.urge",
                "supervision.interview",
            )
        }


# What the list view of items reads (supervision_item_view_list), as the web
# client asks for it.
LIST_SPEC = {
    "priority": {},
    "number": {},
    "name": {},
    "level": {},
    "source_type": {},
    "lead_unit_id": {"fields": {"display_name": {}}},
    "assist_unit_ids": {"fields": {"display_name": {}}},
    "leader_in_charge_id": {"fields": {"display_name": {}}},
    "date_assigned": {},
    "deadline_original": {},
    "deadline": {},
    "is_overdue": {},
    "warning_light": {},
    "activity_ids": {"fields": {}},
    "activity_exception_decoration": {},
    "activity_exception_icon": {},
    "activity_state": {},
    "activity_summary": {},
    "activity_type_icon": {},
    "activity_type_id": {"fields": {"display_name": {}}},
    "state": {},
}
QUIET = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_notrack": True,
    "mail_create_nosubscribe": True,
}


class PerformanceCommon(SupervisionCommon):
    def _bulk_items(self, count, **vals):
        """``count`` items assigned on 03-01 (acknowledgement due 03-08),
        deadline at the year's end, led by unit A and assisted by unit B."""
        items = (
            self.env["supervision.item"]
            .with_context(**QUIET)
            .create(
                [
                    {
                        "name": f"Item {i}",
                        "lead_unit_id": self.unit_a.id,
                        "assist_unit_ids": [(6, 0, self.unit_b.ids)],
                        "level": "key",
                        "state": "assigned",
                        "number": f"督字〔2026〕{i + 1}号",
                        "date_assigned": date(2026, 3, 1),
                        "date_ack_deadline": date(2026, 3, 8),
                        "deadline_original": date(2026, 12, 31),
                        "deadline": date(2026, 12, 31),
                        **vals,
                    }
                    for i in range(count)
                ]
            )
        )
        self.flush_tracking()
        return items

    def _queries(self, func, expected=None):
        """Number of queries ``func()`` takes, caches emptied first as in a
        new request; checked against ``expected`` when given."""
        self.env.flush_all()
        self.env.invalidate_all()
        count0 = self.cr.sql_log_count
        if expected is None:
            func()
            self.env.flush_all()
        else:
            with self.assertQueryCount(expected):
                func()
        return self.cr.sql_log_count - count0
