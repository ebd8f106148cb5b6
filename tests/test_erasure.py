"""The erasure registry: features plug in, run in order, the member row goes last; who gets pushes."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from storage import deliveries, erasure, members
from storage.erasure import Fact, Subject
from storage.models import Delivery, InboxEvent
from storage.models.members import CONSENT_DECLINED, CONSENT_WITHDRAWN
from storage.scrub import withdraw_pending_pushes
from tests.members import registered

USER = "U" + "e" * 32
NOW = datetime(2026, 11, 24, 3, 0, tzinfo=UTC)


@pytest.fixture
def calls(monkeypatch):
    """Two features registered for the test only, recording what they were given."""
    erasure.discover()
    seen: list[tuple[str, Subject, bool]] = []

    def feature(name: str):
        def erase(session, subject: Subject) -> int:
            still_there = members.find(session, subject.line_user_id) is not None
            seen.append((name, subject, still_there))
            return 2

        return erase

    monkeypatch.setitem(erasure.ERASERS, "late", erasure.Registered("late", feature("late"), 60))
    monkeypatch.setitem(erasure.ERASERS, "early", erasure.Registered("early", feature("early"), 5))
    return seen


def test_erasers_run_lowest_order_first_and_the_member_row_goes_last(db, calls, tmp_path):
    registered(db, USER, roles=(("staff", None),))
    with db.unit_of_work() as session:
        member_id = members.find(session, USER).id
        removed = erasure.erase_member(session, USER, tmp_path)
    assert [name for name, _, _ in calls] == ["early", "late"]
    assert all(still for _, _, still in calls)  # features still see the member row
    assert calls[0][1] == Subject(USER, member_id, tmp_path)
    assert removed["early"] == removed["late"] == 2 and removed["members"] == 1
    assert list(removed)[-1] == "members"
    with db.unit_of_work() as session:
        assert members.find(session, USER) is None


def test_a_stranger_has_no_member_id_and_their_failed_events_are_still_stripped(db, calls):
    with db.unit_of_work() as session:
        session.add(InboxEvent(webhook_event_id="e1", event_type="message", event_timestamp=1,
                               status="failed", payload=json.dumps({"userId": USER}),
                               lane_key=f"u:{USER}"))  # fmt: skip
    with db.unit_of_work() as session:
        removed = erasure.erase_member(session, USER)
    assert calls[0][1] == Subject(USER, None, None) and "members" not in removed
    with db.unit_of_work() as session:
        [row] = session.scalars(select(InboxEvent)).all()
        assert (row.payload, row.lane_key, row.status) == (None, None, "failed")


def test_a_name_taken_twice_is_refused_but_importing_again_is_not():
    def one(session, subject):
        return 0

    erasure.eraser("dup_test")(one)
    erasure.eraser("dup_test")(one)  # the same function again, e.g. a module reloaded

    def other(session, subject):
        return 0

    with pytest.raises(erasure.DuplicateEraser):
        erasure.eraser("dup_test")(other)
    del erasure.ERASERS["dup_test"]


def test_discovery_finds_every_repository_and_its_registrations():
    names = erasure.discover()
    assert {"storage.scrub", "storage.invites", "storage.members"} <= set(names)
    assert {"conversations", "deliveries", "inbox", "lanes", "invites"} <= set(erasure.ERASERS)


def test_descriptions_come_from_every_feature_in_order(db, monkeypatch):
    registered(db, USER)
    erasure.discover()

    def photos(session, subject):
        return [Fact("mydata.test", {"count": 3})]

    monkeypatch.setitem(erasure.DESCRIBERS, "aa", erasure.Registered("aa", photos, 1))
    with db.unit_of_work() as session:
        subject = erasure.subject_of(session, USER)
        facts = erasure.describe_member(session, subject)
    assert facts[0] == Fact("mydata.test", {"count": 3})


def test_only_consented_followers_are_reachable(db):
    registered(db, "U1" + "0" * 31, network="civil")
    registered(db, "U2" + "0" * 31, network="youth")
    registered(db, "U3" + "0" * 31)
    registered(db, "U4" + "0" * 31)
    registered(db, "U5" + "0" * 31)
    with db.unit_of_work() as session:
        members.find(session, "U3" + "0" * 31).following = False
        members.find(session, "U4" + "0" * 31).consent_status = CONSENT_WITHDRAWN
        members.find(session, "U5" + "0" * 31).consent_status = CONSENT_DECLINED
        members.get_or_create(session, "U6" + "0" * 31)  # no decision at all
    with db.unit_of_work() as session:
        assert members.reachable_user_ids(session) == ["U1" + "0" * 31, "U2" + "0" * 31]
        assert members.reachable_user_ids(session, "youth") == ["U2" + "0" * 31]


def test_withdrawing_takes_the_user_out_of_unsent_pushes_only(db):
    other = "U" + "f" * 32
    hello = [{"type": "text", "text": "x"}]
    with db.unit_of_work() as session:
        [push] = deliveries.enqueue_push(session, USER, hello, NOW)
        chunks = deliveries.enqueue_multicast(session, [USER, other], hello, NOW, "m")
        reply = deliveries.enqueue_reply(session, "token", USER, hello, NOW)
        assert withdraw_pending_pushes(session, USER) == 2
    with db.unit_of_work() as session:
        assert session.get(Delivery, push) is None
        assert json.loads(session.get(Delivery, chunks[0]).recipients) == [other]
        assert session.get(Delivery, reply) is not None  # an answer to what they just said
