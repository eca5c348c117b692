# Part of university_supervision. See LICENSE file for full copyright and licensing details.
"""The screens an office uses all day, and the leaders' cockpit (issue 17).

The browser checks are Odoo tours in ``static/tests/tours/supervision_ui_tour.js``
run in headless Chromium as Chinese-speaking users; the rest is checked on the
ORM. Each test's docstring names the defect of the issue it proves.
"""

import ast
import json
import re
from datetime import date

from freezegun import freeze_time
from lxml import etree

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import file_open

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import GROUP_PREFIX, SupervisionTourCommon

DASHBOARDS = "university_supervision/data/dashboards/%s"
PARAM = "university_supervision.%s"


class SupervisionUiCommon(SupervisionTourCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = mail_new_test_user(
            cls.env,
            login="sv_tour_manager",
            name="刘主任",
            groups=f"base.group_user,{GROUP_PREFIX}manager",
            lang="zh_CN",
            tz="Asia/Shanghai",
        )

    def _submitted_item(self, **vals):
        item = self._create_item_in("in_progress", **vals)
        head_item = item.with_user(self.head_a)
        head_item.write({"result_note": "<p>已全部完成</p>"})
        head_item.action_submit_result()
        self.assertEqual(item.state, "submitted")
        return item


@tagged("post_install", "-at_install")
class TestSupervisionUiTours(SupervisionUiCommon):
    """The tours of issue 17 on a 1440x900 screen."""

    browser_size = "1440x900"

    def test_settings_page_for_manager(self):
        """Defect 2: the 督办管理员, who is no Odoo administrator, opens the
        supervision settings from the Configuration menu and saves them."""
        self.assertFalse(self.manager.has_group("base.group_system"))
        self._start_tour("/odoo", "university_supervision_ui_settings", self.manager)
        self.assertEqual(
            self.env["ir.config_parameter"].get_param(PARAM % "ack_days"), "10"
        )

    def test_office_list_kanban_pivot_graph(self):
        """Defects 3, 7 and 10 and the item's pivot and graph views: the list
        opens on 未办结 with drafts and items awaiting approval, shows the
        number, level and state columns and the lights of submitted items;
        the kanban's yellow lamp is yellow, with its name; the urge is named
        by its item and day; the assessment shows 主办 before 协办 and fits
        the screen."""
        self._create_item(name="起草中的事项")
        to_approve = self._create_item(name="待审定的事项")
        to_approve.with_user(self.officer).action_submit_for_approval()
        due_soon = self._create_item_in(
            "in_progress", name="临近期限的事项", level="key"
        )
        due_soon.write({"warning_light": "yellow"})
        self._submitted_item(name="已报结的事项")
        self.env["supervision.urge"].with_user(self.officer).create(
            {"item_id": due_soon.id, "channel": "phone", "note": "请加快进度"}
        )
        closed = self._submitted_item(name="已办结的事项")
        closed.with_user(self.officer).action_review_pass()
        self.assertEqual(closed.state, "closed")
        self._start_tour(
            "/odoo/action-university_supervision.supervision_item_action",
            "university_supervision_ui_office",
            self.officer,
        )

    def test_popups_do_not_focus_the_item(self):
        """Defect 6: the progress and extension pop-ups opened from an item
        show the item read-only; the cursor is not in it (a keystroke cannot
        replace it) but in the requested deadline."""
        self._create_item_in("in_progress", name="临近期限的事项")
        self._start_tour(
            "/odoo/action-university_supervision.supervision_item_action_my_units",
            "university_supervision_ui_popups",
            self.head_a,
        )

    def test_cockpit(self):
        """Beyond the defects: the leader opens the leaders' cockpit in the
        Dashboards app: headline figures, charts by unit, leader and month,
        and a figure opens the items behind it."""
        item = self._create_item_in("in_progress", name="临近期限的事项")
        item.write({"warning_light": "red", "is_overdue": True})
        self._create_item_in("in_progress", name="另一事项")
        self._start_tour("/odoo", "university_supervision_ui_cockpit", self.leader)


@tagged("post_install", "-at_install")
class TestSupervisionUiToursPhone(SupervisionUiCommon):
    """The cockpit on a phone: 375x667 pixels, touch screen."""

    browser_size = "375x667"
    touch_enabled = True

    def test_cockpit_on_phone(self):
        """Defect 8 and the cockpit: a phone shows charts only, so the
        headline figures and the per-unit figures are charts it shows."""
        item = self._create_item_in("in_progress", name="临近期限的事项")
        item.write({"warning_light": "red", "is_overdue": True})
        self._start_tour(
            "/odoo", "university_supervision_ui_cockpit_phone", self.leader
        )


@tagged("post_install", "-at_install")
class TestSupervisionUi(SupervisionUiCommon):
    """What the screens rely on, checked on the ORM."""

    # ------------------------------------------------------------------
    # Defect 2: settings
    # ------------------------------------------------------------------

    def test_settings_model_for_manager_only(self):
        """Defect 2: the manager reads and writes the parameters through
        supervision.settings; the office staff may not; the Configuration
        menu opens that page."""
        settings = self.env["supervision.settings"].with_user(self.manager)
        values = settings.default_get(["ack_days", "tz", "auto_escalate"])
        self.assertEqual(values["ack_days"], 7)
        self.assertEqual(values["tz"], "Asia/Shanghai")
        action = settings.action_open_settings()
        page = settings.browse(action["res_id"])
        self.assertRecordValues(page, [{"ack_days": 7, "auto_escalate": True}])
        page.write({"ack_days": 5, "auto_escalate": False})
        page.action_save()
        get = self.env["ir.config_parameter"].get_param
        self.assertEqual(get(PARAM % "ack_days"), "5")
        self.assertEqual(get(PARAM % "auto_escalate"), "False")
        self.assertFalse(self.env["supervision.item"]._get_setting("auto_escalate"))
        with self.assertRaises(AccessError):
            self.env["supervision.settings"].with_user(self.officer).create({})
        menu = self.env.ref("university_supervision.supervision_settings_menu")
        self.assertEqual(
            menu.action,
            self.env.ref("university_supervision.supervision_settings_action"),
        )
        self.assertEqual(
            menu.parent_id,
            self.env.ref("university_supervision.menu_supervision_config"),
        )

    # ------------------------------------------------------------------
    # Defect 3: display names
    # ------------------------------------------------------------------

    @freeze_time("2026-11-20 02:00:00")
    def test_urge_and_review_names(self):
        """Defect 3: urges and reviews are named by their item's number and
        day, not ``supervision.urge,14``; an item without a number by its
        title."""
        item = self._create_item_in("in_progress", level="key")
        urge = (
            self.env["supervision.urge"]
            .with_user(self.officer)
            .create({"item_id": item.id, "channel": "phone"})
        )
        review = self.env["supervision.review"].create(
            {"item_id": item.id, "conclusion": "passed"}
        )
        self.assertRegex(item.number, r"^督字〔2026〕\d+号$")
        self.assertEqual(
            urge.with_user(self.officer).display_name, f"{item.number} 催办 2026-11-20"
        )
        self.assertEqual(
            review.with_user(self.officer).display_name,
            f"{item.number} 审核 2026-11-20",
        )
        draft = self._create_item(name="无编号事项")
        urge.item_id = draft
        self.assertEqual(
            urge.with_context(lang="en_US").display_name, "无编号事项 urge 2026-11-20"
        )

    # ------------------------------------------------------------------
    # Defect 7: the default filter
    # ------------------------------------------------------------------

    def test_open_filter_includes_registration(self):
        """Defect 7: the default 未办结 filter keeps drafts and items awaiting
        approval, and leaves out closed and cancelled items."""
        arch = self.env.ref("university_supervision.supervision_item_view_search").arch
        node = etree.fromstring(arch).xpath("//filter[@name='open']")[0]
        domain = ast.literal_eval(node.get("domain"))
        draft = self._create_item(name="起草中的事项")
        to_approve = self._create_item(name="待审定的事项")
        to_approve.with_user(self.officer).action_submit_for_approval()
        cancelled = self._create_item(name="已撤销的事项")
        cancelled.with_user(self.officer).action_cancel(reason="重复")
        closed = self._submitted_item(name="已办结的事项")
        closed.with_user(self.officer).action_review_pass()
        in_progress = self._create_item_in("in_progress", name="办理中的事项")
        found = self.env["supervision.item"].with_user(self.officer).search(domain)
        self.assertLessEqual(draft | to_approve | in_progress, found)
        self.assertFalse((cancelled | closed) & found)
        for xmlid in ("supervision_item_action", "supervision_item_action_my_units"):
            action = self.env.ref(f"university_supervision.{xmlid}")
            self.assertIn("'search_default_open': 1", action.context)

    # ------------------------------------------------------------------
    # Defect 9: texts
    # ------------------------------------------------------------------

    def test_help_texts_say_what_fields_mean(self):
        """Defect 9: no tooltip quotes a regulation's article."""
        article = re.compile(
            r"NWU|GDUFS|第[一二三四五六七八九十]+条|西北大学|广东外语|广外"
        )
        for model in self.env.registry.values():
            if not model._name.startswith("supervision.") and model._name not in (
                "res.config.settings",
                "res.users",
            ):
                continue
            for name, field in model._fields.items():
                for lang in ("en_US", "zh_CN"):
                    help_text = field._description_help(
                        self.env(context={"lang": lang})
                    )
                    self.assertFalse(
                        help_text and article.search(help_text),
                        f"{model._name}.{name} ({lang}): {help_text}",
                    )

    def test_chinese_labels(self):
        """Defect 9: full-width brackets in the states; the rule's code is not
        a unit's code; the briefing's title is not an item's title; carrying
        over is 结转; an extension is approved with 同意延期."""
        zh = self.env(context={"lang": "zh_CN"})
        states = dict(
            zh["supervision.item"]._fields["state"]._description_selection(zh)
        )
        self.assertEqual(states["assigned"], "已交办（待签收）")
        self.assertEqual(states["submitted"], "已报结（待审核）")
        self.assertFalse([s for s in states.values() if "(" in s or ")" in s])
        fields_get = zh["supervision.score.rule"].fields_get(["code"])
        self.assertEqual(fields_get["code"]["string"], "规则编码")
        self.assertEqual(
            zh["supervision.unit"].fields_get(["code"])["code"]["string"], "单位编码"
        )
        self.assertEqual(
            zh["supervision.briefing"].fields_get(["name"])["name"]["string"],
            "简报标题",
        )
        form = zh["supervision.item"].get_views([(False, "form")])["views"]["form"][
            "arch"
        ]
        self.assertIn('string="结转下一年度"', form)
        self.assertNotIn("滚动", form)
        form = zh["supervision.extension"].get_views([(False, "form")])["views"][
            "form"
        ]["arch"]
        self.assertIn('string="同意延期"', form)

    def test_chinese_messages_dates_and_quotes(self):
        """Defect 9: dates inside Chinese messages read 2026年11月20日 and the
        item's name is set apart in 「」."""
        with freeze_time("2026-11-02 02:00:00"):
            item = self._create_item_in("assigned", deadline=date(2026, 11, 20))
        extension = (
            self.env["supervision.extension"]
            .with_user(self.head_a)
            .create(
                {
                    "item_id": item.id,
                    "date_requested": date(2026, 12, 20),
                    "reason": "设备延期",
                }
            )
        )
        with freeze_time("2026-11-25 02:00:00"), self.assertRaises(UserError) as caught:
            extension.with_context(lang="zh_CN").action_submit()
        message = str(caught.exception)
        self.assertIn("2026年11月20日", message)
        self.assertIn(f"「{item.display_name}」", message)
        self.assertNotIn("2026-11-20", message)

    def test_activity_summary_in_recipient_language(self):
        """Defect 9: a to-do's summary is in its recipient's language, not in
        the language of the user whose action created it."""
        self.officer.lang = "en_US"
        item = self._create_item()
        item.with_user(self.officer).with_context(
            lang="en_US"
        ).action_submit_for_approval()
        activity = item.activity_ids.filtered(lambda a: a.user_id == self.leader)
        act_type = self.env.ref("university_supervision.mail_act_item_approve")
        self.assertEqual(activity.summary, act_type.with_context(lang="zh_CN").summary)
        self.assertNotEqual(
            activity.summary, act_type.with_context(lang="en_US").summary
        )

    # ------------------------------------------------------------------
    # Defect 10: layout
    # ------------------------------------------------------------------

    def test_assessment_lead_before_assist(self):
        """Defect 10: grouped by role, the assessment lists 主办 before 协办."""
        self._create_item_in("in_progress")
        groups = self.env["supervision.assessment.report"].read_group(
            [("unit_id", "in", (self.unit_a | self.unit_b).ids)],
            ["item_count:sum"],
            ["unit_id", "role"],
            lazy=False,
        )
        self.assertEqual([g["role"] for g in groups], ["lead", "assist"])

    # ------------------------------------------------------------------
    # Defect 11: home action and login page
    # ------------------------------------------------------------------

    def test_home_action_of_supervision_users(self):
        """Defect 11: supervision users land in the supervision app (their
        own list by role); other users keep Odoo's default."""
        expected = {
            self.officer: "supervision_item_action",
            self.leader: "supervision_item_action_to_approve",
            self.head_a: "supervision_item_action_my_units",
            self.liaison_a: "supervision_item_action_my_units",
        }
        for user, xmlid in expected.items():
            self.assertEqual(
                user.action_id.id, self.env.ref(f"university_supervision.{xmlid}").id
            )
        other = mail_new_test_user(self.env, login="sv_other", groups="base.group_user")
        self.assertFalse(other.action_id)

    def test_login_page_asks_for_account(self):
        """Defect 11: the login is labelled as an account, not an e-mail."""
        page = self.url_open("/web/login").text
        self.assertIn('placeholder="Account"', page)
        self.assertNotIn('placeholder="Email"', page)

    # ------------------------------------------------------------------
    # Defect 8 and the cockpit: the dashboards' files
    # ------------------------------------------------------------------

    def _snapshot(self, name):
        with file_open(DASHBOARDS % name, "rb") as f:
            return json.load(f)

    def test_dashboards_show_translated_texts_only(self):
        """Defect 8: no ``PIVOT()`` block (its corner shows the pivot's
        English name), every text cell is translated, months are grouped as
        2026-03 (not 「三月 2026」) and every table has a chart a phone shows."""
        for name in (
            "supervision_dashboard.json",
            "supervision_cockpit_dashboard.json",
        ):
            snapshot = self._snapshot(name)
            sheet = snapshot["sheets"][0]
            for ref, cell in sheet["cells"].items():
                content = cell["content"]
                self.assertTrue(content.startswith("="), f"{name} {ref}: {content}")
                self.assertNotRegex(content, r"\bPIVOT\(", f"{name} {ref}")
            charts = [
                f["data"]
                for f in sheet["figures"]
                if f["data"]["type"].startswith("odoo_")
            ]
            self.assertGreaterEqual(len(charts), 4, name)
            for chart in charts:
                for group in chart["metaData"]["groupBy"]:
                    self.assertNotIn(":month", group, name)
            bars = [c for c in charts if c["type"] == "odoo_bar"]
            self.assertIn(
                ["lead_unit_id", "warning_light"],
                [c["metaData"]["groupBy"] for c in bars],
            )

    def test_cockpit_sources(self):
        """The cockpit's pivots, list and charts run for a leader, on fields
        that exist; the headline figures count the right items."""
        snapshot = self._snapshot("supervision_cockpit_dashboard.json")
        Item = self.env["supervision.item"].with_user(self.leader)
        for source in [*snapshot["pivots"].values(), *snapshot["lists"].values()]:
            Item.search(source["domain"])
        for figure in snapshot["sheets"][0]["figures"]:
            data = figure["data"]
            if data["type"].startswith("odoo_"):
                Item.read_group(
                    data["searchParams"]["domain"],
                    ["__count"],
                    data["metaData"]["groupBy"],
                )
        dashboard = self.env.ref(
            "university_supervision.spreadsheet_dashboard_supervision_cockpit"
        )
        dashboard.with_user(self.leader).check_access("read")
        self.assertEqual(json.loads(dashboard.spreadsheet_data), snapshot)

    def test_due_this_week_and_closed_this_year(self):
        """The cockpit's 本周到期 and 本年按期办结率 figures: open items due
        Monday to Sunday of this week; items closed this year."""
        with freeze_time("2026-11-16 02:00:00"):  # a Monday
            monday = self._create_item_in("assigned", deadline=date(2026, 11, 16))
            sunday = self._create_item_in("assigned", deadline=date(2026, 11, 22))
            next_week = self._create_item_in("assigned", deadline=date(2026, 11, 23))
            closed = self._submitted_item()
            closed.with_user(self.officer).action_review_pass()
        items = monday | sunday | next_week | closed
        with freeze_time("2026-11-18 02:00:00"):  # the Wednesday after
            Item = self.env["supervision.item"].with_user(self.leader)
            due = Item.search(
                [("is_due_this_week", "=", True), ("id", "in", items.ids)]
            )
            self.assertEqual(due, monday | sunday)
            done = Item.search(
                [("is_closed_this_year", "=", True), ("id", "in", items.ids)]
            )
            self.assertEqual(done, closed)
            self.env.invalidate_all()
            self.assertTrue(sunday.is_due_this_week)
            self.assertFalse(next_week.is_due_this_week)
        self.assertEqual(monday.deadline_month, "2026-11")
        self.assertEqual(
            monday.assigned_month, fields.Date.context_today(monday).strftime("%Y-%m")
        )
