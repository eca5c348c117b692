from odoo import Command, api, models

from ..tools.ledger import LEDGER_FIELDS, ledger_headers, ledger_rows


class SupervisionLedgerReport(models.AbstractModel):
    """The printed ledger (督办事项台账): the columns of :mod:`..tools.ledger`,
    as in the Excel workbook and the saved export template."""

    _name = "report.university_supervision.report_supervision_ledger"
    _description = "Supervision Ledger Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        items = self.env["supervision.item"].browse(docids)
        rows = ledger_rows(items)
        return {
            "doc_ids": docids,
            "doc_model": "supervision.item",
            "docs": items,
            "headers": ledger_headers(items),
            "date_columns": [
                index
                for index, fname in enumerate(LEDGER_FIELDS)
                if items._fields[fname].type == "date"
            ],
            "rows": rows,
        }

    @api.model
    def _set_export_template_fields(self, template_xmlid):
        """Give the saved export template the ledger's columns (called from
        data/ir_exports_data.xml at each install and update)."""
        template = self.env.ref(template_xmlid)
        template.export_fields = [Command.clear()] + [
            Command.create({"name": fname}) for fname in LEDGER_FIELDS
        ]
