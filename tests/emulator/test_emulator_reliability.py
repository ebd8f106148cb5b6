"""Reply tokens, retry keys and injected faults, as a bot under test meets them."""

from __future__ import annotations

import json
import threading
import time
import uuid

import pytest
import requests
import urllib3
from linebot.v3.messaging import (
    ApiException,
    MulticastRequest,
    PushMessageRequest,
    ReplyMessageRequest,
    TextMessage,
)

TIMEOUT = 5


def _reply(api, token: str, text: str = "ตอบ"):
    request = ReplyMessageRequest(reply_token=token, messages=[TextMessage(text=text)])
    return api.reply_message(request, _request_timeout=TIMEOUT)


def _push(api, user_id: str, key: str | None = None, timeout: float = TIMEOUT):
    request = PushMessageRequest(to=user_id, messages=[TextMessage(text="แจ้ง")])
    return api.push_message_with_http_info(request, x_line_retry_key=key, _request_timeout=timeout)


def _status(call) -> tuple[int, dict]:
    with pytest.raises(ApiException) as caught:
        call()
    return caught.value.status, json.loads(caught.value.body)


# Reply tokens
def test_reply_token_works_once(api, control, user):
    token = control.send_text(user["userId"], "หนึ่ง")["event"]["replyToken"]
    _reply(api, token)
    assert _status(lambda: _reply(api, token)) == (400, {"message": "Invalid reply token"})


def test_reply_token_expires_after_60_seconds(api, control, user):
    fresh = control.send_text(user["userId"], "หนึ่ง")["event"]["replyToken"]
    stale = control.send_text(user["userId"], "สอง")["event"]["replyToken"]
    control.advance_clock(59)
    _reply(api, fresh)
    control.advance_clock(2)
    assert _status(lambda: _reply(api, stale)) == (400, {"message": "Invalid reply token"})


def test_made_up_reply_token_is_invalid(api):
    assert _status(lambda: _reply(api, "0" * 32))[0] == 400


def test_a_redelivered_event_gets_a_fresh_minute(api, control, user):
    event = control.send_text(user["userId"], "หนึ่ง")["event"]
    control.advance_clock(61)
    control.redeliver(event)
    _reply(api, event["replyToken"])


def test_reply_goes_to_the_user_and_the_group_of_the_event(api, control, user):
    group = "C" + "1" * 32
    event = control.send(user["userId"], {"type": "text", "text": "ในกลุ่ม", "source":
                         {"type": "group", "groupId": group}})["event"]  # fmt: skip
    _reply(api, event["replyToken"], "ตอบกลุ่ม")
    assert control.messages(user["userId"])["messages"][0]["message"]["text"] == "ตอบกลุ่ม"
    assert control.messages(group)["messages"][0]["via"] == "reply"


# Retry keys
def test_retry_key_is_refused_on_reply(http, control, user):
    token = control.send_text(user["userId"], "หนึ่ง")["event"]["replyToken"]
    body = {"replyToken": token, "messages": [{"type": "text", "text": "x"}]}
    answer = http("POST", "/v2/bot/message/reply", json=body,
                  headers={"X-Line-Retry-Key": str(uuid.uuid4())})  # fmt: skip
    assert answer.status_code == 400
    assert answer.json() == {"message": "X-Line-Retry-Key header is not allowed"}


def test_retry_key_must_be_a_uuid(api, user):
    assert _status(lambda: _push(api, user["userId"], key="not-a-uuid"))[0] == 400


def test_repeated_retry_key_is_409_with_the_first_request_id(api, control, user):
    key = str(uuid.uuid4())
    first = _push(api, user["userId"], key)
    with pytest.raises(ApiException) as caught:
        _push(api, user["userId"], key)
    again = caught.value
    assert again.status == 409
    assert again.headers["x-line-accepted-request-id"] == first.headers["x-line-request-id"]
    body = json.loads(again.body)
    assert body["message"] == "The retry key is already accepted"
    assert body["sentMessages"] == [m.to_dict() for m in first.data.sent_messages]
    assert len(control.messages(user["userId"])["messages"]) == 1


def test_retry_key_on_multicast_409_has_no_sent_messages(api, user):
    key = str(uuid.uuid4())
    request = MulticastRequest(to=[user["userId"]], messages=[TextMessage(text="x")])
    api.multicast(request, x_line_retry_key=key, _request_timeout=TIMEOUT)
    status, body = _status(
        lambda: api.multicast(request, x_line_retry_key=key, _request_timeout=TIMEOUT)
    )
    assert (status, body) == (409, {"message": "The retry key is already accepted"})


def test_retry_key_lasts_24_hours(api, control, user):
    key = str(uuid.uuid4())
    _push(api, user["userId"], key)
    control.advance_clock(23 * 3600)
    assert _status(lambda: _push(api, user["userId"], key))[0] == 409
    control.advance_clock(2 * 3600)
    _push(api, user["userId"], key)


def test_a_failed_request_does_not_consume_its_key(api, control, user):
    key = str(uuid.uuid4())
    control.add_fault(path="/v2/bot/message/push", method="POST", status=500)
    assert _status(lambda: _push(api, user["userId"], key)) == (
        500,
        {"message": "Internal server error"},
    )
    bad = PushMessageRequest(to=user["userId"], messages=[TextMessage(text="x" * 5001)])
    assert (
        _status(lambda: api.push_message(bad, x_line_retry_key=key, _request_timeout=TIMEOUT))[0]
        == 400
    )
    _push(api, user["userId"], key)
    assert _status(lambda: _push(api, user["userId"], key))[0] == 409
    statuses = [(r["status"], r.get("fault")) for r in control.requests()["requests"]]
    assert statuses == [(500, "status"), (400, None), (200, None), (409, None)]


# Faults
def test_status_fault_with_body_and_times(api, control, user):
    control.add_fault(path="/v2/bot/message/*", status=503, body={"message": "busy"}, times=2)
    for _ in range(2):
        assert _status(lambda: _push(api, user["userId"])) == (503, {"message": "busy"})
    _push(api, user["userId"])
    assert control.requests()["requests"][0]["response"] == {"message": "busy"}


def test_fault_matches_method(http, control):
    control.add_fault(path="/v2/bot/message/quota", method="POST", status=500)
    assert http("GET", "/v2/bot/message/quota").status_code == 200
    control.clear_faults()


def test_clear_faults(api, control, user):
    control.add_fault(path="*", status=500, times=5)
    control.clear_faults()
    _push(api, user["userId"])


def test_delay_fault_then_serves_normally(api, control, user):
    control.add_fault(path="/v2/bot/message/push", delay=0.3)
    started = time.monotonic()
    answer = _push(api, user["userId"])
    assert time.monotonic() - started >= 0.3
    assert answer.status_code == 200


def test_delay_longer_than_the_client_timeout_is_a_timeout(api, control, user):
    control.add_fault(path="/v2/bot/message/push", delay=0.6)
    with pytest.raises(urllib3.exceptions.ReadTimeoutError):
        _push(api, user["userId"], timeout=0.2)


def test_drop_closes_the_connection_without_a_response(api, http, control, user):
    control.add_fault(path="/v2/bot/message/push", drop=True, times=2)
    with pytest.raises(urllib3.exceptions.ProtocolError):
        _push(api, user["userId"])
    with pytest.raises(requests.exceptions.ConnectionError):
        http("POST", "/v2/bot/message/push", json={"to": user["userId"],
             "messages": [{"type": "text", "text": "x"}]})  # fmt: skip
    _push(api, user["userId"])
    log = control.requests()["requests"]
    assert [(r["status"], r.get("fault")) for r in log] == [
        (None, "drop"),
        (None, "drop"),
        (200, None),
    ]
    assert control.messages(user["userId"])["next"] == 1


def test_fault_needs_an_effect(control):
    with pytest.raises(requests.HTTPError):
        control.add_fault(path="/v2/bot/message/push")


def test_concurrent_requests_with_one_retry_key_send_once(http, control, user):
    key = str(uuid.uuid4())
    body = {"to": user["userId"], "messages": [{"type": "text", "text": "ครั้งเดียว"}]}
    statuses: list[int] = []

    def push() -> None:
        answer = http("POST", "/v2/bot/message/push", json=body, headers={"X-Line-Retry-Key": key})
        statuses.append(answer.status_code)

    threads = [threading.Thread(target=push) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert sorted(statuses) == [200] + [409] * 5
    assert control.messages(user["userId"])["next"] == 1
