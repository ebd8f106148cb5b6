"""The gateway and sender follow LINE's rules: same retry key on retries, 409 is sent, 4xx is final."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from bot.gateway import LineGateway, Outcome
from bot.sender import DeliverySender
from storage import deliveries
from storage.models import Delivery
from tests.conftest import TOKEN
from tests.waiting import sent_requests

HELLO = [{"type": "text", "text": "สวัสดีค่ะ"}]


@pytest.fixture
def gateway(emulator):
    gw = LineGateway(emulator.url, TOKEN, timeout=2.0)
    yield gw
    gw.close()


# The sender's clock, stopped: no test here reads the wall clock.
NOW = datetime(2026, 11, 17, 3, 0, tzinfo=UTC)


@pytest.fixture
def sender(db, gateway):
    return DeliverySender(db, gateway, clock=lambda: NOW, sleep=lambda _: None)


def push(db, to: str = "U" + "1" * 32) -> int:
    with db.unit_of_work() as session:
        [delivery_id] = deliveries.enqueue_push(session, to, HELLO, NOW)
    return delivery_id


def row(db, delivery_id: int) -> Delivery:
    with db.unit_of_work() as session:
        return session.get(Delivery, delivery_id)


def pushes(line) -> list[dict]:
    return sent_requests(line, "/v2/bot/message/push")


def test_push_carries_the_stored_retry_key(db, sender, line):
    delivery_id = push(db)
    assert sender.send(delivery_id) == "sent"
    [request] = pushes(line)
    assert request["headers"]["x-line-retry-key"] == row(db, delivery_id).retry_key


def test_5xx_is_retried_with_the_same_retry_key_until_sent(db, sender, line):
    line.add_fault(path="/v2/bot/message/push", status=500, times=2)
    delivery_id = push(db)
    assert sender.send(delivery_id) == "sent"
    requests = pushes(line)
    assert [r["status"] for r in requests] == [500, 500, 200]
    assert len({r["headers"]["x-line-retry-key"] for r in requests}) == 1


def test_a_timeout_is_retried_with_the_same_retry_key(db, sender, line):
    line.add_fault(path="/v2/bot/message/push", delay=3.0, times=1)
    delivery_id = push(db)
    assert sender.send(delivery_id) == "sent"
    keys = {r["headers"]["x-line-retry-key"] for r in pushes(line)}
    assert keys == {row(db, delivery_id).retry_key}


def test_a_dropped_connection_is_retried(db, sender, line):
    line.add_fault(path="/v2/bot/message/push", drop=True, times=1)
    assert sender.send(push(db)) == "sent"


def test_500_then_409_ends_as_sent(db, sender, line):
    line.add_fault(path="/v2/bot/message/push", status=500, times=1)
    delivery_id = push(db)
    assert sender.send(delivery_id) == "sent"
    # The same delivery sent again (e.g. a second clock that read it before it was marked sent):
    # LINE says 409, which counts as sent. A sent row keeps no content, so put it back first.
    with db.unit_of_work() as session:
        again = session.get(Delivery, delivery_id)
        again.status = "pending"
        again.recipients, again.messages = json.dumps(["U" + "1" * 32]), json.dumps(HELLO)
    assert sender.send(delivery_id) == "sent"
    statuses = [r["status"] for r in pushes(line)]
    assert statuses == [500, 200, 409]
    assert row(db, delivery_id).request_id


def test_a_sent_delivery_keeps_no_recipients_or_messages(db, sender, line):
    delivery_id = push(db, to="U" + "7" * 32)
    assert sender.send(delivery_id) == "sent"
    sent = row(db, delivery_id)
    assert (sent.recipients, sent.messages) == ("[]", "[]")
    assert sent.status == "sent" and sent.request_id and sent.retry_key
    [request] = pushes(line)
    assert request["body"]["to"] == "U" + "7" * 32  # LINE got it all before the row was emptied


def test_429_backs_off_without_retrying_at_once(db, sender, line):
    line.add_fault(
        path="/v2/bot/message/push", status=429, times=1, body={"message": "Too many requests"}
    )
    delivery_id = push(db)
    assert sender.send(delivery_id) == "pending"
    assert len(pushes(line)) == 1
    delivery = row(db, delivery_id)
    # A short pause (LINE sent no Retry-After), not minutes: a reply token lives about a minute.
    assert NOW + timedelta(seconds=4) < delivery.next_attempt_at
    assert delivery.next_attempt_at < NOW + timedelta(seconds=7)
    assert "429" in delivery.last_error


def test_other_4xx_is_failed_with_the_reason_and_never_retried(db, sender, line):
    with db.unit_of_work() as session:
        [delivery_id] = deliveries.enqueue_push(
            session, "U" + "1" * 32, [{"type": "text", "text": "x" * 5001}], NOW
        )
    assert sender.send(delivery_id) == "failed"
    assert len(pushes(line)) == 1
    assert row(db, delivery_id).last_error.startswith("failed: HTTP 400")


def test_5xx_that_persists_is_left_pending_for_later(db, sender, line):
    line.add_fault(path="/v2/bot/message/push", status=503, times=10)
    delivery_id = push(db)
    assert sender.send(delivery_id) == "pending"
    assert len(pushes(line)) == 3
    assert row(db, delivery_id).next_attempt_at > NOW


def test_reply_with_a_used_token_falls_back_to_push(db, sender, line):
    member = line.add_user("สมศรี")["userId"]
    token = line.send_text(member, "สวัสดี")["event"]["replyToken"]  # no bot listening: token unused
    with db.unit_of_work() as session:
        first = deliveries.enqueue_reply(session, token, member, HELLO, NOW)
        second = deliveries.enqueue_reply(session, token, member, HELLO, NOW)
    assert sender.send(first) == "sent" and row(db, first).sent_via == "reply"
    assert sender.send(second) == "sent" and row(db, second).sent_via == "push"
    assert [m["via"] for m in line.messages(member, since=0)["messages"]] == ["reply", "push"]


def test_multicast_to_1201_members_is_exactly_three_requests(db, sender, line):
    recipients = [f"U{i:032x}" for i in range(1201)]
    line.set_quota(10_000)
    with db.unit_of_work() as session:
        ids = deliveries.enqueue_multicast(session, recipients, HELLO, NOW, "meeting-1")
    assert [sender.send(i) for i in ids] == ["sent"] * 3
    requests = sent_requests(line, "/v2/bot/message/multicast")
    assert [len(r["body"]["to"]) for r in requests] == [500, 500, 201]
    assert sorted(sum((r["body"]["to"] for r in requests), [])) == sorted(recipients)


def test_gateway_refuses_a_multicast_over_500(gateway):
    with pytest.raises(ValueError):
        gateway.multicast(
            [f"U{i:032x}" for i in range(501)], HELLO, "00000000-0000-4000-8000-000000000000"
        )


def test_gateway_reads_profile_content_and_quota(gateway, line):
    member = line.add_user("ครูแดง")["userId"]
    assert gateway.get_profile(member)["display_name"] == "ครูแดง"
    assert gateway.get_profile("U" + "f" * 32) is None
    limit, used = gateway.quota()
    assert isinstance(used, int)
    assert (
        gateway.push(member, HELLO, "11111111-1111-4111-8111-111111111111").outcome is Outcome.SENT
    )
    assert gateway.quota()[1] == used + 1
    image = line.send(member, {"type": "image", "contentBase64": "iVBORw0KGgo="})["event"]
    assert gateway.get_content(image["message"]["id"]) == bytes.fromhex("89504e470d0a1a0a")
    assert limit is None or limit > 0


def test_gateway_counts_a_groups_members(gateway, line):
    group = "C" + "a" * 32
    line.set_group_size(group, 37)
    assert gateway.group_member_count(group) == 37
