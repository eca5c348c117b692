from odoo import _, models
from odoo.exceptions import AccessError

from .supervision_mail_access import is_supervision_model, readers_among


class MailThread(models.AbstractModel):
    """Only those who may read a supervision record follow it or are notified
    of its messages."""

    _inherit = "mail.thread"

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        if (
            partner_ids
            and is_supervision_model(self._name)
            and not self.env.su
            and not self.env.context.get("supervision_subscribe_filter")
        ):
            partners = self.env["res.partner"].browse(partner_ids)
            refused = partners - readers_among(self, partners)
            if refused:
                # sudo: the names of the partners refused are shown to say why
                names = ", ".join(refused.sudo().mapped("display_name"))
                raise AccessError(
                    _(
                        "%(partners)s may not read these records and so cannot "
                        "follow them.",
                        partners=names,
                    )
                )
        return super().message_subscribe(
            partner_ids=partner_ids, subtype_ids=subtype_ids
        )

    def _message_subscribe(self, partner_ids=None, subtype_ids=None, customer_ids=None):
        if not partner_ids or not is_supervision_model(self._name):
            return super()._message_subscribe(
                partner_ids=partner_ids,
                subtype_ids=subtype_ids,
                customer_ids=customer_ids,
            )
        partners = self.env["res.partner"].browse(partner_ids)
        for record in self:
            readers = readers_among(record, partners)
            if not readers:
                continue
            super(MailThread, record)._message_subscribe(
                partner_ids=readers.ids,
                subtype_ids=subtype_ids,
                customer_ids=customer_ids
                and [pid for pid in customer_ids if pid in readers.ids],
            )
        return True

    def _notify_get_recipients(self, message, msg_vals, **kwargs):
        recipients = super()._notify_get_recipients(message, msg_vals, **kwargs)
        if not recipients or not is_supervision_model(self._name) or not self:
            return recipients
        partners = self.env["res.partner"].browse({r["id"] for r in recipients})
        readers = readers_among(self, partners)
        return [r for r in recipients if r["id"] in readers.ids]

    def _supervision_is_confidential(self):
        """Whether the record is, or belongs to, a confidential item."""
        self.ensure_one()
        if "is_confidential" in self._fields:
            return self.is_confidential
        if "item_id" in self._fields:
            return self.item_id.is_confidential
        if "item_ids" in self._fields:
            return any(self.item_ids.mapped("is_confidential"))
        return False
