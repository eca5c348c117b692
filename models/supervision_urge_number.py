from odoo import api, fields, models


class SupervisionUrge(models.Model):
    """Urge notices (催办通知单) carry a yearly number, 催字〔2026〕N号."""

    _inherit = "supervision.urge"

    name = fields.Char(
        string="Number",
        readonly=True,
        copy=False,
        index="trigram",
        default="/",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                date = (
                    fields.Datetime.to_datetime(vals.get("date"))
                    or fields.Datetime.now()
                )
                sequences = self.env["ir.sequence"]
                # sudo: drawing a number writes the sequence (and creates its
                # range for a new year), which only administrators may.
                vals["name"] = sequences.sudo().next_by_code(
                    "supervision.urge", sequence_date=date.date()
                )
        return super().create(vals_list)
