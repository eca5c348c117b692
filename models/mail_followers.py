from odoo import api, models
from odoo.tools import SQL

from .supervision_mail_access import is_supervision_model


class MailFollowers(models.Model):
    """Followers of a supervision record are listed only to those who may read
    the record: they would reveal confidential items and who works on them."""

    _inherit = "mail.followers"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        query = super()._search(domain, offset, limit, order)
        if self.env.su:
            return query
        rows = self.env.execute_query(
            query.select(
                SQL.identifier(self._table, "id"),
                SQL.identifier(self._table, "res_model"),
                SQL.identifier(self._table, "res_id"),
            )
        )
        hidden = self._supervision_hidden(rows)
        if not hidden:
            return query
        return self.browse(
            [id_ for id_, _model, _res_id in rows if id_ not in hidden]
        )._as_query(order)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if operation != "read" or self.env.su or not self:
            return result
        allowed = self - result[0] if result else self
        # sudo: the followed record is read to check access to it
        rows = [(f.id, f.res_model, f.res_id) for f in allowed.sudo()]
        hidden = self.browse(self._supervision_hidden(rows))
        if not hidden:
            return result
        if result:
            return (result[0] + hidden, result[1])
        return (hidden, lambda: hidden._make_access_error(operation))

    @api.model
    def _supervision_hidden(self, rows):
        """Ids of the ``(id, res_model, res_id)`` rows following a supervision
        record the user may not read."""
        by_model = {}
        for id_, res_model, res_id in rows:
            if is_supervision_model(res_model) and res_model in self.env:
                by_model.setdefault(res_model, {}).setdefault(res_id, []).append(id_)
        hidden = set()
        for res_model, by_res_id in by_model.items():
            records = self.env[res_model].browse(by_res_id)
            readable = set(records._filtered_access("read").ids)
            for res_id, ids in by_res_id.items():
                if res_id not in readable:
                    hidden.update(ids)
        return hidden
