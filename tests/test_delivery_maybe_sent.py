"""A reply that may have reached the member stays "maybe sent" until it is settled, whatever
happens to the database or the senders meanwhile: it is never followed by a push.

Found by the connection-cut fault test (tests/faults/test_streams.py), which answered 14 members
twice: a sender re-claimed such a reply, its write-ahead mark was cut, and the retry it recorded
wiped the evidence that the first attempt might have gone out.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.exc import OperationalError

from storage import delivery_states
from tests.test_delivery_once import HELLO, NOW, PUSH, a_member_writes, reply_stored, row, seen_by
from tests.waiting import sent_requests

LEASE = timedelta(seconds=30)


def a_reply_line_took_from_a_sender_that_died(db, gateway, line) -> tuple[str, int]:
    """A sender claims a reply, marks it started, LINE delivers it, and the sender dies."""
    member, token = a_member_writes(line)
    delivery_id = reply_stored(db, token, member, at=NOW - timedelta(minutes=5))
    then = NOW - timedelta(minutes=5)
    with db.unit_of_work() as session:
        claimed = delivery_states.claim(session, delivery_id, then, LEASE)
        assert delivery_states.mark_replies_started(session, [claimed], then) == {delivery_id}
    assert gateway.reply(token, HELLO).outcome.value == "sent"
    return member, delivery_id


def test_a_maybe_sent_reply_whose_next_mark_is_cut_is_tried_later_and_never_pushed(
    db, sender, gateway, line, monkeypatch
):
    member, delivery_id = a_reply_line_took_from_a_sender_that_died(db, gateway, line)
    real_mark = delivery_states.mark_replies_started
    cuts = []

    def cut_once(*args, **kwargs):
        if not cuts:
            cuts.append(1)
            raise OperationalError("UPDATE deliveries", {}, Exception("connection cut"))
        return real_mark(*args, **kwargs)

    monkeypatch.setattr(delivery_states, "mark_replies_started", cut_once)
    assert sender.send(delivery_id) == "pending"  # not marked, so not sent: tried again later
    assert row(db, delivery_id).reply_started_at is not None  # still maybe sent
    assert sender.send(delivery_id) == "unknown"
    assert seen_by(line, member) == ["reply"]
    assert sent_requests(line, PUSH) == []
    assert row(db, delivery_id).reason == "interrupted"


@pytest.mark.parametrize("died_at", [timedelta(minutes=2), timedelta(0)])
def test_a_maybe_sent_reply_claimed_by_another_sender_that_died_too_is_never_pushed(
    db, sender, gateway, line, died_at
):
    member, delivery_id = a_reply_line_took_from_a_sender_that_died(db, gateway, line)
    # A second sender claims it (or its claim commits and its connection is cut before it
    # hears so), and dies before marking it: nothing of its own left, but the first one's may have.
    with db.unit_of_work() as session:
        assert delivery_states.claim(session, delivery_id, NOW - died_at - 2 * LEASE, LEASE)
    assert sender.send(delivery_id) == "unknown"
    assert seen_by(line, member) == ["reply"]
    assert sent_requests(line, PUSH) == []


def test_a_reply_refused_for_a_while_is_settled_and_pushed_when_its_token_is_refused(
    db, sender, line
):
    # The other side: a marked reply that LINE answered 500 did not go out, so once its token is
    # spent or expired the member is still answered, once, by a push.
    member, token = a_member_writes(line)
    line.add_fault(path="/v2/bot/message/reply", status=500, times=3)
    delivery_id = reply_stored(db, token, member)
    assert sender.send(delivery_id) == "pending"
    assert row(db, delivery_id).reply_started_at is None
    line.advance_clock(61)
    assert sender.send(delivery_id) == "sent"
    assert seen_by(line, member) == ["push"]
