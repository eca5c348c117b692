import base64
import hashlib
import hmac
import json
import logging
import time
from datetime import timedelta
from ipaddress import ip_address
from urllib.parse import quote_plus, urlsplit

import requests

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .supervision_settings import get_setting

_logger = logging.getLogger(__name__)

BATCH_SIZE = 20
TIMEOUT = 10
# minutes before the n-th retry: 5, 10, 20... at most six hours; never given up
RETRY_MINUTES = 5
RETRY_MAX_MINUTES = 360
ANSWER_MAX = 2000
# kind: (hosts, path prefix) of a group robot's address
ROBOT_KINDS = {
    "wecom": (("qyapi.weixin.qq.com",), "/cgi-bin/webhook/send"),
    "dingtalk": (("oapi.dingtalk.com",), "/robot/send"),
    "feishu": (("open.feishu.cn", "open.larksuite.com"), "/open-apis/bot/v2/hook/"),
}


def _is_loopback(host):
    if host == "localhost":
        return True
    try:
        return ip_address(host).is_loopback
    except ValueError:
        return False


def robot_kind(url):
    """The kind of group robot at ``url`` (``wecom``, ``dingtalk`` or
    ``feishu``), by its host or else its path; ``ValidationError`` when the
    address is not one of a robot, or not over https (plain http is accepted
    on the loopback only, for a robot standing in locally)."""
    parts = urlsplit((url or "").strip())
    host = (parts.hostname or "").lower()
    if not host or parts.scheme not in ("https", "http"):
        raise ValidationError(
            _("%(url)s is not a web address of a group robot.", url=url)
        )
    if parts.scheme == "http" and not _is_loopback(host):
        raise ValidationError(
            _("The group robot's address %(url)s must start with https://.", url=url)
        )
    for kind, (hosts, _path) in ROBOT_KINDS.items():
        if host in hosts:
            return kind
    for kind, (_hosts, path) in ROBOT_KINDS.items():
        if parts.path.startswith(path):
            return kind
    raise ValidationError(
        _(
            "%(url)s is not the address of a WeCom, DingTalk or Feishu group "
            "robot (its webhook address, as the robot's settings show it).",
            url=url,
        )
    )


class SupervisionWebhookMessage(models.Model):
    """A message for a group chat robot (企业微信/钉钉/飞书 群机器人).

    Queued by the daily digest (and the units' test button) and sent by
    ``_cron_send``; a failed message keeps the robot's answer in
    ``last_error`` and is retried later, with a growing delay, until it is
    sent: nothing is lost while the chat service is down.
    """

    _name = "supervision.webhook.message"
    _description = "Supervision Group Chat Message"
    _order = "id desc"

    name = fields.Char(string="Title", required=True)
    url = fields.Char(string="Robot URL", required=True)
    kind = fields.Selection(
        [("wecom", "WeCom"), ("dingtalk", "DingTalk"), ("feishu", "Feishu")],
        compute="_compute_kind",
        store=True,
    )
    payload = fields.Text(required=True, help="JSON sent to the robot.")
    state = fields.Selection(
        [("queued", "Queued"), ("sent", "Sent"), ("failed", "Failed")],
        required=True,
        default="queued",
        index=True,
    )
    attempts = fields.Integer(readonly=True)
    last_error = fields.Text(
        readonly=True, help="The last failure, with the robot's answer."
    )
    next_attempt = fields.Datetime(readonly=True, index=True)
    date_sent = fields.Datetime(string="Sent On", readonly=True)
    source = fields.Selection(
        [("unit", "Unit Digest"), ("office", "Office Digest"), ("test", "Test")],
        required=True,
        default="test",
    )
    unit_id = fields.Many2one("supervision.unit", index=True, ondelete="cascade")
    digest_date = fields.Date(string="Digest Of")

    def init(self):
        # at most one digest a day per unit chat and for the office chat,
        # whatever two workers do at once
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS supervision_webhook_message_digest_uniq
            ON supervision_webhook_message (source, COALESCE(unit_id, 0), digest_date)
            WHERE source != 'test'
            """
        )

    @api.depends("url")
    def _compute_kind(self):
        for message in self:
            message.kind = robot_kind(message.url) if message.url else False

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_retry(self):
        """Send again at the next run of the queue."""
        self.check_access("write")
        self.filtered(lambda m: m.state != "sent").write(
            {"next_attempt": fields.Datetime.now()}
        )
        return True

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    @api.model
    def _queue(self, url, title, blocks, **vals):
        """Queue ``blocks`` (a list of ``(heading, [(text, url or False)])``)
        under ``title`` for the robot at ``url``, in its kind's format."""
        payload = self._format_payload(robot_kind(url), title, blocks)
        return self.create(
            {
                "name": title,
                "url": url,
                "payload": json.dumps(payload, ensure_ascii=False),
                **vals,
            }
        )

    @api.model
    def _format_payload(self, kind, title, blocks):
        if kind == "feishu":
            paragraphs = []
            for heading, lines in blocks:
                if heading:
                    paragraphs.append([{"tag": "text", "text": heading}])
                for text, link in lines:
                    paragraphs.append(
                        [{"tag": "a", "text": f"• {text}", "href": link}]
                        if link
                        else [{"tag": "text", "text": f"• {text}"}]
                    )
            return {
                "msg_type": "post",
                "content": {"post": {"zh_cn": {"title": title, "content": paragraphs}}},
            }
        text = "\n".join(
            [f"### {title}"]
            + [
                "\n".join(
                    ([f"**{heading}**"] if heading else [])
                    + [
                        f"- [{line}]({link})" if link else f"- {line}"
                        for line, link in lines
                    ]
                )
                for heading, lines in blocks
            ]
        )
        if kind == "dingtalk":
            return {"msgtype": "markdown", "markdown": {"title": title, "text": text}}
        return {"msgtype": "markdown", "markdown": {"content": text}}

    @api.model
    def _cron_send(self, batch_size=BATCH_SIZE):
        """Send the queued messages and retry the failed ones that are due."""
        domain = [
            ("state", "in", ("queued", "failed")),
            "|",
            ("next_attempt", "=", False),
            ("next_attempt", "<=", fields.Datetime.now()),
        ]
        messages = self.search(domain, order="next_attempt, id", limit=batch_size)
        for message in messages:
            message._send()
        remaining = self.search_count(domain) if len(messages) == batch_size else 0
        self.env["ir.cron"]._notify_progress(done=len(messages), remaining=remaining)
        return remaining

    def _send(self):
        """Post the message to its robot; a failure is kept and retried."""
        self.ensure_one()
        # sudo: the timeout is a technical parameter, not readable by the office
        timeout = float(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("university_supervision.webhook_timeout", TIMEOUT)
        )
        try:
            url, body = self._signed_request()
            response = requests.post(
                url,
                data=json.dumps(body, ensure_ascii=False).encode(),
                headers={"Content-Type": "application/json; charset=utf-8"},
                timeout=timeout,
            )
            error = self._answer_error(response)
        except (requests.RequestException, ValueError) as exc:
            error = str(exc)
        now = fields.Datetime.now()
        attempts = self.attempts + 1
        if error:
            _logger.warning("Group chat message %s failed: %s", self.id, error)
            delay = min(RETRY_MINUTES * 2 ** (attempts - 1), RETRY_MAX_MINUTES)
            self.write(
                {
                    "state": "failed",
                    "attempts": attempts,
                    "last_error": error[:ANSWER_MAX],
                    "next_attempt": now + timedelta(minutes=delay),
                }
            )
        else:
            self.write(
                {
                    "state": "sent",
                    "attempts": attempts,
                    "date_sent": now,
                    "next_attempt": False,
                }
            )
        return not error

    def _answer_error(self, response):
        """The failure the robot answered, or ``False``. DingTalk and WeCom
        answer HTTP 200 with a non-zero ``errcode`` when they refuse a
        message, Feishu with a non-zero ``code``."""
        answer = response.text[:ANSWER_MAX]
        if not response.ok:
            return f"HTTP {response.status_code}: {answer}"
        try:
            data = response.json()
        except ValueError:
            return False
        if isinstance(data, dict):
            code = data.get("errcode", data.get("code", data.get("StatusCode", 0)))
            if code not in (0, "0", None):
                return f"HTTP {response.status_code}: {answer}"
        return False

    def _signed_request(self):
        """The address and body to post, signed with the robot's secret
        (加签) for DingTalk (in the query) and Feishu (in the body)."""
        url = self.url
        body = json.loads(self.payload)
        secret = self._get_secret()
        if not secret or self.kind == "wecom":
            return url, body
        if self.kind == "dingtalk":
            timestamp = str(int(time.time() * 1000))
            digest = hmac.new(
                secret.encode(), f"{timestamp}\n{secret}".encode(), hashlib.sha256
            ).digest()
            sign = quote_plus(base64.b64encode(digest))
            separator = "&" if "?" in url else "?"
            return f"{url}{separator}timestamp={timestamp}&sign={sign}", body
        timestamp = str(int(time.time()))
        digest = hmac.new(
            f"{timestamp}\n{secret}".encode(), b"", hashlib.sha256
        ).digest()
        body.update(timestamp=timestamp, sign=base64.b64encode(digest).decode())
        return url, body

    def _get_secret(self):
        self.ensure_one()
        if self.unit_id:
            # sudo: the secret is the manager's field; the office and the
            # cron send with it without reading it
            return self.unit_id.sudo().webhook_secret
        return get_setting(self.env, "office_webhook_secret")
