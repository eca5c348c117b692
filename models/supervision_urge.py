from odoo import fields, models


class SupervisionUrge(models.Model):
    """An urge (催办) recorded on an item, GDUFS 第九条(三)/第十条(二)."""

    _name = "supervision.urge"
    _description = "Supervision Urge"
    _order = "date desc, id desc"

    item_id = fields.Many2one(
        "supervision.item",
        string="Item",
        required=True,
        index=True,
        ondelete="cascade",
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    channel = fields.Selection(
        [
            ("system", "System"),
            ("phone", "Phone"),
            ("email", "Email"),
            ("on_site", "On Site"),
            ("meeting", "Meeting"),
            ("visit", "Visit"),
        ],
        required=True,
        default="phone",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Urged By",
        default=lambda self: self.env.user,
    )
    unit_id = fields.Many2one(
        "supervision.unit", string="Urged Unit", ondelete="restrict"
    )
    target_user_id = fields.Many2one("res.users", string="Urged Person")
    note = fields.Text()
    reply = fields.Text(string="Unit's Reply")
    date_reply = fields.Datetime(string="Replied On")
