# Part of university_supervision. See LICENSE file for full copyright and licensing details.
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SupervisionCommon


@tagged("post_install", "-at_install")
class TestItemAccess(SupervisionCommon):
    """Who sees which item: units see their own items, leaders the items they
    are in charge of, the president and the office all of them, and a
    confidential item only its named users and its leader in charge
    (NWU 第八条(二))."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # an item of units A (lead) and B (assisting), and one of unit C
        cls.item = (
            cls.env["supervision.item"]
            .with_user(cls.officer)
            .create(
                {
                    "name": "Renovate the teaching buildings",
                    "lead_unit_id": cls.unit_a.id,
                    "assist_unit_ids": [(6, 0, cls.unit_b.ids)],
                }
            )
            .with_env(cls.env)
        )
        cls.item_c = (
            cls.env["supervision.item"]
            .with_user(cls.officer)
            .create(
                {
                    "name": "Extend the library's opening hours",
                    "lead_unit_id": cls.unit_c.id,
                }
            )
            .with_env(cls.env)
        )
        cls.items = cls.item | cls.item_c

    def assertSees(self, user, item):
        """``user`` reads ``item`` and finds it by search."""
        self.assertEqual(self._as(user, item).read(["name"])[0]["id"], item.id)
        self.assertEqual(
            self.env["supervision.item"].with_user(user).search([("id", "=", item.id)]),
            item,
        )

    def assertNotSees(self, user, item):
        """``user`` can neither read ``item`` nor find it by search."""
        with self.assertRaises(AccessError):
            self._as(user, item).read(["name"])
        self.assertFalse(
            self.env["supervision.item"].with_user(user).search([("id", "=", item.id)])
        )

    # ------------------------------------------------------------------
    # Units
    # ------------------------------------------------------------------

    def test_lead_unit_sees_item(self):
        """The head and the liaison of the lead unit see the item."""
        self.assertSees(self.head_a, self.item)
        self.assertSees(self.liaison_a, self.item)

    def test_assisting_unit_sees_item(self):
        """The head and the liaison of an assisting unit see the item."""
        self.assertSees(self.head_b, self.item)
        self.assertSees(self.liaison_b, self.item)

    def test_uninvolved_unit_does_not_see_item(self):
        """The head of a unit neither leading nor assisting sees nothing."""
        self.assertNotSees(self.head_c, self.item)

    def test_unit_search_returns_only_own_items(self):
        """A unit's search lists its own items and no other."""
        Item = self.env["supervision.item"]
        self.assertEqual(
            Item.with_user(self.liaison_b).search([("id", "in", self.items.ids)]),
            self.item,
        )
        self.assertEqual(
            Item.with_user(self.head_c).search([("id", "in", self.items.ids)]),
            self.item_c,
        )

    def test_new_liaison_sees_item_at_once(self):
        """Making a user liaison of the lead unit shows them its items at
        once; removing them hides the items again."""
        self.assertNotSees(self.head_c, self.item)
        self.unit_a.with_user(self.manager).write(
            {"liaison_ids": [(4, self.head_c.id)]}
        )
        self.assertSees(self.head_c, self.item)
        self.unit_a.with_user(self.manager).write(
            {"liaison_ids": [(3, self.head_c.id)]}
        )
        self.assertNotSees(self.head_c, self.item)

    def test_new_member_of_assisting_unit_sees_item(self):
        """Any member of an assisting unit sees its items."""
        self.unit_b.with_user(self.manager).write({"member_ids": [(4, self.head_c.id)]})
        self.assertSees(self.head_c, self.item)

    # ------------------------------------------------------------------
    # Leaders, president, office
    # ------------------------------------------------------------------

    def test_leader_in_charge_sees_item(self):
        """The leader in charge of the lead unit sees the item."""
        self.assertSees(self.leader, self.item)
        self.assertNotSees(self.leader, self.item_c)

    def test_other_leader_does_not_see_item(self):
        """A leader in charge of other units does not see the item."""
        self.assertNotSees(self.leader_other, self.item)
        self.assertSees(self.leader_other, self.item_c)

    def test_lead_leader_sees_item(self):
        """Naming a leader as lead leader (牵头领导) shows them the item."""
        self.item.with_user(self.officer).write(
            {"lead_leader_id": self.leader_other.id}
        )
        self.assertSees(self.leader_other, self.item)

    def test_principal_sees_all(self):
        """The party secretary / president sees every item."""
        for item in self.items:
            self.assertSees(self.principal, item)

    def test_office_sees_all(self):
        """Office staff and the administrator see every item."""
        for user in (self.officer, self.officer_other, self.manager):
            for item in self.items:
                with self.subTest(user=user.login, item=item.name):
                    self.assertSees(user, item)

    # ------------------------------------------------------------------
    # Users without a supervision role
    # ------------------------------------------------------------------

    def test_internal_user_has_no_access(self):
        """An employee without a supervision role cannot read or search items."""
        with self.assertRaises(AccessError):
            self._as(self.internal_user, self.item).read(["name"])
        with self.assertRaises(AccessError):
            self.env["supervision.item"].with_user(self.internal_user).search([])

    def test_portal_user_has_no_access(self):
        """A portal user cannot read or search items."""
        with self.assertRaises(AccessError):
            self._as(self.portal_user, self.item).read(["name"])
        with self.assertRaises(AccessError):
            self.env["supervision.item"].with_user(self.portal_user).search([])

    def test_internal_user_cannot_create_item(self):
        """Only the office registers items."""
        for user in (self.internal_user, self.head_a, self.leader):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["supervision.item"].with_user(user).create(
                    {"name": "Self-assigned", "lead_unit_id": self.unit_a.id}
                )


@tagged("post_install", "-at_install")
class TestConfidentialItemAccess(SupervisionCommon):
    """Confidential items (涉密, NWU 第八条(二)) are seen only by the users
    named on them and by their leader in charge, office staff included."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.item = (
            cls.env["supervision.item"]
            .with_user(cls.officer)
            .create(
                {
                    "name": "Investigate the admissions complaint",
                    "lead_unit_id": cls.unit_a.id,
                    "deadline": fields.Date.today() + timedelta(days=30),
                    "assist_unit_ids": [(6, 0, cls.unit_b.ids)],
                    "is_confidential": True,
                    "confidential_user_ids": [(6, 0, (cls.officer | cls.head_a).ids)],
                }
            )
            .with_env(cls.env)
        )

    def assertSees(self, user):
        self.assertEqual(
            self._as(user, self.item).read(["name"])[0]["id"], self.item.id
        )
        self.assertEqual(
            self.env["supervision.item"]
            .with_user(user)
            .search([("id", "=", self.item.id)]),
            self.item,
        )

    def assertNotSees(self, user):
        with self.assertRaises(AccessError):
            self._as(user, self.item).read(["name"])
        self.assertFalse(
            self.env["supervision.item"]
            .with_user(user)
            .search([("id", "=", self.item.id)])
        )

    def test_named_users_see_item(self):
        """The named office staff and the named unit head see the item."""
        self.assertSees(self.officer)
        self.assertSees(self.head_a)

    def test_leader_in_charge_sees_item(self):
        """The leader in charge sees the item without being named."""
        self.assertSees(self.leader)

    def test_unnamed_office_staff_does_not_see_item(self):
        """Office staff not named on the item do not see it, nor does the
        administrator."""
        self.assertNotSees(self.officer_other)
        self.assertNotSees(self.manager)

    def test_principal_does_not_see_item(self):
        """The president does not see a confidential item unless named."""
        self.assertNotSees(self.principal)

    def test_unnamed_unit_users_do_not_see_item(self):
        """Unit users not named on the item do not see it, even in the lead unit."""
        for user in (self.liaison_a, self.head_b, self.liaison_b):
            with self.subTest(user=user.login):
                self.assertNotSees(user)

    def test_naming_a_user_shows_the_item(self):
        """Naming the president on the item shows it to them."""
        self.item.with_user(self.officer).write(
            {"confidential_user_ids": [(4, self.principal.id)]}
        )
        self.assertSees(self.principal)

    def test_naming_does_not_bypass_units(self):
        """Being named is not enough for a unit user outside the item's units."""
        self.item.with_user(self.officer).write(
            {"confidential_user_ids": [(4, self.head_c.id)]}
        )
        self.assertNotSees(self.head_c)

    def test_acknowledgement_activity_only_for_named_unit_users(self):
        """On assignment only the named head of the lead unit gets the
        acknowledgement to-do; the unnamed liaison, who cannot read the
        item, gets none."""
        self._bring_to(self.item, "assigned")
        activities = self._open_activities(self.item, self.act_acknowledge)
        self.assertEqual(activities.user_id, self.head_a)

    def test_acknowledgement_mail_only_for_named_unit_users(self):
        """The assignment mail goes only to the named unit users."""
        self._bring_to(self.item, "assigned")
        mail = self.item.message_ids.filtered(
            lambda m: m.subtype_id == self.env.ref("mail.mt_comment")
        )
        self.assertEqual(len(mail), 1)
        self.assertIn("assigned to your unit", mail.body)
        self.assertEqual(mail.partner_ids, self.head_a.partner_id)
