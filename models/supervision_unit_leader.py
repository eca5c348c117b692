from odoo import _, models

# The item's states in which a change of leader in charge is taken over.
OPEN_STATES = (
    "draft",
    "to_approve",
    "assigned",
    "in_progress",
    "submitted",
    "to_close",
)
# The to-dos of the leader in charge (pending decisions).
LEADER_ACTIVITIES = ("approve", "closure", "extension", "special_report")


class SupervisionUnit(models.Model):
    """Leaders change (GDUFS 第四条): a unit's new leader in charge takes over
    its open items and their pending decisions."""

    _inherit = "supervision.unit"

    def write(self, vals):
        if "leader_in_charge_id" not in vals:
            return super().write(vals)
        former = {unit: unit.leader_in_charge_id for unit in self}
        res = super().write(vals)
        for unit in self:
            if unit.leader_in_charge_id != former[unit] and former[unit]:
                unit._hand_over_items(former[unit], unit.leader_in_charge_id)
        return res

    def _hand_over_items(self, former, new):
        """Move the unit's open items whose leader in charge was ``former``
        to ``new``, with the to-dos of their pending decisions."""
        self.ensure_one()
        # sudo: the manager edits the unit; the items (confidential ones
        # too) and their leaders' to-dos follow the unit's leader.
        items = (
            self.env["supervision.item"]
            .sudo()
            .search(
                [
                    ("lead_unit_id", "=", self.id),
                    ("state", "in", OPEN_STATES),
                    ("leader_in_charge_id", "=", former.id),
                ]
            )
        )
        if not items:
            return
        act_types = [
            self.env.ref(f"university_supervision.mail_act_item_{act}").id
            for act in LEADER_ACTIVITIES
        ]
        activities = items.activity_ids.filtered(
            lambda a: a.user_id == former and a.activity_type_id.id in act_types
        )
        # the to-dos move first: the former leader, who no longer reads the
        # items afterwards, loses the ones left to him
        if new:
            activities.write({"user_id": new.id})
        else:
            activities.unlink()
        items.write({"leader_in_charge_id": new.id})
        for item in items:
            item.message_post(
                body=_(
                    "%(new)s takes over from %(former)s as leader in charge of "
                    "%(unit)s.",
                    new=new.name or _("Nobody"),
                    former=former.name,
                    unit=self.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
