from odoo import _, api, models
from odoo.exceptions import AccessError
from odoo.tools import email_normalize

from .supervision_mail_access import is_manager, is_office, is_supervision_model


class MailMessage(models.Model):
    """Messages of supervision records cannot be forged or rewritten.

    A message is posted in the poster's own name; comments are edited or
    deleted by their author or the office; tracking and system messages
    (anything but a comment, messages with tracking values, OdooBot's) by
    the manager only.
    """

    _inherit = "mail.message"

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            partner = self.env.user.partner_id
            for vals in vals_list:
                if not is_supervision_model(vals.get("model")):
                    continue
                email_from = vals.get("email_from")
                if vals.get("author_id", partner.id) != partner.id or (
                    email_from
                    and partner.email
                    and email_normalize(email_from) != email_normalize(partner.email)
                ):
                    raise AccessError(
                        _(
                            "Messages on supervision records are posted in your "
                            "own name only."
                        )
                    )
        return super().create(vals_list)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if operation not in ("write", "unlink") or self.env.su or not self:
            return result
        allowed = self - result[0] if result else self
        forbidden = allowed._supervision_forbidden_changes()
        if not forbidden:
            return result
        if result:
            return (result[0] + forbidden, result[1])
        return (forbidden, forbidden._supervision_access_error)

    def _supervision_forbidden_changes(self):
        """The messages of ``self`` on supervision records the user may not
        change or delete."""
        forbidden = self.browse()
        # sudo: the record and author of a message are read to check access
        messages = self.sudo().filtered(lambda m: is_supervision_model(m.model))
        if not messages or is_manager(self.env):
            return forbidden
        office = is_office(self.env)
        partner = self.env.user.partner_id
        odoobot = self.env.ref("base.partner_root", raise_if_not_found=False)
        for message in messages:
            system = (
                message.message_type != "comment"
                or message.tracking_value_ids
                or not message.author_id
                or message.author_id == odoobot
            )
            if system or not (office or message.author_id == partner):
                forbidden |= self.browse(message.id)
        return forbidden

    def _supervision_access_error(self):
        return AccessError(
            _(
                "On supervision records, only their author or the office may "
                "change or delete a comment, and only the manager a tracking "
                "or system message."
            )
        )
