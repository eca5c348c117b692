# Part of university_supervision. See LICENSE file for full copyright and licensing details.
"""Supervision briefings (督办简报): bimonthly and year-end drafts by the
scheduled action, on demand for any period, publication and the PDF."""

import os
import shutil
import subprocess
import tempfile
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import config

from ..models.supervision_assessment_report import MEASURES as REPORT_MEASURES
from .common_assessment import AssessmentCommon
from .test_reports import LANG, MODULE, normalize

MEASURES = (*REPORT_MEASURES, "on_time_rate")


@tagged("post_install", "-at_install")
class TestBriefing(AssessmentCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # issue numbers restart every year: start from an empty register
        cls.env.ref(f"{MODULE}.seq_supervision_briefing").date_range_ids.unlink()
        cls.Briefing = cls.env["supervision.briefing"]
        cls.Briefing.search([]).sudo().write({"state": "draft"})
        cls.Briefing.search([]).unlink()

    def _run_cron(self, day):
        with self._at(day):
            briefings = self.Briefing._cron_generate_briefings()
        self.flush_tracking()
        return briefings

    def _lines(self, briefing):
        return {
            (line.unit_id.name, line.role, line.level): tuple(
                line[fname] for fname in MEASURES
            )
            for line in briefing.line_ids
        }

    def _new(self, date_from, date_to, user=None):
        briefing = self.Briefing.with_user(user or self.officer).create(
            {
                "name": "Briefing",
                "period_type": "custom",
                "date_from": date_from,
                "date_to": date_to,
            }
        )
        return briefing.with_env(self.env)

    # ------------------------------------------------------------------
    # Generation
    # ------------------------------------------------------------------

    def test_cron_drafts_bimonthly_briefing(self):
        """On 1 May the scheduled action drafts the March-April briefing:
        figures per unit, level and role for the year so far, the items
        closed, overdue and escalated in the period, units to praise and to
        name."""
        items = self._build_year()
        briefing = self._run_cron("2026-05-01")
        self.assertRecordValues(
            briefing,
            [
                {
                    "name": "Supervision Briefing, 03/01/2026 to 04/30/2026",
                    "period_type": "bimonthly",
                    "date_from": date(2026, 3, 1),
                    "date_to": date(2026, 4, 30),
                    "state": "draft",
                    "number": False,
                }
            ],
        )
        self.assertEqual(
            self._lines(briefing),
            {
                ("Academic Affairs Office", "lead", "key"): (
                    3,
                    2,
                    1,
                    1,
                    2,
                    0,
                    0,
                    2,
                    1,
                    50.0,
                ),
                ("Academic Affairs Office", "lead", "reminder"): (
                    1,
                    1,
                    1,
                    0,
                    0,
                    1,
                    0,
                    0,
                    0,
                    100.0,
                ),
                ("Academic Affairs Office", "assist", "reminder"): (
                    1,
                    1,
                    1,
                    1,
                    0,
                    0,
                    0,
                    0,
                    0,
                    100.0,
                ),
                ("Finance Office", "lead", "reminder"): (
                    1,
                    1,
                    1,
                    1,
                    0,
                    0,
                    1,
                    0,
                    0,
                    100.0,
                ),
                ("Finance Office", "assist", "key"): (
                    3,
                    2,
                    1,
                    1,
                    2,
                    0,
                    0,
                    1,
                    0,
                    50.0,
                ),
                ("Finance Office", "assist", "reminder"): (
                    1,
                    1,
                    1,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    100.0,
                ),
            },
        )
        self.assertEqual(
            briefing.closed_item_ids,
            items["on_time"] | items["late"] | items["extended"] | items["returned"],
        )
        self.assertEqual(briefing.overdue_item_ids, items["late"] | items["overdue"])
        self.assertEqual(briefing.escalated_item_ids, items["overdue"])
        self.assertEqual(briefing.praised_unit_ids, self.unit_b)
        self.assertEqual(briefing.named_unit_ids, self.unit_a)

    def test_cron_is_idempotent(self):
        """A second run, the same day or later in the period, drafts nothing
        new; the next period gets its own briefing."""
        first = self._run_cron("2026-05-01")
        self.assertEqual(len(first), 1)
        self.assertFalse(self._run_cron("2026-05-01"))
        self.assertFalse(self._run_cron("2026-06-30"))
        second = self._run_cron("2026-07-01")
        self.assertRecordValues(
            second, [{"date_from": date(2026, 5, 1), "date_to": date(2026, 6, 30)}]
        )
        self.assertEqual(self.Briefing.search_count([]), 2)

    def test_cron_year_end(self):
        """In January the scheduled action also drafts the year-end briefing
        and computes the units' scores of the year."""
        self._build_year()
        briefings = self._run_cron("2027-01-04")
        self.assertEqual(
            {(b.period_type, b.date_from, b.date_to) for b in briefings},
            {
                ("bimonthly", date(2026, 11, 1), date(2026, 12, 31)),
                ("year_end", date(2026, 1, 1), date(2026, 12, 31)),
            },
        )
        year_end = briefings.filtered(lambda b: b.period_type == "year_end")
        self.assertEqual(year_end.name, "Supervision Briefing, Year 2026")
        self.assertEqual(len(year_end.closed_item_ids), 4)
        scores = self.env["supervision.unit.score"].search(
            [("date_from", "=", date(2026, 1, 1)), ("date_to", "=", date(2026, 12, 31))]
        )
        self.assertEqual(
            {s.unit_id: s.total for s in scores},
            {self.unit_a: -7.0, self.unit_b: 3.0},
        )
        self.assertFalse(self._run_cron("2027-02-28"))

    def test_on_demand_for_any_period(self):
        """The office drafts a briefing for any period and generates it; a
        custom period's figures cover exactly its dates."""
        items = self._build_year()
        with self._at("2026-05-06"):
            briefing = self._new(date(2026, 3, 1), date(2026, 3, 31))
            self._as(self.officer, briefing).action_generate()
        self.assertEqual(briefing.closed_item_ids, items["on_time"] | items["returned"])
        self.assertEqual(sum(briefing.line_ids.mapped("item_count")), 10)
        self.assertFalse(briefing.escalated_item_ids)
        with self._at("2026-05-06"):
            empty = self._new(date(2026, 5, 1), date(2026, 5, 31))
            self._as(self.officer, empty).action_generate()
        self.assertFalse(empty.line_ids)
        self.assertFalse(empty.closed_item_ids)

    def test_confidential_items_are_not_listed(self):
        """A confidential item counts in the figures but is never listed."""
        with self._at("2026-03-02"):
            item = (
                self.env["supervision.item"]
                .with_user(self.officer)
                .create(
                    {
                        "name": "Confidential matter",
                        "lead_unit_id": self.unit_a.id,
                        "assist_unit_ids": [(5, 0, 0)],
                        "deadline": date(2026, 3, 31),
                        "is_confidential": True,
                        "confidential_user_ids": [
                            (6, 0, (self.officer | self.head_a).ids)
                        ],
                    }
                )
            )
            self._bring_to(item, "in_progress")
        with self._at("2026-03-20"):
            self._close(item)
        briefing = self._run_cron("2026-05-01")
        self.assertEqual(briefing.line_ids.closed_count, 1)
        self.assertFalse(briefing.closed_item_ids)

    # ------------------------------------------------------------------
    # Publication and access
    # ------------------------------------------------------------------

    def test_publish_locks_and_notifies_leaders(self):
        """Publishing numbers the briefing, locks it and notifies the school
        leaders; only the administrator reopens it."""
        self._build_year()
        briefing = self._run_cron("2026-05-01")
        self._as(self.officer, briefing).write(
            {"narrative": "<p>Most items were closed on time.</p>"}
        )
        with self._at("2026-05-06"):
            self._as(self.officer, briefing).action_publish()
        self.flush_tracking()
        self.assertRecordValues(
            briefing,
            [
                {
                    "state": "published",
                    "number": "2026年第1期",
                    "date_published": date(2026, 5, 6),
                    "published_by_id": self.officer.id,
                }
            ],
        )
        message = briefing.message_ids.filtered(
            lambda m: "2026年第1期" in (m.body or "")
        )
        self.assertEqual(len(message), 1)
        self.assertEqual(
            message.partner_ids,
            (self.leader | self.leader_other | self.principal).partner_id,
        )
        with self.assertRaisesMessage(UserError, "can no longer be changed"):
            self._as(self.officer, briefing).write({"narrative": "<p>Changed</p>"})
        with self.assertRaisesMessage(UserError, "published"):
            self._as(self.officer, briefing).action_generate()
        with self.assertRaises(UserError):
            self._as(self.officer, briefing).unlink()
        with self.assertRaises(AccessError):
            self._as(self.officer, briefing).action_reset_to_draft()
        self._as(self.manager, briefing).action_reset_to_draft()
        self.assertEqual(briefing.state, "draft")

    def test_publish_needs_figures(self):
        briefing = self._new(date(2026, 3, 1), date(2026, 4, 30))
        with self.assertRaisesMessage(UserError, "Generate the figures"):
            self._as(self.officer, briefing).action_publish()

    def test_state_only_through_buttons(self):
        briefing = self._new(date(2026, 3, 1), date(2026, 4, 30))
        with self.assertRaises(UserError):
            self._as(self.officer, briefing).write({"state": "published"})

    def test_access(self):
        """Units and leaders read published briefings only; only the office
        creates and generates them."""
        self._build_year()
        briefing = self._run_cron("2026-05-01")
        Briefing = self.Briefing
        for user in (self.head_a, self.liaison_b, self.leader, self.principal):
            self.assertFalse(self._as(user, Briefing).search([]), user.name)
        with self.assertRaises(AccessError):
            self._new(date(2026, 1, 1), date(2026, 2, 28), user=self.head_a)
        with self.assertRaises(AccessError):
            self._as(self.leader, briefing).action_generate()
        with self._at("2026-05-06"):
            self._as(self.officer, briefing).action_publish()
        for user in (self.head_a, self.liaison_b, self.leader, self.principal):
            self.assertEqual(self._as(user, Briefing).search([]), briefing, user.name)
        self.assertEqual(len(self._as(self.head_c, briefing).line_ids), 6)
        with self.assertRaises(AccessError):
            self._as(self.head_a, briefing).write({"name": "Mine"})

    # ------------------------------------------------------------------
    # PDF
    # ------------------------------------------------------------------

    def test_briefing_pdf_in_chinese(self):
        """督办简报 as a PDF in Chinese: masthead, issue number, issuer,
        figures, lists and praised and named units."""
        self.env["res.lang"]._activate_lang(LANG)
        self.env["ir.module.module"]._load_module_terms(
            [MODULE], [LANG], overwrite=True
        )
        self.env.registry.clear_cache()
        university = self.env["res.company"].create({"name": "西北大学"})
        self.officer.company_ids |= university
        self._build_year()
        self.unit_a.name = "教务处"
        self.unit_b.name = "财务处"
        briefing = self._run_cron("2026-05-01")
        with self._at("2026-05-06"):
            self._as(self.officer, briefing).action_publish()
        self.assertEqual(self.env["ir.actions.report"].get_wkhtmltopdf_state(), "ok")
        self.env["ir.config_parameter"].set_param(
            "report.url", f"http://127.0.0.1:{config['http_port']}"
        )
        self.env.invalidate_all()
        content, report_type = (
            self.env["ir.actions.report"]
            .with_user(self.officer)
            .with_company(university)
            .with_context(lang=LANG, force_report_rendering=True)
            ._render_qweb_pdf(
                f"{MODULE}.action_report_supervision_briefing", briefing.ids
            )
        )
        self.assertEqual(report_type, "pdf")
        with tempfile.TemporaryDirectory(prefix="sv_briefing_") as tmp:
            path = os.path.join(tmp, "briefing.pdf")
            with open(path, "wb") as pdf:
                pdf.write(content)
            result = subprocess.run(
                [shutil.which("pdftotext"), "-layout", "-enc", "UTF-8", path, "-"],
                capture_output=True,
                check=True,
                timeout=60,
            )
        text = normalize(result.stdout.decode())
        for expected in (
            "督办简报",
            "2026年第1期",
            "西北大学党委办公室、校长办公室",
            "2026年5月6日",
            "一、各单位督办情况",
            "教务处",
            "主办",
            "重点督办事项",
            "50%",
            "二、办结事项",
            "Extended",
            "三、逾期事项",
            "Overdue(教务处，到期日：2026年3月31日)",
            "四、升级为重点督办的事项",
            "五、表扬与通报",
            "表扬单位:财务处",
            "通报单位:教务处",
            "报:校领导",
        ):
            self.assertIn(normalize(expected), text)
        self.assertNotIn("Figures per Unit", text)
