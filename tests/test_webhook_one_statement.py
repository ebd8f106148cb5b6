"""On PostgreSQL a webhook with one event stores it in one statement, outside any transaction;
with more, they are stored together in one."""

from __future__ import annotations

import pytest
from sqlalchemy import event, func, select

from storage.models import InboxEvent
from tests.events import body, text_event
from tests.test_webhook import post, stored


@pytest.fixture
def transactions(app):
    """Whether each INSERT the bot's engine ran was inside a transaction of the driver's."""
    engine = app.extensions["bot"].db.engine
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite keeps its write lock's turn for every store")
    seen: list[bool] = []

    def note(conn, _cursor, statement, *_args) -> None:
        if statement.startswith("INSERT"):
            seen.append(not conn.connection.dbapi_connection.autocommit)

    event.listen(engine, "before_cursor_execute", note)
    return seen


def test_one_event_is_stored_without_begin_and_commit(app, db, transactions):
    response = post(app.test_client(), body(text_event("สวัสดี")))
    assert response.status_code == 200
    assert transactions == [False]
    assert [row.status for row in stored(db)] == ["pending"]


def test_two_events_are_stored_in_one_transaction(app, db, transactions):
    response = post(app.test_client(), body(text_event("หนึ่ง"), text_event("สอง")))
    assert response.status_code == 200
    assert transactions == [True, True]
    assert len(stored(db)) == 2


def test_the_pooled_connection_is_transactional_again_afterwards(app, db, transactions):
    # The web's other work (staff pages) shares the pool: a failed unit of work after a webhook
    # must still roll back whole.
    assert post(app.test_client(), body(text_event("สวัสดี"))).status_code == 200
    bot = app.extensions["bot"]
    with pytest.raises(RuntimeError), bot.db.unit_of_work() as session:
        session.add(InboxEvent(webhook_event_id="not-kept", event_type="message",
                               event_timestamp=0, status="pending"))  # fmt: skip
        session.flush()
        raise RuntimeError("a failure after the write")
    with db.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(InboxEvent)) == 1
