from odoo import _, models

from .supervision_constants import ACTIVE_STATES


class SupervisionItem(models.Model):
    """New time limits (GDUFS 第十条(一), NWU 第六条(二)(三)): the office asks
    for one on an overdue or escalated item, and the time flags follow any
    deadline change at once instead of at the next daily check."""

    _inherit = "supervision.item"

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
    # Actions
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
            if deadline and (deadline - today).days > reminder_days:
                reminders.sudo().unlink()
            else:
                reminders.sudo().write({"date_deadline": deadline})
