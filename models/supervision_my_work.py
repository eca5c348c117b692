""" "My work" (我的待办): the items waiting for the current user's action.

``supervision.item.is_awaiting_my_action`` is true when the current user can
take the item's next step, by role (who may do what is the ``_check_*``
methods of :mod:`.supervision_item`)::

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

from odoo.osv import expression

from .supervision_constants import ACTIVE_STATES, has_role


def awaiting_my_action_domain(env):
    """Domain of the items ``env.user`` can act on (see the module doc)."""
    user = env.user
    uid = user.id
    domains = [
        # the leader in charge approves, decides extensions and special
        # reports, approves the closure of key items
        [
            ("leader_in_charge_id", "=", uid),
            "|",
            ("state", "in", ("to_approve", "to_close")),
            "&",
            ("state", "in", ACTIVE_STATES),
            "|",
            ("extension_ids.state", "=", "submitted"),
            ("progress_ids.approval_state", "=", "pending"),
        ],
        # the lead unit's head acknowledges, handles and submits the result
        [
            ("lead_unit_id.head_id", "=", uid),
            ("state", "in", ACTIVE_STATES),
        ],
        # a liaison of the lead unit may acknowledge too
        [("lead_unit_id.liaison_ids", "in", uid), ("state", "=", "assigned")],
        # the units report progress when the light turns yellow or red and
        # reply to the urges addressed to them
        [
            "|",
            ("lead_unit_id.member_user_ids", "in", uid),
            ("assist_unit_ids.member_user_ids", "in", uid),
            ("state", "in", ACTIVE_STATES),
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
    if has_role(env, "officer"):
        domains += [
            [("state", "=", "draft"), ("officer_id", "=", uid)],
            [("state", "=", "submitted"), ("officer_id", "in", (uid, False))],
        ]
    return expression.OR(domains)
