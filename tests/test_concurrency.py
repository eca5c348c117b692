# Part of university_supervision. See LICENSE file for full copyright and licensing details.
"""The "only one" rules hold between concurrent transactions, and the daily
check lets concurrency errors reach the cron runner (which retries) instead of
logging them as an item's failure."""

from datetime import timedelta

import psycopg2.errors

from odoo import SUPERUSER_ID, api, fields
from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from .common import CHECK_LOGGER, DeadlineCheckCommon, SupervisionCommon

INSERT_EXTENSION = """
    INSERT INTO supervision_extension
        (item_id, user_id, reason, date_requested, state, origin,
         create_uid, write_uid, create_date, write_date)
    VALUES (%(item)s, %(user)s, 'concurrent request', %(date)s, %(state)s, 'unit',
            %(user)s, %(user)s, now() at time zone 'UTC', now() at time zone 'UTC')
"""


@tagged("post_install", "-at_install")
class TestOneOpenExtension(SupervisionCommon):
    def _insert(self, cr, item_id, state="draft"):
        cr.execute(
            SQL(
                INSERT_EXTENSION,
                item=item_id,
                user=SUPERUSER_ID,
                date=fields.Date.today() + timedelta(days=60),
                state=state,
            )
        )

    def test_index_refuses_a_second_open_request(self):
        """A second open request of the same item is refused by the database
        itself; decided requests do not count."""
        item = self._create_item_in("in_progress")
        self.env["supervision.extension"].with_user(self.liaison_a).create(
            {
                "item_id": item.id,
                "reason": "More time.",
                "date_requested": item.deadline + timedelta(days=7),
            }
        )
        self.env.flush_all()
        for state in ("draft", "submitted"):
            with (
                self.subTest(state=state),
                self.assertRaises(psycopg2.errors.UniqueViolation),
                mute_logger("odoo.sql_db"),
                self.cr.savepoint(),
            ):
                self._insert(self.cr, item.id, state)
        with self.cr.savepoint():
            self._insert(self.cr, item.id, "refused")
            self._insert(self.cr, item.id, "approved")

    def test_users_read_a_message_first(self):
        """The normal case gets a translated message, not the index's error."""
        item = self._create_item_in("in_progress")
        Extension = self.env["supervision.extension"].with_user(self.liaison_a)
        values = {
            "item_id": item.id,
            "reason": "More time.",
            "date_requested": item.deadline + timedelta(days=7),
        }
        Extension.create(values)
        with self.assertRaisesMessage(ValidationError, "already has an open extension"):
            Extension.create(values)
        with self.assertRaisesMessage(ValidationError, "already has an open extension"):
            self.env["supervision.extension"].with_user(self.liaison_a).create(
                [values, values]
            )

    def test_two_transactions(self):
        """Two transactions asking at the same time: the second waits for the
        first and, once it commits, is refused (8 simultaneous requests left
        several open before the index)."""
        registry = self.registry
        with registry.cursor() as setup_cr:
            env = api.Environment(setup_cr, SUPERUSER_ID, {"tracking_disable": True})
            unit = env["supervision.unit"].create(
                {"name": "Concurrency Test Unit", "code": "SV-T-CONCURRENCY"}
            )
            item = env["supervision.item"].create(
                {"name": "Concurrent extension requests", "lead_unit_id": unit.id}
            )
            item_id, unit_id = item.id, unit.id
        self.addCleanup(self._drop_committed, item_id, unit_id)

        cr1 = registry.cursor()
        cr2 = registry.cursor()
        try:
            self._insert(cr1, item_id)
            cr2.execute("SET LOCAL lock_timeout = '500ms'")
            # the second waits for the first transaction to end
            with (
                self.assertRaises(psycopg2.errors.LockNotAvailable),
                mute_logger("odoo.sql_db"),
            ):
                self._insert(cr2, item_id)
            cr2.rollback()
            cr1.commit()
            with (
                self.assertRaises(psycopg2.errors.UniqueViolation),
                mute_logger("odoo.sql_db"),
            ):
                self._insert(cr2, item_id)
            cr2.rollback()
            cr2.execute(
                "SELECT count(*) FROM supervision_extension WHERE item_id = %s",
                [item_id],
            )
            self.assertEqual(cr2.fetchone()[0], 1)
        finally:
            cr1.rollback()
            cr1.close()
            cr2.rollback()
            cr2.close()

    def _drop_committed(self, item_id, unit_id):
        with self.registry.cursor() as cr:
            cr.execute(
                "DELETE FROM supervision_extension WHERE item_id = %s", [item_id]
            )
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["supervision.item"].browse(item_id).unlink()
            env["supervision.unit"].browse(unit_id).unlink()


@tagged("post_install", "-at_install")
class TestDailyCheckConcurrency(DeadlineCheckCommon):
    """The database raises, for one item's urge, the error a concurrent
    transaction would cause (a trigger, created in the test's transaction)."""

    def _fail_urges_of(self, item, errcode):
        self.cr.execute(
            SQL(
                """
                CREATE FUNCTION supervision_test_fail_urge() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.item_id = %(item)s THEN
                        RAISE EXCEPTION 'simulated concurrent update'
                            USING ERRCODE = %(errcode)s;
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER supervision_test_fail_urge
                    BEFORE INSERT ON supervision_urge
                    FOR EACH ROW EXECUTE FUNCTION supervision_test_fail_urge();
                """,
                item=item.id,
                errcode=errcode,
            )
        )

    def test_serialization_failure_reaches_the_runner(self):
        """A serialization failure is not logged as the item's failure: it
        goes up so that the cron runner retries the batch."""
        for errcode, error in (
            ("40001", psycopg2.errors.SerializationFailure),
            ("55P03", psycopg2.errors.LockNotAvailable),
        ):
            with self.subTest(error=error.__name__), self.cr.savepoint(flush=False):
                self.env.invalidate_all()
                item = self._open_item(level="key")
                self._fail_urges_of(item, errcode)
                with (
                    self.assertRaises(error),
                    mute_logger("odoo.sql_db"),
                    self.assertNoLogs(CHECK_LOGGER, level="ERROR"),
                ):
                    self._check_at("2026-03-20 16:01:00")
                self.env.invalidate_all()
                self.assertFalse(
                    item.message_ids.filtered(
                        lambda m: "The daily check failed" in (m.body or "")
                    )
                )
                self.cr.execute(
                    "DROP TRIGGER supervision_test_fail_urge ON supervision_urge"
                )
                self.cr.execute("DROP FUNCTION supervision_test_fail_urge()")

    def test_bad_item_is_still_skipped(self):
        """Any other error of one item is logged and noted on it; its flags
        (flushed before the per-item savepoints) stay, the others are
        handled."""
        failing = self._open_item(level="key")
        other = self._open_item(level="key")
        self._fail_urges_of(failing, "P0001")
        with (
            self.assertLogs(CHECK_LOGGER, level="ERROR") as logs,
            mute_logger("odoo.sql_db"),
        ):
            self._check_at("2026-03-20 16:01:00")
        self.assertEqual(len(logs.records), 1)
        self.assertIn(str(failing.id), logs.output[0])
        self.assertRecordValues(
            failing | other,
            [
                {"is_overdue": True, "warning_light": "red"},
                {"is_overdue": True, "warning_light": "red"},
            ],
        )
        self.assertFalse(failing.urge_ids)
        self.assertEqual(len(self._system_urges(other, "overdue")), 1)
        self.assertTrue(
            failing.message_ids.filtered(
                lambda m: "The daily check failed" in (m.body or "")
            )
        )
