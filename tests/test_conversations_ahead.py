"""A batch reads its members' current conversations in one query; any change makes them read again."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import event

from storage import conversations

NOW = datetime(2026, 11, 24, 3, 0, tzinfo=UTC)
ANNA, BEN = "U" + "a" * 32, "U" + "b" * 32


def _statements(db) -> list[str]:
    seen: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda *args: seen.append(args[2]))
    return seen


def test_what_was_read_ahead_is_answered_without_another_query(db):
    with db.unit_of_work() as session:
        conversations.start(session, ANNA, "log_activity", "title", {}, NOW)
    seen = _statements(db)
    with db.unit_of_work() as session:
        conversations.look_ahead(session, [ANNA, BEN])
        read = len(seen)
        assert conversations.current(session, ANNA).flow == "log_activity"
        assert conversations.current(session, BEN) is None
        assert len(seen) == read  # both answered from the one query
        assert conversations.current(session, ANNA).flow == "log_activity"  # again: asked anew
        assert len(seen) == read + 1


def test_a_conversation_started_or_ended_after_the_read_is_seen(db):
    with db.unit_of_work() as session:
        conversations.start(session, ANNA, "log_activity", "title", {}, NOW)
    with db.unit_of_work() as session:
        conversations.look_ahead(session, [ANNA, BEN])
        conversations.start(session, BEN, "reflect", "story", {}, NOW)
        conversations.end(session, ANNA, "log_activity")
        assert conversations.current(session, ANNA) is None
        assert conversations.current(session, BEN).flow == "reflect"


def test_a_conversation_paused_after_the_read_is_not_current(db):
    with db.unit_of_work() as session:
        conversations.start(session, ANNA, "log_activity", "title", {}, NOW)
    with db.unit_of_work() as session:
        conversations.look_ahead(session, [ANNA])
        conversations.pause_all(session, ANNA)
        assert conversations.current(session, ANNA) is None
