# Part of university_supervision. See LICENSE file for full copyright and licensing details.
"""The printed forms come out of wkhtmltopdf as real PDFs in Chinese.

Each test renders a report to PDF through ``ir.actions.report`` in zh_CN and
reads its text back with ``pdftotext``. Noto CJK glyphs such as 工, 二, 行
come back as radicals (⼯, ⼆, ⾏, ⻓, ⻅): :func:`normalize` maps them back,
NFKC also turns full-width punctuation (（ ） ， ：) into ASCII, and whitespace
is dropped before comparing; the expected strings go through the same
normalization.

wkhtmltopdf fetches the report's CSS from ``report.url``; the tests point it
at the HTTP server pytest-odoo starts with ``--odoo-http``. Without it the
CSS is missing but the text is still there: nothing here depends on CSS.
"""

import os
import shutil
import subprocess
import tempfile
from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import tagged
from odoo.tools import config

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin
from odoo.addons.university_supervision.tools.ledger import ledger_headers

from .common import LANG, MODULE, SupervisionCommon, load_chinese, normalize

ASSIGNED = "2026-03-02 02:00:00"  # Monday 10:00 in Beijing


@tagged("post_install", "-at_install")
class TestReports(SupervisionCommon):
    """督办单, 工作进展提醒单, 督办工作约谈通知单 and 督办事项台账 as PDF in Chinese."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_chinese(cls.env)
        cls.env.ref(f"{MODULE}.seq_supervision_interview").date_range_ids.unlink()
        # A Chinese university, so that CJK text is really rendered. A new
        # company rather than a renamed one: renaming locks the company's
        # row (its name is unique), and the asset bundles the test HTTP server
        # stores for wkhtmltopdf reference that row, so the server would wait
        # for the test's transaction while the test waits for wkhtmltopdf.
        cls.university = cls.env["res.company"].create({"name": "西北大学"})
        cls.officer.company_ids |= cls.university
        cls.unit_a.name = "教务处"
        cls.unit_b.name = "财务处"
        cls.unit_c.name = "图书馆"
        cls.leader.name = "李副校长"
        cls.head_a.name = "王处长"
        cls.liaison_a.name = "刘老师"
        cls.officer.name = "陈老师"

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def _render_pdf(self, report_xmlid, records):
        """The report as PDF bytes, printed by the office in Chinese."""
        self.assertEqual(
            self.env["ir.actions.report"].get_wkhtmltopdf_state(),
            "ok",
            f"wkhtmltopdf is needed to print the forms ({_get_wkhtmltopdf_bin()})",
        )
        # wkhtmltopdf loads the CSS from the test HTTP server, not from
        # whatever else may listen on web.base.url's port.
        self.env["ir.config_parameter"].set_param(
            "report.url", f"http://127.0.0.1:{config['http_port']}"
        )
        self.env.invalidate_all()
        content, report_type = (
            self.env["ir.actions.report"]
            .with_user(self.officer)
            .with_company(self.university)
            .with_context(lang=LANG, force_report_rendering=True)
            ._render_qweb_pdf(f"{MODULE}.{report_xmlid}", records.ids)
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(content.startswith(b"%PDF"), content[:200])
        return content

    def _pdf_text(self, content):
        """The PDF's text (pdftotext -layout), normalized."""
        pdftotext = shutil.which("pdftotext")
        self.assertTrue(pdftotext, "pdftotext (poppler-utils) is needed")
        with tempfile.TemporaryDirectory(prefix="sv_report_") as tmp:
            path = os.path.join(tmp, "report.pdf")
            with open(path, "wb") as pdf:
                pdf.write(content)
            result = subprocess.run(
                [pdftotext, "-layout", "-enc", "UTF-8", path, "-"],
                capture_output=True,
                check=True,
                timeout=60,
            )
        return normalize(result.stdout.decode())

    def assertPrinted(self, text, *expected):
        """Each expected string is in the normalized text."""
        for value in expected:
            self.assertIn(normalize(value), text)

    def _key_item(self):
        """A key item assigned on 2 March 2026, due 31 March 2026."""
        with freeze_time(ASSIGNED):
            item = self._create_item(
                name="制定本科教学改革实施方案",
                level="key",
                lead_leader_id=self.leader.id,
                content="<p>落实党委常委会决定，明确课程体系改革任务。</p>",
                requirements="<p>形成方案初稿后征求各学院意见。</p>",
                deadline=date(2026, 3, 31),
            )
            return self._bring_to(item, "assigned")

    # ------------------------------------------------------------------
    # Tests
    # ------------------------------------------------------------------

    def test_interview_notice(self):
        """督办工作约谈通知单 and its 存根, worded as the NWU form, with the
        unit, the items, the date, the place and the people."""
        item = self._key_item()
        with freeze_time("2026-04-03 02:00:00"):
            interview = (
                self.env["supervision.interview"]
                .with_user(self.officer)
                .create(
                    {
                        "unit_id": self.unit_a.id,
                        "item_ids": [(6, 0, item.ids)],
                        "interviewer_id": self.leader.id,
                        "interviewee_ids": [(6, 0, self.head_a.ids)],
                        "date": datetime(2026, 4, 8, 7, 0),  # 15:00 in Beijing
                        "place": "行政楼三楼会议室",
                    }
                )
            )
            interview.action_notify()
        self.assertEqual(interview.name, "（2026）督字（1）号")
        text = self._pdf_text(
            self._render_pdf("action_report_supervision_interview", interview)
        )
        self.assertPrinted(
            text,
            "西北大学",
            "存根",
            "抄送：校领导",
            "教务处",
            "因制定本科教学改革实施方案工作在催办后仍未按期完成",
            "2026年4月8日 15:00",
            "王处长由李副校长在行政楼三楼会议室进行工作约谈",
            "2026年4月3日",
        )
        # the stub and the notice itself
        for value in ("督办工作约谈通知单", "（2026）督字（1）号", "特此通知"):
            self.assertEqual(text.count(normalize(value)), 2, value)
        self.assertNotIn("Because", text)

    def test_supervision_form(self):
        """督办单 of a key item: its number, units, leaders, content and the
        deadline in Chinese long form."""
        item = self._key_item()
        item.assist_unit_ids |= self.unit_c
        self.assertEqual(item.number, "督字〔2026〕1号")
        text = self._pdf_text(self._render_pdf("action_report_supervision_form", item))
        self.assertPrinted(
            text,
            "西北大学",
            "督办单",
            "督字〔2026〕1号",
            "主办单位",
            "教务处",
            "协办单位",
            "财务处、图书馆",
            "分管校领导",
            "牵头领导",
            "李副校长",
            "制定本科教学改革实施方案",
            "落实党委常委会决定，明确课程体系改革任务。",
            "形成方案初稿后征求各学院意见。",
            "办结时限",
            "2026年3月31日",
            "2026年3月2日",
        )
        self.assertNotIn("SupervisionForm", text)

    def test_reminder_form(self):
        """工作进展提醒单 of a reminder item with the unit's reply: committed
        date, measures, completion form, handler and contact."""
        with freeze_time(ASSIGNED):
            item = self._create_item(
                name="报送年度本科教学质量报告",
                level="reminder",
                content="<p>编制并报送本科教学质量报告。</p>",
                deadline=date(2026, 4, 30),
            )
            self._bring_to(item, "assigned")
            self._acknowledge(
                item,
                date_committed=date(2026, 4, 25),
                measures="组织各学院报送数据",
                completion_form="书面报告",
                handler_id=self.liaison_a.id,
                handler_phone="029-88302000",
            )
        self.assertEqual(item.number, "督提〔2026〕1号")
        text = self._pdf_text(
            self._render_pdf("action_report_supervision_reminder", item)
        )
        self.assertPrinted(
            text,
            "西北大学",
            "工作进展提醒单",
            "督提〔2026〕1号",
            "报送年度本科教学质量报告",
            "主办单位",
            "教务处",
            "协办单位",
            "财务处",
            "编制并报送本科教学质量报告。",
            "办结时限",
            "2026年4月30日",
            "回复时限",
            "2026年3月9日",
            "承诺办结时间：2026年4月25日",
            "工作举措：组织各学院报送数据",
            "办结形式：书面报告",
            "刘老师029-88302000",
        )

    def test_ledger(self):
        """督办事项台账 lists every item given with its number, title, level,
        units and state."""
        key = self._key_item()
        with freeze_time(ASSIGNED):
            reminder = self._create_item(
                name="完成新进教师岗前培训", deadline=date(2026, 5, 15)
            )
            self._bring_to(reminder, "assigned")
            other = self._create_item(
                name="答复教代会提案",
                lead_unit_id=self.unit_c.id,
                assist_unit_ids=[(5, 0, 0)],
                deadline=date(2026, 3, 20),
            )
            self._as(self.officer, other).action_submit_for_approval()
            self._as(self.leader_other, other).action_approve()
        items = key | reminder | other
        self.assertEqual(
            items.mapped("number"),
            ["督字〔2026〕1号", "督提〔2026〕1号", "督提〔2026〕2号"],
        )
        text = self._pdf_text(
            self._render_pdf("action_report_supervision_ledger", items)
        )
        self.assertPrinted(
            text,
            "西北大学",
            "督办事项台账",
            "重点督办事项",
            "常规提醒事项",
            "图书馆",
            "已交办",
        )
        for item in items:
            self.assertPrinted(text, item.number, item.name)
        # the columns of the Excel ledger and of the saved export template
        self.assertPrinted(text, *ledger_headers(items.with_context(lang=LANG)))
        self.assertPrinted(text, "2026年3月2日")

    def test_supervision_form_opinions(self):
        """The 督办单's 审定意见 cell prints the leaders' opinions, not just
        the leader's name."""
        item = self._key_item()
        with freeze_time("2026-03-05 02:00:00"):
            self.env["supervision.decision.wizard"].with_user(self.leader).create(
                {
                    "item_id": item.id,
                    "stage": "instruction",
                    "opinion": "请教务处两周内报送方案初稿。",
                }
            ).action_confirm()
        text = self._pdf_text(self._render_pdf("action_report_supervision_form", item))
        self.assertPrinted(
            text,
            "审定意见",
            "李副校长",
            "请教务处两周内报送方案初稿。",
            "2026年3月5日",
        )

    def test_urge_notice(self):
        """催办通知单 with its yearly number, the item and the urge."""
        item = self._key_item()
        self.env.ref(f"{MODULE}.seq_supervision_urge").date_range_ids.unlink()
        with freeze_time("2026-04-03 02:00:00"):
            urge = item.with_user(self.officer)._do_urge(
                "phone", "请于本周内报送进展。"
            )
        text = self._pdf_text(self._render_pdf("action_report_supervision_urge", urge))
        self.assertPrinted(
            text,
            "催办通知单",
            "催字〔2026〕1号",
            "制定本科教学改革实施方案",
            "教务处",
            "请于本周内报送进展。",
        )
