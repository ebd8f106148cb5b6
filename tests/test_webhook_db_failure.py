"""The database fails while the webhook stores events: 503 so LINE redelivers, and no member data in logs."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import SQLAlchemyError

from storage.inbox import user_lane
from storage.models import InboxEvent
from tests.conftest import sign
from tests.events import body, text_event

USER = "U" + "7" * 32
WORDS = "ความลับของสมาชิก"


def post(app, raw: bytes):
    headers = {"Content-Type": "application/json", "X-Line-Signature": sign(raw)}
    return app.test_client().post("/callback", data=raw, headers=headers)


def test_a_database_failure_mid_webhook_logs_no_user_id_or_words_and_loses_nothing(app, db, caplog):
    caplog.set_level(logging.DEBUG)
    raw = body(text_event(WORDS, user_id=USER))
    with db.engine.begin() as connection:
        connection.execute(text("ALTER TABLE inbox_events RENAME TO inbox_events_away"))
    try:
        assert post(app, raw).status_code == 503
    finally:
        with db.engine.begin() as connection:
            connection.execute(text("ALTER TABLE inbox_events_away RENAME TO inbox_events"))
    logged = "\n".join(
        record.getMessage() + (caplog.handler.formatter or logging.Formatter()).format(record)
        for record in caplog.records
    )
    assert "database unavailable" in logged
    assert USER not in logged and WORDS not in logged and "[parameters" not in logged

    assert post(app, raw).status_code == 200  # LINE's redelivery, once the database is back
    with db.unit_of_work() as session:
        [event] = session.scalars(select(InboxEvent)).all()
    assert event.lane_key == user_lane(USER) and USER not in event.lane_key


def test_sql_errors_never_carry_the_bound_values(db):
    with pytest.raises(SQLAlchemyError) as raised, db.engine.connect() as connection:
        connection.execute(text("SELECT * FROM no_such_table WHERE x = :x"), {"x": USER})
    assert USER not in str(raised.value)


def test_an_unhandled_error_is_logged_by_type_and_place_without_its_text(app, caplog):
    def boom():
        raise ValueError(f"{USER} wrote {WORDS}")

    app.add_url_rule("/boom", "boom", boom)
    app.testing = False  # errors are logged and answered 500, as in production
    with caplog.at_level(logging.ERROR):
        assert app.test_client().get("/boom").status_code == 500
    logged = "\n".join(logging.Formatter().format(record) for record in caplog.records)
    assert "ValueError" in logged and "boom" in logged
    assert USER not in logged and WORDS not in logged
