# Part of university_supervision. See LICENSE file for full copyright and licensing details.
"""The shipped Chinese translation (i18n/zh_CN.po) covers every term Odoo
exports for the module, and is what users see. (Its header, placeholders and
markup are checked without a database by the ``po-placeholders`` hook of
.pre-commit-config.yaml.)

When a test here fails because strings changed: run
``TEST_STAGES=i18n-export bash scripts/test.sh`` (re-exports
i18n/university_supervision.pot from the test database and merges it into
i18n/zh_CN.po), translate the new and fuzzy entries, remove their fuzzy flag.
"""

import re

import polib

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import file_path
from odoo.tools.translate import TranslationModuleReader

from .common import LANG, MODULE, load_chinese

CJK = re.compile(r"[\u4e00-\u9fff]")


@tagged("post_install", "-at_install")
class TestI18n(TransactionCase):
    """The shipped zh_CN translation is complete, valid and loaded."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.po_path = file_path(f"{MODULE}/i18n/{LANG}.po")
        cls.po = polib.pofile(cls.po_path)
        cls.entries = [entry for entry in cls.po if not entry.obsolete]
        # Odoo merges the template into the .po when it loads it: the
        # translation of a msgid missing from the template is ignored.
        cls.pot_path = file_path(f"{MODULE}/i18n/{MODULE}.pot")
        cls.pot_msgids = {e.msgid for e in polib.pofile(cls.pot_path) if not e.obsolete}

    def _exported_terms(self):
        """Source terms of the module, read the way ``--i18n-export`` does."""
        reader = TranslationModuleReader(self.env.cr, modules=[MODULE])
        terms = {}
        for module, ttype, name, res_id, source, _value, _comments in reader:
            if module == MODULE:
                terms.setdefault(source, f"{ttype}:{name}:{res_id}")
        return terms

    def test_every_exported_term_is_translated(self):
        """Every term Odoo exports for the addon is in the .po and the .pot,
        translated and not fuzzy."""
        terms = self._exported_terms()
        self.assertTrue(terms, f"the exporter found no term at all for {MODULE}")
        by_msgid = {entry.msgid: entry for entry in self.entries}
        missing, untranslated, fuzzy = [], [], []
        for source, where in sorted(terms.items()):
            entry = by_msgid.get(source)
            if entry is None or source not in self.pot_msgids:
                missing.append((source, where))
            elif not entry.msgstr.strip():
                untranslated.append((source, where))
            elif "fuzzy" in entry.flags:
                fuzzy.append((source, where))
        problems = [
            (f"missing from i18n/zh_CN.po or from i18n/{MODULE}.pot", missing),
            ("untranslated", untranslated),
            ("fuzzy (check the translation, then remove the flag)", fuzzy),
        ]
        count = len(missing) + len(untranslated) + len(fuzzy)
        if count:
            lines = [
                f"{count} of {len(terms)} exported terms lack a Chinese translation; "
                f"run TEST_STAGES=i18n-export bash scripts/test.sh and translate them in {self.po_path}:"
            ]
            for label, bad in problems:
                if bad:
                    lines.append(f"-- {label} ({len(bad)}):")
                    lines += [f"   {source!r}  [{where}]" for source, where in bad]
            self.fail("\n".join(lines))

    def test_chinese_when_loaded(self):
        """With zh_CN active and the module's terms loaded, labels and
        messages come out in Chinese."""
        load_chinese(self.env)
        self.env.invalidate_all()
        env_zh = self.env(context=dict(self.env.context, lang=LANG))

        Item = env_zh["supervision.item"]
        states = dict(Item._fields["state"]._description_selection(env_zh))
        self.assertEqual(states["draft"], "立项登记")
        self.assertEqual(states["to_approve"], "待审定")
        self.assertEqual(states["closed"], "已办结")
        levels = dict(Item._fields["level"]._description_selection(env_zh))
        self.assertEqual(levels["key"], "重点督办事项")
        self.assertEqual(
            env_zh["ir.model.fields"]
            ._get("supervision.item", "lead_unit_id")
            .field_description,
            "主办单位",
        )

        # A UserError raised by a workflow action, as an office member who
        # works in Chinese: filing needs a closed item, this one is a draft.
        officer = (
            self.env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": "督办工作人员 测试",
                    "login": "sv_i18n_officer",
                    "email": "sv_i18n_officer@example.com",
                    "lang": LANG,
                    "groups_id": [
                        (4, self.env.ref("base.group_user").id),
                        (
                            4,
                            self.env.ref(f"{MODULE}.group_supervision_officer").id,
                        ),
                    ],
                }
            )
        )
        unit = self.env["supervision.unit"].create(
            {"name": "教务处", "code": "SV-I18N"}
        )
        item = (
            self.env["supervision.item"]
            .with_user(officer)
            .with_context(lang=LANG)
            .create({"name": "完成本科教学改革方案", "lead_unit_id": unit.id})
        )
        self.assertEqual(item.state, "draft")
        with self.assertRaises(UserError) as caught:
            item.action_file()
        message = str(caught.exception)
        self.assertIn("立项登记", message)
        self.assertIn("已办结", message)
        self.assertRegex(message, CJK)
        self.assertNotIn("this step", message)
