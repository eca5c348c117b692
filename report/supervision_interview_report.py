from odoo import _, api, models
from odoo.exceptions import UserError


class ReportSupervisionInterview(models.AbstractModel):
    """The interview notice (督办约谈通知单) is printed only once its date
    and place are set."""

    _name = "report.university_supervision.report_supervision_interview"
    _description = "Supervision Interview Notice"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["supervision.interview"].browse(docids)
        for interview in docs:
            if not interview.date or not interview.place:
                raise UserError(
                    _(
                        "Set the date and the place of interview %(name)s before "
                        "printing its notice.",
                        name=interview.name,
                    )
                )
        return {
            "doc_ids": docids,
            "doc_model": "supervision.interview",
            "docs": docs,
        }
