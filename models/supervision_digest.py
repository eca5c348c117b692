"""The daily digest (每日汇总): what needs each person, told once a day.

The daily check logs its facts on the items without notifying anyone; at
the digest hour each person gets one message (inbox or e-mail, through the
mail queue) listing the items that need them, by role::

    Role                    Sections of their digest
    =====================================================================
    lead unit's head and    overdue, due soon, acknowledgement late
    liaisons
    leader in charge        to approve, extensions to decide, closures to
                            approve, escalated today, interviews proposed
    office staff (the       results to review, escalated today, interviews
    item's)                 proposed
    =====================================================================

Each unit with a group robot gets its unit's sections in its group chat and
the office robot the office's view; confidential items are never named
there, only counted.
"""

import logging
from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date

from .supervision_settings import get_setting

_logger = logging.getLogger(__name__)

OPEN_STATES = ("assigned", "in_progress")
BATCH_SIZE = 200
# items listed per section; the rest are counted
MAX_LINES = 30
# section: who gets it (the item's lead unit, leader in charge, office staff)
SECTIONS = {
    "overdue": ("unit",),
    "due_soon": ("unit",),
    "ack_late": ("unit",),
    "to_approve": ("leader",),
    "extension": ("leader",),
    "to_close": ("leader",),
    "to_review": ("officer",),
    "escalated": ("leader", "officer"),
    "interview": ("leader", "officer"),
}
UNIT_CHAT_SECTIONS = ("overdue", "due_soon", "ack_late")
OFFICE_CHAT_SECTIONS = ("overdue", "ack_late", "escalated", "interview", "to_review")


class SupervisionDigest(models.AbstractModel):
    _name = "supervision.digest"
    _description = "Supervision Daily Digest"

    # ------------------------------------------------------------------
    # Cron
    # ------------------------------------------------------------------

    @api.model
    def _cron_send_digest(self, batch_size=BATCH_SIZE):
        """From the digest hour, once the day's check is done, send today's
        digests not sent yet; Odoo runs the job again while some remain."""
        Item = self.env["supervision.item"]
        today = Item._supervision_today()
        unchecked = [("state", "in", OPEN_STATES), ("date_checked", "!=", today)]
        if self._local_now().hour < self._digest_hour() or Item.search_count(
            unchecked, limit=1
        ):
            return 0
        sections = self._collect_sections(today)
        self._queue_chat_digests(today, sections)
        per_user = self._per_user(sections)
        users = (
            self.env["res.users"]
            .browse(sorted(per_user))
            .filtered(
                lambda u: (
                    u.active
                    and not u.share
                    and u.supervision_digest
                    and u.supervision_digest_date != today
                )
            )
        )
        batch = users[:batch_size]
        for user in batch:
            self._send_user_digest(user, per_user[user.id], today)
        # sudo: the day of the last digest is the cron's own technical field
        batch.sudo().write({"supervision_digest_date": today})
        remaining = len(users) - len(batch)
        self.env["ir.cron"]._notify_progress(done=len(batch), remaining=remaining)
        return remaining

    # ------------------------------------------------------------------
    # Facts
    # ------------------------------------------------------------------

    @api.model
    def _digest_hour(self):
        return min(max(get_setting(self.env, "digest_hour"), 0), 23)

    @api.model
    def _local_now(self):
        tz = pytz.timezone(self.env["supervision.item"]._get_setting("tz"))
        return pytz.utc.localize(fields.Datetime.now()).astimezone(tz)

    @api.model
    def _section_domains(self, today):
        Item = self.env["supervision.item"]
        soon = today + timedelta(days=Item._get_setting("reminder_days"))
        tz = pytz.timezone(Item._get_setting("tz"))
        day_start = (
            tz.localize(datetime.combine(today, time.min))
            .astimezone(pytz.utc)
            .replace(tzinfo=None)
        )
        return {
            "overdue": [("state", "in", OPEN_STATES), ("is_overdue", "=", True)],
            "due_soon": [
                ("state", "in", OPEN_STATES),
                ("is_overdue", "=", False),
                ("deadline", "<=", soon),
            ],
            "ack_late": [("state", "=", "assigned"), ("ack_overdue", "=", True)],
            "to_approve": [("state", "=", "to_approve")],
            "extension": [
                ("state", "in", OPEN_STATES),
                ("extension_ids.state", "=", "submitted"),
            ],
            "to_close": [("state", "=", "to_close")],
            "to_review": [("state", "=", "submitted")],
            "escalated": [("date_escalated", "=", today)],
            "interview": [
                (
                    "interview_ids",
                    "any",
                    [("state", "=", "draft"), ("create_date", ">=", day_start)],
                )
            ],
        }

    @api.model
    def _collect_sections(self, today):
        """Items of each section, as the superuser (filtered per reader later)."""
        # sudo: the digest gathers every item; each reader's part is cut by
        # their own access rights in _per_user()
        Item = self.env["supervision.item"].sudo()
        return {
            section: Item.search(domain, order="deadline, id")
            for section, domain in self._section_domains(today).items()
        }

    @api.model
    def _per_user(self, sections):
        """``{user_id: {section: items}}``: what each person is told, only
        items they may read (confidential ones included for those named)."""
        per_user = defaultdict(lambda: defaultdict(list))
        for section, items in sections.items():
            roles = SECTIONS[section]
            for item in items:
                users = self.env["res.users"]
                if "unit" in roles:
                    users |= item.lead_unit_id.head_id | item.lead_unit_id.liaison_ids
                if "leader" in roles:
                    users |= item.leader_in_charge_id
                if "officer" in roles:
                    users |= item.officer_id
                for user in users:
                    per_user[user.id][section].append(item.id)
        Item = self.env["supervision.item"]
        result = {}
        for user_id, by_section in per_user.items():
            ids = {i for item_ids in by_section.values() for i in item_ids}
            readable = set(
                Item.browse(ids).with_user(user_id)._filtered_access("read").ids
            )
            kept = {
                section: Item.browse([i for i in item_ids if i in readable])
                for section, item_ids in by_section.items()
                if any(i in readable for i in item_ids)
            }
            if kept:
                result[user_id] = kept
        return result

    @api.model
    def _section_titles(self):
        return {
            "overdue": _("Overdue"),
            "due_soon": _("Due soon"),
            "ack_late": _("Acknowledgement late"),
            "to_approve": _("To approve"),
            "extension": _("Extensions to decide"),
            "to_close": _("Closures to approve"),
            "to_review": _("Results to review"),
            "escalated": _("Escalated to key supervision today"),
            "interview": _("Interviews proposed today"),
        }

    @api.model
    def _item_url(self, item):
        return f"{item.get_base_url()}/odoo/supervision.item/{item.id}"

    @api.model
    def _item_label(self, item):
        return _(
            "%(number)s %(title)s (deadline %(deadline)s)",
            number=item.number or "",
            title=item.name,
            deadline=format_date(self.env, item.deadline) if item.deadline else "-",
        )

    # ------------------------------------------------------------------
    # Inbox and e-mail
    # ------------------------------------------------------------------

    @api.model
    def _send_user_digest(self, user, by_section, today):
        """One message to ``user`` (inbox or e-mail, as they chose), queued."""
        digest = self.with_context(lang=user.lang or "en_US", tz=user.tz)
        titles = digest._section_titles()
        sections = []
        for section in SECTIONS:
            items = by_section.get(section)
            if not items:
                continue
            sections.append(
                {
                    "title": titles[section],
                    "lines": [
                        {"label": digest._item_label(item), "url": self._item_url(item)}
                        for item in items[:MAX_LINES]
                    ],
                    "more": len(items) > MAX_LINES
                    and digest._more_line(len(items) - MAX_LINES),
                }
            )
        body = digest.env["ir.qweb"]._render(
            "university_supervision.supervision_digest_body",
            {"intro": digest._digest_intro(user, today), "sections": sections},
            minimal_qcontext=True,
        )
        return (
            self.env["mail.thread"]
            .with_context(mail_notify_force_send=False)
            .message_notify(
                partner_ids=user.partner_id.ids,
                body=body,
                subject=digest._digest_subject(today),
                author_id=self.env.ref("base.partner_root").id,
            )
        )

    @api.model
    def _digest_intro(self, user, today):
        return _(
            "Hello %(name)s, these supervised items need you today (%(day)s):",
            name=user.name,
            day=format_date(self.env, today),
        )

    @api.model
    def _more_line(self, count):
        return _("… and %(count)s more", count=count)

    @api.model
    def _digest_subject(self, today, unit=None):
        day = format_date(self.env, today)
        if unit:
            return _("%(unit)s: supervision digest of %(day)s", unit=unit.name, day=day)
        return _("Supervision digest of %(day)s", day=day)

    # ------------------------------------------------------------------
    # Group chats
    # ------------------------------------------------------------------

    @api.model
    def _queue_chat_digests(self, today, sections):
        """Queue today's digest for each unit's group robot and the office's,
        once a day."""
        Message = self.env["supervision.webhook.message"]
        done = Message.search(
            [("digest_date", "=", today), ("source", "in", ("unit", "office"))]
        )
        done_units = done.filtered(lambda m: m.source == "unit").unit_id
        digest = self.with_context(lang=self._chat_lang())
        # sudo: the robots' addresses are the manager's fields
        units = (
            self.env["supervision.unit"].sudo().search([("webhook_url", "!=", False)])
            - done_units.sudo()
        )
        for unit in units:
            unit_sections = {
                section: sections[section].filtered(
                    lambda i, u=unit: i.lead_unit_id == u
                )
                for section in UNIT_CHAT_SECTIONS
            }
            blocks = digest._chat_blocks(unit_sections)
            if blocks:
                self._queue_chat_message(
                    unit.webhook_url,
                    digest._digest_subject(today, unit),
                    blocks,
                    source="unit",
                    unit_id=unit.id,
                    digest_date=today,
                )
        office_url = get_setting(self.env, "office_webhook_url")
        if office_url and not done.filtered(lambda m: m.source == "office"):
            blocks = digest._chat_blocks(
                {section: sections[section] for section in OFFICE_CHAT_SECTIONS}
            )
            if blocks:
                self._queue_chat_message(
                    office_url,
                    digest._digest_subject(today),
                    blocks,
                    source="office",
                    digest_date=today,
                )

    @api.model
    def _queue_chat_message(self, url, title, blocks, **vals):
        """Queue a group chat message; an address that is not a robot's (set
        around the settings' check) is logged, never stops the digests."""
        try:
            return self.env["supervision.webhook.message"]._queue(
                url, title, blocks, **vals
            )
        except ValidationError as error:
            _logger.warning("Group chat digest not queued: %s", error)
            return self.env["supervision.webhook.message"]

    @api.model
    def _chat_lang(self):
        return self.env.company.partner_id.lang or "en_US"

    @api.model
    def _chat_blocks(self, sections):
        """``[(heading, [(text, url)])]`` of ``sections`` for a group chat:
        confidential items are only counted, never named (NWU 第八条)."""
        titles = self._section_titles()
        blocks = []
        for section, items in sections.items():
            if not items:
                continue
            public = items.filtered(lambda i: not i.is_confidential)
            lines = [
                (self._item_label(item), self._item_url(item))
                for item in public[:MAX_LINES]
            ]
            if len(public) > MAX_LINES:
                lines.append((self._more_line(len(public) - MAX_LINES), False))
            secret_count = len(items) - len(public)
            if secret_count:
                lines.append(
                    (
                        _(
                            "%(count)s confidential item(s) need attention; see "
                            "them in Odoo.",
                            count=secret_count,
                        ),
                        False,
                    )
                )
            blocks.append((titles[section], lines))
        return blocks
