# Part of university_supervision. See LICENSE file for full copyright and licensing details.
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import SupervisionCommon

NOW = "2026-03-02 02:00:00"  # Monday 10:00 in Beijing
DEADLINE = date(2026, 6, 30)


@tagged("post_install", "-at_install")
class TestMyWork(SupervisionCommon):
    """ "My work" (我的待办): ``is_awaiting_my_action`` finds, for each role,
    exactly the items whose next step is the current user's."""

    def _build_items(self):
        items = {
            "draft": self._create_item(name="Draft of the office"),
            "draft_other": self._create_item(
                name="Draft of a colleague", officer_id=self.officer_other.id
            ),
            "to_approve": self._create_item_in("to_approve", name="To approve"),
            "assigned": self._create_item_in("assigned", name="To acknowledge"),
            "in_progress": self._create_item_in("in_progress", name="Handled"),
            "red": self._create_item_in("in_progress", name="Lit red"),
            "urged": self._create_item_in("in_progress", name="Urged"),
            "extension": self._create_item_in(
                "in_progress", name="Extension asked", deadline=DEADLINE
            ),
            "submitted": self._submit_result(
                self._create_item_in("in_progress", name="Result submitted")
            ),
            "to_close": self._submit_result(
                self._create_item_in("in_progress", name="Key item", level="key")
            ),
            "closed": self._submit_result(
                self._create_item_in("in_progress", name="Closed")
            ),
        }
        self._as(self.officer, items["to_close"] | items["closed"]).action_review_pass()
        # the daily check lights the item red (time flags are not writable)
        items["red"].write({"warning_light": "red", "is_overdue": True})
        self._as(self.officer, items["urged"])._do_urge(
            "phone", "Please report on the plan."
        )
        extension = (
            self.env["supervision.extension"]
            .with_user(self.liaison_a)
            .create(
                {
                    "item_id": items["extension"].id,
                    "reason": "The colleges need one more month.",
                    "date_requested": date(2026, 7, 31),
                }
            )
        )
        self._as(self.liaison_a, extension).action_submit()
        self.flush_tracking()
        self.env.invalidate_all()
        self.assertEqual(items["to_close"].state, "to_close")
        self.assertEqual(items["closed"].state, "closed")
        return items

    def _awaiting(self, user, items):
        """Keys of ``items`` awaiting ``user``, by the search and by the
        computed flag, which must agree."""
        all_items = self.env["supervision.item"].browse(
            [item.id for item in items.values()]
        )
        Item = self._as(user, all_items)
        found = Item.search(
            [("id", "in", all_items.ids), ("is_awaiting_my_action", "=", True)]
        )
        visible = Item.search([("id", "in", all_items.ids)])
        self.assertEqual(
            visible.filtered("is_awaiting_my_action"),
            found,
            f"flag and search disagree for {user.name}",
        )
        return {key for key, item in items.items() if item in found}

    @freeze_time(NOW)
    def test_awaiting_my_action_per_role(self):
        """Each role finds exactly the items whose next step is theirs."""
        items = self._build_items()
        expected = {
            # drafts they registered and results to review
            self.officer: {"draft", "submitted"},
            self.officer_other: {"draft_other"},
            # approval, extension to decide, closure of a key item
            self.leader: {"to_approve", "extension", "to_close"},
            self.leader_other: set(),
            # acknowledge, handle (and submit) every assigned item of the unit
            self.head_a: {"assigned", "in_progress", "red", "urged", "extension"},
            # acknowledge, report when lit red, reply to the urge
            self.liaison_a: {"assigned", "red", "urged"},
            # the assisting unit reports on the item lit red
            self.head_b: {"red"},
            self.liaison_b: {"red"},
            self.head_c: set(),
            self.principal: set(),
        }
        for user, names in expected.items():
            with self.subTest(user=user.login):
                self.assertEqual(self._awaiting(user, items), names)

    @freeze_time(NOW)
    def test_submitted_result_of_unfollowed_item_awaits_every_officer(self):
        """A result nobody in the office follows awaits all office staff."""
        item = self._create_item_in("in_progress", officer_id=False)
        self._submit_result(item)
        for user in (self.officer, self.officer_other):
            with self.subTest(user=user.login):
                self.assertTrue(self._as(user, item).is_awaiting_my_action)

    @freeze_time(NOW)
    def test_reply_to_urge_ends_waiting(self):
        """Once the unit replied to the urge, the item no longer waits for
        its liaison."""
        item = self._create_item_in("in_progress")
        urge = self._as(self.officer, item)._do_urge("phone", "Please report.")
        self.assertTrue(self._as(self.liaison_a, item).is_awaiting_my_action)
        self._as(self.liaison_a, urge).write({"reply": "Report sent on Friday."})
        self.assertFalse(self._as(self.liaison_a, item).is_awaiting_my_action)

    @freeze_time(NOW)
    def test_not_awaiting_is_the_complement(self):
        """Searching for items not awaiting me returns the other items I see."""
        items = self._build_items()
        mine = self.env["supervision.item"].browse([item.id for item in items.values()])
        Item = self._as(self.head_a, mine)
        awaiting = Item.search(
            [("id", "in", mine.ids), ("is_awaiting_my_action", "=", True)]
        )
        others = Item.search(
            [("id", "in", mine.ids), ("is_awaiting_my_action", "!=", True)]
        )
        self.assertFalse(awaiting & others)
        self.assertEqual(awaiting | others, Item.search([("id", "in", mine.ids)]))

    def test_my_work_menu_opens_filtered_action(self):
        """The first menu of the app opens the items awaiting my action."""
        menu = self.env.ref("university_supervision.supervision_item_menu_my_work")
        action = menu.action
        self.assertEqual(
            action,
            self.env.ref("university_supervision.supervision_item_action_my_work"),
        )
        self.assertIn("search_default_awaiting_my_action", action.context)
        first = self.env["ir.ui.menu"].search(
            [("parent_id", "=", menu.parent_id.id)], limit=1
        )
        self.assertEqual(first, menu)
        for user in (self.liaison_a, self.head_a, self.leader, self.officer):
            with self.subTest(user=user.login):
                visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
                self.assertIn(menu.id, visible)

    @freeze_time(NOW)
    def test_flag_computed_in_one_batch(self):
        """A list of items computes the flag with one search, whatever its
        length."""
        few = self._create_item_in("assigned") | self._create_item_in("assigned")
        many = few
        for _i in range(6):
            many |= self._create_item_in("assigned")

        def queries(items):
            self.env.invalidate_all()
            records = items.with_user(self.head_a)
            before = self.cr.sql_log_count
            flags = records.mapped("is_awaiting_my_action")
            self.assertTrue(all(flags))
            return self.cr.sql_log_count - before

        queries(few)  # warm the caches of the access rules and groups
        count = queries(few)
        self.assertGreater(count, 0)
        self.assertEqual(queries(many), count)
