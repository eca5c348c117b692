# Part of university_supervision. See LICENSE file for full copyright and licensing details.
"""Release 18.0.1.1.0, before the module's data is loaded.

Record rules are declared ``noupdate="1"``, so ``-u`` never rewrites a rule
that already exists (Odoo's XML loader skips an existing record of a noupdate
block whatever its ``ir_model_data.noupdate`` flag says). Databases installed
from an earlier release therefore kept the rules of that release, which grant
liaisons and leaders more than the current design does.

The rules follow the code: this step deletes every record rule of the module
(and its external id), so that loading the data recreates each one exactly as
the XML declares it (domain, groups, perm_* flags), and rules that the XML no
longer declares are gone.
"""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)

MODULE = "university_supervision"
# Models whose noupdate records follow the code: deleted here, recreated from
# the XML by the module update (see readme/HISTORY.md).
REFRESHED_MODELS = ("ir.rule",)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    for model in REFRESHED_MODELS:
        cr.execute(
            "SELECT res_id FROM ir_model_data WHERE module = %s AND model = %s",
            (MODULE, model),
        )
        records = env[model].browse(row[0] for row in cr.fetchall()).exists()
        _logger.info(
            "%s %s: %d %s records deleted, the update recreates them from the XML",
            MODULE,
            version,
            len(records),
            model,
        )
        # unlink() also deletes their ir_model_data rows.
        records.unlink()
