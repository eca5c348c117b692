# Part of university_supervision. See LICENSE file for full copyright and licensing details.
from datetime import date

from freezegun import freeze_time

from odoo.tests import Form, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import SupervisionCommon

PARAM = "university_supervision.%s"


@tagged("post_install", "-at_install")
class TestSupervisionSettings(SupervisionCommon):
    """The Supervision block of the settings stores the time rules' parameters,
    and the workflow and the daily check follow them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = mail_new_test_user(
            cls.env,
            login="sv_admin",
            groups="base.group_system,university_supervision.group_supervision_manager",
            name="System Administrator",
            tz="Asia/Shanghai",
        )

    def _configure(self, **values):
        """Save the settings as an administrator, as in the Settings app."""
        form = Form(self.env["res.config.settings"].with_user(self.admin))
        for name, value in values.items():
            setattr(form, name, value)
        form.save().execute()

    def _param(self, key):
        return self.env["ir.config_parameter"].get_param(PARAM % key)

    def _open_item(self, **vals):
        """An item approved on 03-01, due on 03-20 (not acknowledged yet)."""
        with freeze_time("2026-03-01 02:00:00"):
            item = self._create_item(
                **{"level": "key", "deadline": date(2026, 3, 20), **vals}
            )
            self._submit(item)
            self._approve(item)
        return item

    def _acknowledged_item(self, **vals):
        """An item in progress, acknowledged on 03-01 to be done by 03-20."""
        item = self._open_item(**vals)
        with freeze_time("2026-03-01 02:00:00"):
            self._acknowledge(item, date_committed=date(2026, 3, 20))
        return item

    def _check_at(self, moment):
        with freeze_time(moment):
            self.env["supervision.item"]._cron_check_deadlines()
        self.env.flush_all()
        self.env.invalidate_all()

    def test_defaults_shown(self):
        """The settings show the parameters the module installs."""
        form = Form(self.env["res.config.settings"].with_user(self.admin))
        self.assertEqual(form.supervision_ack_days, 7)
        self.assertEqual(form.supervision_reminder_days, 3)
        self.assertEqual(form.supervision_yellow_days, 3)
        self.assertTrue(form.supervision_auto_escalate)
        self.assertTrue(form.supervision_propose_interview)
        self.assertEqual(form.supervision_tz, "Asia/Shanghai")

    def test_settings_write_parameters(self):
        """Saving the settings writes the ``university_supervision.*``
        parameters, which the check reads back."""
        self._configure(
            supervision_ack_days=10,
            supervision_reminder_days=5,
            supervision_yellow_days=4,
            supervision_auto_escalate=False,
            supervision_propose_interview=False,
            supervision_tz="Europe/Paris",
        )
        self.assertEqual(
            [
                self._param(key)
                for key in ("ack_days", "reminder_days", "yellow_days", "tz")
            ],
            ["10", "5", "4", "Europe/Paris"],
        )
        Item = self.env["supervision.item"]
        self.assertEqual(
            [
                Item._get_setting(key)
                for key in (
                    "ack_days",
                    "reminder_days",
                    "yellow_days",
                    "auto_escalate",
                    "propose_interview",
                    "tz",
                )
            ],
            [10, 5, 4, False, False, "Europe/Paris"],
        )

    def test_missing_parameters_use_defaults(self):
        """Without its parameters (removed from the System Parameters), the
        check falls back to 7 days to acknowledge and 3 days for the yellow
        light and the reminder."""
        for key in ("ack_days", "reminder_days", "yellow_days"):
            self.env["ir.config_parameter"].set_param(PARAM % key, False)
        item = self._acknowledged_item()
        self.assertEqual(item.date_ack_deadline, date(2026, 3, 8))
        act_deadline = self.env.ref("university_supervision.mail_act_item_deadline")
        self._check_at("2026-03-16 02:00:00")  # 4 days left
        self.assertEqual(item.warning_light, "green")
        self.assertFalse(self._open_activities(item, act_deadline))
        self._check_at("2026-03-17 02:00:00")  # 3 days left
        self.assertEqual(item.warning_light, "yellow")
        self.assertEqual(len(self._open_activities(item, act_deadline)), 2)

    def test_ack_days_move_ack_deadline(self):
        """With 10 acknowledgement days, an item approved on 03-01 must be
        acknowledged by 03-11."""
        self._configure(supervision_ack_days=10)
        item = self._open_item()
        self.assertRecordValues(
            item,
            [
                {
                    "date_assigned": date(2026, 3, 1),
                    "date_ack_deadline": date(2026, 3, 11),
                }
            ],
        )

    def test_yellow_and_reminder_days(self):
        """The light turns yellow ``yellow_days`` before the deadline and the
        reminder comes ``reminder_days`` before it, each on its own setting."""
        self._configure(supervision_yellow_days=5, supervision_reminder_days=2)
        item = self._acknowledged_item()
        act_deadline = self.env.ref("university_supervision.mail_act_item_deadline")
        self._check_at("2026-03-14 02:00:00")  # 6 days left
        self.assertEqual(item.warning_light, "green")
        self._check_at("2026-03-15 02:00:00")  # 5 days left
        self.assertEqual(item.warning_light, "yellow")
        self.assertFalse(self._open_activities(item, act_deadline))
        self._check_at("2026-03-17 02:00:00")  # 3 days left
        self.assertFalse(self._open_activities(item, act_deadline))
        self._check_at("2026-03-18 02:00:00")  # 2 days left
        self.assertEqual(len(self._open_activities(item, act_deadline)), 2)

    def test_auto_escalate_unchecked(self):
        """Unchecking the escalation in the settings keeps overdue reminder
        items as reminder items."""
        self._configure(supervision_auto_escalate=False)
        item = self._acknowledged_item(level="reminder")
        self._check_at("2026-03-21 02:00:00")
        self.assertRecordValues(item, [{"is_overdue": True, "level": "reminder"}])
        self.assertEqual(item.urge_ids.mapped("trigger"), ["overdue"])

    def test_time_zone_setting(self):
        """The day boundary follows the configured time zone: in Paris
        (UTC+1 in March) 03-20 ends at 23:00 UTC."""
        self._configure(supervision_tz="Europe/Paris")
        item = self._acknowledged_item()
        self._check_at("2026-03-20 22:59:00")
        self.assertFalse(item.is_overdue)
        self._check_at("2026-03-20 23:01:00")
        self.assertTrue(item.is_overdue)
