from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import html2plaintext

from .supervision_mail_access import is_office, readers_among

# Set by the daily check and the workflow only, which write them as
# superuser (``sudo()`` in supervision_item_deadline.py and ``_do_assign``)
# or compute them; no user writes them, the office included.
MACHINE_FIELDS = frozenset(
    {
        "warning_light",
        "is_overdue",
        "ack_overdue",
        "date_checked",
        "on_time_score",
        "year",
        "deadline_original",
    }
)
# Fields that decide who may read an item (the record rules' paths).
AUDIENCE_FIELDS = frozenset(
    {
        "is_confidential",
        "confidential_user_ids",
        "leader_in_charge_id",
        "lead_leader_id",
        "lead_unit_id",
        "assist_unit_ids",
    }
)
TITLE_MAX = 200
TEXT_MAX = 20000
TEXT_FIELDS = (
    "content",
    "requirements",
    "targets",
    "measures",
    "completion_form",
    "handler_phone",
    "result_note",
    "source_ref",
)
YEARS_AHEAD_MAX = 10


def check_text_size(record, fname, limit=TEXT_MAX):
    """Refuse a text longer than ``limit`` characters, saying which."""
    value = record[fname]
    if isinstance(value, str) and len(value) > limit:
        raise ValidationError(
            _(
                "%(field)s is too long: at most %(max)s characters.",
                field=record._fields[fname].get_description(record.env)["string"],
                max=limit,
            )
        )


def check_not_blank(record, fname):
    """Refuse a required text given as blanks (or an empty HTML paragraph)."""
    value = record[fname]
    if value and record._fields[fname].type == "html":
        value = html2plaintext(value)
    if not value or not value.strip():
        raise ValidationError(
            _(
                "%(field)s cannot be empty.",
                field=record._fields[fname].get_description(record.env)["string"],
            )
        )


def check_date_ahead(record, fname, years=YEARS_AHEAD_MAX):
    """Refuse a date more than ``years`` years ahead."""
    value = record[fname]
    limit = fields.Date.context_today(record) + relativedelta(years=years)
    if value and value > limit:
        raise ValidationError(
            _(
                "%(field)s cannot be more than %(years)s years ahead.",
                field=record._fields[fname].get_description(record.env)["string"],
                years=years,
            )
        )


# Kept apart from supervision_item.py as the daily check is: guards added
# around the workflow, not part of it.
class SupervisionItem(models.Model):
    """Guards of the item: bad input, the machine's fields, the chatter's
    fields, and its audience.

    When an item becomes confidential, or the users and units that may read
    it change, those who can no longer read it stop following it and lose
    their to-dos on it (NWU 第八条(二)).
    """

    _inherit = "supervision.item"  # pylint: disable=consider-merging-classes-inherited

    @api.constrains("name")
    def _check_title(self):
        for item in self:
            check_not_blank(item, "name")
            check_text_size(item, "name", TITLE_MAX)

    @api.constrains(*TEXT_FIELDS)
    def _check_text_sizes(self):
        for item in self:
            for fname in TEXT_FIELDS:
                check_text_size(item, fname)

    @api.constrains("deadline", "date_committed")
    def _check_dates_ahead(self):
        for item in self:
            check_date_ahead(item, "deadline")
            check_date_ahead(item, "date_committed")

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                self._check_machine_fields(vals)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._check_machine_fields(vals)
            self._check_mail_fields(vals)
        res = super().write(vals)
        if AUDIENCE_FIELDS & set(vals):
            self._shed_former_audience()
        return res

    def _check_machine_fields(self, vals):
        machine = MACHINE_FIELDS & set(vals)
        if machine:
            raise AccessError(
                _(
                    "%(fields)s are set by the system only.",
                    fields=", ".join(
                        sorted(
                            self._fields[f].get_description(self.env)["string"]
                            for f in machine
                        )
                    ),
                )
            )

    def _check_mail_fields(self, vals):
        """Units write no chatter or to-do field of an item; a main attachment
        must be one of the item's own files."""
        mail_fields = [f for f in vals if f.startswith(("message_", "activity_"))]
        if not mail_fields:
            return
        if not is_office(self.env):
            raise AccessError(
                _(
                    "Only the supervision office may change these fields of an "
                    "item: %(fields)s.",
                    fields=", ".join(sorted(mail_fields)),
                )
            )
        attachment_id = vals.get("message_main_attachment_id")
        if attachment_id:
            # sudo: where the file belongs is read to check it is the item's
            attachment = self.env["ir.attachment"].sudo().browse(attachment_id)
            if attachment.res_model != self._name or set(self.ids) != {
                attachment.res_id
            }:
                raise AccessError(
                    _("The main attachment of an item must be one of its files.")
                )

    def _message_set_main_attachment_id(
        self, attachments, force=False, filter_xml=True
    ):
        own = attachments.filtered(
            lambda a: a.res_model == self._name and a.res_id == self.id
        )
        # sudo: posting a file on an item makes it the main one, which units
        # may not write themselves; only the item's own files qualify.
        return super(SupervisionItem, self.sudo())._message_set_main_attachment_id(
            own, force=force, filter_xml=filter_xml
        )

    def _shed_former_audience(self):
        for item in self:
            # sudo: the followers and to-dos of others are removed when they
            # can no longer read the item; who they are is not the writer's
            # business.
            item_sudo = item.sudo()
            followers = item_sudo.message_follower_ids
            readers = readers_among(item, followers.partner_id)
            followers.filtered(lambda f, r=readers: f.partner_id not in r).unlink()
            item_sudo.activity_ids.filtered(
                lambda a, i=item: not i.with_user(a.user_id).has_access("read")
            ).unlink()
