"""Batches: many members' events handled in one transaction, each member still answered in LINE's
timestamp order, once."""

from __future__ import annotations

from sqlalchemy import func, select

from bot import create_app
from storage.models import Delivery, InboxEvent, Lane
from tests.conftest import ServedApp
from tests.runtime.ordering import in_timestamp_order, members, out_of_order_pairs, post


def test_forty_waiting_events_of_twenty_members_are_answered_in_order_and_once(
    live_config, line, db
):
    # Stored with the inbox worker off, each member's later event first: more lanes wait than a
    # batch takes, and every lane has a second event that must wait for the first one's reply.
    app = create_app(live_config.with_changes(start_inbox_worker=False))
    bot = app.extensions["bot"]
    served = ServedApp(app)
    try:
        pairs = out_of_order_pairs(line, members(line, db, 20))
        posted = [post(served.url + "/callback", e) for pair in pairs.values() for e in pair[::-1]]
        assert posted == [200] * 40

        assert bot.processor.drain() == 40

        assert [m for m in pairs if not in_timestamp_order(line, m)] == []
        assert all(len(line.messages(m, since=0)["messages"]) == 2 for m in pairs)
        with db.unit_of_work() as session:
            statuses = session.scalars(select(InboxEvent.status)).all()
            assert statuses == ["done"] * 40
            sent = session.execute(select(Delivery.status, func.max(Delivery.attempts))
                                   .group_by(Delivery.status)).all()  # fmt: skip
            assert [tuple(row) for row in sent] == [("sent", 1)]  # each reply sent on its first try
            assert session.scalar(select(func.count()).select_from(Lane)) == 0  # all given back
    finally:
        served.stop()
        bot.close()


def test_a_batch_whose_budget_is_spent_before_its_first_lane_still_takes_one(
    live_config, line, db, monkeypatch
):
    # On a busy machine the look for lanes alone can outlast SQLite's 10 ms budget: the batch
    # must still take a lane, or the drain (and the worker's sweep) stops with events waiting.
    import bot.inbox_batch

    monkeypatch.setattr(bot.inbox_batch, "BATCH_SECONDS_SQLITE", 0.0)
    app = create_app(live_config.with_changes(start_inbox_worker=False))
    bot_ = app.extensions["bot"]
    served = ServedApp(app)
    try:
        pairs = out_of_order_pairs(line, members(line, db, 3))
        posted = [post(served.url + "/callback", e) for pair in pairs.values() for e in pair]
        assert posted == [200] * 6
        assert bot_.processor.drain() == 6
        assert all(len(line.messages(m, since=0)["messages"]) == 2 for m in pairs)
    finally:
        served.stop()
        bot_.close()


def test_a_batch_commits_three_times_taking_sending_and_recording(
    live_config, line, db, monkeypatch
):
    # Each commit on SQLite is a turn of the one write lock every webhook waits for: the batch
    # takes and handles its lanes in one, marks its replies started in the one that finds them,
    # and gives its lanes back in the one that records LINE's answers.
    from sqlalchemy import event

    import bot.inbox_batch
    from bot.inbox_batch import finish_batch, take_batch

    # All three lanes in the one batch, however slow this machine handles the first.
    monkeypatch.setattr(bot.inbox_batch, "BATCH_SECONDS_SQLITE", 60.0)
    app = create_app(live_config.with_changes(start_inbox_worker=False))
    bot_ = app.extensions["bot"]
    served = ServedApp(app)
    commits = []
    try:
        pairs = out_of_order_pairs(line, members(line, db, 3))
        posted = [post(served.url + "/callback", earlier) for earlier, _ in pairs.values()]
        assert posted == [200] * 3
        event.listen(bot_.db.engine, "commit", lambda _conn: commits.append(1))

        batch = take_batch(bot_.processor)
        assert finish_batch(bot_.processor, batch) == 3

        assert len(commits) == 3
        assert all(len(line.messages(m, since=0)["messages"]) == 1 for m in pairs)
        with db.unit_of_work() as session:
            assert session.scalar(select(func.count()).select_from(Lane)) == 0  # all given back
    finally:
        served.stop()
        bot_.close()


def test_a_batch_reads_and_writes_for_all_its_lanes_at_once(live_config, line, db, monkeypatch):
    # Sixteen members' events, half of them from people who have not consented yet: the batch
    # reads their member rows and conversations, stores their replies and marks them done with a
    # statement each for all of them (it was about seven per event).
    from sqlalchemy import event

    import bot.inbox_batch
    from bot.inbox_batch import finish_batch, take_batch

    monkeypatch.setattr(bot.inbox_batch, "BATCH_SECONDS_SQLITE", 60.0)  # all 16 in the one batch

    app = create_app(live_config.with_changes(start_inbox_worker=False))
    bot_ = app.extensions["bot"]
    served = ServedApp(app)
    statements = []
    try:
        strangers = [line.add_user(f"ผู้มาใหม่{n}")["userId"] for n in range(8)]
        joined = members(line, db, 8)
        sent = [line.send_text(user, "สวัสดีครับ")["event"] for user in strangers + joined]
        assert [post(served.url + "/callback", e) for e in sent] == [200] * 16
        event.listen(bot_.db.engine, "before_cursor_execute",
                     lambda *args: statements.append(args[2]))  # fmt: skip

        batch = take_batch(bot_.processor)

        assert batch.handled == 16
        assert len(statements) <= 10
        assert finish_batch(bot_.processor, batch) == 16
        assert all(len(line.messages(m, since=0)["messages"]) >= 1 for m in strangers + joined)
        with db.unit_of_work() as session:
            statuses = session.scalars(select(InboxEvent.status)).all()
            assert statuses == ["done"] * 16
    finally:
        served.stop()
        bot_.close()
