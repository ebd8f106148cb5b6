"""The webhook stores each event once, refuses what LINE did not sign, and always answers fast."""

from __future__ import annotations

import json
import threading

import requests
from sqlalchemy import func, select

from storage.models import InboxEvent
from tests.conftest import ServedApp, sign
from tests.events import body, text_event


def post(client, raw: bytes, signature: str | None = "auto"):
    headers = {"Content-Type": "application/json"}
    if signature == "auto":
        signature = sign(raw)
    if signature is not None:
        headers["X-Line-Signature"] = signature
    return client.post("/callback", data=raw, headers=headers)


def stored(db) -> list[InboxEvent]:
    with db.unit_of_work() as session:
        return list(session.scalars(select(InboxEvent).order_by(InboxEvent.id)))


def test_verify_request_with_no_events_gets_200(app, db):
    response = post(app.test_client(), json.dumps({"destination": "Uxxx", "events": []}).encode())
    assert response.status_code == 200
    assert stored(db) == []


def test_signed_event_is_stored_before_200(app, db):
    event = text_event("สวัสดี")
    response = post(app.test_client(), body(event))
    assert response.status_code == 200
    [row] = stored(db)
    assert row.webhook_event_id == event["webhookEventId"]
    assert row.status == "pending"
    assert json.loads(row.payload)["message"]["text"] == "สวัสดี"


def test_missing_signature_is_refused_and_nothing_stored(app, db):
    assert post(app.test_client(), body(text_event("hi")), signature=None).status_code == 400
    assert stored(db) == []


def test_wrong_signature_is_refused_and_nothing_stored(app, db):
    raw = body(text_event("hi"))
    assert post(app.test_client(), raw, signature=sign(raw, "another-secret")).status_code == 400
    assert stored(db) == []


def test_signature_is_checked_on_the_raw_bytes(app, db):
    raw = body(text_event("สวัสดี"))
    reserialised = json.dumps(json.loads(raw)).encode()  # same JSON, different bytes (\\u escapes)
    assert reserialised != raw
    assert post(app.test_client(), raw, signature=sign(reserialised)).status_code == 400


def test_body_over_one_mebibyte_is_413(app, db):
    raw = body(text_event("x" * (1024 * 1024)))
    assert post(app.test_client(), raw).status_code == 413
    assert stored(db) == []


def test_signed_body_that_is_not_json_is_400(app, db):
    assert post(app.test_client(), b"not json {").status_code == 400
    assert stored(db) == []


def test_signed_json_without_an_events_list_is_acknowledged_and_kept_as_rejected(app, db):
    assert post(app.test_client(), b'{"events": "nope"}').status_code == 200
    assert [(e.status, e.outcome) for e in stored(db)] == [("rejected", "no events list")]


def test_redelivered_event_is_stored_once(app, db):
    event = text_event("ถอดบทเรียน")
    client = app.test_client()
    assert post(client, body(event)).status_code == 200
    again = dict(event, deliveryContext={"isRedelivery": True})
    assert post(client, body(again)).status_code == 200
    assert len(stored(db)) == 1


def test_simultaneous_copies_are_stored_once(app, db):
    served = ServedApp(app)
    shared = text_event("พร้อมกัน")
    raws = [body(shared)] * 8
    barrier = threading.Barrier(len(raws))
    statuses: list[int] = []

    def send(raw: bytes) -> None:
        barrier.wait()
        response = requests.post(
            served.url + "/callback", data=raw, headers={"X-Line-Signature": sign(raw)}, timeout=10
        )
        statuses.append(response.status_code)

    threads = [threading.Thread(target=send, args=(raw,)) for raw in raws]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    served.stop()
    assert statuses == [200] * 8
    with db.unit_of_work() as session:
        count = session.scalar(select(func.count()).select_from(InboxEvent))
    assert count == 1


def test_group_and_unknown_events_are_accepted(app, db):
    group_event = text_event("hello", source={"type": "group", "groupId": "C" + "1" * 32})
    room_event = text_event("hi", source={"type": "room", "roomId": "R" + "2" * 32})
    future = {"type": "somethingNew", "timestamp": 1, "webhookEventId": "01FUTURE", "extra": [1]}
    assert post(app.test_client(), body(group_event, room_event, future)).status_code == 200
    assert [row.event_type for row in stored(db)] == ["message", "message", "somethingNew"]
