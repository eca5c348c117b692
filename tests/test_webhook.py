# Part of university_supervision. See LICENSE file for full copyright and licensing details.
import base64
import contextlib
import hashlib
import hmac
import json
import threading
import time
from datetime import date, datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from ..models.supervision_webhook_message import robot_kind
from .common import DeadlineCheckCommon

DIGEST_AT = "2026-03-21 01:00:00"  # 09:00 in Shanghai
CHECK_AT = "2026-03-20 16:01:00"  # 03-21 00:01 in Shanghai
DIGEST_LOGGER = "odoo.addons.university_supervision.models.supervision_digest"
PATHS = {
    "wecom": "/cgi-bin/webhook/send?key=test-key",
    "dingtalk": "/robot/send?access_token=test-token",
    "feishu": "/open-apis/bot/v2/hook/test-hook",
}
OK = {
    "wecom": {"errcode": 0, "errmsg": "ok"},
    "dingtalk": {"errcode": 0, "errmsg": "ok"},
    "feishu": {"code": 0, "msg": "success"},
}


class RobotHandler(BaseHTTPRequestHandler):
    """Stands in for a group robot: keeps what it is sent, answers what the
    test tells it (``server.answer``: status, JSON, delay in seconds)."""

    def do_POST(self):  # noqa: N802 - the name http.server calls
        length = int(self.headers.get("Content-Length", 0))
        body = self.rfile.read(length)
        parts = urlsplit(self.path)
        self.server.received.append(
            {
                "path": parts.path,
                "query": parse_qs(parts.query),
                "json": json.loads(body.decode()),
            }
        )
        status, answer, delay = self.server.answer
        if delay:
            time.sleep(delay)
        data = json.dumps(answer).encode()
        # the client may have given up waiting (timeout): nothing to answer
        with contextlib.suppress(OSError):
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    def log_message(self, format, *args):  # noqa: A002 - http.server's signature
        pass


@tagged("post_install", "-at_install")
class TestWebhook(DeadlineCheckCommon):
    """Group robots (企业微信/钉钉/飞书): digests queued for the units' and the
    office's group chats, sent by the queue's cron to a local server standing
    in for the robot, retried after a failure."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = ThreadingHTTPServer(("127.0.0.1", 0), RobotHandler)
        cls.server.received = []
        cls.server.answer = (200, OK["wecom"], 0)
        thread = threading.Thread(target=cls.server.serve_forever, daemon=True)
        thread.start()
        cls.addClassCleanup(cls.server.server_close)
        cls.addClassCleanup(cls.server.shutdown)
        cls.base = f"http://127.0.0.1:{cls.server.server_address[1]}"
        cls.Message = cls.env["supervision.webhook.message"]

    def setUp(self):
        super().setUp()
        self.server.received.clear()
        self.server.answer = (200, OK["wecom"], 0)

    def _robot(self, kind, secret=False):
        self.unit_a.with_user(self.manager).write(
            {"webhook_url": self.base + PATHS[kind], "webhook_secret": secret}
        )
        self.server.answer = (200, OK[kind], 0)

    def _digest_day(self, **item_vals):
        """An overdue item of unit A, checked and digested on 03-21."""
        item = self._open_item(name="Publish the teaching reform plan", **item_vals)
        self._check_at(CHECK_AT)
        with freeze_time(DIGEST_AT):
            self.env["supervision.digest"]._cron_send_digest()
        return item

    def _send_queue(self, moment=DIGEST_AT):
        with freeze_time(moment):
            self.Message._cron_send()
        self.env.invalidate_all()

    # ------------------------------------------------------------------
    # Addresses
    # ------------------------------------------------------------------

    def test_kind_by_address(self):
        """The robot's kind comes from its host, or else from its path."""
        self.assertEqual(
            robot_kind("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k"),
            "wecom",
        )
        self.assertEqual(
            robot_kind("https://oapi.dingtalk.com/robot/send?access_token=t"),
            "dingtalk",
        )
        self.assertEqual(
            robot_kind("https://open.feishu.cn/open-apis/bot/v2/hook/h"), "feishu"
        )
        self.assertEqual(robot_kind(self.base + PATHS["dingtalk"]), "dingtalk")

    def test_invalid_address_refused(self):
        """Not https (except on the loopback), or not a robot's address: refused
        on the unit and in the settings, with a message saying why."""
        unit = self.unit_a.with_user(self.manager)
        for url, text in (
            ("http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", "https://"),
            ("ftp://oapi.dingtalk.com/robot/send", "not a web address"),
            ("https://example.com/hooks/42", "not the address of a WeCom"),
            ("qyapi.weixin.qq.com", "not a web address"),
        ):
            with self.assertRaisesMessage(ValidationError, text):
                unit.write({"webhook_url": url})
        settings = Form(self.env["res.config.settings"])
        settings.supervision_office_webhook_url = "https://example.com/hooks/42"
        with self.assertRaisesMessage(ValidationError, "not the address of a WeCom"):
            settings.save()

    # ------------------------------------------------------------------
    # Payloads per kind
    # ------------------------------------------------------------------

    def test_wecom_payload(self):
        """WeCom gets a markdown message with the item's number, title,
        deadline and a link back to Odoo."""
        self._robot("wecom")
        item = self._digest_day()
        self.assertFalse(self.server.received, "the digest only queues")
        self._send_queue()
        [request] = self.server.received
        self.assertEqual(request["path"], "/cgi-bin/webhook/send")
        self.assertEqual(request["json"]["msgtype"], "markdown")
        content = request["json"]["markdown"]["content"]
        for text in (
            item.number,
            item.name,
            "Overdue",
            f"/odoo/supervision.item/{item.id}",
        ):
            self.assertIn(text, content)
        self.assertRecordValues(
            self.Message.search([("unit_id", "=", self.unit_a.id)]),
            [{"state": "sent", "attempts": 1, "kind": "wecom", "source": "unit"}],
        )

    def test_dingtalk_payload_signed(self):
        """DingTalk gets markdown with a title and text, signed with the
        robot's secret in the query (timestamp in ms, HMAC-SHA256)."""
        self._robot("dingtalk", secret="SEC-dingtalk")
        item = self._digest_day()
        self._send_queue()
        [request] = self.server.received
        payload = request["json"]
        self.assertEqual(payload["msgtype"], "markdown")
        self.assertIn(self.unit_a.name, payload["markdown"]["title"])
        self.assertIn(item.name, payload["markdown"]["text"])
        timestamp = request["query"]["timestamp"][0]
        self.assertEqual(
            int(timestamp),
            int(datetime(2026, 3, 21, 1, tzinfo=timezone.utc).timestamp() * 1000),
        )
        expected = base64.b64encode(
            hmac.new(
                b"SEC-dingtalk",
                f"{timestamp}\nSEC-dingtalk".encode(),
                hashlib.sha256,
            ).digest()
        ).decode()
        self.assertEqual(request["query"]["sign"], [expected])
        self.assertEqual(request["query"]["access_token"], ["test-token"])

    def test_feishu_payload_signed(self):
        """Feishu gets a rich-text post with links, signed in the body."""
        self._robot("feishu", secret="SEC-feishu")
        item = self._digest_day()
        self._send_queue()
        [request] = self.server.received
        payload = request["json"]
        self.assertEqual(payload["msg_type"], "post")
        post = payload["content"]["post"]["zh_cn"]
        self.assertIn(self.unit_a.name, post["title"])
        links = [
            element
            for paragraph in post["content"]
            for element in paragraph
            if element["tag"] == "a"
        ]
        self.assertEqual(len(links), 1)
        self.assertIn(item.name, links[0]["text"])
        self.assertTrue(links[0]["href"].endswith(f"/odoo/supervision.item/{item.id}"))
        timestamp = payload["timestamp"]
        expected = base64.b64encode(
            hmac.new(f"{timestamp}\nSEC-feishu".encode(), b"", hashlib.sha256).digest()
        ).decode()
        self.assertEqual(payload["sign"], expected)

    def test_office_robot(self):
        """The office's robot (a setting) gets the office's digest."""
        self.env["ir.config_parameter"].set_param(
            "university_supervision.office_webhook_url", self.base + PATHS["wecom"]
        )
        item = self._digest_day(level="reminder")
        self._send_queue()
        [request] = self.server.received
        content = request["json"]["markdown"]["content"]
        self.assertIn("Escalated to key supervision today", content)
        self.assertIn(item.name, content)

    # ------------------------------------------------------------------
    # Once a day, failures and retries
    # ------------------------------------------------------------------

    def test_one_chat_digest_per_day(self):
        """Two runs of the digest the same day queue one message per chat."""
        self._robot("wecom")
        self._digest_day()
        with freeze_time("2026-03-21 03:00:00"):
            self.env["supervision.digest"]._cron_send_digest()
        self.assertEqual(self.Message.search_count([("source", "=", "unit")]), 1)

    def test_error_answer_kept_and_retried(self):
        """A robot answering HTTP 200 with an error code: the message is
        failed with the answer kept, retried once its delay is over, and
        sent then."""
        self._robot("dingtalk")
        self.server.answer = (
            200,
            {"errcode": 310000, "errmsg": "keywords not in content"},
            0,
        )
        self._digest_day()
        self._send_queue()
        message = self.Message.search([("unit_id", "=", self.unit_a.id)])
        self.assertRecordValues(
            message,
            [
                {
                    "state": "failed",
                    "attempts": 1,
                    "next_attempt": datetime(2026, 3, 21, 1, 5),
                }
            ],
        )
        self.assertIn("keywords not in content", message.last_error)
        self._send_queue("2026-03-21 01:04:00")  # not due yet
        self.assertEqual(len(self.server.received), 1)
        self.server.answer = (500, {"error": "internal"}, 0)
        self._send_queue("2026-03-21 01:05:00")
        self.assertRecordValues(
            message,
            [
                {
                    "state": "failed",
                    "attempts": 2,
                    "next_attempt": datetime(2026, 3, 21, 1, 15),
                }
            ],
        )
        self.assertIn("HTTP 500", message.last_error)
        self.server.answer = (200, OK["dingtalk"], 0)
        self._send_queue("2026-03-21 01:15:00")
        self.assertRecordValues(message, [{"state": "sent", "attempts": 3}])
        self.assertEqual(len(self.server.received), 3)

    def test_timeout_kept_and_retried(self):
        """A robot that does not answer in time leaves the message failed,
        to be retried (tests raise any timeout to 10 s)."""
        self._robot("wecom")
        self.env["ir.config_parameter"].set_param(
            "university_supervision.webhook_timeout", "1"
        )
        self.server.answer = (200, OK["wecom"], 11)
        self._digest_day()
        self._send_queue()
        message = self.Message.search([("unit_id", "=", self.unit_a.id)])
        self.assertEqual(message.state, "failed")
        self.assertIn("timed out", message.last_error)
        self.assertTrue(message.next_attempt)

    def test_unreachable_robot_never_blocks_the_check(self):
        """With the robot down, the check and the digests run; the message
        waits in the queue."""
        self.unit_a.with_user(
            self.manager
        ).webhook_url = "http://127.0.0.1:9/cgi-bin/webhook/send?key=k"
        self._digest_day()
        self.assertEqual(
            self.env["mail.message"].search_count(
                [
                    ("message_type", "=", "user_notification"),
                    ("partner_ids", "in", self.head_a.partner_id.ids),
                    ("subject", "like", "Supervision digest"),
                ]
            ),
            1,
        )
        self._send_queue()
        message = self.Message.search([("unit_id", "=", self.unit_a.id)])
        self.assertEqual(message.state, "failed")
        self.assertTrue(message.last_error)

    def test_refused_office_address_never_stops_the_digests(self):
        """An office robot address written around the settings' check is
        logged and skipped; people still get their digests."""
        self.env["ir.config_parameter"].set_param(
            "university_supervision.office_webhook_url", "https://example.com/hooks/42"
        )
        with self.assertLogs(DIGEST_LOGGER, level="WARNING"):
            self._digest_day()
        self.assertFalse(self.Message.search([]))
        self.assertEqual(self.head_a.supervision_digest_date, date(2026, 3, 21))

    # ------------------------------------------------------------------
    # Confidential items
    # ------------------------------------------------------------------

    def test_confidential_item_not_named_in_chat(self):
        """A confidential item is never named in a group chat: a neutral line
        says one needs attention."""
        self._robot("wecom")
        secret = self._open_item(
            state="assigned",
            is_confidential=True,
            confidential_user_ids=[(6, 0, (self.officer | self.head_a).ids)],
            name="Investigate the admissions complaint",
        )
        self._digest_day()
        self._send_queue()
        [request] = self.server.received
        content = request["json"]["markdown"]["content"]
        self.assertNotIn(secret.name, content)
        self.assertNotIn(secret.number, content)
        self.assertIn("1 confidential item(s) need attention", content)
        self.assertIn("Publish the teaching reform plan", content)

    # ------------------------------------------------------------------
    # Test button and access
    # ------------------------------------------------------------------

    def test_send_test_message(self):
        """The manager's button on the unit posts a test message at once."""
        self._robot("feishu")
        action = self.unit_a.with_user(self.manager).action_send_test_message()
        self.assertEqual(action["params"]["type"], "success")
        [request] = self.server.received
        self.assertEqual(request["json"]["msg_type"], "post")
        self.assertRecordValues(
            self.Message.search([("source", "=", "test")]),
            [{"state": "sent", "unit_id": self.unit_a.id}],
        )

    def test_queue_access(self):
        """Units never read the queue nor the robots' addresses; the office
        reads it and retries what is not sent; a sent message is the
        manager's."""
        self._robot("wecom")
        self._digest_day()
        self._send_queue()
        message = self.Message.search([("unit_id", "=", self.unit_a.id)])
        with self.assertRaises(AccessError):
            self._as(self.head_a, message).read(["payload"])
        with self.assertRaises(AccessError):
            self._as(self.head_a, self.unit_a).read(["webhook_url"])
        self.assertEqual(self._as(self.officer, message).state, "sent")
        with self.assertRaises(AccessError):
            self._as(self.officer, message).write({"state": "queued"})
        self._as(self.manager, message).write({"state": "queued"})
        self._as(self.officer, message).action_retry()
