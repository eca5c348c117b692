from odoo import _, api, fields, models

from .supervision_constants import ACTIVE_STATES


class SupervisionItem(models.Model):
    """Committed dates are followed (GDUFS 第九条(二)): the lead unit is
    reminded before its committed date; once it has passed without a
    submitted result the item is ``commit_overdue`` and the unit is asked for
    the result, or a reason and a new schedule."""

    _inherit = "supervision.item"

    commit_overdue = fields.Boolean(
        string="Committed Date Passed",
        readonly=True,
        copy=False,
        index=True,
    )

    def _check_deadlines(self, today):
        res = super()._check_deadlines(today)
        self._check_committed_dates(today)
        return res

    def _check_committed_dates(self, today):
        """The daily check of the committed dates of ``self`` (open items)."""
        reminder_days = self._get_setting("reminder_days")
        for item in self:
            committed = item.date_committed
            following = item.state == "in_progress" and committed
            if not following or committed >= today:
                if item.commit_overdue:
                    # sudo: the flag is the daily check's own
                    item.sudo().commit_overdue = False
                if following and (committed - today).days <= reminder_days:
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
            item.message_post(
                body=note,
                partner_ids=item.unit_partner_ids.ids,
                subtype_xmlid="mail.mt_comment",
            )

    @api.model
    def _clear_closed_flags(self):
        res = super()._clear_closed_flags()
        # sudo: the flag is the daily check's own
        self.sudo().search(
            [("commit_overdue", "=", True), ("state", "not in", ACTIVE_STATES)]
        ).write({"commit_overdue": False})
        return res
