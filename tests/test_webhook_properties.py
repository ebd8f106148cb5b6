"""Whatever LINE sends (every event type in webhook.yml, and types it does not list yet) gets no 5xx."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from bot import create_app
from storage.models import InboxEvent
from tests.conftest import sign
from tests.events import BOT_USER_ID
from tests.strategies import callback_bodies, unknown_events

SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def quiet_app(live_config, line):
    """The bot with its LINE pointed at the emulator, handling events only when drained."""
    line.set_quota(1_000_000)
    application = create_app(live_config.with_changes(start_inbox_worker=False))
    yield application
    application.extensions["bot"].close()


def deliver(app, payload: dict) -> int:
    raw = json.dumps(payload, ensure_ascii=False).encode()
    response = app.test_client().post(
        "/callback",
        data=raw,
        headers={"X-Line-Signature": sign(raw), "Content-Type": "application/json"},
    )
    return response.status_code


def outcomes(db, ids: list[str]) -> dict[str, str]:
    with db.unit_of_work() as session:
        rows = session.scalars(select(InboxEvent).where(InboxEvent.webhook_event_id.in_(ids)))
        return {row.webhook_event_id: row.status for row in rows}


@SETTINGS
@given(body=callback_bodies(max_events=4))
def test_every_spec_event_is_stored_and_handled_without_error(quiet_app, db, body):
    assert deliver(quiet_app, {**body, "destination": BOT_USER_ID}) == 200
    quiet_app.extensions["bot"].processor.drain()
    ids = [event["webhookEventId"] for event in body["events"]]
    assert set(outcomes(db, ids).values()) <= {"done"}
    assert len(outcomes(db, ids)) == len(set(ids))


@SETTINGS
@given(events=st.lists(unknown_events(), min_size=1, max_size=3))
def test_unknown_types_and_fields_are_accepted_and_never_break_handling(quiet_app, db, events):
    assert deliver(quiet_app, {"destination": BOT_USER_ID, "events": events}) == 200
    quiet_app.extensions["bot"].processor.drain()
    ids = [e["webhookEventId"] for e in events if isinstance(e.get("webhookEventId"), str)]
    assert set(outcomes(db, ids).values()) <= {"done"}
    assert len(outcomes(db, ids)) == len(set(ids))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=st.binary(max_size=300) | st.text(max_size=200).map(str.encode))
def test_any_signed_bytes_get_200_or_400_never_5xx(app, raw):
    response = app.test_client().post(
        "/callback", data=raw, headers={"X-Line-Signature": sign(raw)}
    )
    assert response.status_code in (200, 400)
