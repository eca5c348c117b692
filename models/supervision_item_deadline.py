import logging
from datetime import timedelta

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY

from .supervision_constants import ACTIVE_STATES
from .supervision_format import long_date
from .supervision_holiday import add_days

_logger = logging.getLogger(__name__)

BATCH_SIZE = 500


class SupervisionItem(models.Model):
    """The daily check of supervision items (time rules of DESIGN.md).

    Kept apart from the workflow: it only reads the calendar, sets the time
    flags and calls the workflow's ``_do_*`` methods.
    """

    _inherit = "supervision.item"

    date_checked = fields.Date(
        readonly=True,
        copy=False,
        help="Technical: day of the last daily check, which makes it idempotent.",
    )

    commit_overdue = fields.Boolean(
        string="Committed Date Passed",
        readonly=True,
        copy=False,
        index=True,
    )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    def write(self, vals):
        res = super().write(vals)
        if "deadline" in vals:
            self.filtered(lambda i: i.state in ACTIVE_STATES)._refresh_time_flags()
        return res

    def _do_return(self, *args, **kwargs):
        res = super()._do_return(*args, **kwargs)
        # a rectification deadline may move the time limit
        self._refresh_time_flags()
        return res

    # ------------------------------------------------------------------
    # Cron
    # ------------------------------------------------------------------

    @api.model
    def _cron_check_deadlines(self, batch_size=BATCH_SIZE):
        """Check one batch of open items; Odoo runs the job again while some remain."""
        today = self._supervision_today()
        self._clear_closed_flags()
        domain = [("state", "in", ACTIVE_STATES), ("date_checked", "!=", today)]
        items = self.search(domain, order="id", limit=batch_size)
        items._check_deadlines(today)
        remaining = self.search_count(domain) if len(items) == batch_size else 0
        self.env["ir.cron"]._notify_progress(done=len(items), remaining=remaining)
        return remaining

    @api.model
    def _clear_closed_flags(self):
        """Items out of the open states are never flagged.

        Each branch of the domain is served by an index (a ``!=`` would scan
        the whole table at every batch).
        """
        flagged = self.search(
            [
                ("state", "not in", ACTIVE_STATES),
                "|",
                "|",
                "|",
                ("is_overdue", "=", True),
                ("ack_overdue", "=", True),
                ("commit_overdue", "=", True),
                ("warning_light", "in", ("yellow", "red")),
            ]
        )
        if flagged:
            # sudo: the flags are the daily check's own, never set by a user.
            flagged.sudo().write(
                {
                    "is_overdue": False,
                    "ack_overdue": False,
                    "commit_overdue": False,
                    "warning_light": "green",
                }
            )

    def _check_deadlines(self, today):
        """Apply the time rules to ``self`` (open items) as of ``today``."""
        yellow_days = self._get_setting("yellow_days")
        reminder_days = self._get_setting("reminder_days")
        remind_until = add_days(self.env, today, reminder_days)
        groups = {}
        for item in self:
            groups.setdefault(item._time_flags(today, yellow_days), []).append(item.id)
        for (light, overdue, ack_overdue), ids in groups.items():
            # one UPDATE per combination of flags, not one per item; sudo:
            # the flags are the daily check's own, never set by a user.
            self.browse(ids).sudo().write(
                {
                    "warning_light": light,
                    "is_overdue": overdue,
                    "ack_overdue": ack_overdue,
                    "date_checked": today,
                }
            )
        to_act = self.filtered(
            lambda i: (
                i.is_overdue
                or i.ack_overdue
                or (i._time_limit() and i._time_limit() <= remind_until)
            )
        )
        # nobody is notified item by item (to-dos included): the facts are
        # logged on the items and people get them in their daily digest
        checker = self.with_context(
            tz=self._get_setting("tz"),
            mail_notify_force_send=False,
            mail_activity_quick_update=True,
        )
        # the flags above are written now, before the per-item savepoints: a
        # failed item must not roll back the flags of the whole batch
        self.env.flush_all()
        notes = {}
        for item in to_act:
            try:
                with self.env.cr.savepoint():
                    facts = item.with_env(checker.env)._apply_time_rules(
                        today, reminder_days
                    )
                if facts:
                    notes[item.id] = Markup("<br/>").join(facts)
            except PG_CONCURRENCY_EXCEPTIONS_TO_RETRY:
                # a concurrent transaction: not the item's failure; the cron
                # runner rolls the batch back and runs it again
                raise
            except Exception as error:  # noqa: BLE001 - one bad item must not stop the batch
                _logger.exception("Daily check failed on supervision item %s", item.id)
                item.message_post(
                    body=_(
                        "The daily check failed on this item: %(error)s", error=error
                    ),
                    subtype_xmlid="mail.mt_note",
                )
        if notes:
            # one INSERT of logged notes for the batch, notifying nobody
            self.browse(list(notes))._message_log_batch(notes)
        # as quiet as the rest of the check: the digest tells the unit
        self.with_env(checker.env)._check_committed_dates(today)

    def _time_flags(self, today, yellow_days):
        self.ensure_one()
        deadline = self._time_limit()
        overdue = bool(deadline and deadline < today)
        if overdue:
            light = "red"
        elif deadline and (deadline - today).days <= yellow_days:
            light = "yellow"
        else:
            light = "green"
        ack_overdue = bool(
            self.state == "assigned"
            and self.date_ack_deadline
            and self.date_ack_deadline < today
        )
        return light, overdue, ack_overdue

    def _apply_time_rules(self, today, reminder_days):
        """Reminders, urges, escalation and interview proposals for one item.

        Runs with the university's time zone in the context; returns the
        facts to log on the item (the digest tells the people concerned).
        """
        self.ensure_one()
        facts = []
        # urged on an earlier (university) day, before this run's own urges
        already_urged = self.urge_ids.filtered(
            lambda u: fields.Datetime.context_timestamp(self, u.date).date() < today
        )
        deadline = self._time_limit()
        if (
            not self.is_overdue
            and deadline
            and deadline <= add_days(self.env, today, reminder_days)
        ):
            self._remind_deadline()
        if self.ack_overdue and not self._has_system_urge("ack_overdue"):
            note = _(
                "The acknowledgement was due on %(date)s.",
                date=long_date(self.env, self.date_ack_deadline),
            )
            self._do_urge("system", note, trigger="ack_overdue", notify=False)
            facts.append(_("Urged: %(note)s", note=note))
        if not self.is_overdue:
            return facts
        if not self._has_system_urge("overdue"):
            note = _(
                "The deadline %(date)s has passed.",
                date=long_date(self.env, self.deadline),
            )
            self._do_urge("system", note, trigger="overdue", notify=False)
            facts.append(_("Urged: %(note)s", note=note))
        if self.level == "reminder":
            if self._get_setting("auto_escalate"):
                # GDUFS 第十条(一)1: a reminder item not done in time becomes key
                self._do_escalate(notify=False)
                facts.append(
                    _("This item has been escalated to key supervision (重点督办).")
                )
        elif (
            already_urged
            and self._get_setting("propose_interview")
            and self._propose_interview()
        ):
            facts.append(_("An interview has been proposed to the office."))
        return facts

    def _has_system_urge(self, trigger):
        """Whether the daily check already urged for this reason (and deadline)."""
        return any(
            urge.trigger == trigger
            and (trigger != "overdue" or urge.deadline == self.deadline)
            for urge in self.urge_ids
        )

    def _remind_deadline(self):
        act_type = self.env.ref("university_supervision.mail_act_item_deadline")
        if any(act.activity_type_id == act_type for act in self.activity_ids):
            return
        self._activity_ensure("deadline", self._unit_activity_users(), self.deadline)

    def _propose_interview(self):
        """Draft an interview for the office (NWU 第七条(一)/(二))."""
        interviews = self.interview_ids.filtered(
            lambda i: i.unit_id == self.lead_unit_id
        )
        held = interviews.filtered(
            lambda i: (
                i.level == "leader" and i.state in ("held", "closed", "accountability")
            )
        )
        if not interviews:
            level = "leader"
        elif held and not interviews.filtered(lambda i: i.level == "principal"):
            level = "principal"
        else:
            return
        unit = self.lead_unit_id
        interview = self.env["supervision.interview"].create(
            {
                "item_ids": [fields.Command.link(self.id)],
                "unit_id": unit.id,
                "level": level,
                "interviewer_id": self.leader_in_charge_id.id
                if level == "leader"
                else False,
                "interviewee_ids": [
                    fields.Command.set(
                        (
                            unit.head_id
                            if level == "leader"
                            else unit.principal_head_ids
                        ).ids
                    )
                ],
                "reason": _(
                    "%(item)s is still not completed after urging; its deadline "
                    "was %(date)s.",
                    item=self.display_name,
                    date=long_date(self.env, self.deadline),
                ),
            }
        )
        if self.officer_id:
            interview.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=self.officer_id.id,
                # in the language of the officer who gets the to-do
                summary=self.with_context(lang=self.officer_id.lang).env._(
                    "Interview proposed by the daily check"
                ),
                date_deadline=fields.Date.context_today(self) + timedelta(days=3),
            )
        return interview

    # ------------------------------------------------------------------
    # New time limits (GDUFS 第十条(一), NWU 第六条(二)(三))
    # ------------------------------------------------------------------

    def action_request_new_limit(self):
        """Open the office's request for a new time limit, decided by the
        leader in charge."""
        self.ensure_one()
        self._check_is_officer()
        self._check_state(*ACTIVE_STATES)
        return {
            "type": "ir.actions.act_window",
            "name": _("Set a New Time Limit"),
            "res_model": "supervision.extension",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_item_id": self.id,
                "default_origin": "office",
                "extension_dialog": True,
            },
        }

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    def _time_limit(self):
        """The date lateness is measured against: the deadline, or while a
        returned item is being rectified, its later rectification deadline
        (NWU 第六条(三), GDUFS 第十条(四))."""
        self.ensure_one()
        if self.state == "in_progress":
            last_return = self.review_ids.filtered(
                lambda r: r.conclusion in ("returned", "rectify")
            ).sorted("id")[-1:]
            rectify_by = last_return.rectification_deadline
            if rectify_by and (not self.deadline or rectify_by > self.deadline):
                return rectify_by
        return self.deadline

    def _refresh_time_flags(self):
        """Recompute the time flags (light, overdue, acknowledgement) of
        these open items as of today with the daily check's own rule
        (``_time_flags``), and drop the deadline reminders a later deadline
        makes early."""
        today = self._supervision_today()
        yellow_days = self._get_setting("yellow_days")
        reminder_days = self._get_setting("reminder_days")
        remind_until = add_days(self.env, today, reminder_days)
        act_deadline = self.env.ref("university_supervision.mail_act_item_deadline")
        for item in self:
            light, overdue, ack_overdue = item._time_flags(today, yellow_days)
            if (light, overdue, ack_overdue) != (
                item.warning_light,
                item.is_overdue,
                item.ack_overdue,
            ):
                # sudo: the flags are the daily check's own, never set by a user.
                item.sudo().write(
                    {
                        "warning_light": light,
                        "is_overdue": overdue,
                        "ack_overdue": ack_overdue,
                    }
                )
            reminders = item.activity_ids.filtered(
                lambda a: a.activity_type_id == act_deadline
            )
            if not reminders:
                continue
            deadline = item._time_limit()
            # sudo: the reminders are the lead unit's to-dos, planned by the
            # daily check; they follow the item's deadline, whoever moved it.
            if deadline and deadline > remind_until:
                reminders.sudo().unlink()
            else:
                # sudo: as above, the reminders follow the deadline
                reminders.sudo().write({"date_deadline": deadline})

    # ------------------------------------------------------------------
    # Committed dates (GDUFS 第九条(二))
    # ------------------------------------------------------------------

    def _check_committed_dates(self, today):
        """The daily check of the committed dates of ``self`` (open items)."""
        reminder_days = self._get_setting("reminder_days")
        remind_until = add_days(self.env, today, reminder_days)
        for item in self:
            committed = item.date_committed
            following = item.state == "in_progress" and committed
            if not following or committed >= today:
                if item.commit_overdue:
                    # sudo: the flag is the daily check's own
                    item.sudo().commit_overdue = False
                if following and committed <= remind_until:
                    item._activity_ensure(
                        "commit",
                        item._unit_activity_users(),
                        committed,
                        note=_(
                            "Your committed date %(date)s is near: submit the "
                            "result by then.",
                            date=committed,
                        ),
                    )
                continue
            if item.commit_overdue:
                continue
            # sudo: the flag is the daily check's own, never set by a user
            item.sudo().commit_overdue = True
            note = _(
                "The committed date %(date)s has passed without a result: submit "
                "the result, or a reason and a new schedule.",
                date=committed,
            )
            item._activity_ensure("commit", item._unit_activity_users(), today, note)
            # a logged note: the unit has the to-do and its daily digest
            item.message_post(body=note, subtype_xmlid="mail.mt_note")
