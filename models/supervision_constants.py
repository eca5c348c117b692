"""Names said once: the item's states and state sets, the shared selections
and the supervision groups (imported by the models, wizards and checks)."""

STATES = [
    ("draft", "Registered"),
    ("to_approve", "To Approve"),
    ("assigned", "Assigned"),
    ("in_progress", "In Progress"),
    ("submitted", "Result Submitted"),
    ("to_close", "Closure to Approve"),
    ("closed", "Closed"),
    ("filed", "Filed"),
    ("cancelled", "Cancelled"),
]
# registered, not yet assigned: the office still edits the form
DRAFT_STATES = ("draft", "to_approve")
# being handled: lights, time rules, extensions
ACTIVE_STATES = ("assigned", "in_progress")
# assigned to the units and not yet closed: urges and reports are possible
ASSIGNED_STATES = (*ACTIVE_STATES, "submitted", "to_close")

LEVELS = [("reminder", "Reminder Item"), ("key", "Key Item")]
ROLES = [("lead", "Lead"), ("assist", "Assisting")]

# The supervision groups (security/university_supervision_groups.xml), by role.
GROUPS = {
    role: f"university_supervision.group_supervision_{role}"
    for role in ("liaison", "unit_head", "leader", "principal", "officer", "manager")
}


def has_role(env, role):
    """Whether ``env.user`` holds the supervision group of ``role``."""
    return env.user.has_group(GROUPS[role])
