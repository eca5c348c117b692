# Part of university_supervision. See LICENSE file for full copyright and licensing details.
from datetime import date, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import ITEM_STATES, SupervisionCommon

NOW = "2026-03-02 02:00:00"
TODAY = date(2026, 3, 2)
ROLES = (
    "liaison_a",  # liaison of the lead unit
    "head_a",  # head of the lead unit
    "head_b",  # head of the assisting unit
    "leader",  # leader in charge
    "principal",
    "officer",
    "manager",
)


@tagged("post_install", "-at_install")
class TestItemFormRights(SupervisionCommon):
    """What the item's form shows editable is what its user may save: the
    form's ``readonly``/``invisible`` and the checks of ``write`` use the
    same computed rights (``can_edit_*``, ``is_officer``). A field shown
    editable and refused on save is a form that ends every click in an
    error (as the leader's title, units, deadline and priority star did)."""

    def _drive(self, item, state):
        """Bring ``item`` to any state through the real actions."""
        if state == "cancelled":
            self._as(self.officer, item).action_cancel(reason="Not needed any more")
            return item
        early = {"draft", "to_approve", "assigned", "in_progress"}
        self._bring_to(item, state if state in early else "in_progress")
        if state in early:
            return item
        head = self._as(self.head_a, item)
        head.write({"result_note": "<p>The plan is published.</p>"})
        head.action_submit_result()
        if state != "submitted":
            self._as(self.officer, item).action_review_pass()
            if state != "to_close":
                self._as(self.leader, item).action_approve_closure()
                if state == "filed":
                    self._as(self.officer, item).action_file()
        self.env.invalidate_all()
        self.assertEqual(item.state, state)
        return item

    def _new_value(self, item, fname, user):
        """A valid value of ``fname``, different from the item's."""
        field = item._fields[fname]
        current = item[fname]
        special = {
            "deadline": item.deadline + timedelta(days=1),
            "date_committed": item.deadline - timedelta(days=1),
            "lead_unit_id": self.unit_c.id,
            "assist_unit_ids": [Command.set(self.unit_c.ids)],
            "leader_in_charge_id": self.leader_other.id,
            "lead_leader_id": self.leader_other.id,
            "officer_id": self.officer_other.id,
            "handler_id": self.head_a.id,
            "confidential_user_ids": [Command.set(user.ids)],
        }
        if fname in special:
            return special[fname]
        if field.type in ("char", "text"):
            return f"{current or ''} changed"
        if field.type == "html":
            return "<p>Changed</p>"
        if field.type == "date":
            return TODAY
        if field.type == "boolean":
            return not current
        if field.type == "selection":
            values = [v for v, _label in field._description_selection(self.env)]
            return next(v for v in values if v != current)
        if fname == "attachment_ids":
            attachment = (
                self.env["ir.attachment"]
                .with_user(user)
                .create({"name": "minutes.txt", "raw": b"minutes"})
            )
            return [Command.link(attachment.id)]
        raise AssertionError(f"no test value for {fname} ({field.type})")

    def _editable_fields(self, item, user):
        """The fields the item's form shows ``user`` as editable."""
        self.env.invalidate_all()
        form = Form(item.with_user(user))
        return [
            fname
            for fname in form._view["fields"]
            if fname != "id"
            and not form._get_modifier(fname, "invisible")
            and not form._get_modifier(fname, "readonly")
        ]

    @freeze_time(NOW)
    def test_fields_shown_editable_are_saved(self):
        """Per role and state, every field the form shows editable saves."""
        refused = []
        shown = {}
        for state in ITEM_STATES:
            item = self._drive(
                self._create_item(level="key", deadline=date(2026, 6, 30)), state
            )
            for role in ROLES:
                user = getattr(self, role)
                editable = self._editable_fields(item, user)
                shown[state, role] = set(editable)
                for fname in editable:
                    value = self._new_value(item.with_user(user), fname, user)
                    # every change is undone: each field is tried alone
                    savepoint = self.env.cr.savepoint()
                    try:
                        self._as(user, item).write({fname: value})
                        self.env.flush_all()
                    except (AccessError, UserError) as error:
                        refused.append(f"{state} {role} {fname}: {error}")
                    finally:
                        self.env.invalidate_all()
                        savepoint.close(rollback=True)
        self.assertFalse(refused, "\n".join(refused))
        # the form is not simply read-only for everybody
        self.assertIn("name", shown["draft", "officer"])
        self.assertIn("measures", shown["assigned", "head_a"])
        self.assertIn("result_note", shown["in_progress", "liaison_a"])

    @freeze_time(NOW)
    def test_leader_form_read_only(self):
        """The leader in charge decides with buttons: nothing of the item is
        editable in their form, not even the priority star."""
        for state in ("to_approve", "in_progress"):
            item = self._drive(self._create_item(deadline=date(2026, 6, 30)), state)
            for role in ("leader", "principal", "head_b"):
                with self.subTest(state=state, role=role):
                    self.assertEqual(
                        self._editable_fields(item, getattr(self, role)), []
                    )

    @freeze_time(NOW)
    def test_rights_follow_role_and_state(self):
        """The computed rights the form and the checks share."""
        item = self._drive(self._create_item(deadline=date(2026, 6, 30)), "to_approve")
        rights = ["can_edit_office_fields", "can_edit_unit_fields", "can_decide"]
        expected = {
            "officer": [True, False, False],
            "leader": [False, False, True],
            "head_a": [False, False, False],
        }
        for role, values in expected.items():
            record = self._as(getattr(self, role), item)
            with self.subTest(role=role):
                self.assertEqual([record[f] for f in rights], values)
        self._approve(item)
        record = self._as(self.liaison_a, item)
        self.assertEqual([record[f] for f in rights], [False, True, False])
