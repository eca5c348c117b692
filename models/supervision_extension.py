from odoo import fields, models


class SupervisionExtension(models.Model):
    """A request to extend an item's deadline (延期申请), NWU 第六条(二).

    It must be submitted before the current deadline and is decided by the
    leader in charge; approval moves ``deadline``, never
    ``deadline_original``.
    """

    _name = "supervision.extension"
    _description = "Supervision Deadline Extension"
    _order = "id desc"

    item_id = fields.Many2one(
        "supervision.item",
        string="Item",
        required=True,
        index=True,
        ondelete="cascade",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Requested By",
        required=True,
        default=lambda self: self.env.user,
    )
    reason = fields.Text(required=True)
    deadline_current = fields.Date(string="Current Deadline", readonly=True)
    date_requested = fields.Date(string="Requested Deadline", required=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("refused", "Refused"),
        ],
        required=True,
        default="draft",
        copy=False,
        index=True,
    )
    decided_by_id = fields.Many2one("res.users", string="Decided By", readonly=True)
    date_decided = fields.Date(string="Decided On", readonly=True)
    decision_note = fields.Text()
