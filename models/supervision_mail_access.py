"""Who may change the chatter, files and to-dos of supervision records.

Write access on a record opens its chatter, files and to-dos in Odoo: whoever
may write an item may rewrite or delete its messages, its files and the
to-dos of others. On supervision records (models ``supervision.*``) the
record of who was asked what, and who did what and when, must stay intact:

- messages: authors (and the office) edit or delete their own comments;
  tracking and system messages change only for the manager; a message is
  always posted in the poster's own name;
- files: only their uploader or the office replaces or deletes them;
- to-dos: only their assignee or the office marks them done, changes or
  removes them;
- followers and recipients: only users who may read the record.

The superuser (the daily check, the workflow's ``sudo()`` steps) is not
restricted.
"""

from .supervision_constants import has_role

SUPERVISION_PREFIX = "supervision."


def is_supervision_model(model_name):
    """Whether ``model_name`` is one of this addon's models."""
    return bool(model_name) and model_name.startswith(SUPERVISION_PREFIX)


def is_office(env):
    return has_role(env, "officer")


def is_manager(env):
    return has_role(env, "manager")


def readers_among(records, partners):
    """The partners of ``partners`` one of whose users may read all ``records``.

    A partner without a user is kept only if no record is confidential.
    """
    # sudo: whether an item is confidential is needed to check who reads it
    confidential = any(
        record._supervision_is_confidential() for record in records.sudo()
    )
    readers = partners.browse()
    for partner in partners:
        # sudo: the users behind a partner are needed to check their access
        users = partner.sudo().user_ids.filtered("active")
        if not users:
            if not confidential:
                readers |= partner
            continue
        if any(records.with_user(user).has_access("read") for user in users):
            readers |= partner
    return readers
