from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_date

from .supervision_constants import has_role
from .supervision_settings import get_setting

# What the interviewer (who is not office staff) writes; the state and the
# notice date change through the actions only (see _check_interview_write).
INTERVIEWER_FIELDS = frozenset(
    {"minutes", "rectification_demands", "rectification_deadline"}
)
WORKFLOW_FIELDS = frozenset({"state", "date_notified", "name"})


class SupervisionInterview(models.Model):
    """A supervision interview (督办约谈), NWU 第七条.

    ``leader``: the leader in charge interviews the unit's head (第七条(一));
    ``principal``: the party secretary or president interviews the unit's
    principal heads (第七条(二)); ``accountability`` when it still fails
    (第七条(三)).
    """

    _name = "supervision.interview"
    _description = "Supervision Interview"
    _inherit = ["mail.thread", "mail.activity.mixin", "supervision.workflow.mixin"]
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

    def write(self, vals):
        self._check_interview_write(vals)
        return super().write(vals)

    def _check_interview_write(self, vals):
        if self.env.su:
            return
        if WORKFLOW_FIELDS & set(vals):
            raise UserError(_("An interview's state changes through its buttons only."))
        changed = {f for f in vals if not f.startswith(("message_", "activity_"))}
        if changed - INTERVIEWER_FIELDS and not has_role(self.env, "officer"):
            raise AccessError(
                _(
                    "The interviewer writes only the minutes and the "
                    "rectification of an interview."
                )
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_notify(self):
        """Send the interview notice (督办约谈通知单) to the interviewees."""
        self._check_is_officer()
        self._check_state("draft")
        self._check_filled(["date", "place", "interviewer_id", "interviewee_ids"])
        # sudo: the state changes through the actions only; checked above
        self.sudo().write(
            {"state": "notified", "date_notified": fields.Date.context_today(self)}
        )
        self.activity_update()
        for interview in self:
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
                interview._check_is_officer()
            if not interview.minutes or interview.minutes == "<p><br></p>":
                raise UserError(
                    _(
                        "Write the minutes of interview %(name)s first.",
                        name=interview.name,
                    )
                )
        # sudo: the interviewer may hold the interview without office rights
        self.sudo().write({"state": "held"})
        self.activity_update()
        return True

    def activity_update(self):
        """The meeting to-do of the interviewer and the interviewees while
        the interview is notified; done once it is held."""
        meeting = self.env.ref("mail.mail_activity_data_meeting")
        for interview in self:
            if interview.state == "notified":
                planned = interview.activity_ids.filtered(
                    lambda a: a.activity_type_id == meeting
                ).user_id
                for user in (
                    interview.interviewee_ids | interview.interviewer_id
                ) - planned:
                    interview.activity_schedule(
                        "mail.mail_activity_data_meeting",
                        date_deadline=fields.Date.context_today(
                            interview, interview.date
                        ),
                        # in the language of the person who gets the to-do
                        summary=interview.with_context(lang=user.lang).env._(
                            "Supervision interview at %(place)s",
                            place=interview.place,
                        ),
                        user_id=user.id,
                    )
            elif interview.state != "draft":
                # sudo: who acts was checked; the to-do may be another user's
                interview.sudo().activity_feedback(["mail.mail_activity_data_meeting"])

    def action_close(self):
        """The rectification is done: close the interview."""
        self._check_is_officer()
        self._check_state("held")
        # sudo: the state changes through the actions only; checked above
        self.sudo().write({"state": "closed"})
        self.activity_update()
        return True

    def action_accountability(self):
        """Still not done after the interview: hold people accountable (NWU 第七条(三))."""
        self._check_is_officer()
        self._check_state("held")
        # sudo: the state changes through the actions only; checked above
        self.sudo().write({"state": "accountability"})
        self.activity_update()
        return True

    # ------------------------------------------------------------------
    # Printing
    # ------------------------------------------------------------------

    def _notice_text(self):
        """The sentence of the interview notice (NWU form 督办工作约谈通知单)."""
        self.ensure_one()
        when = ""
        if self.date:
            # the university's time zone, whoever prints
            university = self.with_context(tz=get_setting(self.env, "tz"))
            local = fields.Datetime.context_timestamp(university, self.date)
            day = format_date(self.env, local.date(), date_format="long")
            when = f"{day} {local.strftime('%H:%M')}"
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
