from odoo import _, fields, models
from odoo.exceptions import UserError

from .supervision_constants import ACTIVE_STATES


class SupervisionItem(models.Model):
    """Interviews started from the item (发起约谈, NWU 第七条(一))."""

    _inherit = "supervision.item"

    def action_start_interview(self):
        """The office opens a new interview of the lead unit's head by the
        leader in charge, about this overdue key item."""
        self.ensure_one()
        self._check_is_officer()
        self._check_state(*ACTIVE_STATES)
        if self.level != "key" or not self.is_overdue:
            raise UserError(
                _(
                    "An interview is started from an overdue key item; "
                    "%(item)s is not one.",
                    item=self.display_name,
                )
            )
        unit = self.lead_unit_id
        return {
            "type": "ir.actions.act_window",
            "name": _("Start an Interview"),
            "res_model": "supervision.interview",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_item_ids": [fields.Command.set(self.ids)],
                "default_unit_id": unit.id,
                "default_level": "leader",
                "default_interviewer_id": self.leader_in_charge_id.id,
                "default_interviewee_ids": [fields.Command.set(unit.head_id.ids)],
                "default_reason": _(
                    "%(item)s is still not completed after urging; its deadline "
                    "was %(date)s.",
                    item=self.display_name,
                    date=self.deadline,
                ),
            },
        }
