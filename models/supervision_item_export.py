import datetime
import io

import xlsxwriter

from odoo import _, api, fields, models

IMPORT_TEMPLATE = (
    "/university_supervision/static/xls/supervision_item_import_template.xlsx"
)


class SupervisionItem(models.Model):
    """The ledger of items (督办事项台账, GDUFS 第八条(三)) as a spreadsheet, and
    the template to register items in bulk through Odoo's import."""

    _inherit = "supervision.item"

    # ------------------------------------------------------------------
    # Import
    # ------------------------------------------------------------------

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": _("Import Template for Supervision Items"),
                "template": IMPORT_TEMPLATE,
            }
        ]

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_export_ledger(self):
        """Download the selected items as the ledger (督办事项台账) in xlsx."""
        # in the user's language also when called without one (RPC, tests)
        items = self.with_context(lang=self.env.lang or self.env.user.lang)
        attachment = items._ledger_attachment()
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "download",
        }

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    def _ledger_attachment(self):
        """The ledger of ``self`` as an attachment of the current user."""
        today = fields.Date.context_today(self)
        return self.env["ir.attachment"].create(
            {
                "name": _(
                    "Supervision Ledger %(date)s.xlsx", date=today.strftime("%Y%m%d")
                ),
                "raw": self._ledger_xlsx(),
                "mimetype": "application/vnd.openxmlformats-officedocument."
                "spreadsheetml.sheet",
            }
        )

    def _ledger_columns(self):
        """(title, width, value of an item) of each column of the ledger,
        the columns of the printed ledger plus the source and closing date."""
        selection = {
            fname: dict(self._fields[fname]._description_selection(self.env))
            for fname in ("level", "source_type", "state", "warning_light")
        }
        light_states = ("assigned", "in_progress")
        return [
            (_("No."), 22, lambda i: i.number or ""),
            (_("Item"), 40, lambda i: i.name),
            (_("Level"), 14, lambda i: selection["level"][i.level]),
            (_("Source"), 22, lambda i: selection["source_type"][i.source_type]),
            (_("Lead Unit"), 22, lambda i: i.lead_unit_id.name or ""),
            (
                _("Assisting Units"),
                30,
                lambda i: "、".join(i.assist_unit_ids.mapped("name")),
            ),
            (_("Leader in Charge"), 16, lambda i: i.leader_in_charge_id.name or ""),
            (_("Date Assigned"), 14, lambda i: i.date_assigned),
            (_("Original Deadline"), 14, lambda i: i.deadline_original),
            (_("Deadline"), 14, lambda i: i.deadline),
            (_("Date Closed"), 14, lambda i: i.date_closed),
            (_("Status"), 16, lambda i: selection["state"][i.state]),
            (
                _("Light"),
                10,
                lambda i: (
                    selection["warning_light"][i.warning_light]
                    if i.state in light_states and i.warning_light
                    else ""
                ),
            ),
        ]

    def _ledger_xlsx(self):
        """The ledger of ``self`` as the bytes of an xlsx workbook."""
        columns = self._ledger_columns()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet(_("Supervision Ledger"))
        title = workbook.add_format({"bold": True, "font_size": 16})
        header = workbook.add_format(
            {"bold": True, "border": 1, "bg_color": "#EEEEEE", "text_wrap": True}
        )
        cell = workbook.add_format({"border": 1, "text_wrap": True, "valign": "top"})
        date = workbook.add_format(
            {"border": 1, "valign": "top", "num_format": "yyyy-mm-dd"}
        )
        sheet.write(
            0,
            0,
            _("%(company)s Supervision Ledger", company=self.env.company.name),
            title,
        )
        for col, (label, width, _value) in enumerate(columns):
            sheet.set_column(col, col, width)
            sheet.write(1, col, label, header)
        for row, item in enumerate(self, start=2):
            for col, (_label, _width, value) in enumerate(columns):
                content = value(item)
                if isinstance(content, datetime.date):
                    sheet.write_datetime(
                        row, col, fields.Datetime.to_datetime(content), date
                    )
                else:
                    sheet.write(row, col, content or "", cell)
        sheet.freeze_panes(2, 2)
        workbook.close()
        return output.getvalue()
