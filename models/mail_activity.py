from odoo import _, api, models
from odoo.exceptions import AccessError

from .supervision_mail_access import is_office, is_supervision_model


class MailActivity(models.Model):
    """To-dos on supervision records are done, changed or removed only by
    their assignee or the office.

    Odoo lets whoever may post on a record change any of its to-dos; the
    workflow's steps that end the to-dos of others run as superuser.
    """

    _inherit = "mail.activity"

    @api.model_create_multi
    def create(self, vals_list):
        # the assignee of a to-do follows its record only if allowed to read it
        return super(
            MailActivity, self.with_context(supervision_subscribe_filter=True)
        ).create(vals_list)

    def write(self, vals):
        self._check_supervision_assignee()
        return super().write(vals)

    def unlink(self):
        self._check_supervision_assignee()
        return super().unlink()

    def _action_done(self, feedback=False, attachment_ids=None):
        self._check_supervision_assignee()
        return super()._action_done(feedback=feedback, attachment_ids=attachment_ids)

    def _check_supervision_assignee(self):
        if self.env.su or not self or is_office(self.env):
            return
        # sudo: the record and the assignee of a to-do are read to check access
        for activity in self.sudo():
            if (
                is_supervision_model(activity.res_model)
                and activity.user_id != self.env.user
            ):
                raise AccessError(
                    _(
                        "Only %(user)s, to whom this to-do is assigned, or the "
                        "supervision office may mark it done, change or remove it.",
                        user=activity.user_id.name or _("its assignee"),
                    )
                )
