"""Webhooks the emulator sends: signed, valid against webhook.yml, parsed by the SDK."""

from __future__ import annotations

import base64
import re

import pytest
import requests
from hypothesis import given
from hypothesis import strategies as st
from linebot.v3.webhooks import (
    FollowEvent,
    ImageMessageContent,
    JoinEvent,
    MessageEvent,
    PostbackEvent,
    StickerMessageContent,
    TextMessageContent,
    UnfollowEvent,
)

from emulator import webhooks

TIMEOUT = 5
ULID = re.compile(r"^[0-9A-HJKMNP-TV-Z]{26}$")
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def _only_event(receiver):
    assert receiver.problems == []
    assert len(receiver.parsed) == 1 and len(receiver.parsed[0]) == 1
    return receiver.events[0], receiver.parsed[0][0]


def test_text_event_is_signed_valid_and_complete(control, receiver, state, user):
    result = control.send_text(user["userId"], "สวัสดีค่ะ")
    assert result["status"] == 200 and result["elapsed"] >= 0
    event, parsed = _only_event(receiver)
    assert event == result["event"]
    assert isinstance(parsed, MessageEvent) and isinstance(parsed.message, TextMessageContent)
    assert parsed.message.text == "สวัสดีค่ะ" and parsed.message.quote_token
    assert event["message"]["id"].isdigit()
    assert ULID.match(event["webhookEventId"])
    assert event["mode"] == "active" and event["deliveryContext"] == {"isRedelivery": False}
    assert event["source"] == {"type": "user", "userId": user["userId"]}
    assert abs(event["timestamp"] - state.now() * 1000) < 5000
    assert receiver.bodies[0]["destination"] == state.bot_user_id


def test_postback_sticker_follow_unfollow_events(control, receiver, user):
    uid = user["userId"]
    control.send_postback(uid, "action=rate&score=5", params={"date": "2025-01-31"})
    control.send(uid, {"type": "sticker"})
    control.send(uid, {"type": "unfollow"})
    control.send(uid, {"type": "follow"})
    assert receiver.problems == []
    kinds = [type(batch[0]) for batch in receiver.parsed]
    assert kinds == [PostbackEvent, MessageEvent, UnfollowEvent, FollowEvent]
    postback, sticker, unfollow, follow = receiver.events
    assert postback["postback"] == {"data": "action=rate&score=5", "params": {"date": "2025-01-31"}}
    assert isinstance(receiver.parsed[1][0].message, StickerMessageContent)
    assert "replyToken" not in unfollow
    assert follow["follow"] == {"isUnblocked": True}


def test_unfollowed_users_get_no_broadcast_and_no_profile(control, http, user):
    control.send(user["userId"], {"type": "unfollow"})
    body = {"messages": [{"type": "text", "text": "ประกาศ"}]}
    assert http("POST", "/v2/bot/message/broadcast", json=body).status_code == 200
    assert control.messages(user["userId"])["messages"] == []
    assert http("GET", f"/v2/bot/profile/{user['userId']}").status_code == 404


def test_group_source_and_raw_events(control, receiver, user):
    group = {"type": "group", "groupId": "C" + "2" * 32}
    control.send(user["userId"], {"type": "text", "text": "ในกลุ่ม", "source": group})
    control.send(user["userId"], {"type": "postback", "data": "x", "source": group})
    control.send(user["userId"], {"type": "raw", "event": {"type": "join", "source": group}})
    assert receiver.problems == []
    message, postback, join = receiver.events
    assert message["source"] == {**group, "userId": user["userId"]}
    assert postback["source"] == group
    assert isinstance(receiver.parsed[2][0], JoinEvent) and join["replyToken"]


def test_standby_events_carry_no_reply_token(control, receiver, user):
    control.send(user["userId"], {"type": "text", "text": "x", "mode": "standby"})
    event, _ = _only_event(receiver)
    assert event["mode"] == "standby" and "replyToken" not in event


def test_unknown_raw_event_types_still_reach_the_bot(control, receiver, user):
    control.send(user["userId"], {"type": "raw", "event": {"type": "somethingNew", "extra": 1}})
    assert receiver.events[0]["type"] == "somethingNew"
    assert type(receiver.parsed[0][0]).__name__ == "UnknownEvent"


def test_redelivery_keeps_the_id_and_sets_the_flag(control, receiver, user):
    first = control.send_text(user["userId"], "ซ้ำ")["event"]
    again = control.redeliver(first)["event"]
    assert receiver.problems == []
    assert [e["webhookEventId"] for e in receiver.events] == [first["webhookEventId"]] * 2
    assert [e["deliveryContext"]["isRedelivery"] for e in receiver.events] == [False, True]
    assert again["replyToken"] == first["replyToken"]


def test_bot_status_and_unreachable_bot_are_reported(control, receiver, state, user):
    receiver.status = 500
    assert control.send_text(user["userId"], "x")["status"] == 500
    state.webhook_url = "http://127.0.0.1:9/callback"
    result = control.send_text(user["userId"], "x")
    assert result["status"] == 0 and "error" in result


def test_verify_and_batches(control, receiver, user):
    other = control.add_user("สมศรี")
    assert control.verify_webhook()["status"] == 200
    result = control.send_events([{"userId": user["userId"], "type": "text", "text": "ก"},
                                  {"userId": other["userId"], "type": "text", "text": "ข"}])  # fmt: skip
    assert receiver.problems == []
    assert [len(b["events"]) for b in receiver.bodies] == [0, 2]
    assert [e["source"]["userId"] for e in result["events"]] == [user["userId"], other["userId"]]
    assert len(control.webhooks()["webhooks"]) == 2


def test_image_content_round_trip(control, blob, receiver, user):
    result = control.send(
        user["userId"], {"type": "image", "contentBase64": base64.b64encode(PNG).decode()}
    )
    event, parsed = _only_event(receiver)
    assert isinstance(parsed.message, ImageMessageContent)
    assert event["message"]["contentProvider"] == {"type": "line"}
    data = blob.get_message_content(result["event"]["message"]["id"], _request_timeout=TIMEOUT)
    assert bytes(data) == PNG


def test_unknown_content_is_404(http):
    assert http("GET", "/v2/bot/message/123/content").status_code == 404


def test_bad_send_payloads_are_refused(control, user):
    with pytest.raises(requests.HTTPError):
        control.send(user["userId"], {"type": "telepathy"})
    with pytest.raises(requests.HTTPError):
        control.send_text("U" + "9" * 32, "unknown user")


@given(st.integers(min_value=0, max_value=2**48 - 1))
def test_ulids_are_26_crockford_chars_ordered_by_time(ms):
    first, later = webhooks.new_ulid(ms), webhooks.new_ulid(min(ms + 1, 2**48 - 1))
    assert ULID.match(first) and first[:10] <= later[:10]
