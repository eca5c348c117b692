from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from .supervision_constants import ASSIGNED_STATES, has_role
from .supervision_item_guard import check_not_blank, check_text_size

# Fixed once the report is written, for everyone (see _check_report_change).
FIXED_FIELDS = frozenset({"item_id", "kind", "date", "user_id"})
# Written by the workflow (or answering its steps): read-only once created.
LOCKED_KINDS = ("acknowledgement", "result", "rectification")

# The reports that reach the office and the leader in charge.
NOTIFIED_KINDS = ("progress", "difficulty", "special_report")


class SupervisionProgress(models.Model):
    """A progress report (进展反馈) of a unit on an item.

    GDUFS 第九条(二): the lead unit acknowledges within 7 days and reports on
    its committed date; assisting units report their part (第八条(二)).
    NWU 第八条(三): a special report (专项报告) for an item that objectively
    cannot be completed, which the leader in charge approves; approval ends
    the item as cancelled with the report as reason.
    """

    _name = "supervision.progress"
    _description = "Supervision Progress Report"
    _order = "date desc, id desc"

    item_id = fields.Many2one(
        "supervision.item",
        required=True,
        index=True,
        ondelete="cascade",
    )
    unit_id = fields.Many2one(
        "supervision.unit",
        required=True,
        ondelete="restrict",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Author",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    kind = fields.Selection(
        [
            ("acknowledgement", "Acknowledgement"),
            ("progress", "Progress"),
            ("result", "Result"),
            ("special_report", "Special Report"),
            ("rectification", "Rectification"),
            ("difficulty", "Difficulty"),
        ],
        required=True,
        default="progress",
    )
    description = fields.Html(required=True)
    percent = fields.Integer(string="Progress (%)")
    is_urgent = fields.Boolean(
        string="Urgent",
        help="An emergency (紧急情况): the office and the leader in charge are "
        "notified at once.",
    )
    attachment_ids = fields.Many2many("ir.attachment", string="Attachments")
    approval_state = fields.Selection(
        [("pending", "To Decide"), ("approved", "Approved"), ("refused", "Refused")],
        string="Decision",
        readonly=True,
        copy=False,
        help="Decision of the leader in charge on a special report.",
    )
    can_decide = fields.Boolean(compute="_compute_can_decide")

    _sql_constraints = [
        (
            "percent_range",
            "CHECK(percent >= 0 AND percent <= 100)",
            "The progress must be between 0 and 100%.",
        ),
    ]

    @api.depends("item_id", "kind")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for report in self:
            report.display_name = (
                f"{report.item_id.display_name or ''} - {kinds.get(report.kind, '')}"
            )

    @api.depends_context("uid")
    @api.depends("item_id.leader_in_charge_id", "approval_state")
    def _compute_can_decide(self):
        for report in self:
            report.can_decide = (
                report.approval_state == "pending"
                and report.item_id.leader_in_charge_id == self.env.user
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._set_author(vals_list)
        # say why before the record rules refuse it in general terms
        units = self.env["supervision.unit"].browse(
            [vals["unit_id"] for vals in vals_list if vals.get("unit_id")]
        )
        self._check_member_of(units)
        reports = super().create(vals_list)
        reports._check_author()
        for report in reports:
            report.item_id._check_state(*ASSIGNED_STATES)
        for report in reports:
            report._post_on_item()
        return reports

    def write(self, vals):
        if not self.env.su:
            if "approval_state" in vals:
                raise AccessError(
                    _("Special reports are decided through their buttons only.")
                )
            self._check_author()
            self._check_report_change(vals)
        res = super().write(vals)
        if not self.env.su and {"item_id", "unit_id", "kind"} & set(vals):
            self._check_author()
        if not self.env.su:
            self._log_report_change(vals)
        return res

    # ------------------------------------------------------------------
    # Written once: author, item, kind and date; locked kinds
    # ------------------------------------------------------------------

    @api.constrains("description")
    def _check_description(self):
        for report in self:
            check_not_blank(report, "description")
            check_text_size(report, "description")

    def _set_author(self, vals_list):
        """The author of a report is always the one who writes it."""
        if self.env.su:
            return
        for vals in vals_list:
            if vals.get("user_id", self.env.uid) != self.env.uid:
                raise AccessError(_("You may only write progress reports as yourself."))
            vals["user_id"] = self.env.uid

    def _check_report_change(self, vals):
        fixed = FIXED_FIELDS & set(vals)
        if fixed:
            raise UserError(
                _(
                    "The author, item, kind and date of a progress report are "
                    "fixed once it is written."
                )
            )
        for report in self:
            if report.kind in LOCKED_KINDS or report.approval_state in (
                "approved",
                "refused",
            ):
                raise UserError(
                    _(
                        "%(report)s is part of the item's record and can no "
                        "longer be changed.",
                        report=report.display_name,
                    )
                )

    def _log_report_change(self, vals):
        """Changes of a report are logged on its item's chatter."""
        labels = ", ".join(
            sorted(
                self._fields[f].get_description(self.env)["string"]
                for f in vals
                if f in self._fields
            )
        )
        for report in self:
            report.item_id.message_post(
                body=_(
                    "%(user)s changed %(fields)s of %(report)s.",
                    user=self.env.user.name,
                    fields=labels,
                    report=report.display_name,
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _post_on_item(self):
        """Log the report on its item. Progress, difficulty and special
        reports reach the office and the leader in charge (NWU 第六条(二),
        第八条(三)); an urgent one is e-mailed at once, not with the queue."""
        self.ensure_one()
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        item = self.item_id
        body = _(
            "%(kind)s from %(unit)s (%(percent)s%%)",
            kind=kinds[self.kind],
            unit=self.unit_id.name,
            percent=self.percent,
        )
        if self.kind not in NOTIFIED_KINDS:
            item.message_post(
                body=body,
                attachment_ids=self.attachment_ids.ids,
                subtype_xmlid="mail.mt_note",
            )
            return
        if self.is_urgent:
            body = _("Urgent: %(report)s", report=body)
        body = Markup("%s<br/>%s") % (body, self.description or "")
        item.with_context(mail_notify_force_send=self.is_urgent).message_post(
            body=body,
            attachment_ids=self.attachment_ids.ids,
            partner_ids=(item.officer_id | item.leader_in_charge_id).partner_id.ids,
            subtype_xmlid="mail.mt_comment",
        )

    def _check_member_of(self, units):
        if self.env.su or has_role(self.env, "officer"):
            return
        for unit in units:
            if self.env.user not in unit.member_user_ids:
                raise AccessError(
                    _(
                        "You may only report for your own unit, not for %(unit)s.",
                        unit=unit.name,
                    )
                )

    def _check_author(self):
        """Units report only for themselves, on items they lead or assist."""
        if self.env.su or has_role(self.env, "officer"):
            return
        for report in self:
            item = report.item_id
            if report.unit_id not in item.lead_unit_id | item.assist_unit_ids:
                raise UserError(
                    _(
                        "%(unit)s neither leads nor assists %(item)s.",
                        unit=report.unit_id.name,
                        item=item.display_name,
                    )
                )
            self._check_member_of(report.unit_id)
            if report.kind == "special_report" and report.unit_id != item.lead_unit_id:
                raise UserError(_("Only the lead unit may submit a special report."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_submit(self):
        """The lead unit submits its special report to the leader in charge
        (NWU 第八条(三)), who approves or refuses it."""
        for report in self:
            if report.kind != "special_report" or report.approval_state:
                raise UserError(_("Only a new special report is submitted."))
        self._check_author()
        for report in self:
            report.item_id._check_state(*ASSIGNED_STATES)
        # sudo: the decision field is protected from units; _check_author()
        # has checked the lead unit submits.
        self.sudo().write({"approval_state": "pending"})
        self.activity_update()
        return True

    def activity_update(self):
        """The leader in charge's to-do on the item while a special report
        waits for their decision; done once it is decided."""
        for report in self.filtered(lambda r: r.kind == "special_report"):
            item = report.item_id
            if report.approval_state == "pending":
                item._activity_ensure("special_report", item.leader_in_charge_id)
            elif report.approval_state in ("approved", "refused"):
                # sudo: who decides was checked; the to-do may be another
                # user's (the leader's, when the manager decides)
                item.sudo().activity_feedback(
                    ["university_supervision.mail_act_item_special_report"]
                )

    def action_approve_special_report(self):
        """The leader in charge accepts that the item cannot be completed."""
        self._check_can_decide()
        for report in self:
            # sudo: decision field is protected; _check_can_decide() checked
            # the leader in charge decides.
            report.sudo().write({"approval_state": "approved"})
            report.activity_update()
            report.item_id._do_cancel(
                _(
                    "Special report approved: %(report)s",
                    report=report.description and report.description.striptags() or "",
                )
            )
        return True

    def action_refuse_special_report(self):
        """The leader in charge refuses: the unit goes on handling the item."""
        self._check_can_decide()
        # sudo: see action_approve_special_report().
        self.sudo().write({"approval_state": "refused"})
        self.activity_update()
        for report in self:
            report.item_id.message_post(
                body=_("The special report was refused: the item goes on."),
                partner_ids=report.item_id.unit_partner_ids.ids,
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def _check_can_decide(self):
        for report in self:
            if report.kind != "special_report" or report.approval_state != "pending":
                raise UserError(_("There is no special report to decide."))
            if not report.can_decide:
                raise AccessError(
                    _(
                        "Only the leader in charge of the item may decide on its special report."
                    )
                )
