from odoo import fields, models

OPINION_STAGES = [
    ("registration", "Registration"),
    ("extension", "Extension"),
    ("closure", "Closure"),
    ("special_report", "Special Report"),
    ("instruction", "Instruction"),
]
OPINION_DECISIONS = [
    ("approve", "Approved"),
    ("send_back", "Sent Back"),
    ("comment", "Comment"),
]


class SupervisionOpinion(models.Model):
    """A leader's opinion (批示/审定意见) on an item, GDUFS 第九条(一),
    第十条(一)(五), NWU 第六条.

    Recorded by the decision wizard only (``supervision.decision.wizard``):
    everybody who reads the item reads its opinions, nobody edits them.
    """

    _name = "supervision.opinion"
    _description = "Supervision Leader's Opinion"
    _order = "date desc, id desc"

    item_id = fields.Many2one(
        "supervision.item",
        required=True,
        index=True,
        ondelete="cascade",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Leader",
        required=True,
        default=lambda self: self.env.user,
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    stage = fields.Selection(OPINION_STAGES, required=True)
    decision = fields.Selection(OPINION_DECISIONS, required=True)
    opinion = fields.Text()
    extension_id = fields.Many2one("supervision.extension", ondelete="set null")
