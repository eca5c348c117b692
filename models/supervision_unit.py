from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .supervision_webhook_message import robot_kind


class SupervisionUnit(models.Model):
    """A unit (承办单位) that leads or assists supervised items.

    NWU 第二条 and GDUFS 第六条: each unit's principal heads are the first
    responsible persons, and each unit names liaisons (督办联络员) who report
    on its items. ``member_user_ids`` gathers everybody attached to the unit
    and is the path record rules follow from an item to a user.
    """

    _name = "supervision.unit"
    _description = "Supervision Unit"
    _inherit = ["mail.thread"]
    _order = "sequence, code, name"
    _parent_store = True

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    parent_id = fields.Many2one(
        "supervision.unit",
        string="Parent Unit",
        index=True,
        ondelete="restrict",
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("supervision.unit", "parent_id", string="Sub-units")
    head_id = fields.Many2one(
        "res.users",
        tracking=True,
        help="Head of the unit (承办单位负责人): acknowledges items and fills "
        "in the handling result.",
    )
    principal_head_ids = fields.Many2many(
        "res.users",
        "supervision_unit_principal_head_rel",
        "unit_id",
        "user_id",
        string="Principal Heads",
        help="The unit's party and administrative principal heads; a "
        "principal-level interview is held with them.",
    )
    liaison_ids = fields.Many2many(
        "res.users",
        "supervision_unit_liaison_rel",
        "unit_id",
        "user_id",
        string="Liaisons",
        help="Supervision liaisons (督办联络员/经办人) who report progress.",
    )
    member_ids = fields.Many2many(
        "res.users",
        "supervision_unit_member_rel",
        "unit_id",
        "user_id",
        string="Other Members",
    )
    member_user_ids = fields.Many2many(
        "res.users",
        "supervision_unit_user_rel",
        "unit_id",
        "user_id",
        string="All Users",
        compute="_compute_member_user_ids",
        store=True,
        help="Head, principal heads, liaisons and members of the unit.",
    )
    leader_in_charge_id = fields.Many2one(
        "res.users",
        string="Leader in Charge",
        tracking=True,
        help="School leader who oversees the unit (分管校领导).",
    )
    lead_item_ids = fields.One2many(
        "supervision.item", "lead_unit_id", string="Led Items"
    )
    lead_item_count = fields.Integer(compute="_compute_lead_item_count")
    webhook_url = fields.Char(
        string="Group Robot URL",
        groups="university_supervision.group_supervision_manager",
        help="Webhook address of the unit's WeCom, DingTalk or Feishu group "
        "robot (企业微信/钉钉/飞书群机器人): the unit's daily digest is posted there.",
    )
    webhook_secret = fields.Char(
        string="Group Robot Secret",
        groups="university_supervision.group_supervision_manager",
        help="Signing secret (加签) of a DingTalk or Feishu robot, if it has one.",
    )

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The unit code must be unique."),
    ]

    @api.constrains("webhook_url")
    def _check_webhook_url(self):
        for unit in self.filtered("webhook_url"):
            robot_kind(unit.webhook_url)

    @api.depends("head_id", "principal_head_ids", "liaison_ids", "member_ids")
    def _compute_member_user_ids(self):
        for unit in self:
            unit.member_user_ids = (
                unit.head_id
                | unit.principal_head_ids
                | unit.liaison_ids
                | unit.member_ids
            )

    def _compute_lead_item_count(self):
        counts = dict(
            self.env["supervision.item"]._read_group(
                [("lead_unit_id", "in", self.ids)], ["lead_unit_id"], ["__count"]
            )
        )
        for unit in self:
            unit.lead_item_count = counts.get(unit, 0)

    def action_view_items(self):
        self.ensure_one()
        # every employee reads the units; only supervision users read items
        self.env["supervision.item"].check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "university_supervision.supervision_item_action"
        )
        action["domain"] = [
            "|",
            ("lead_unit_id", "=", self.id),
            ("assist_unit_ids", "in", self.id),
        ]
        action["context"] = {"default_lead_unit_id": self.id}
        return action

    def action_send_test_message(self):
        """Post a test message to the unit's group robot at once."""
        self.ensure_one()
        # the robots are configured by those who manage the units
        self.check_access("write")
        if not self.webhook_url:
            raise UserError(_("Enter the address of the unit's group robot first."))
        title = _("Test message from the supervision office")
        message = self.env["supervision.webhook.message"]._queue(
            self.webhook_url,
            title,
            [
                (
                    self.name,
                    [(_("This group will receive the unit's daily digest."), False)],
                )
            ],
            source="test",
            unit_id=self.id,
        )
        sent = message._send()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success" if sent else "warning",
                "title": title,
                "message": _("The robot received the message.")
                if sent
                else _(
                    "The robot did not take the message; it will be tried again: "
                    "%(error)s",
                    error=message.last_error,
                ),
                "sticky": not sent,
            },
        }
