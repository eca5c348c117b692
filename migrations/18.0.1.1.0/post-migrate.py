# Part of university_supervision. See LICENSE file for full copyright and licensing details.
"""Release 18.0.1.1.0, after the module's data is loaded.

The pre-migration deleted the module's record rules; loading the data has
recreated those the XML declares, flagged noupdate as in a fresh install.
This step checks that (a rule left without the flag, e.g. declared outside a
noupdate block by mistake, is flagged so that the next ``-u`` does not
silently rewrite it) and logs the rules of the release.
"""

import logging

_logger = logging.getLogger(__name__)

MODULE = "university_supervision"


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE ir_model_data
           SET noupdate = TRUE
         WHERE module = %s AND model = 'ir.rule' AND NOT COALESCE(noupdate, FALSE)
        RETURNING name
        """,
        (MODULE,),
    )
    flagged = sorted(row[0] for row in cr.fetchall())
    if flagged:
        _logger.warning(
            "%s: rules outside a noupdate block, flagged noupdate: %s", MODULE, flagged
        )
    cr.execute(
        "SELECT name FROM ir_model_data WHERE module = %s AND model = 'ir.rule' ORDER BY name",
        (MODULE,),
    )
    names = [row[0] for row in cr.fetchall()]
    _logger.info(
        "%s %s: %d record rules recreated from the XML: %s",
        MODULE,
        version,
        len(names),
        ", ".join(names),
    )
