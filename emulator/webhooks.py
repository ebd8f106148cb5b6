"""Build LINE webhook events, sign them and POST them to the bot."""

from __future__ import annotations

import base64
import binascii
import copy
import hashlib
import hmac
import json
import secrets
import time
from typing import Any

import requests

from emulator.ids import well_formed
from emulator.state import EmulatorState

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
REPLY_TOKEN_EVENTS = {
    "message",
    "follow",
    "join",
    "memberJoined",
    "postback",
    "beacon",
    "accountLink",
    "videoPlayComplete",
    "membership",
}
QUOTABLE = {"text", "image", "video", "sticker"}
USER_AGENT = "LineBotWebhook/2.0"


class WebhookError(ValueError):
    """A send payload the emulator cannot turn into an event."""


def new_ulid(ms: int | None = None) -> str:
    """Return a 26-character ULID (48-bit ms timestamp + 80 random bits, Crockford base32)."""
    ms = int(time.time() * 1000) if ms is None else ms
    value = (ms & ((1 << 48) - 1)) << 80 | secrets.randbits(80)
    return "".join(CROCKFORD[(value >> shift) & 31] for shift in range(125, -1, -5))


def sign(channel_secret: str, body: bytes) -> str:
    """Return the x-line-signature for `body`: base64 HMAC-SHA256 keyed by the channel secret."""
    digest = hmac.new(channel_secret.encode("utf-8"), body, hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def encode(payload: dict[str, Any]) -> bytes:
    """Serialise a webhook body as compact UTF-8 JSON, as LINE does."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _sniff(data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        return "image/png"
    if data.startswith(b"GIF8"):
        return "image/gif"
    return "image/jpeg"


def _source(user_id: str, given: Any, kind: str) -> dict[str, Any]:
    if not isinstance(given, dict):
        return {"type": "user", "userId": user_id}
    if given.get("type", "user") == "user":
        return {**given, "type": "user", "userId": given.get("userId") or user_id}
    source = dict(given)
    for name in ("groupId", "roomId", "userId"):
        if name in source and not well_formed(name, source[name]):
            raise WebhookError(f"{name} must be {name[0].upper()} and 32 lower-case hex digits")
    if kind == "message":
        source.setdefault("userId", user_id)
    return source


def _message(state: EmulatorState, payload: dict[str, Any]) -> dict[str, Any]:
    kind = payload["type"]
    message: dict[str, Any] = {"type": kind, "id": state.new_message_id()}
    if kind == "text":
        if not isinstance(payload.get("text"), str):
            raise WebhookError("text is required")
        message["text"] = payload["text"]
    elif kind == "sticker":
        message["packageId"] = str(payload.get("packageId", "446"))
        message["stickerId"] = str(payload.get("stickerId", "1988"))
        message["stickerResourceType"] = payload.get("stickerResourceType", "STATIC")
    elif kind == "image":
        try:
            data = base64.b64decode(payload.get("contentBase64", ""), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise WebhookError("contentBase64 is not valid base64") from exc
        state.store_content(message["id"], data, payload.get("contentType") or _sniff(data))
        message["contentProvider"] = {"type": "line"}
    message["quoteToken"] = state.new_quote_token()
    return message


def _fill(state: EmulatorState, user_id: str, event: dict[str, Any], mode: str) -> dict[str, Any]:
    """Fill in the common fields LINE sets on every event, and a reply token where due."""
    kind = event.get("type", "message")
    event.setdefault("type", kind)
    event["source"] = _source(user_id, event.get("source"), kind)
    if event["source"].get("groupId"):
        # Whoever acts in a group is in it: LINE's member endpoints know them from now on.
        state.join_group(event["source"]["groupId"], event["source"].get("userId"))
    event.setdefault("timestamp", int(state.now() * 1000))
    event.setdefault("mode", mode)
    event.setdefault("webhookEventId", new_ulid(event["timestamp"]))
    event.setdefault("deliveryContext", {"isRedelivery": False})
    message = event.get("message")
    if kind == "message" and isinstance(message, dict):
        message.setdefault("id", state.new_message_id())
        if message.get("type") in QUOTABLE:
            message.setdefault("quoteToken", state.new_quote_token())
    if kind in REPLY_TOKEN_EVENTS and event["mode"] == "active":
        chat = event["source"].get("groupId") or event["source"].get("roomId") or user_id
        event["replyToken"] = state.issue_reply_token(user_id, chat, event.get("replyToken"))
    return event


def build_event(state: EmulatorState, user_id: str, payload: dict[str, Any]) -> dict[str, Any]:
    """Turn a control-endpoint payload (text, postback, sticker, image, follow, ...) into an event."""
    kind = payload.get("type")
    mode = payload.get("mode", "active")
    event: dict[str, Any]
    if kind in ("text", "sticker", "image"):
        event = {"type": "message", "message": _message(state, payload)}
    elif kind == "postback":
        if not isinstance(payload.get("data"), str):
            raise WebhookError("data is required")
        postback: dict[str, Any] = {"data": payload["data"]}
        if payload.get("params"):
            postback["params"] = dict(payload["params"])
        event = {"type": "postback", "postback": postback}
    elif kind == "follow":
        was_following = state.set_following(user_id, True)
        event = {"type": "follow", "follow": {"isUnblocked": not was_following}}
    elif kind == "unfollow":
        state.set_following(user_id, False)
        event = {"type": "unfollow"}
    elif kind == "raw" and isinstance(payload.get("event"), dict):
        event = copy.deepcopy(payload["event"])
    else:
        raise WebhookError(f"unknown send type {kind!r}")
    if "source" in payload and kind not in ("follow", "unfollow"):
        event.setdefault("source", payload["source"])
    return _fill(state, user_id, event, mode)


def post_events(state: EmulatorState, events: list[dict[str, Any]]) -> dict[str, Any]:
    """Sign and POST `{"destination", "events"}` to the bot; return status, elapsed and error."""
    body = encode({"destination": state.bot_user_id, "events": events})
    url = state.webhook_url
    result: dict[str, Any] = {"status": 0, "elapsed": 0.0}
    started = time.monotonic()
    if not url:
        result["error"] = "no webhook URL is set"
    else:
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": USER_AGENT,
            "x-line-signature": sign(state.channel_secret, body),
        }
        try:
            response = requests.post(url, data=body, headers=headers, timeout=state.webhook_timeout)
            result["status"] = response.status_code
        except requests.RequestException as exc:
            result["error"] = f"{type(exc).__name__}: {exc}"
    result["elapsed"] = round(time.monotonic() - started, 4)
    state.webhooks.append({"url": url, "body": json.loads(body), "at": state.now(), **result})
    return result


def send_event(state: EmulatorState, user_id: str, payload: dict[str, Any]) -> dict[str, Any]:
    """Build one event from `payload`, deliver it, and answer `{status, event, elapsed}`."""
    event = build_event(state, user_id, payload)
    return {**post_events(state, [event]), "event": event}


def redeliver(state: EmulatorState, event: dict[str, Any]) -> dict[str, Any]:
    """Send `event` again with isRedelivery true and the same webhookEventId."""
    again = copy.deepcopy(event)
    again["deliveryContext"] = {**(again.get("deliveryContext") or {}), "isRedelivery": True}
    if isinstance(again.get("replyToken"), str):
        state.refresh_reply_token(again["replyToken"])
    return {**post_events(state, [again]), "event": again}
