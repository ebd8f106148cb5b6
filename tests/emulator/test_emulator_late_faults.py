"""Faults after handling (the answer is lost, the message is not) and LINE's 429 causes."""

from __future__ import annotations

import json

import pytest
import requests
import urllib3
from linebot.v3.messaging import ApiException, PushMessageRequest, ReplyMessageRequest, TextMessage

PUSH, REPLY = "/v2/bot/message/push", "/v2/bot/message/reply"


def _reply(api, token: str, timeout: float = 5):
    request = ReplyMessageRequest(reply_token=token, messages=[TextMessage(text="ตอบ")])
    return api.reply_message(request, _request_timeout=timeout)


def _push(api, user_id: str):
    request = PushMessageRequest(to=user_id, messages=[TextMessage(text="แจ้ง")])
    return api.push_message_with_http_info(request, _request_timeout=5)


def test_a_reply_handled_then_timed_out_is_delivered_and_its_token_spent(api, control, user):
    token = control.send_text(user["userId"], "หนึ่ง")["event"]["replyToken"]
    control.add_fault(path=REPLY, after=True, delay=1.5)
    with pytest.raises(urllib3.exceptions.ReadTimeoutError):
        _reply(api, token, timeout=0.5)
    assert [m["via"] for m in control.messages(user["userId"])["messages"]] == ["reply"]
    with pytest.raises(ApiException) as refused:
        _reply(api, token)
    assert refused.value.status == 400
    [first, _] = control.requests()["requests"]
    assert (first["status"], first["fault"]) == (200, "after-delay")


def test_a_reply_handled_then_dropped_is_delivered(api, control, user):
    token = control.send_text(user["userId"], "หนึ่ง")["event"]["replyToken"]
    control.add_fault(path=REPLY, after=True, drop=True)
    with pytest.raises(urllib3.exceptions.ProtocolError):
        _reply(api, token)
    assert [m["via"] for m in control.messages(user["userId"])["messages"]] == ["reply"]


@pytest.mark.parametrize(
    ("cause", "words"),
    [
        ("rate", "The API rate limit has been exceeded. Try again later."),
        ("concurrency", "The API concurrency limit has been exceeded. Try again later."),
        ("monthly", "You have reached your monthly limit."),
        ("additional", "You have reached your target limit for additional messages."),
    ],
)
def test_each_429_cause_is_answered_in_lines_words(api, control, user, cause, words):
    control.add_fault(path=PUSH, limit=cause, retryAfter=4)
    with pytest.raises(ApiException) as refused:
        _push(api, user["userId"])
    assert refused.value.status == 429
    assert json.loads(refused.value.body) == {"message": words}
    assert refused.value.headers["Retry-After"] == "4"
    assert control.messages(user["userId"])["messages"] == []  # a 429 was processed for no one


def test_a_fault_that_makes_no_sense_is_refused(control):
    for fault in ({"limit": "weekly"}, {"after": True, "status": 500}):
        with pytest.raises(requests.HTTPError):
            control.add_fault(path=PUSH, **fault)
