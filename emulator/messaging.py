"""Serve the sending endpoints: reply, push, multicast, broadcast, narrowcast, validate."""

from __future__ import annotations

from typing import Any

from emulator.calls import Answer, Call, LineError, Route, invalid_property, visible_to
from emulator.channel import group_size
from emulator.ids import CHAT_ID, USER_ID
from emulator.state import EmulatorState

QUOTE_TARGETS = {"text", "textV2", "sticker", "image", "video"}


def _sent(state: EmulatorState, messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    sent = []
    for message in messages:
        entry = {"id": state.new_message_id()}
        if message.get("type") in QUOTE_TARGETS:
            entry["quoteToken"] = state.new_quote_token()
        sent.append(entry)
    return sent


def _deliver(
    state: EmulatorState,
    chat_id: str,
    via: str,
    messages: list,
    sent: list | None = None,
    **extra: Any,
) -> None:
    # All of one call's messages appear at once: a chat that sees the first of a reply must not
    # take it for the whole answer (the console stops reading at the reply to what it sent).
    with state.lock:
        for index, message in enumerate(messages):
            ids = {"id": sent[index]["id"]} if sent else {}
            state.deliver(chat_id, via, message, **ids, **extra)


def _charge(state: EmulatorState, count: int) -> None:
    if not state.consume_quota(count):
        raise LineError(429, "You have reached your monthly limit.")


def reply(call: Call) -> Answer:
    """Answer a reply: spend the token and show the messages to the event's user."""
    token = call.state.use_reply_token(call.body.get("replyToken"))
    if token is None:
        raise LineError(400, "Invalid reply token")
    messages = call.body["messages"]
    sent = _sent(call.state, messages)
    # The token marks which event these messages answer: the console stops waiting on it.
    answering = {"replyToken": call.body["replyToken"]}
    if token.user_id:
        _deliver(call.state, token.user_id, "reply", messages, sent, **answering)
    if token.chat_id and token.chat_id != token.user_id:
        _deliver(call.state, token.chat_id, "reply", messages, sent, **answering)
    return Answer(body={"sentMessages": sent})


def push(call: Call) -> Answer:
    """Answer a push: one count per recipient (each member of a group), shown in `to`."""
    to = call.body["to"]
    if not isinstance(to, str) or not CHAT_ID.match(to):
        raise invalid_property("to")
    # LINE counts a message to a group once for each member in it.
    _charge(call.state, group_size(call.state, to) if to.startswith("C") else 1)
    messages = call.body["messages"]
    sent = _sent(call.state, messages)
    if visible_to(call.state, to):
        _deliver(call.state, to, "push", messages, sent)
    return Answer(body={"sentMessages": sent})


def multicast(call: Call) -> Answer:
    """Answer a multicast: one count per recipient (user ids only)."""
    recipients = call.body["to"]
    for index, to in enumerate(recipients):
        if not isinstance(to, str) or not USER_ID.match(to):
            raise invalid_property(f"to[{index}]")
    unique = list(dict.fromkeys(recipients))
    _charge(call.state, len(unique))
    for to in unique:
        if visible_to(call.state, to):
            _deliver(call.state, to, "multicast", call.body["messages"])
    return Answer(body={})


def broadcast(call: Call) -> Answer:
    """Answer a broadcast (or narrowcast): every following user gets it, one count each."""
    via = "narrowcast" if call.path.endswith("narrowcast") else "broadcast"
    followers = call.state.followers()
    _charge(call.state, len(followers))
    for user_id in followers:
        _deliver(call.state, user_id, via, call.body["messages"])
    return Answer(status=202 if via == "narrowcast" else 200, body={})


def validate_only(call: Call) -> Answer:
    """Answer a validate endpoint (the body was checked before this runs)."""
    return Answer(body={})


ROUTES: list[Route] = [
    ("POST", "/v2/bot/message/reply", reply, "reply", False),
    ("POST", "/v2/bot/message/push", push, "push", True),
    ("POST", "/v2/bot/message/multicast", multicast, "multicast", True),
    ("POST", "/v2/bot/message/broadcast", broadcast, "broadcast", True),
    ("POST", "/v2/bot/message/narrowcast", broadcast, "narrowcast", True),
    ("POST", "/v2/bot/message/validate/reply", validate_only, "validate", False),
    ("POST", "/v2/bot/message/validate/push", validate_only, "validate", False),
    ("POST", "/v2/bot/message/validate/multicast", validate_only, "validate", False),
    ("POST", "/v2/bot/message/validate/narrowcast", validate_only, "validate", False),
    ("POST", "/v2/bot/message/validate/broadcast", validate_only, "validate", False),
]
