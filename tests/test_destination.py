"""Webhooks for another bot are ignored; webhookEventIds are kept whole."""

from __future__ import annotations

import json
import threading
import time

import pytest
import requests
from sqlalchemy import select

from bot import create_app
from bot.identity import BotIdentity
from storage.models import InboxEvent
from tests.conftest import sign
from tests.events import BOT_USER_ID, text_event
from tests.waiting import wait_until


@pytest.fixture
def quiet_app(live_config, line):
    application = create_app(live_config.with_changes(start_inbox_worker=False))
    application.extensions["bot"].identity.refresh()  # as bot.wsgi.make_web does at start
    yield application
    application.extensions["bot"].close()


def deliver(app, destination: str, *events) -> int:
    raw = json.dumps({"destination": destination, "events": list(events)}).encode()
    headers = {"X-Line-Signature": sign(raw), "Content-Type": "application/json"}
    return app.test_client().post("/callback", data=raw, headers=headers).status_code


def stored_ids(db) -> list[str]:
    with db.unit_of_work() as session:
        return list(session.scalars(select(InboxEvent.webhook_event_id).order_by(InboxEvent.id)))


def test_the_bot_learns_its_own_id_from_the_emulator_at_start(quiet_app, line):
    assert quiet_app.extensions["bot"].identity.refresh() == BOT_USER_ID
    assert line.info()["botUserId"] == BOT_USER_ID


def test_a_body_for_another_bot_is_acknowledged_and_ignored(quiet_app, db):
    other = text_event("ไม่ใช่ของเรา")
    ours = text_event("ของเรา")
    assert deliver(quiet_app, "U" + "f" * 32, other) == 200
    assert deliver(quiet_app, BOT_USER_ID, ours) == 200
    assert deliver(quiet_app, BOT_USER_ID) == 200  # the console's Verify
    assert stored_ids(db) == [ours["webhookEventId"]]


def test_long_webhook_event_ids_are_kept_whole_and_never_collide(quiet_app, db):
    first = text_event("หนึ่ง", webhookEventId="01" + "A" * 100 + "1")
    second = text_event("สอง", webhookEventId="01" + "A" * 100 + "2")
    assert deliver(quiet_app, BOT_USER_ID, first, second) == 200
    assert stored_ids(db) == [first["webhookEventId"], second["webhookEventId"]]


def test_while_line_cannot_say_who_we_are_bodies_are_taken_and_asked_again_a_minute_later():
    now = [0.0]
    calls = []

    def fetch():
        calls.append(now[0])
        if len(calls) == 1:
            raise requests.ConnectionError("down")
        return BOT_USER_ID

    identity = BotIdentity(fetch, monotonic=lambda: now[0])
    assert identity.accepts("U" + "f" * 32) and calls == []  # not a web process: no check
    assert identity.refresh() is None  # the web process asks at start; LINE is down
    assert identity.accepts("U" + "f" * 32)  # unknown yet: nothing is lost
    now[0] = 30.0
    assert identity.accepts("U" + "f" * 32) and calls == [0.0]
    now[0] = 61.0
    assert identity.accepts("U" + "f" * 32)  # asked again in the background, not on this request
    wait_until(lambda: calls == [0.0, 61.0] and identity.refresh() == BOT_USER_ID)
    assert not identity.accepts("U" + "f" * 32) and identity.accepts(BOT_USER_ID)
    assert calls == [0.0, 61.0]


def test_a_webhook_never_waits_while_line_is_slow_to_say_who_we_are():
    answered, release = threading.Event(), threading.Event()

    def slow_fetch():
        if answered.is_set():
            release.wait(10)
            return BOT_USER_ID
        answered.set()
        raise requests.ConnectionError("down")

    now = [0.0]
    identity = BotIdentity(slow_fetch, monotonic=lambda: now[0])
    assert identity.refresh() is None
    now[0] = 61.0
    started = time.monotonic()
    assert identity.accepts("U" + "f" * 32)  # LINE takes its time: the webhook does not
    assert time.monotonic() - started < 0.5
    release.set()
    wait_until(lambda: not identity.accepts("U" + "f" * 32))
