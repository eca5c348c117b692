"""Locust file of ``make load`` (scripts/load.sh): the staff at work over JSON-RPC.
Errors: HTTP 4xx/5xx, JSON-RPC errors, a unit user shown another unit's item."""

import itertools
import json
import os
import random
from datetime import date, timedelta

from locust import HttpUser, between, events

with open(os.environ["LOAD_ACCOUNTS"], encoding="utf-8") as _file:
    UNITS = json.load(_file)  # [{id, head, liaison, leader, visible}] by code
N = -(-int(os.environ.get("LOAD_USERS", 20)) // 4)  # simulated users per role
ITEM, EXT, URGE = "supervision.item", "supervision.extension", "supervision.urge.wizard"
OPEN, COUNT = ("state", "in", ["assigned", "in_progress"]), {}
OVERDUE, DECIDE = ("is_overdue", "=", True), ["action_approve", "action_refuse"]
GROUPS = [["lead_unit_id", "warning_light"], ["source_type"], ["deadline:month"]]
SPEC = dict.fromkeys(["name", "number", "state", "deadline", "warning_light"], {})
FORM = SPEC | {"content": {}, "measures": {}, "progress_ids": {"fields": {"kind": {}}}}


class Staff(HttpUser):
    abstract, wait_time, role = True, between(1, 4), ""

    def on_start(self):
        self.i = next(COUNT.setdefault(self.role, itertools.count())) % N
        unit = UNITS[self.i if self.role == "liaison" else N + self.i]
        officer = f"bench_officer_{self.i % 3}"
        self.unit = unit["id"] if self.role in ("liaison", "head") else False
        self.visible = set(unit["visible"] or ()) if self.unit else None
        auth = {"db": os.environ["LOAD_DB"], "password": "load-supervision"}
        auth["login"] = officer if self.role == "officer" else unit[self.role]
        self.uid = self.rpc("login", "/web/session/authenticate", auth)["uid"]

    def rpc(self, kind, url, params):
        kw = {"json": {"params": params}, "name": kind, "catch_response": True}
        with self.client.post(url, **kw) as r:
            body = r.json() if r.ok else {"error": {"message": f"HTTP {r.status_code}"}}
            res, error = body.get("result"), body.get("error")
            records = res.get("records", []) if isinstance(res, dict) else []
            ids = {x["id"] for x in records} if self.visible is not None else set()
            if wrong := ids - (self.visible or set()):
                error = {"message": f"wrong result: {self.uid} sees {wrong}"}
            if error:  # a unit user saw an item of another unit, or an error
                r.failure(str(error.get("data", error)["message"])[:200])
            return res

    def call(self, kind, model, method, *args, **kw):
        params = {"model": model, "method": method, "args": args, "kwargs": kw}
        res = self.rpc(kind, "/web/dataset/call_kw", params)
        return res if isinstance(res, dict) else {"records": [], "result": res}

    def search(self, kind, *domain, limit=80):
        kw = {"specification": SPEC, "limit": limit, "count_limit": 10001}
        return self.call(kind, ITEM, "web_search_read", domain, **kw)["records"]

    def mine(self, *domain):  # an item to act on, no other simulated user's
        unit = [("lead_unit_id", "=", self.unit)] if self.unit else []
        found = self.search("find", *unit, *domain, limit=20 * N)
        return [r for r in found if r["id"] % N == self.i][:1]

    def my_todos(self):
        self.search("todo", ("is_awaiting_my_action", "=", True))

    def list_and_open(self):
        word = ("name", "ilike", random.randrange(99))
        for r in self.search("list", random.choice([OPEN, word, OVERDUE]))[:1]:
            self.call("form", ITEM, "web_read", [r["id"]], specification=FORM)

    def dashboard(self):
        kw = {"fields": ["__count"], "lazy": False}
        for by in GROUPS:
            self.call("dashboard", ITEM, "web_read_group", [OPEN], groupby=by, **kw)

    def export_ledger(self):
        ids = ",".join(str(r["id"]) for r in self.search("list", OPEN, limit=50))
        url = f"/university_supervision/ledger.xlsx?ids={ids}"
        with self.client.get(url, name="ledger", catch_response=True) as r:
            if not r.ok:
                r.failure(f"HTTP {r.status_code}")

    def acknowledge(self):
        for r in self.mine(("state", "=", "assigned")):
            vals = {"date_committed": r["deadline"], "handler_id": self.uid}
            vals |= {"measures": "Measures", "completion_form": "Report"}
            self.call("acknowledge", ITEM, "write", [r["id"]], vals)
            self.call("acknowledge", ITEM, "action_acknowledge", [r["id"]])

    def post_progress(self):
        for r in self.mine(("state", "=", "in_progress")):
            vals = {"item_id": r["id"], "unit_id": self.unit, "kind": "progress"}
            vals["description"] = "<p>Progress</p>"
            self.call("progress", "supervision.progress", "create", vals)

    def request_extension(self):
        asked = ("extension_ids.state", "in", ["draft", "submitted"])
        due = ("deadline", ">=", str(date.today()))
        for r in self.mine(("state", "=", "in_progress"), due, "!", asked):
            later = str(date.fromisoformat(r["deadline"]) + timedelta(days=30))
            vals = {"item_id": r["id"], "reason": "Load", "date_requested": later}
            if ext := self.call("extension", EXT, "create", vals)["result"]:
                self.call("extension", EXT, "action_submit", [ext])

    def decide_extension(self):
        leader = ("item_id.leader_in_charge_id", "=", self.uid)
        asked = [("state", "=", "submitted"), leader]
        for ext in self.call("decide", EXT, "search", asked, limit=1)["result"] or []:
            self.call("decide", EXT, random.choice(DECIDE), [ext])

    def urge(self):
        for r in self.mine(OPEN, ("warning_light", "=", "red")):
            vals = {"item_ids": [(6, 0, [r["id"]])], "note": "Urge"}
            if wizard := self.call("urge", URGE, "create", vals)["result"]:
                self.call("urge", URGE, "action_confirm", [wizard])

    def review(self):
        for r in self.mine(("state", "=", "submitted")):
            self.call("review", ITEM, "action_review_pass", [r["id"]])


def staff(role, **weights):
    tasks = {getattr(Staff, name): weight for name, weight in weights.items()}
    return type(role.title(), (Staff,), {"role": role, "tasks": tasks})


DAY = {"my_todos": 4, "list_and_open": 4}
Liaison = staff("liaison", **DAY, acknowledge=2, post_progress=2)
UnitHead = staff("head", **DAY, acknowledge=1, post_progress=2, request_extension=1)
Leader = staff("leader", **DAY, dashboard=2, export_ledger=1, decide_extension=2)
Officer = staff("officer", **DAY, dashboard=2, export_ledger=1, urge=2, review=2)


@events.quitting.add_listener
def _figures(environment, **_kwargs):
    stats, lines = environment.stats, []
    entries = sorted(stats.entries.values(), key=lambda e: e.name)
    for prefix, e in [("", stats.total)] + [(f"{e.name}.", e) for e in entries]:
        p50, p95 = (e.get_response_time_percentile(q) for q in (0.5, 0.95))
        lines += [f"{prefix}requests: {e.num_requests}"]
        lines += [f"{prefix}errors: {e.num_failures}"]
        lines += [f"{prefix}p50_ms: {p50:.0f}", f"{prefix}p95_ms: {p95:.0f}"]
        lines += [f"{prefix}rps: {e.total_rps:.2f}"]
    for e in stats.errors.values():
        lines += [f"# {e.occurrences}x {e.name}: {e.error}"[:300]]
    with open(os.environ["LOAD_FIGURES"], "w", encoding="utf-8") as file:
        file.write("\n".join(lines) + "\n")
