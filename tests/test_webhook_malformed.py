"""Signed bodies that are JSON but not valid for our schema: 200, a rejected receipt, never a 500."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from storage.models import InboxEvent
from tests.conftest import sign
from tests.events import BOT_USER_ID, text_event

# Each breaks one field the way the adversarial run did (issue 16, item 4).
BREAKAGES = {
    "timestamp 2^63": {"timestamp": 2**63},
    "timestamp 10^30": {"timestamp": 10**30},
    "timestamp negative": {"timestamp": -1},
    "timestamp true": {"timestamp": True},
    "timestamp float": {"timestamp": 1.5},
    "NUL in webhookEventId": {"webhookEventId": "01ABC\x00DEF"},
    "NUL in type": {"type": "mess\x00age"},
    "NUL in userId": {"source": {"type": "user", "userId": "U\x00" + "a" * 31}},
    "lone surrogate in text": {"message": {"id": "1", "type": "text", "text": "\ud800"}},
    "lone surrogate in userId": {"source": {"type": "user", "userId": "U\udfff"}},
    "source a string": {"source": "user"},
    "source a list": {"source": ["user"]},
    "type a number": {"type": 7},
    "webhookEventId a number": {"webhookEventId": 12345},
    "webhookEventId too long": {"webhookEventId": "x" * 300},
}


def post_raw(app, raw: bytes):
    headers = {"Content-Type": "application/json", "X-Line-Signature": sign(raw)}
    return app.test_client().post("/callback", data=raw, headers=headers)


def encode(events: list) -> bytes:
    # ensure_ascii keeps lone surrogates as \\ud800 escapes, as an attacker (or a bug) would send them.
    return json.dumps({"destination": BOT_USER_ID, "events": events}).encode()


def rows(db) -> list[InboxEvent]:
    with db.unit_of_work() as session:
        return list(session.scalars(select(InboxEvent).order_by(InboxEvent.id)))


@pytest.mark.parametrize("name", list(BREAKAGES))
def test_a_broken_event_is_kept_as_rejected_and_its_good_neighbour_is_stored(app, db, name):
    good = text_event("สวัสดีค่ะ")
    bad = {**text_event("x"), **BREAKAGES[name]}
    raw = encode([bad, good])
    assert post_raw(app, raw).status_code == 200
    assert post_raw(app, raw).status_code == 200  # a redelivery is recognised, not doubled
    found = rows(db)
    assert [(r.status, r.webhook_event_id) for r in found if r.status == "pending"] == [
        ("pending", good["webhookEventId"])
    ]
    [rejected] = [r for r in found if r.status == "rejected"]
    assert rejected.payload is None and rejected.lane_key is None and rejected.outcome


def test_nesting_fifty_thousand_deep_is_acknowledged_not_recursed(app, db):
    raw = b'{"events": [' + b"[" * 50_000 + b"]" * 50_000 + b"]}"
    assert post_raw(app, raw).status_code == 200
    assert [(r.status, r.outcome) for r in rows(db)] == [("rejected", "nesting deeper than 64")]
    status = app.test_cli_runner().invoke(args=["inbox", "status"]).output
    assert "rejected: 1" in status and "pending: 0" in status


def test_brackets_inside_strings_do_not_count_as_nesting(app, db):
    event = text_event("[[[[" * 100 + '{"\\"' * 50)
    assert post_raw(app, encode([event])).status_code == 200
    assert [r.status for r in rows(db)] == ["pending"]


values = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.booleans(),
    st.none(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=8),
    st.sampled_from(["\x00", "\ud800", "U\udc00x", "a\x00b"]),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.sampled_from(["type", "userId", "groupId"]), st.text(max_size=3)),
)
FIELDS = ["webhookEventId", "type", "timestamp", "source", "replyToken", "mode", "message"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(changes=st.dictionaries(st.sampled_from(FIELDS), values, min_size=1, max_size=3))
def test_any_field_holding_any_value_never_gets_a_5xx(app, db, changes):
    with db.unit_of_work() as session:
        session.execute(delete(InboxEvent))
    event = {**text_event("ทดสอบ"), **changes}
    assert post_raw(app, encode([event])).status_code == 200
    [row] = rows(db)
    assert row.status in ("pending", "rejected")
