"""Hold-back: events of one member that arrive out of order, in separate requests, are handled in
LINE's timestamp order (issue 16 item 5) by the web's own inbox threads."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot import create_app
from storage import inbox
from storage.models import InboxEvent
from tests.conftest import ServedApp
from tests.runtime.ordering import in_timestamp_order, members, out_of_order_pairs, post


def test_twenty_members_whose_later_event_arrives_first_are_answered_in_timestamp_order(
    live_config, line, db
):
    # Each member's later event is posted first, its earlier one right after (one request
    # apart). The hold-back is longer than the default so that, even on a machine as busy as CI
    # under libfaketime (seen: 6 s between two concurrent posts), both arrive within it.
    app = create_app(live_config.with_changes(inbox_holdback_ms=3000))
    bot = app.extensions["bot"]
    bot.start()
    served = ServedApp(app)
    try:
        pairs = out_of_order_pairs(line, members(line, db, 20))
        statuses = []
        for earlier, later in pairs.values():
            statuses += [
                post(served.url + "/callback", later),
                post(served.url + "/callback", earlier),
            ]
        assert statuses == [200] * 40
        ordered = [m for m in pairs if in_timestamp_order(line, m)]
        print(f"\n[hold-back] in timestamp order: {len(ordered)} of {len(pairs)}")
        assert len(ordered) == 20, str(arrival_gaps(db, pairs)[-5:])
    finally:
        served.stop()
        bot.close()


def arrival_gaps(db, pairs) -> list[float]:
    """How long after its later event each member's earlier one was stored (ms), for a failure."""
    with db.unit_of_work() as session:
        rows = session.execute(select(InboxEvent.webhook_event_id, InboxEvent.received_at))
        received = {event_id: at for event_id, at in rows}
    return sorted(
        (received[e["webhookEventId"]] - received[la["webhookEventId"]]).total_seconds() * 1000
        for e, la in pairs.values()
    )


def test_an_event_is_handled_only_once_it_is_as_old_as_the_hold_back(live_config, line, db):
    app = create_app(live_config.with_changes(inbox_holdback_ms=400))
    bot = app.extensions["bot"]
    start = bot.clock()
    bot.clock.set(lambda: start)
    [member] = members(line, db, 1)
    earlier, later = out_of_order_pairs(line, [member])[member]
    with db.unit_of_work() as session:
        inbox.store_events(session, [later, earlier], start)
    try:
        assert bot.processor.process_lane(inbox.lane_key_of(later)) == 0
        assert bot.processor.holdback.seconds_until_ready(start) == 0.4
        bot.clock.set(lambda: start + timedelta(milliseconds=399))
        assert bot.processor.process_lane(inbox.lane_key_of(later)) == 0
        assert line.messages(member, since=0)["messages"] == []
        bot.clock.set(lambda: start + timedelta(milliseconds=400))
        assert bot.processor.process_lane(inbox.lane_key_of(later)) == 2
        assert in_timestamp_order(line, member)
    finally:
        bot.close()


def test_drain_waits_out_the_hold_back_then_handles_in_timestamp_order(live_config, line, db):
    app = create_app(live_config.with_changes(inbox_holdback_ms=400))
    bot = app.extensions["bot"]
    [member] = members(line, db, 1)
    earlier, later = out_of_order_pairs(line, [member])[member]
    with db.unit_of_work() as session:
        inbox.store_events(session, [later, earlier], bot.clock())
    try:
        assert bot.processor.drain() == 2
        assert in_timestamp_order(line, member)
    finally:
        bot.close()
    with db.unit_of_work() as session:
        assert set(session.scalars(select(InboxEvent.status))) == {"done"}
