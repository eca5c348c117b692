# Part of university_supervision. See LICENSE file for full copyright and licensing details.
from contextlib import contextmanager
from datetime import timedelta

from odoo import fields
from odoo.tests import TransactionCase

from odoo.addons.mail.tests.common import mail_new_test_user

GROUP_PREFIX = "university_supervision.group_supervision_"


class SupervisionCommon(TransactionCase):
    """Users per role, three units and helpers driving an item through the
    real actions.

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
        sequences = cls.env.ref(
            "university_supervision.seq_supervision_item_key"
        ) | cls.env.ref("university_supervision.seq_supervision_item_reminder")
        sequences.date_range_ids.unlink()
        # the acknowledgement period is the regulation's 7 days (GDUFS 第九条(二)),
        # whatever the database is configured with
        cls.env["ir.config_parameter"].set_param("university_supervision.ack_days", 7)

        cls.act_approve = cls.env.ref("university_supervision.mail_act_item_approve")
        cls.act_acknowledge = cls.env.ref(
            "university_supervision.mail_act_item_acknowledge"
        )

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def _create_item(self, **vals):
        """Register a draft item as the office: lead unit A, assisting unit B,
        due in 30 days. Returned in the test (superuser) environment."""
        values = {
            "name": "Publish the 2026 undergraduate teaching reform plan",
            "lead_unit_id": self.unit_a.id,
            "assist_unit_ids": [(6, 0, self.unit_b.ids)],
            "deadline": fields.Date.today() + timedelta(days=30),
            **vals,
        }
        item = self.env["supervision.item"].with_user(self.officer).create(values)
        self.flush_tracking()
        return item.with_env(self.env)

    def _as(self, user, records):
        """``records`` as ``user`` with a cold cache, as in a real request:
        nothing read earlier by another user can bypass the access rules."""
        self.env.invalidate_all()
        return records.with_user(user)

    def _ack_values(self, **vals):
        return {
            "date_committed": fields.Date.today() + timedelta(days=20),
            "measures": "Draft the plan, consult the colleges, submit it to the "
            "President's Office Meeting.",
            "completion_form": "Written report",
            "handler_id": self.liaison_a.id,
            "handler_phone": "029-88300000",
            **vals,
        }

    def _submit(self, item):
        self._as(self.officer, item).action_submit_for_approval()
        self.flush_tracking()
        return item

    def _approve(self, item):
        self._as(self.leader, item).action_approve()
        self.flush_tracking()
        return item

    def _acknowledge(self, item, user=None, **vals):
        unit_user = self._as(user or self.head_a, item)
        unit_user.write(self._ack_values(**vals))
        unit_user.action_acknowledge()
        self.flush_tracking()
        return item

    def _bring_to(self, item, state):
        """Drive ``item`` from draft to ``state`` through the real actions."""
        steps = [
            ("to_approve", self._submit),
            ("assigned", self._approve),
            ("in_progress", self._acknowledge),
        ]
        targets = ["draft"] + [target for target, _step in steps]
        if state not in targets:
            raise ValueError(f"No path to state {state!r}")
        for _target, step in steps[: targets.index(state)]:
            step(item)
        self.env.invalidate_all()
        self.assertEqual(item.state, state)
        return item

    def _create_item_in(self, state, **vals):
        return self._bring_to(self._create_item(**vals), state)

    @contextmanager
    def assertRaisesMessage(self, exception, text):
        """``assertRaises`` (rolled back to a savepoint, cache cleared for
        access errors) that also checks the message contains ``text``."""
        with self.assertRaises(exception) as cm:
            yield cm
        self.assertIn(text, str(cm.exception))

    def flush_tracking(self):
        """Force the creation of tracking values (as MailCase.flush_tracking)."""
        self.env.flush_all()
        self.cr.flush()

    def _state_tracking(self, item):
        """[(old, new)] of the state changes logged in the chatter, oldest first."""
        values = item.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "state"
        ).sorted("id")
        return [(t.old_value_char, t.new_value_char) for t in values]

    def _open_activities(self, item, activity_type):
        return item.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
