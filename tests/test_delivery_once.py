"""A member gets each answer at most once, through the real SDK and the emulator's faults."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

import pytest

from bot.gateway import LineGateway
from bot.sender import DeliverySender
from storage import deliveries, delivery_states
from storage.models import Delivery
from tests.conftest import TOKEN
from tests.delivery_fixtures import NOW
from tests.waiting import sent_requests

HELLO = [{"type": "text", "text": "บันทึกกิจกรรมแล้วค่ะ"}]
REPLY, PUSH = "/v2/bot/message/reply", "/v2/bot/message/push"


def a_member_writes(line, name: str = "สมศรี") -> tuple[str, str]:
    """A member sends a message (no bot listening): return their id and the event's reply token."""
    member = line.add_user(name)["userId"]
    return member, line.send_text(member, "วันนี้ปลูกต้นไม้")["event"]["replyToken"]


def reply_stored(db, token: str | None, member: str, at: datetime = NOW) -> int:
    with db.unit_of_work() as session:
        return deliveries.enqueue_reply(session, token, member, HELLO, at)


def row(db, delivery_id: int) -> Delivery:
    with db.unit_of_work() as session:
        return session.get(Delivery, delivery_id)


def seen_by(line, member: str) -> list[str]:
    return [m["via"] for m in line.messages(member, since=0)["messages"]]


def test_a_reply_handled_then_timed_out_reaches_the_member_once(db, sender, line):
    member, token = a_member_writes(line)
    line.add_fault(path=REPLY, after=True, delay=2.5)  # LINE delivers, its answer comes too late
    delivery_id = reply_stored(db, token, member)
    assert sender.send(delivery_id) == "unknown"
    assert seen_by(line, member) == ["reply"]
    assert sent_requests(line, PUSH) == []
    stored = row(db, delivery_id)
    assert (stored.status, stored.reason) == ("unknown", "timeout")
    # Nothing later picks it up again: it is not pending.
    assert sender.send_due() == 0 and sender.send(delivery_id) is None
    assert seen_by(line, member) == ["reply"]


def test_a_reply_handled_then_connection_lost_reaches_the_member_once(db, sender, line):
    member, token = a_member_writes(line)
    line.add_fault(path=REPLY, after=True, drop=True)
    delivery_id = reply_stored(db, token, member)
    assert sender.send(delivery_id) == "unknown"
    assert seen_by(line, member) == ["reply"]
    assert sent_requests(line, PUSH) == []
    assert row(db, delivery_id).reason == "connection"


def test_a_reply_lost_before_line_handled_it_is_answered_by_the_retry(db, sender, line):
    member, token = a_member_writes(line)
    line.add_fault(path=REPLY, drop=True)  # dropped before LINE did anything: the token is unspent
    delivery_id = reply_stored(db, token, member)
    assert sender.send(delivery_id) == "sent"
    assert seen_by(line, member) == ["reply"]
    assert [r["status"] for r in sent_requests(line, REPLY)] == [None, 200]


def test_500_then_success_is_one_message(db, sender, line):
    member, token = a_member_writes(line)
    line.add_fault(path=REPLY, status=500)
    delivery_id = reply_stored(db, token, member)
    assert sender.send(delivery_id) == "sent"
    assert seen_by(line, member) == ["reply"]
    assert [r["status"] for r in sent_requests(line, REPLY)] == [500, 200]
    assert row(db, delivery_id).sent_via == "reply"


def test_an_expired_token_is_answered_by_one_push(db, sender, line):
    member, token = a_member_writes(line)
    line.advance_clock(120)  # LINE now refuses the token; our side thought it fresh
    delivery_id = reply_stored(db, token, member)
    assert sender.send(delivery_id) == "sent"
    assert seen_by(line, member) == ["push"]
    assert [r["status"] for r in sent_requests(line, REPLY)] == [400]
    assert len(sent_requests(line, PUSH)) == 1
    assert row(db, delivery_id).sent_via == "push"


def test_a_timeout_then_a_refused_token_is_never_pushed(db, sender, line):
    member, token = a_member_writes(line)
    line.add_fault(path=REPLY, after=True, delay=2.5)
    delivery_id = reply_stored(db, token, member)
    sender.send(delivery_id)
    requests = sent_requests(line, REPLY)
    # The retry of the reply met "Invalid reply token" (the first had spent it): no push follows.
    assert [r["status"] for r in requests][-1] == 400
    assert sent_requests(line, PUSH) == []


def test_a_slow_sender_whose_hold_ran_out_leaves_the_reply_to_the_one_that_took_over(
    db, gateway, line
):
    # A busy worker stores a reply held for itself, then stalls past its hold. Another sender
    # takes it over and is answering the member when the first one wakes: the first must send
    # nothing, or its reply meets a spent token, is refused, and is pushed as a second copy.
    member, token = a_member_writes(line)
    then, hold = NOW - timedelta(seconds=40), timedelta(seconds=30)
    with db.unit_of_work() as session:
        delivery_id = deliveries.enqueue_reply(session, token, member, HELLO, then, hold)
    with db.unit_of_work() as session:
        taken = delivery_states.claim(session, delivery_id, NOW, hold)
        assert delivery_states.mark_replies_started(session, [taken], NOW) == {delivery_id}
    gateway.reply(token, HELLO)  # the one that took over, its answer not yet recorded
    woken = DeliverySender(db, gateway, clock=lambda: NOW + timedelta(seconds=1))
    try:
        assert woken.send_held([delivery_id]) == {}
    finally:
        woken.close()
    assert seen_by(line, member) == ["reply"]
    assert sent_requests(line, PUSH) == []


def test_a_lapsed_claim_can_neither_mark_nor_reset_the_claim_that_followed(db, line):
    member, token = a_member_writes(line)
    delivery_id = reply_stored(db, token, member)
    lease = timedelta(seconds=30)
    with db.unit_of_work() as session:
        first = delivery_states.claim(session, delivery_id, NOW, lease)
        session.expunge(first)
    with db.unit_of_work() as session:
        second = delivery_states.claim(session, delivery_id, NOW + 2 * lease, lease)
        assert second is not None and second.attempts == first.attempts + 1
        assert delivery_states.mark_replies_started(session, [second], NOW + 2 * lease) == {
            delivery_id
        }
    with db.unit_of_work() as session:
        assert not delivery_states.mark_replies_started(session, [first], NOW + 2 * lease)
        assert not delivery_states.mark_retry(session, first, NOW, "slow")
    kept = row(db, delivery_id)
    assert kept.reply_started_at is not None and kept.claimed_until is not None


def test_marking_several_replies_at_once_marks_only_those_their_claims_still_hold(db, line):
    # A batch's replies are marked in one statement: a reply another sender took over in the
    # meantime must be left out of it, the others marked.
    lease = timedelta(seconds=30)
    ids = [
        reply_stored(db, token, member)
        for member, token in (a_member_writes(line), a_member_writes(line))
    ]
    with db.unit_of_work() as session:
        lapsed = delivery_states.claim(session, ids[0], NOW, lease)
        session.expunge(lapsed)
    with db.unit_of_work() as session:
        delivery_states.claim(session, ids[0], NOW + 2 * lease, lease)  # taken over
        held = delivery_states.claim(session, ids[1], NOW + 2 * lease, lease)
        marked = delivery_states.mark_replies_started(session, [lapsed, held], NOW + 2 * lease)
    assert marked == {ids[1]}
    assert row(db, ids[0]).reply_started_at is None
    assert row(db, ids[1]).reply_started_at is not None


def test_a_sender_that_died_holding_a_reply_is_not_followed_by_a_push(db, sender, gateway, line):
    member, token = a_member_writes(line)
    delivery_id = reply_stored(db, token, member)
    # A sender claims it, marks it started, LINE delivers it, and the sender dies before recording.
    then = NOW - timedelta(minutes=5)
    with db.unit_of_work() as session:
        claimed = delivery_states.claim(session, delivery_id, then, timedelta(seconds=30))
        assert delivery_states.mark_replies_started(session, [claimed], then) == {delivery_id}
    gateway.reply(token, HELLO)
    assert sender.send(delivery_id) == "unknown"
    assert seen_by(line, member) == ["reply"]
    assert sent_requests(line, PUSH) == []
    assert row(db, delivery_id).reason == "interrupted"


@pytest.mark.parametrize("token_expired", [False, True])
def test_a_sender_that_died_before_its_reply_left_still_answers_once(
    token_expired, db, sender, line
):
    member, token = a_member_writes(line)
    delivery_id = reply_stored(db, token, member, at=NOW - timedelta(seconds=40))
    # A sender claims it and dies before its write-ahead mark: the request never left.
    with db.unit_of_work() as session:
        delivery_states.claim(
            session, delivery_id, NOW - timedelta(seconds=40), timedelta(seconds=30)
        )
    if token_expired:
        line.advance_clock(61)  # the process stayed down past the token's minute
    assert sender.send(delivery_id) == "sent"
    assert seen_by(line, member) == (["push"] if token_expired else ["reply"])
    assert row(db, delivery_id).sent_via == ("push" if token_expired else "reply")


def test_a_push_whose_answer_was_lost_is_retried_with_its_key_and_sent_once(db, sender, line):
    member = line.add_user("ครูแดง")["userId"]
    line.add_fault(path=PUSH, after=True, drop=True)
    with db.unit_of_work() as session:
        [delivery_id] = deliveries.enqueue_push(session, member, HELLO, NOW)
    assert sender.send(delivery_id) == "sent"
    assert seen_by(line, member) == ["push"]
    requests = sent_requests(line, PUSH)
    assert [r["status"] for r in requests] == [200, 409]
    assert len({r["headers"]["x-line-retry-key"] for r in requests}) == 1


def test_a_batch_of_replies_goes_out_together_each_once(db, emulator, line):
    # Each reply takes LINE 0.6 s; one after another 16 would take 9.6 s. A patient gateway: on a
    # busy machine a 0.6 s answer can pass the other tests' 1 s timeout and end "unknown".
    gateway = LineGateway(emulator.url, TOKEN, timeout=5.0)
    sender = DeliverySender(db, gateway, clock=lambda: NOW, sleep=lambda _: None, concurrency=8)
    members = [a_member_writes(line, f"สมาชิก {i}") for i in range(16)]
    ids = [reply_stored(db, token, member) for member, token in members]
    line.add_fault(path=REPLY, delay=0.6, times=16)
    started = time.monotonic()
    outcomes = sender.send_many(ids)
    elapsed = time.monotonic() - started
    sender.close()
    gateway.close()
    assert outcomes == {i: "sent" for i in ids}
    assert all(seen_by(line, member) == ["reply"] for member, _ in members)
    assert elapsed < 6.0, f"16 replies took {elapsed:.1f} s: not sent concurrently"


def test_send_many_leaves_out_what_another_sender_holds(db, sender, line):
    member, token = a_member_writes(line)
    delivery_id = reply_stored(db, token, member)
    with db.unit_of_work() as session:
        delivery_states.claim(session, delivery_id, NOW, timedelta(minutes=5))
    assert sender.send_many([delivery_id]) == {}
    assert seen_by(line, member) == []


def test_inbox_status_counts_the_replies_whose_outcome_is_unknown(app, db, sender, line):
    member, token = a_member_writes(line)
    line.add_fault(path=REPLY, after=True, drop=True)
    sender.send(reply_stored(db, token, member))
    result = app.test_cli_runner().invoke(args=["inbox", "status"])
    assert result.exit_code == 0, result.output
    assert "replies unknown: 1" in result.output.splitlines()


def test_one_process_keeps_its_connections_to_line_alive(db, gateway, line):
    sender = DeliverySender(db, gateway, clock=lambda: NOW, sleep=lambda _: None, concurrency=4)
    members = [line.add_user(f"สมาชิก {i}")["userId"] for i in range(24)]
    with db.unit_of_work() as session:
        ids = [deliveries.enqueue_push(session, m, HELLO, NOW)[0] for m in members]
    for delivery_id in ids[:8]:
        assert sender.send(delivery_id) == "sent"
    assert set(sender.send_many(ids[8:]).values()) == {"sent"}
    sender.close()
    peers = [r["peer"] for r in sent_requests(line, PUSH)]
    assert len(set(peers[:8])) == 1  # one after another: one connection, reused
    # Concurrently: about one more per sending thread (4). On a busy CI machine the emulator
    # may drop an idle connection or two, which is reopened: still never one per request.
    assert len(set(peers)) <= 1 + 4 + 3 < len(peers)


def test_no_transaction_is_held_while_line_is_slow(db, emulator, line):
    import threading

    from sqlalchemy import update

    gateway = LineGateway(emulator.url, TOKEN, timeout=6.0)
    sender = DeliverySender(db, gateway, clock=lambda: NOW, sleep=lambda _: None)
    member = line.add_user("สมพร")["userId"]
    with db.unit_of_work() as session:
        [delivery_id] = deliveries.enqueue_push(session, member, HELLO, NOW)
    line.add_fault(path=PUSH, after=True, delay=3.0)  # LINE takes 3 s to answer
    outcome = {}
    sending = threading.Thread(target=lambda: outcome.update(s=sender.send(delivery_id)))
    sending.start()
    deadline = time.monotonic() + 10
    while not sent_requests(line, PUSH) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert sent_requests(line, PUSH), "the push never reached LINE"
    # While the push waits for LINE, the same row (and, on SQLite, the database) can be written.
    started = time.monotonic()
    with db.unit_of_work() as session:
        session.execute(update(Delivery).where(Delivery.id == delivery_id).values(last_error="x"))
    waited = time.monotonic() - started
    sending.join(timeout=15)
    sender.close()
    gateway.close()
    assert waited < 1.5, f"a write waited {waited:.1f} s for the sender's transaction"
    assert outcome == {"s": "sent"} and seen_by(line, member) == ["push"]


def test_one_broken_delivery_fails_alone_and_the_rest_of_the_batch_is_sent(db, sender, line):
    members = [line.add_user(f"สมาชิก {i}")["userId"] for i in range(3)]
    too_many = [{"type": "text", "text": str(i)} for i in range(6)]  # the SDK refuses > 5
    with db.unit_of_work() as session:
        ids = [deliveries.enqueue_push(session, m, HELLO, NOW)[0] for m in members[:2]]
        ids.append(deliveries.enqueue_push(session, members[2], too_many, NOW)[0])
    assert sender.send_many(ids) == {ids[0]: "sent", ids[1]: "sent", ids[2]: "failed"}
    assert [seen_by(line, m) for m in members] == [["push"], ["push"], []]
    assert len(sent_requests(line, PUSH)) == 2  # the broken one never left
    assert row(db, ids[2]).reason == "rejected"


def test_a_line_that_cannot_be_reached_leaves_the_reply_pending_not_unknown(db, line):
    # Connection refused: nothing left this machine, so the reply is simply tried again later.
    gateway = LineGateway("http://127.0.0.1:9", TOKEN, timeout=1.0)
    sender = DeliverySender(db, gateway, clock=lambda: NOW, sleep=lambda _: None)
    member, token = a_member_writes(line)
    delivery_id = reply_stored(db, token, member)
    assert sender.send(delivery_id) == "pending"
    assert row(db, delivery_id).reason is None
    gateway.close()


def test_recording_several_sent_at_once_records_only_those_their_claims_still_hold(db, line):
    # A batch's outcomes are recorded in one statement: a reply another sender took over in the
    # meantime keeps the newer claim's state; the others are recorded sent.
    lease = timedelta(seconds=30)
    writers = (a_member_writes(line), a_member_writes(line), a_member_writes(line))
    ids = [reply_stored(db, token, member) for member, token in writers]
    with db.unit_of_work() as session:
        lapsed = delivery_states.claim(session, ids[0], NOW, lease)
        session.expunge(lapsed)
    later = NOW + 2 * lease
    with db.unit_of_work() as session:
        delivery_states.claim(session, ids[0], later, lease)  # taken over, still being sent
        held = [delivery_states.claim(session, i, later, lease) for i in ids[1:]]
        sent = [(d, "reply", f"req-{d.id}") for d in (lapsed, *held)]
        assert delivery_states.mark_all_sent(session, sent, later) == set(ids[1:])
    assert [row(db, i).status for i in ids] == ["pending", "sent", "sent"]
    assert [row(db, i).request_id for i in ids] == [None, f"req-{ids[1]}", f"req-{ids[2]}"]
