from odoo import _, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import is_html_empty

from .supervision_constants import has_role


class SupervisionWorkflowMixin(models.AbstractModel):
    """The checks every supervision workflow shares (item, extension,
    progress, interview, briefing): state, required fields and the office.

    A public ``action_*`` calls these ``_check_*`` methods, then its
    ``_do_*`` method, then ``activity_update()``. Business preconditions
    raise ``UserError``; who may act raises ``AccessError``.
    """

    _name = "supervision.workflow.mixin"
    _description = "Supervision Workflow Checks"

    def _check_state(self, *states):
        """Refuse the step unless every record is in one of ``states``."""
        labels = dict(self._fields["state"]._description_selection(self.env))
        for record in self:
            if record.state not in states:
                raise UserError(
                    _(
                        "%(record)s is %(state)s; this step needs it to be "
                        "%(expected)s.",
                        record=record.display_name,
                        state=labels[record.state],
                        expected=" / ".join(labels[s] for s in states),
                    )
                )

    def _check_filled(self, fnames):
        """Refuse the step while one of the fields ``fnames`` is empty; the
        message names the fields by their labels."""
        for record in self:
            missing = [
                self._fields[fname].get_description(self.env)["string"]
                for fname in fnames
                if not record[fname]
                or (self._fields[fname].type == "html" and is_html_empty(record[fname]))
            ]
            if missing:
                raise UserError(
                    _(
                        "Fill in %(fields)s of %(record)s first.",
                        fields=", ".join(missing),
                        record=record.display_name,
                    )
                )

    def _check_is_officer(self):
        """Refuse the step to anyone but the supervision office."""
        if not has_role(self.env, "officer"):
            raise AccessError(_("Only the supervision office may do this."))
