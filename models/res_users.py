from odoo import fields, models


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
