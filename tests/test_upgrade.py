# Part of university_supervision. See LICENSE file for full copyright and licensing details.
"""Upgrades from earlier releases, and uninstallation.

Each earlier release is taken from the repository's history (``git archive``),
installed with demo data into a throwaway database by a separate Odoo process,
used a little (a message and an attachment on an item), then upgraded to the
working tree (``-u``). The result must match a fresh install of the working
tree: record rules (domain, groups, perms), access rights, views, menus,
crons and sequences; and the items, numbers, messages and attachments must
still be there. A fresh install is then uninstalled: nothing of the addon's
security, crons or menus may stay behind, and the database must still work.

Releases are named by commit. The throwaway databases (``<test db>_upg_*``)
and their filestore are dropped at the end. The repository is the git
checkout holding this file, else the one named by ``ROOT_DIR`` (exported by
scripts/setup.sh) or ``UNIVERSITY_SUPERVISION_REPO``; without one, the
upgrade tests are skipped and say so (the uninstall test still runs).
"""

import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import odoo
from odoo.modules.module import get_module_path
from odoo.tests import tagged
from odoo.tests.common import BaseCase

_logger = logging.getLogger(__name__)

MODULE = "university_supervision"
# The first release, and the last one before release 18.0.1.1.0.
FIRST_RELEASE = "81f7c1e"
PREVIOUS_RELEASE = "8758613"
VERSION = "18.0.1.1.0"
MARK = "@@UPGRADE-JSON@@"
ODOO_TIMEOUT = 1200  # seconds for one Odoo process (an install with demo)

# Run inside `odoo shell` (env is the superuser's): what a fresh install and
# an upgraded database must have in common, and the business data that an
# upgrade must keep. Printed as one JSON line after MARK.
SNAPSHOT_SCRIPT = """
import json

M = %(module)r


def xid(rec):
    return rec and (rec.get_external_id().get(rec.id) or "<no xmlid> %%s" %% rec.display_name)


def xids(recs):
    return sorted(xid(r) for r in recs)


def norm(text):
    return " ".join((text or "").split())


imd = env["ir.model.data"].search([("module", "=", M)])
owned = {}
for row in imd:
    owned.setdefault(row.model, []).append(row.res_id)
# The models the addon creates (not those it extends, e.g. res.users).
models = (
    env["ir.model"]
    .browse(owned.get("ir.model", []))
    .exists()
    .filtered(lambda m: set(m.modules.split(", ")) == {M})
)
model_names = set(models.mapped("model"))
in_module = lambda m: [("id", "in", owned.get(m, []))]

Rule = env["ir.rule"].with_context(active_test=False)
rules = Rule.search(["|", ("model_id", "in", models.ids)] + in_module("ir.rule"))
Access = env["ir.model.access"].with_context(active_test=False)
accesses = Access.search(["|", ("model_id", "in", models.ids)] + in_module("ir.model.access"))
Cron = env["ir.cron"].with_context(active_test=False)
crons = Cron.search(["|", ("model_id", "in", models.ids)] + in_module("ir.cron"))
View = env["ir.ui.view"].with_context(active_test=False)
views = View.search(["|", ("model", "in", list(model_names))] + in_module("ir.ui.view"))
view_errors = []
for view in views:
    try:
        view._check_xml()
    except Exception as exc:
        view_errors.append("%%s: %%s" %% (xid(view), str(exc)[:300]))
for name in sorted(model_names):
    if env[name]._abstract or env[name]._transient:
        continue
    for kind in ("list", "form", "search"):
        try:
            env[name].get_views([(False, kind)])
        except Exception as exc:
            view_errors.append("%%s %%s: %%s" %% (name, kind, str(exc)[:300]))
Menu = env["ir.ui.menu"].with_context(active_test=False)
menus = Menu.browse(owned.get("ir.ui.menu", [])).exists()
sequences = env["ir.sequence"].browse(owned.get("ir.sequence", [])).exists()

snapshot = {
    "version": env["ir.module.module"].search([("name", "=", M)]).latest_version,
    "rules": {
        xid(r): {
            "model": r.model_id.model,
            "domain": norm(r.domain_force),
            "groups": xids(r.groups),
            "perms": [r.perm_read, r.perm_write, r.perm_create, r.perm_unlink],
            "active": r.active,
        }
        for r in rules
    },
    "access": {
        xid(a): {
            "model": a.model_id.model,
            "group": xid(a.group_id) if a.group_id else None,
            "perms": [a.perm_read, a.perm_write, a.perm_create, a.perm_unlink],
            "active": a.active,
        }
        for a in accesses
    },
    "crons": {
        xid(c): {
            "model": c.model_id.model,
            "code": norm(c.code),
            "interval": [c.interval_number, c.interval_type],
            "active": c.active,
        }
        for c in crons
    },
    "sequences": {
        xid(s): [s.code, s.prefix, s.suffix, s.padding, s.implementation, s.use_date_range]
        for s in sequences
    },
    "menus": {
        xid(m): {
            "parent": xid(m.parent_id) if m.parent_id else None,
            "action": m.action and xid(m.action),
            "groups": xids(m.groups_id),
        }
        for m in menus
    },
    "views": xids(views.filtered(lambda v: v.id in owned.get("ir.ui.view", []))),
    "view_errors": view_errors,
    "ids": {
        "ir_rule": rules.ids,
        "ir_model_access": accesses.ids,
        "ir_cron": crons.ids,
        "ir_ui_menu": menus.ids,
        "ir_ui_view": views.ids,
        "models": sorted(model_names),
    },
}
if "supervision.item" in env:
    Item = env["supervision.item"].with_context(active_test=False)
    items = Item.search([])
    snapshot["items"] = {str(i.id): [i.number or "", i.name, i.state] for i in items}
    messages = env["mail.message"].search([("model", "like", "supervision.%%")])
    snapshot["messages"] = {str(m.id): [m.model, m.res_id, norm(m.body)] for m in messages}
    attachments = env["ir.attachment"].search([("res_model", "like", "supervision.%%")])
    snapshot["attachments"] = {
        str(a.id): [a.res_model, a.res_id, a.checksum, a.file_size] for a in attachments
    }
    ranges = env["ir.sequence.date_range"].search([("sequence_id", "in", sequences.ids)])
    snapshot["sequence_next"] = {
        "%%s %%s" %% (xid(r.sequence_id), r.date_from): r.number_next_actual for r in ranges
    }
print(%(mark)r + json.dumps(snapshot, default=str))
"""

# Run inside `odoo shell` on a database of an earlier release: a user's
# message and a file on a handled item, as the office would leave them.
USE_SCRIPT = """
import base64, json

item = env["supervision.item"].search([("state", "!=", "draft")], order="id", limit=1)
message = item.message_post(
    body="Upgrade check: progress noted before the upgrade",
    message_type="comment",
    subtype_xmlid="mail.mt_comment",
)
attachment = env["ir.attachment"].create({
    "name": "upgrade-check.txt",
    "raw": b"upgrade check attachment",
    "res_model": "supervision.item",
    "res_id": item.id,
})
env.cr.commit()
states = sorted(set(env["supervision.item"].search([]).mapped("state")))
print(%(mark)r + json.dumps({
    "message": message.id, "attachment": attachment.id, "states": states,
}))
"""

UNINSTALL_SCRIPT = """
env["ir.module.module"].search([("name", "=", %(module)r)]).button_immediate_uninstall()
"""

# After the uninstallation: what of the addon is left, and whether the
# database still serves its menus and the views the addon had extended.
LEFTOVER_SCRIPT = """
import json

ids = json.loads(%(ids)r)
cr = env.cr
left = {}
cr.execute("SELECT count(*) FROM ir_model_data WHERE module = %%s", [%(module)r])
left["ir_model_data"] = cr.fetchone()[0]
cr.execute("SELECT model FROM ir_model WHERE model = ANY(%%s)", [ids["models"]])
left["ir_model"] = [r[0] for r in cr.fetchall()]
for table in ("ir_rule", "ir_model_access", "ir_cron", "ir_ui_menu", "ir_ui_view"):
    cr.execute("SELECT id FROM " + table + " WHERE id = ANY(%%s)", [ids[table]])
    left[table] = [r[0] for r in cr.fetchall()]
errors = []
try:
    env["ir.ui.menu"].load_menus(False)
    for model in ("res.users", "res.config.settings", "res.partner"):
        env[model].get_views([(False, "form"), (False, "list"), (False, "search")])
    env["res.users"].search_count([])
except Exception as exc:
    errors.append(repr(exc))
left["errors"] = errors
print(%(mark)r + json.dumps(left))
"""


def _find_repository():
    """The git checkout holding the addon's history, or None."""
    candidates = [Path(__file__).resolve().parent]
    candidates += [
        Path(os.environ[var])
        for var in ("UNIVERSITY_SUPERVISION_REPO", "ROOT_DIR")
        if os.environ.get(var)
    ]
    for candidate in candidates:
        if not candidate.is_dir():
            continue
        top = subprocess.run(
            ["git", "-C", str(candidate), "rev-parse", "--show-toplevel"],
            capture_output=True,
            text=True,
            check=False,
        )
        if top.returncode:
            continue
        repo = top.stdout.strip()
        has_history = all(
            subprocess.run(
                ["git", "-C", repo, "cat-file", "-e", f"{commit}^{{commit}}"],
                capture_output=True,
                check=False,
            ).returncode
            == 0
            for commit in (FIRST_RELEASE, PREVIOUS_RELEASE)
        )
        if has_history and (Path(repo) / "__manifest__.py").is_file():
            return repo
    return None


@tagged("post_install", "-at_install", "upgrade")
class TestUpgrade(BaseCase):
    """Upgrade from earlier releases against a fresh install; uninstall."""

    maxDiff = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tmp = Path(tempfile.mkdtemp(prefix="us_upgrade_"))
        cls.addClassCleanup(shutil.rmtree, cls.tmp, ignore_errors=True)
        cls.data_dir = cls.tmp / "data"
        base = odoo.tools.config["db_name"] or "supervision_test"
        cls.db_prefix = f"{base.split(',')[0]}_upg"
        cls.current_parent = str(Path(get_module_path(MODULE)).parent)
        cls.core_paths = [
            path
            for path in odoo.tools.config["addons_path"].split(",")
            if path and not os.path.isdir(os.path.join(path, MODULE))
        ]
        cls.repo = _find_repository()
        cls.databases = []
        cls.snapshots = {}
        cls.running = {}
        # The installs take minutes each: two side by side (the fresh install,
        # then the releases in the order of the tests); the next one starts
        # when one ends.
        cls.pending = [("fresh", cls.current_parent)]
        if cls.repo:
            cls.pending += [
                (c, cls._archive(c)) for c in (FIRST_RELEASE, PREVIOUS_RELEASE)
            ]
        cls._start_pending()

    @classmethod
    def tearDownClass(cls):
        for proc, _log in cls.running.values():
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        for db in cls.databases:
            subprocess.run(
                ["dropdb", "--if-exists", "--force", db],
                capture_output=True,
                check=False,
            )
        super().tearDownClass()

    # ------------------------------------------------------------ helpers
    @classmethod
    def _archive(cls, commit):
        """The addon as of `commit`, in <tmp>/<commit>/university_supervision."""
        target = cls.tmp / commit / MODULE
        target.mkdir(parents=True)
        archive = subprocess.run(
            ["git", "-C", cls.repo, "archive", "--format=tar", commit],
            capture_output=True,
            check=True,
        )
        subprocess.run(
            ["tar", "-x", "-C", str(target)], input=archive.stdout, check=True
        )
        return str(target.parent)

    @classmethod
    def _odoo_args(cls, db, addons_parent, command=None):
        args = [sys.executable, "-m", "odoo"] + ([command] if command else [])
        if odoo.tools.config.rcfile and os.path.isfile(odoo.tools.config.rcfile):
            args += ["-c", odoo.tools.config.rcfile]
        return args + [
            "-d",
            db,
            f"--addons-path={','.join([addons_parent] + cls.core_paths)}",
            f"--data-dir={cls.data_dir}",
            "--max-cron-threads=0",
        ]

    @classmethod
    def _start_install(cls, key, addons_parent):
        db = f"{cls.db_prefix}_{key}"
        subprocess.run(
            ["dropdb", "--if-exists", "--force", db], capture_output=True, check=False
        )
        cls.databases.append(db)
        log = cls.tmp / f"install-{key}.log"
        args = cls._odoo_args(db, addons_parent) + [
            "-i",
            MODULE,
            "--stop-after-init",
            "--no-http",
            "--log-level=warn",
            f"--logfile={log}",
        ]
        proc = subprocess.Popen(args, stdin=subprocess.DEVNULL)  # pylint: disable=consider-using-with
        cls.running[key] = (proc, log)

    @classmethod
    def _start_pending(cls):
        busy = [key for key, (proc, _log) in cls.running.items() if proc.poll() is None]
        while cls.pending and len(busy) < 2:
            key, parent = cls.pending.pop(0)
            cls._start_install(key, parent)
            busy.append(key)

    def _wait_install(self, key):
        """Wait for the install of `key` (started when a slot is free)."""
        while key not in self.running and any(k == key for k, _p in self.pending):
            running = [p for p, _log in self.running.values() if p.poll() is None]
            if running:
                running[0].wait(timeout=ODOO_TIMEOUT)
            self._start_pending()
        proc, log = self.running[key]
        rc = proc.wait(timeout=ODOO_TIMEOUT)
        self._start_pending()
        text = log.read_text(errors="replace") if log.exists() else ""
        self.assertEqual(rc, 0, f"install {key} failed:\n{text[-3000:]}")
        return f"{self.db_prefix}_{key}"

    def _odoo(
        self, db, addons_parent, *extra, command=None, stdin=None, tolerated=None
    ):
        """Run Odoo once (an update or a shell script); the JSON it printed.

        Fails on a non-zero exit or an ERROR/CRITICAL log line, except lines
        matching the regular expression `tolerated`.
        """
        proc = subprocess.run(
            self._odoo_args(db, addons_parent, command) + list(extra),
            input=stdin,
            capture_output=True,
            text=True,
            timeout=ODOO_TIMEOUT,
            check=False,
        )
        bad = [
            line
            for line in proc.stderr.splitlines()
            if re.match(r"^\S+ \S+ \d+ (ERROR|CRITICAL) ", line)
            and not (tolerated and re.search(tolerated, line))
        ]
        self.assertFalse(
            proc.returncode or bad,
            f"odoo {command or ' '.join(extra[:2])} on {db} failed (rc {proc.returncode}):\n"
            f"{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}",
        )
        self.last_log = proc.stderr
        for line in proc.stdout.splitlines():
            if line.startswith(MARK):
                return json.loads(line[len(MARK) :])
        return None

    def _shell(self, db, addons_parent, script, tolerated=None, **values):
        values.setdefault("mark", MARK)
        values.setdefault("module", MODULE)
        return self._odoo(
            db,
            addons_parent,
            "--no-http",
            "--log-level=warn",
            command="shell",
            stdin=textwrap.dedent(script % values),
            tolerated=tolerated,
        )

    def _fresh_snapshot(self):
        if "fresh" not in self.snapshots:
            db = self._wait_install("fresh")
            self.snapshots["fresh"] = self._shell(
                db, self.current_parent, SNAPSHOT_SCRIPT
            )
        return self.snapshots["fresh"]

    def _differences(self, upgraded, fresh):
        """Lines naming every difference in the security and technical data."""
        lines = []
        for kind in ("rules", "access", "crons", "sequences", "menus"):
            for key in sorted(set(upgraded[kind]) | set(fresh[kind])):
                old, new = upgraded[kind].get(key), fresh[kind].get(key)
                if old == new:
                    continue
                if old is None:
                    lines.append(f"{kind} {key}: missing after the upgrade")
                elif new is None:
                    lines.append(f"{kind} {key}: left over (not in a fresh install)")
                else:
                    changed = (
                        {f: (old[f], new[f]) for f in new if old.get(f) != new[f]}
                        if isinstance(new, dict)
                        else (old, new)
                    )
                    lines.append(f"{kind} {key}: upgraded != fresh: {changed}")
        views = set(upgraded["views"]) ^ set(fresh["views"])
        lines += [f"views {v}: only in one database" for v in sorted(views)]
        lines += [f"view error after the upgrade: {e}" for e in upgraded["view_errors"]]
        return lines

    def _check_upgrade(self, commit):
        if not self.repo:
            self.skipTest(
                f"no git checkout with the history of {FIRST_RELEASE}..{PREVIOUS_RELEASE} "
                "(the test file is outside one; set UNIVERSITY_SUPERVISION_REPO): "
                "the upgrade from a release cannot be built"
            )
        old_parent = str(self.tmp / commit)
        db = self._wait_install(commit)
        used = self._shell(db, old_parent, USE_SCRIPT)
        self.assertGreaterEqual(
            len(used["states"]), 3, "the demo items are in several states"
        )
        before = self._shell(db, old_parent, SNAPSHOT_SCRIPT)
        self._odoo(
            db,
            self.current_parent,
            "-u",
            MODULE,
            "--stop-after-init",
            "--no-http",
            "--log-level=info",
        )
        upgrade_log = self.last_log
        after = self._shell(db, self.current_parent, SNAPSHOT_SCRIPT)
        fresh = self._fresh_snapshot()

        differences = self._differences(after, fresh)
        report = "\n".join(differences) or "none"
        migration_lines = [
            line for line in upgrade_log.splitlines() if "migrat" in line
        ]
        summary = (
            f"Upgrade from {commit} ({len(before['items'])} items, "
            f"{len(before['messages'])} messages, {len(before['attachments'])} "
            f"attachments) to {after['version']}: {len(after['rules'])} record rules, "
            f"{len(after['access'])} access rights, {len(after['views'])} views, "
            f"{len(after['crons'])} crons, {len(after['sequences'])} sequences, "
            f"{len(after['menus'])} menus compared with a fresh install; "
            f"differences: {len(differences)}\n{report}\n"
            "Migration log:\n" + ("\n".join(migration_lines) or "(none)") + "\n"
        )
        _logger.info("%s", summary)
        if os.environ.get("LOG_DIR") and os.path.isdir(os.environ["LOG_DIR"]):
            # scripts/test.sh's log folder: the comparison stays readable there.
            Path(os.environ["LOG_DIR"], f"upgrade-{commit}.txt").write_text(summary)
        self.assertFalse(
            differences, f"upgrade from {commit} != fresh install:\n{report}"
        )
        self.assertEqual(after["version"], VERSION)
        # The business data is all still there.
        self.assertEqual(after["items"], before["items"], "items, numbers and states")
        self.assertEqual(after["messages"], before["messages"])
        self.assertIn(str(used["message"]), after["messages"])
        self.assertEqual(after["attachments"], before["attachments"])
        self.assertIn(str(used["attachment"]), after["attachments"])
        self.assertEqual(after["sequence_next"], before["sequence_next"])

    # -------------------------------------------------------------- tests
    def test_upgrade_from_first_release(self):
        """First release + demo, used, upgraded: same security as a fresh install, data kept."""
        self._check_upgrade(FIRST_RELEASE)

    def test_upgrade_from_previous_release(self):
        """Last release before 18.0.1.1.0, upgraded: same as a fresh install, data kept."""
        self._check_upgrade(PREVIOUS_RELEASE)

    def test_uninstall_leaves_working_database(self):
        """Uninstalling leaves no rule, access right, cron, menu or view of the addon."""
        fresh = self._fresh_snapshot()
        self.assertFalse(fresh["view_errors"], "every view of a fresh install loads")
        db = f"{self.db_prefix}_fresh"
        # Odoo's uninstaller deletes the addon's records in savepoints, halving
        # a batch that a foreign key refuses (e.g. a demo unit that an
        # interview refers to) until the tables are dropped; each refused
        # DELETE is logged as a "bad query" ERROR line. What is left is
        # checked below.
        self._shell(
            db,
            self.current_parent,
            UNINSTALL_SCRIPT,
            tolerated=r" odoo\.sql_db: bad query: ",
        )
        left = self._shell(
            db, self.current_parent, LEFTOVER_SCRIPT, ids=json.dumps(fresh["ids"])
        )
        self.assertEqual(
            left,
            {
                "ir_model_data": 0,
                "ir_model": [],
                "ir_rule": [],
                "ir_model_access": [],
                "ir_cron": [],
                "ir_ui_menu": [],
                "ir_ui_view": [],
                "errors": [],
            },
        )
