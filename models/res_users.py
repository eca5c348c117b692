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
