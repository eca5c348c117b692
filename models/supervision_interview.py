from odoo import api, fields, models


class SupervisionInterview(models.Model):
    """A supervision interview (督办约谈), NWU 第七条.

    ``leader``: the leader in charge interviews the unit's head (第七条(一));
    ``principal``: the party secretary or president interviews the unit's
    principal heads (第七条(二)); ``accountability`` when it still fails
    (第七条(三)).
    """

    _name = "supervision.interview"
    _description = "Supervision Interview"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(
        string="Number",
        readonly=True,
        copy=False,
        default="/",
    )
    item_ids = fields.Many2many(
        "supervision.item",
        "supervision_interview_item_rel",
        "interview_id",
        "item_id",
        string="Items",
    )
    unit_id = fields.Many2one(
        "supervision.unit",
        required=True,
        ondelete="restrict",
        tracking=True,
    )
    level = fields.Selection(
        [("leader", "Leader in Charge"), ("principal", "Party Secretary or President")],
        required=True,
        default="leader",
        tracking=True,
    )
    interviewer_id = fields.Many2one("res.users", tracking=True)
    interviewee_ids = fields.Many2many(
        "res.users",
        "supervision_interview_interviewee_rel",
        "interview_id",
        "user_id",
        string="Interviewees",
    )
    date = fields.Datetime(tracking=True)
    place = fields.Char(tracking=True)
    reason = fields.Text()
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("notified", "Notified"),
            ("held", "Held"),
            ("closed", "Closed"),
            ("accountability", "Accountability"),
        ],
        required=True,
        default="draft",
        copy=False,
        tracking=True,
    )
    minutes = fields.Html()
    rectification_demands = fields.Html()
    rectification_deadline = fields.Date()

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                # sudo: sequences are configuration, not readable by leaders.
                vals["name"] = (
                    self.env["ir.sequence"].sudo().next_by_code("supervision.interview")
                )
        return super().create(vals_list)
