from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from .supervision_constants import has_role

REPLY_FIELDS = frozenset({"reply"})


class SupervisionUrge(models.Model):
    """An urge (催办) recorded on an item, GDUFS 第九条(三)/第十条(二)."""

    _name = "supervision.urge"
    _description = "Supervision Urge"
    _order = "date desc, id desc"

    item_id = fields.Many2one(
        "supervision.item",
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
            ("on_site", "On-Site Inspection"),
            ("meeting", "At a Meeting"),
            ("visit", "Door-to-Door Visit"),
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
    trigger = fields.Selection(
        [("ack_overdue", "Late Acknowledgement"), ("overdue", "Deadline Passed")],
        readonly=True,
        help="Set on the urges the daily check writes itself.",
    )
    deadline = fields.Date(
        string="Deadline Then",
        readonly=True,
        help="The item's deadline when it was urged.",
    )
    note = fields.Text()
    reply = fields.Text(string="Unit's Reply")
    date_reply = fields.Datetime(string="Replied On", readonly=True)

    @api.depends_context("lang", "tz")
    @api.depends("item_id.number", "item_id.name", "date")
    def _compute_display_name(self):
        """督字〔2026〕3号 催办 2026-11-20: the item's number (or title) and
        the day of the urge in the user's time zone."""
        for urge in self:
            day = (
                fields.Datetime.context_timestamp(urge, urge.date).date()
                if urge.date
                else ""
            )
            urge.display_name = _(
                "%(item)s urge %(date)s",
                item=urge.item_id.number or urge.item_id.name or "",
                date=day,
            )

    def action_open_reply(self):
        """Open the urge editable, for the urged unit's reply."""
        self.ensure_one()
        self._check_can_reply()
        return {
            "type": "ir.actions.act_window",
            "name": _("Reply to the Urge"),
            "res_model": "supervision.urge",
            "res_id": self.id,
            "view_mode": "form",
            "views": [
                (
                    self.env.ref(
                        "university_supervision.supervision_urge_view_form_reply"
                    ).id,
                    "form",
                )
            ],
            "target": "new",
        }

    def action_save_reply(self):
        """Tell the office the unit replied (the form saved the reply before
        the call) and close the dialog."""
        self._check_can_reply()
        for urge in self.filtered("reply"):
            urge.item_id.message_post(
                body=_("Reply to the urge: %(reply)s", reply=urge.reply),
                partner_ids=(urge.user_id | urge.item_id.officer_id).partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        return {"type": "ir.actions.act_window_close"}

    def _check_can_reply(self):
        """Only the urged units' people reply to an urge."""
        for urge in self:
            units = urge.item_id.lead_unit_id | urge.item_id.assist_unit_ids
            if self.env.user not in units.member_user_ids:
                raise AccessError(_("Only the urged units may reply to an urge."))

    def write(self, vals):
        """Units only reply to urges; everything else is the office's."""
        if not self.env.su and not has_role(self.env, "officer"):
            if set(vals) - REPLY_FIELDS:
                raise AccessError(_("You may only reply to an urge."))
            for urge in self:
                if (
                    self.env.user
                    not in (
                        urge.item_id.lead_unit_id | urge.item_id.assist_unit_ids
                    ).member_user_ids
                ):
                    raise AccessError(_("Only the urged units may reply to an urge."))
        if vals.get("reply"):
            vals = dict(vals, date_reply=fields.Datetime.now())
        return super().write(vals)
