from odoo import _, api, models
from odoo.exceptions import AccessError

from .supervision_mail_access import is_office, is_supervision_model


class IrAttachment(models.Model):
    """Files of supervision records are replaced or deleted only by their
    uploader or the office, whoever else may write the record."""

    _inherit = "ir.attachment"

    @api.model
    def check(self, mode, values=None):
        res = super().check(mode, values=values)
        if mode in ("write", "unlink") and self and not self.env.is_superuser():
            self._check_supervision_uploader()
        return res

    def _check_supervision_uploader(self):
        if is_office(self.env):
            return
        # sudo: the owner and the record of a file are read to check access
        for attachment in self.sudo():
            if (
                is_supervision_model(attachment.res_model)
                and attachment.create_uid != self.env.user
            ):
                raise AccessError(
                    _(
                        "Only the person who uploaded %(file)s or the "
                        "supervision office may replace or delete it.",
                        file=attachment.name,
                    )
                )
