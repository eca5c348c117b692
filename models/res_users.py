from odoo import api, fields, models

# The home action of a supervision user, by the first group they have.
HOME_ACTIONS = (
    ("group_supervision_officer", "supervision_item_action"),
    ("group_supervision_leader", "supervision_item_action_to_approve"),
    ("group_supervision_liaison", "supervision_item_action_my_units"),
)


class ResUsers(models.Model):
    _inherit = "res.users"

    supervision_unit_ids = fields.Many2many(
        "supervision.unit",
        "supervision_unit_user_rel",
        "user_id",
        "unit_id",
        string="Supervision Units",
        readonly=True,
        help="Units where the user is head, principal head, liaison or member.",
    )
    supervision_digest = fields.Boolean(
        string="Daily Supervision Digest",
        default=True,
        help="Receive once a day a digest of the supervised items that need you.",
    )
    supervision_digest_date = fields.Date(
        string="Last Digest",
        readonly=True,
        copy=False,
        help="Technical: day of the last digest sent, which makes it idempotent.",
    )

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["supervision_digest"]

    @property
    def SELF_WRITEABLE_FIELDS(self):
        return super().SELF_WRITEABLE_FIELDS + ["supervision_digest"]

    @api.model_create_multi
    def create(self, vals_list):
        """Supervision users land in the supervision app, not in Discuss."""
        users = super().create(vals_list)
        for user in users:
            if not user.action_id and not user.share:
                action = user._get_supervision_home_action()
                if action:
                    user.action_id = action.id
        return users

    def _get_supervision_home_action(self):
        """The supervision action a user opens first: all items for the
        office, the items to approve for leaders, their units' items for the
        units; nothing for other users."""
        self.ensure_one()
        for group, action in HOME_ACTIONS:
            if self.has_group(f"university_supervision.{group}"):
                return self.env.ref(f"university_supervision.{action}")
        return self.env["ir.actions.act_window"]
