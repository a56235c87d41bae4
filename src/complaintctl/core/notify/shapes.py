"""The JSON each chat's incoming webhook takes, its signing, and how it says a message was refused.

- WeCom (企业微信) group robot: {"msgtype": "text", "text": {"content": ...}}; answers {"errcode": 0}.
- DingTalk (钉钉) robot: the same body; with a signing secret, `timestamp` and `sign` (HMAC-SHA256
  of "timestamp\\nsecret", base64, URL-quoted) go in the URL; answers {"errcode": 0}.
- Feishu / Lark (飞书) bot: {"msg_type": "text", "content": {"text": ...}}; with a secret,
  `timestamp` and `sign` (HMAC-SHA256 keyed with "timestamp\\nsecret" over nothing, base64) go in
  the body; answers {"code": 0} (older bots {"StatusCode": 0}).
- Slack incoming webhook: {"text": ...}; answers 200 "ok".
- json: {"event", "text", "complaints": [...], "idempotency_key"}, for a team's own receiver; any
  2xx is taken.
Every POST carries the message's key in an Idempotency-Key header, the same on every attempt.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import urllib.parse

KINDS = ("wecom", "dingtalk", "feishu", "slack", "json")
# The language a webhook's messages are written in unless --lang says: Chinese for the Chinese chats.
DEFAULT_LANG = {"wecom": "zh", "dingtalk": "zh", "feishu": "zh", "slack": "en", "json": "en"}


def payload(kind: str, trigger: str, text: str, complaints: list[dict]) -> str:
    """The body to POST, as JSON text (stored in the outbox as it will be sent, before signing)."""
    if kind in ("wecom", "dingtalk"):
        body: dict = {"msgtype": "text", "text": {"content": text}}
    elif kind == "feishu":
        body = {"msg_type": "text", "content": {"text": text}}
    elif kind == "slack":
        body = {"text": text}
    else:
        body = {"event": trigger, "text": text, "complaints": complaints}
    return json.dumps(body, ensure_ascii=False)


def with_key(kind: str, body: str, key: str) -> str:
    """The body with the message's key, for a team's own receiver (json) to drop a repeat; a chat's
    body stays as the chat defines it (the key goes in the Idempotency-Key header, for every kind)."""
    if kind != "json":
        return body
    data = json.loads(body)
    data["idempotency_key"] = key
    return json.dumps(data, ensure_ascii=False)


def signed(kind: str, url: str, body: str, secret: str | None, now_seconds: int) -> tuple[str, bytes]:
    """The URL and bytes to POST, signed at sending time (DingTalk and Feishu refuse old signatures)."""
    if secret and kind == "dingtalk":
        stamp = str(now_seconds * 1000)
        digest = hmac.new(secret.encode(), f"{stamp}\n{secret}".encode(), hashlib.sha256).digest()
        sign = urllib.parse.quote_plus(base64.b64encode(digest).decode())
        url += ("&" if "?" in url else "?") + f"timestamp={stamp}&sign={sign}"
    elif secret and kind == "feishu":
        stamp = str(now_seconds)
        digest = hmac.new(f"{stamp}\n{secret}".encode(), b"", hashlib.sha256).digest()
        data = json.loads(body)
        data.update({"timestamp": stamp, "sign": base64.b64encode(digest).decode()})
        body = json.dumps(data, ensure_ascii=False)
    return url, body.encode("utf-8")


def refusal(kind: str, response: str) -> str | None:
    """What the chat said when it answered 2xx but did not take the message; None if it did."""
    if kind == "slack":
        return None if response.strip() in ("", "ok") else response.strip()[:200]
    if kind == "json":
        return None
    try:
        data = json.loads(response or "{}")
    except ValueError:
        return f"not JSON: {response[:200]!r}"
    if not isinstance(data, dict):
        return None
    code = data.get("errcode", data.get("code", data.get("StatusCode", 0)))
    if code in (0, None):
        return None
    return f"{kind} answered code {code}: {data.get('errmsg') or data.get('msg') or data.get('StatusMessage') or ''}".strip()
