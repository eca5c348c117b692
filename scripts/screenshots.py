"""Take the README's screenshots from a running demo server, in Chinese.

Usage (scripts/screenshots.sh runs it against a demo database it serves):
    python scripts/screenshots.py --url http://127.0.0.1:8070 --db supervision_shots

Logs in through /web/session/authenticate, hands the session cookie to a
headless Chromium driven through the DevTools protocol (the websocket-client
library Odoo's own browser tests use) and saves PNGs under readme/.
"""

import argparse
import base64
import json
import pathlib
import shutil
import subprocess
import tempfile
import time

import requests
import websocket

ROOT = pathlib.Path(__file__).resolve().parent.parent
ACTION = "/odoo/action-university_supervision.supervision_item_action"
DASHBOARD = "/odoo/action-spreadsheet_dashboard.ir_actions_dashboard_action"


class Chromium:
    """A headless Chromium page, driven through the DevTools protocol."""

    def __init__(self, width, height):
        self.profile = tempfile.mkdtemp(prefix="sv_shots_")
        binary = shutil.which("chromium") or shutil.which("google-chrome")
        self.proc = subprocess.Popen(
            [
                binary,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--lang=zh-CN",
                "--remote-debugging-port=0",
                f"--user-data-dir={self.profile}",
                f"--window-size={width},{height}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = pathlib.Path(self.profile, "DevToolsActivePort")
        for _i in range(100):
            if port_file.exists() and port_file.read_text().strip():
                break
            time.sleep(0.2)
        port = port_file.read_text().split()[0]
        pages = requests.get(f"http://127.0.0.1:{port}/json", timeout=10).json()
        page = next(p for p in pages if p["type"] == "page")
        self.ws = websocket.create_connection(
            page["webSocketDebuggerUrl"], timeout=60, suppress_origin=True
        )
        self.next_id = 0
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )

    def send(self, method, **params):
        self.next_id += 1
        self.ws.send(
            json.dumps({"id": self.next_id, "method": method, "params": params})
        )
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression):
        result = self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True
        )
        return result.get("result", {}).get("value")

    def open(self, url, ready_selector, timeout=120, settle=2):
        """Go to ``url``, wait until every selector of ``ready_selector`` (one
        or a list) matches, then ``settle`` seconds more."""
        self.send("Page.navigate", url=url)
        deadline = time.time() + timeout
        selectors = (
            [ready_selector] if isinstance(ready_selector, str) else ready_selector
        )
        for selector in selectors:
            check = f"!!document.querySelector({json.dumps(selector)})"
            while not self.evaluate(check):
                if time.time() > deadline:
                    raise TimeoutError(f"{selector} not shown at {url}")
                time.sleep(0.5)
        time.sleep(settle)  # let images, avatars, fonts and charts settle

    def screenshot(self, path):
        data = self.send("Page.captureScreenshot", format="png")["data"]
        pathlib.Path(path).write_bytes(base64.b64decode(data))
        print(f"saved {path}")

    def close(self):
        self.ws.close()
        self.proc.terminate()
        self.proc.wait(timeout=30)
        shutil.rmtree(self.profile, ignore_errors=True)


def rpc(session, url, model, method, *args, **kwargs):
    response = session.post(
        f"{url}/web/dataset/call_kw/{model}/{method}",
        json={
            "jsonrpc": "2.0",
            "params": {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": kwargs,
            },
        },
        timeout=300,
    ).json()
    if "error" in response:
        raise RuntimeError(response["error"]["data"]["message"])
    return response["result"]


def login(url, db, user, password):
    session = requests.Session()
    response = session.post(
        f"{url}/web/session/authenticate",
        json={
            "jsonrpc": "2.0",
            "params": {"db": db, "login": user, "password": password},
        },
        timeout=60,
    ).json()
    if response.get("error") or not response.get("result", {}).get("uid"):
        raise RuntimeError(f"cannot log in as {user}: {response.get('error')}")
    return session


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", default="http://127.0.0.1:8069")
    parser.add_argument("--db", required=True)
    parser.add_argument("--login", default="wu.jun", help="an office staff demo user")
    parser.add_argument("--password", default="supervision")
    parser.add_argument("--out", default=str(ROOT / "readme"))
    args = parser.parse_args()

    # the daily check lights the items as it would every night
    admin = login(args.url, args.db, "admin", "admin")
    cron = rpc(
        admin,
        args.url,
        "ir.model.data",
        "search_read",
        [
            ("module", "=", "university_supervision"),
            ("name", "=", "ir_cron_check_deadlines"),
        ],
        fields=["res_id"],
    )
    rpc(admin, args.url, "ir.cron", "method_direct_trigger", [cron[0]["res_id"]])
    dashboard = rpc(
        admin,
        args.url,
        "ir.model.data",
        "search_read",
        [
            ("module", "=", "university_supervision"),
            ("name", "=", "spreadsheet_dashboard_supervision"),
        ],
        fields=["res_id"],
    )

    session = login(args.url, args.db, args.login, args.password)
    rpc(
        session,
        args.url,
        "res.users",
        "write",
        [session_uid(session, args.url)],
        {"lang": "zh_CN"},
    )
    items = rpc(
        session,
        args.url,
        "supervision.item",
        "search_read",
        [
            ("state", "=", "in_progress"),
            ("level", "=", "key"),
            ("progress_ids", "!=", False),
        ],
        fields=["id"],
        limit=1,
        order="deadline",
    )
    browser = Chromium(1400, 900)
    try:
        browser.send(
            "Network.setCookie",
            name="session_id",
            value=session.cookies["session_id"],
            url=args.url,
        )
        out = pathlib.Path(args.out)
        browser.open(
            f"{args.url}{ACTION}?view_type=kanban", ".o_kanban_record .fa-circle"
        )
        browser.screenshot(out / "screenshot_kanban.png")
        browser.open(
            f"{args.url}{ACTION}/{items[0]['id']}", ".o_form_view .o-mail-Message"
        )
        browser.screenshot(out / "screenshot_item_form.png")
        # the pivots fill their cells and the charts are drawn after the
        # canvas is shown: wait for both, then let the charts' animation end
        browser.open(
            f"{args.url}{DASHBOARD}?dashboard_id={dashboard[0]['res_id']}",
            [
                ".o-spreadsheet canvas",
                ".o-dashboard-clickable-cell",
                ".o-spreadsheet .o-figure canvas",
            ],
            settle=5,
        )
        browser.screenshot(out / "screenshot_dashboard.png")
    finally:
        browser.close()


def session_uid(session, url):
    return session.post(
        f"{url}/web/session/get_session_info",
        json={"jsonrpc": "2.0", "params": {}},
        timeout=60,
    ).json()["result"]["uid"]


if __name__ == "__main__":
    main()
