from datetime import datetime

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date


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

    # Who does what:
    #   notify          office                       draft
    #   hold            office or the interviewer    notified (minutes needed)
    #   close           office                       held
    #   accountability  office                       held (NWU 第七条(三))

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
            ("closed", "Concluded"),
            ("accountability", "Accountability"),
        ],
        required=True,
        default="draft",
        copy=False,
        tracking=True,
    )
    date_notified = fields.Date(readonly=True, copy=False)
    minutes = fields.Html()
    rectification_demands = fields.Html()
    rectification_deadline = fields.Date()

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                # sudo: drawing a number writes the sequence, which only
                # administrators may; only the office creates interviews.
                vals["name"] = (
                    self.env["ir.sequence"].sudo().next_by_code("supervision.interview")
                )
        return super().create(vals_list)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_notify(self):
        """Send the interview notice (督办约谈通知单) to the interviewees."""
        self._check_officer()
        self._check_state("draft")
        for interview in self:
            missing = [
                label
                for fname, label in (
                    ("date", _("Date")),
                    ("place", _("Place")),
                    ("interviewer_id", _("Interviewer")),
                    ("interviewee_ids", _("Interviewees")),
                )
                if not interview[fname]
            ]
            if missing:
                raise UserError(
                    _(
                        "Fill in %(fields)s of interview %(name)s before notifying.",
                        fields=", ".join(missing),
                        name=interview.name,
                    )
                )
        self.write(
            {"state": "notified", "date_notified": fields.Date.context_today(self)}
        )
        for interview in self:
            for user in interview.interviewee_ids | interview.interviewer_id:
                interview.activity_schedule(
                    "mail.mail_activity_data_meeting",
                    date_deadline=fields.Date.context_today(interview, interview.date),
                    # in the language of the person who gets the to-do
                    summary=interview.with_context(lang=user.lang).env._(
                        "Supervision interview at %(place)s", place=interview.place
                    ),
                    user_id=user.id,
                )
            interview.message_post(
                body=interview._notice_text(),
                partner_ids=(
                    interview.interviewee_ids | interview.interviewer_id
                ).partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def action_hold(self):
        """Record that the interview was held; the minutes are required."""
        self._check_state("notified")
        for interview in self:
            if self.env.user != interview.interviewer_id:
                interview._check_officer()
            if not interview.minutes or interview.minutes == "<p><br></p>":
                raise UserError(
                    _(
                        "Write the minutes of interview %(name)s first.",
                        name=interview.name,
                    )
                )
        # sudo: the interviewer may hold the interview without office rights
        self.sudo().write({"state": "held"})
        self.activity_feedback(["mail.mail_activity_data_meeting"])
        return True

    def action_close(self):
        """The rectification is done: close the interview."""
        self._check_officer()
        self._check_state("held")
        self.write({"state": "closed"})
        return True

    def action_accountability(self):
        """Still not done after the interview: hold people accountable (NWU 第七条(三))."""
        self._check_officer()
        self._check_state("held")
        self.write({"state": "accountability"})
        return True

    def _check_officer(self):
        self.env["supervision.item"]._check_is_officer()

    def _check_state(self, *states):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for interview in self:
            if interview.state not in states:
                raise UserError(
                    _(
                        "Interview %(name)s is %(state)s; this step needs it to be "
                        "%(expected)s.",
                        name=interview.name,
                        state=labels[interview.state],
                        expected=" / ".join(labels[s] for s in states),
                    )
                )

    # ------------------------------------------------------------------
    # Printing
    # ------------------------------------------------------------------

    def _long_date(self, value):
        """A date as printed on the forms, e.g. 2026年3月15日 in Chinese."""
        if value and isinstance(value, datetime):
            value = fields.Datetime.context_timestamp(self, value)
        return format_date(self.env, value, date_format="long") if value else ""

    def _notice_text(self):
        """The sentence of the interview notice (NWU form 督办工作约谈通知单)."""
        self.ensure_one()
        when = ""
        if self.date:
            local = fields.Datetime.context_timestamp(self, self.date)
            when = f"{self._long_date(local.date())} {local.strftime('%H:%M')}"
        return self.env._(
            "Because %(items)s has not been completed on time after urging, "
            "%(interviewees)s will be interviewed by %(interviewer)s at "
            "%(place)s on %(date)s.",
            items=self._items_label(),
            interviewees=self._interviewees_label(),
            interviewer=self.interviewer_id.name or "",
            place=self.place or "",
            date=when,
        )

    def _items_label(self):
        return "、".join(self.item_ids.mapped("name"))

    def _interviewees_label(self):
        return "、".join(self.interviewee_ids.mapped("name"))
