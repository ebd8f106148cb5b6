"""Sending messages through the emulator with line-bot-sdk v3 and plain HTTP."""

from __future__ import annotations

import json

import pytest
from linebot.v3.messaging import (
    ApiClient,
    ApiException,
    BroadcastRequest,
    Configuration,
    MessagingApi,
    MulticastRequest,
    PushMessageRequest,
    ReplyMessageRequest,
    TextMessage,
)
from linebot.v3.messaging.exceptions import NotFoundException

TIMEOUT = 5


def _text(text: str = "สวัสดี") -> dict:
    return {"type": "text", "text": text}


def _error(exc: ApiException) -> dict:
    return json.loads(exc.body)


def test_reply_push_multicast_broadcast_are_accepted_and_shown(api, control, user):
    other = control.add_user("สมหญิง")
    token = control.send_text(user["userId"], "สวัสดีครับ")["event"]["replyToken"]

    replied = api.reply_message(
        ReplyMessageRequest(reply_token=token, messages=[TextMessage(text="รับทราบ")]),
        _request_timeout=TIMEOUT,
    )
    pushed = api.push_message(
        PushMessageRequest(to=user["userId"], messages=[TextMessage(text="แจ้งเตือน")]),
        _request_timeout=TIMEOUT,
    )
    api.multicast(
        MulticastRequest(to=[user["userId"], other["userId"]], messages=[TextMessage(text="ทุกคน")]),
        _request_timeout=TIMEOUT,
    )
    api.broadcast(BroadcastRequest(messages=[TextMessage(text="ประกาศ")]), _request_timeout=TIMEOUT)

    assert replied.sent_messages[0].id.isdigit() and replied.sent_messages[0].quote_token
    assert pushed.sent_messages[0].id.isdigit()
    feed = control.messages(user["userId"])
    assert [(m["via"], m["message"]["text"]) for m in feed["messages"]] == [
        ("reply", "รับทราบ"),
        ("push", "แจ้งเตือน"),
        ("multicast", "ทุกคน"),
        ("broadcast", "ประกาศ"),
    ]
    assert feed["next"] == 4
    assert control.messages(user["userId"], since=3)["messages"][0]["via"] == "broadcast"
    assert [m["via"] for m in control.wait_for_messages(other["userId"], count=2)] == [
        "multicast",
        "broadcast",
    ]


def test_every_response_carries_a_request_id_and_calls_are_recorded(http, control, user):
    first = http("POST", "/v2/bot/message/push", json={"to": user["userId"], "messages": [_text()]})
    second = http("GET", "/v2/bot/message/quota")
    assert first.headers["x-line-request-id"] != second.headers["x-line-request-id"]
    log = control.requests()
    assert [(r["method"], r["path"], r["status"]) for r in log["requests"]] == [
        ("POST", "/v2/bot/message/push", 200),
        ("GET", "/v2/bot/message/quota", 200),
    ]
    assert log["requests"][0]["body"]["to"] == user["userId"]
    assert log["requests"][0]["headers"]["authorization"].startswith("Bearer ")
    assert control.requests(since=log["next"])["requests"] == []
    control.clear_requests()
    assert control.requests()["requests"] == []


def test_wrong_or_missing_token_is_401(server, http):
    config = Configuration(host=server.url, access_token="wrong")
    with ApiClient(config) as client, pytest.raises(ApiException) as caught:
        MessagingApi(client).get_message_quota(_request_timeout=TIMEOUT)
    assert caught.value.status == 401
    assert _error(caught.value)["message"].startswith("Authentication failed.")
    assert http("GET", "/v2/bot/message/quota", token=None).status_code == 401


def test_schema_violations_are_400_with_details(http, user):
    answer = http("POST", "/v2/bot/message/push", json={"to": user["userId"],
                  "messages": [{"type": "carrier-pigeon"}, {"type": "text"}]})  # fmt: skip
    assert answer.status_code == 400
    body = answer.json()
    assert body["message"] == "The request body has 2 error(s)"
    assert {d["property"] for d in body["details"]} == {"messages[0].type", "messages[1].text"}


def test_broken_json_and_wrong_content_type(http):
    broken = http("POST", "/v2/bot/message/push", data=b'{"to": ',
                  headers={"Content-Type": "application/json"})  # fmt: skip
    assert broken.status_code == 400
    assert broken.json()["message"].startswith("The request body could not be parsed as JSON")
    text = http("POST", "/v2/bot/message/push", data=b"hi", headers={"Content-Type": "text/plain"})
    assert text.status_code == 415


@pytest.mark.parametrize(
    ("messages", "prop"),
    [
        ([_text()] * 6, "messages"),
        ([], "messages"),
        ([_text("a" * 4999 + "😀")], "messages[0].text"),
        ([{**_text(), "quickReply": {"items": [
            {"type": "action", "action": {"type": "message", "label": "ok", "text": "ok"}}] * 14}}],
         "messages[0].quickReply.items"),
        ([{**_text(), "quickReply": {"items": [
            {"type": "action", "action": {"type": "message", "label": "ก" * 21, "text": "ok"}}]}}],
         "messages[0].quickReply.items[0].action.label"),
        ([{**_text(), "quickReply": {"items": [
            {"type": "action", "action": {"type": "postback", "label": "ok", "data": "d" * 301}}]}}],
         "messages[0].quickReply.items[0].action.data"),
        ([{"type": "flex", "altText": "big", "contents": {"type": "bubble", "body": {
            "type": "box", "layout": "vertical", "contents": [{"type": "text", "text": "x" * 31_000}]}}}],
         "messages[0].contents"),
    ],
    ids=["6-messages", "0-messages", "5001-units", "14-quick-replies", "21-char-label",
         "301-char-data", "oversized-flex"],
)  # fmt: skip
def test_limits_are_400_with_the_property(http, user, messages, prop):
    answer = http("POST", "/v2/bot/message/push", json={"to": user["userId"], "messages": messages})
    assert answer.status_code == 400, answer.text
    assert prop in [d["property"] for d in answer.json()["details"]]


def test_text_of_exactly_5000_units_with_an_emoji_is_accepted(http, user):
    answer = http("POST", "/v2/bot/message/push",
                  json={"to": user["userId"], "messages": [_text("a" * 4998 + "😀")]})  # fmt: skip
    assert answer.status_code == 200


def test_multicast_recipients(http, user):
    many = [f"U{i:032x}" for i in range(501)]
    too_many = http("POST", "/v2/bot/message/multicast", json={"to": many, "messages": [_text()]})
    assert too_many.status_code == 400
    assert [d["property"] for d in too_many.json()["details"]] == ["to"]
    ok = http("POST", "/v2/bot/message/multicast", json={"to": many[:500], "messages": [_text()]})
    assert (ok.status_code, ok.json()) == (200, {})
    group = http("POST", "/v2/bot/message/multicast",
                 json={"to": [user["userId"], "C" + "0" * 32], "messages": [_text()]})  # fmt: skip
    assert group.status_code == 400
    assert "'to[1]'" in group.json()["message"]


def test_push_to_a_malformed_id_is_400_and_to_a_group_is_recorded(http, control):
    bad = http("POST", "/v2/bot/message/push", json={"to": "nobody", "messages": [_text()]})
    assert bad.status_code == 400 and "'to'" in bad.json()["message"]
    group = "C" + "a" * 32
    ok = http("POST", "/v2/bot/message/push", json={"to": group, "messages": [_text("กลุ่ม")]})
    assert ok.status_code == 200
    assert control.messages(group)["messages"][0]["message"]["text"] == "กลุ่ม"


def test_body_over_2_mb_is_413(http, user):
    huge = {"to": user["userId"], "messages": [_text("x" * (2 * 1024 * 1024 + 10))]}
    assert http("POST", "/v2/bot/message/push", json=huge).status_code == 413


def test_unknown_endpoint_is_404_and_validate_endpoints_check_only(http, control, user):
    assert http("GET", "/v2/bot/nothing/here").status_code == 404
    good = http("POST", "/v2/bot/message/validate/push", json={"messages": [_text()]})
    bad = http("POST", "/v2/bot/message/validate/push", json={"messages": [_text("")]})
    assert (good.status_code, bad.status_code) == (200, 400)
    assert control.messages(user["userId"])["messages"] == []


def test_profile_known_and_unknown(api, control, user):
    profile = api.get_profile(user["userId"], _request_timeout=TIMEOUT)
    assert (profile.user_id, profile.display_name, profile.language) == (
        user["userId"],
        "สมชาย ใจดี",
        "th",
    )
    with pytest.raises(ApiException) as caught:
        api.get_profile("U" + "f" * 32, _request_timeout=TIMEOUT)
    assert caught.value.status == 404
    assert _error(caught.value) == {"message": "Not found"}


def test_bot_info_and_webhook_endpoint(api, receiver):
    info = api.get_bot_info(_request_timeout=TIMEOUT)
    assert info.user_id.startswith("U") and len(info.user_id) == 33
    endpoint = api.get_webhook_endpoint(_request_timeout=TIMEOUT)
    assert endpoint.endpoint == receiver.url and endpoint.active


def test_followers_and_group_member_profile(api, control, user):
    control.send(user["userId"], {"type": "unfollow"})
    other = control.add_user("สมศักดิ์")
    assert api.get_followers(_request_timeout=TIMEOUT).user_ids == [other["userId"]]
    group = "C" + "3" * 32
    # As LINE: a group the bot is not in, or a user not in the group, is 404.
    with pytest.raises(NotFoundException):
        api.get_group_member_profile(group, other["userId"], _request_timeout=TIMEOUT)
    with pytest.raises(NotFoundException):
        api.get_group_summary(group, _request_timeout=TIMEOUT)
    control.set_group(group, "ครูคุณธรรม", (other["userId"],))
    member = api.get_group_member_profile(group, other["userId"], _request_timeout=TIMEOUT)
    assert (member.user_id, member.display_name) == (other["userId"], "สมศักดิ์")
    with pytest.raises(NotFoundException):
        api.get_group_member_profile(group, user["userId"], _request_timeout=TIMEOUT)
    summary = api.get_group_summary(group, _request_timeout=TIMEOUT)
    assert (summary.group_id, summary.group_name) == (group, "ครูคุณธรรม")
    assert api.get_group_member_count(group, _request_timeout=TIMEOUT).count == 1
    # Whoever speaks in a group is in it.
    control.send(
        user["userId"],
        {"type": "text", "text": "สวัสดี", "source": {"type": "group", "groupId": group}},
    )
    assert api.get_group_member_count(group, _request_timeout=TIMEOUT).count == 2
