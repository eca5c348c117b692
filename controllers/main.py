from werkzeug.exceptions import BadRequest

from odoo import http
from odoo.http import content_disposition, request

from ..tools.ledger import (
    LEDGER_ROUTE,
    XLSX_MIMETYPE,
    check_ledger_access,
    ledger_filename,
    ledger_xlsx,
)


class SupervisionLedgerController(http.Controller):
    @http.route(LEDGER_ROUTE, type="http", auth="user", methods=["GET"])
    def ledger_xlsx(self, ids="", **kwargs):
        """The ledger (督办事项台账) of the items ``ids`` (comma-separated) as
        an xlsx download, built in memory: nothing is stored.

        Only the office and the leaders export it (403 for anyone else); the
        items the user cannot read are left out by the record rules.
        """
        check_ledger_access(request.env)
        try:
            item_ids = [int(item_id) for item_id in ids.split(",") if item_id]
        except ValueError as error:
            raise BadRequest() from error
        items = request.env["supervision.item"].search([("id", "in", item_ids)])
        return request.make_response(
            ledger_xlsx(items),
            headers=[
                ("Content-Type", XLSX_MIMETYPE),
                (
                    "Content-Disposition",
                    content_disposition(ledger_filename(items.env)),
                ),
            ],
        )
