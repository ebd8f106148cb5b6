"""LINE's 429s: rate and concurrency wait as long as LINE says; the monthly limit is not retried."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.gateway import LineGateway
from bot.sender import DeliverySender
from storage import deliveries, delivery_states
from storage.models import Delivery
from tests.conftest import TOKEN
from tests.waiting import sent_requests

START = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
HELLO = [{"type": "text", "text": "พรุ่งนี้ประชุม 09:00 น. ค่ะ"}]
REPLY, PUSH, MULTICAST = (
    "/v2/bot/message/reply",
    "/v2/bot/message/push",
    "/v2/bot/message/multicast",
)


class Clock:
    """The one injected clock, moved by the test."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def told():
    return []


@pytest.fixture
def sender(db, emulator, clock, told):
    gateway = LineGateway(emulator.url, TOKEN, timeout=2.0)
    s = DeliverySender(db, gateway, clock=clock, sleep=lambda _: None, on_quota=told.extend)
    yield s
    s.close()
    gateway.close()


def row(db, delivery_id: int) -> Delivery:
    with db.unit_of_work() as session:
        return session.get(Delivery, delivery_id)


def push_to(db, member: str, dedupe_key: str | None = None) -> int:
    with db.unit_of_work() as session:
        [delivery_id] = deliveries.enqueue_push(session, member, HELLO, START, dedupe_key)
    return delivery_id


@pytest.mark.parametrize("cause", ["rate", "concurrency"])
def test_a_rate_429_waits_as_long_as_line_says_then_sends_once(db, sender, line, clock, cause):
    member = line.add_user("สมชาย")["userId"]
    line.add_fault(path=PUSH, limit=cause, retryAfter=7)
    delivery_id = push_to(db, member)
    assert sender.send(delivery_id) == "pending"
    assert row(db, delivery_id).next_attempt_at == START + timedelta(seconds=7)
    clock.now = START + timedelta(seconds=6)
    assert sender.send_due() == 0  # not before LINE said
    clock.now = START + timedelta(seconds=7)
    assert sender.send_due() == 1
    assert row(db, delivery_id).status == "sent"
    assert [m["via"] for m in line.messages(member)["messages"]] == ["push"]
    assert [r["status"] for r in sent_requests(line, PUSH)] == [429, 200]


def test_a_rate_limited_reply_is_still_a_free_reply_when_retried(db, sender, line, clock):
    member = line.add_user("สมหญิง")["userId"]
    token = line.send_text(member, "สวัสดีค่ะ")["event"]["replyToken"]
    line.add_fault(path=REPLY, limit="rate", retryAfter=3)
    with db.unit_of_work() as session:
        delivery_id = deliveries.enqueue_reply(session, token, member, HELLO, START)
    assert sender.send(delivery_id) == "pending"
    clock.now = START + timedelta(seconds=3)
    assert sender.send(delivery_id) == "sent"
    assert [m["via"] for m in line.messages(member)["messages"]] == ["reply"]
    assert sent_requests(line, PUSH) == []


def test_the_monthly_limit_fails_at_once_with_reason_quota(db, sender, line, told):
    member = line.add_user("ครูแดง")["userId"]
    line.add_fault(path=PUSH, limit="monthly")
    delivery_id = push_to(db, member, dedupe_key="meeting-7:reminder:day-before")
    assert sender.send(delivery_id) == "failed"
    assert len(sent_requests(line, PUSH)) == 1  # never retried, not even inline
    stored = row(db, delivery_id)
    assert (stored.status, stored.reason) == ("failed", "quota")
    assert "monthly limit" in stored.last_error
    assert told == [delivery_id]  # the hook that tells the organiser
    with db.unit_of_work() as session:
        assert [d.id for d in deliveries.failed_for_quota(session)] == [delivery_id]
        assert [d.id for d in deliveries.failed_for_quota(session, dedupe_prefix="meeting-7:")] == [
            delivery_id
        ]
        assert deliveries.failed_for_quota(session, dedupe_prefix="meeting-8:") == []
        assert delivery_states.due_ids(session, START + timedelta(days=1)) == []


def test_a_quota_used_up_mid_month_fails_the_multicast_as_quota(db, sender, line, told):
    members = [line.add_user(f"สมาชิก {i}")["userId"] for i in range(3)]
    line.set_quota(300, total_usage=299)  # one message left, three needed
    with db.unit_of_work() as session:
        [delivery_id] = deliveries.enqueue_multicast(session, members, HELLO, START, "meeting-9")
    assert sender.send(delivery_id) == "failed"
    [request] = sent_requests(line, MULTICAST)
    assert request["status"] == 429
    assert request["response"]["message"] == "You have reached your monthly limit."
    assert row(db, delivery_id).reason == "quota" and told == [delivery_id]
    assert all(line.messages(m)["messages"] == [] for m in members)


def test_a_failing_quota_hook_does_not_undo_the_record(db, emulator, line, clock):
    def broken(_ids):
        raise RuntimeError("chat is down")

    gateway = LineGateway(emulator.url, TOKEN, timeout=2.0)
    sender = DeliverySender(db, gateway, clock=clock, sleep=lambda _: None, on_quota=broken)
    line.add_fault(path=PUSH, limit="additional")
    delivery_id = push_to(db, line.add_user("สมใจ")["userId"])
    assert sender.send(delivery_id) == "failed"
    assert row(db, delivery_id).reason == "quota"
    gateway.close()
