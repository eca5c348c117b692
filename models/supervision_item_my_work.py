from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression


class SupervisionItem(models.Model):
    """ "My work" (我的待办): the items waiting for the current user's action.

    One searchable flag, ``is_awaiting_my_action``, true when the current user
    can take the item's next step, by role (who may do what is the
    ``_check_*`` methods of :mod:`.supervision_item`)::

        Role                    Items awaiting them
        =====================================================================
        leader in charge        to approve (立项审定), closure to approve (key
                                items), an extension request or a special
                                report to decide
        lead unit's head        assigned (to acknowledge), in progress (to
                                handle, including returned ones, and submit)
        lead unit's liaison     assigned (to acknowledge)
        unit user (lead or      open items lit yellow or red: progress is due
        assisting unit)         (NWU 第六条(二)), or an urge not yet replied to
        office staff            drafts they registered, results submitted for
                                review on the items they follow (or nobody
                                follows)
        =====================================================================
    """

    _inherit = "supervision.item"

    is_awaiting_my_action = fields.Boolean(
        string="Awaiting My Action",
        compute="_compute_is_awaiting_my_action",
        search="_search_is_awaiting_my_action",
        help="Technical: the current user can take the item's next step.",
    )

    @api.depends_context("uid")
    @api.depends(
        "state",
        "warning_light",
        "officer_id",
        "leader_in_charge_id",
        "lead_unit_id.head_id",
        "lead_unit_id.liaison_ids",
        "assist_unit_ids.member_user_ids",
        "extension_ids.state",
        "progress_ids.approval_state",
        "urge_ids.reply",
    )
    def _compute_is_awaiting_my_action(self):
        stored = self.filtered("id")
        awaiting = self.browse()
        if stored:
            awaiting = self.search(
                expression.AND(
                    [[("id", "in", stored.ids)], self._awaiting_my_action_domain()]
                )
            )
        for item in self:
            item.is_awaiting_my_action = item in awaiting

    def _search_is_awaiting_my_action(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Operation not supported"))
        domain = self._awaiting_my_action_domain()
        if (operator == "=") != value:
            return ["!", *expression.normalize_domain(domain)]
        return domain

    @api.model
    def _awaiting_my_action_domain(self):
        """Items the current user can act on, as a domain (see the class doc)."""
        user = self.env.user
        uid = user.id
        domains = [
            # the leader in charge approves, decides extensions and special
            # reports, approves the closure of key items
            [
                ("leader_in_charge_id", "=", uid),
                "|",
                ("state", "in", ("to_approve", "to_close")),
                "&",
                ("state", "in", ("assigned", "in_progress")),
                "|",
                ("extension_ids.state", "=", "submitted"),
                ("progress_ids.approval_state", "=", "pending"),
            ],
            # the lead unit's head acknowledges, handles and submits the result
            [
                ("lead_unit_id.head_id", "=", uid),
                ("state", "in", ("assigned", "in_progress")),
            ],
            # a liaison of the lead unit may acknowledge too
            [("lead_unit_id.liaison_ids", "in", uid), ("state", "=", "assigned")],
            # the units report progress when the light turns yellow or red and
            # reply to the urges addressed to them
            [
                "|",
                ("lead_unit_id.member_user_ids", "in", uid),
                ("assist_unit_ids.member_user_ids", "in", uid),
                ("state", "in", ("assigned", "in_progress")),
                "|",
                ("warning_light", "in", ("yellow", "red")),
                (
                    "urge_ids",
                    "any",
                    [
                        ("reply", "=", False),
                        "|",
                        ("target_user_id", "=", uid),
                        ("unit_id.member_user_ids", "in", uid),
                    ],
                ),
            ],
        ]
        if user.has_group("university_supervision.group_supervision_officer"):
            domains += [
                [("state", "=", "draft"), ("officer_id", "=", uid)],
                [("state", "=", "submitted"), ("officer_id", "in", (uid, False))],
            ]
        return expression.OR(domains)
