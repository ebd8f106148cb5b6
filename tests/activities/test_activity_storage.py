"""Activities as stored: criteria rows, ordered photos, edits, deletion with the member."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from storage import activities, members
from storage.activities import Details
from storage.models import Member
from storage.models.activities import Activity, ActivityCriterion, ActivityPhoto
from tests.members import registered

NOW = datetime(2026, 11, 24, 5, 0, tzinfo=UTC)
USER = "U" + "a" * 32
PHOTO = {"path": "members/1/" + "a" * 64 + ".jpg", "content_type": "image/jpeg", "size": 10}


def details(**changes) -> Details:
    base = Details("ปลูกป่า", date(2021, 8, 9), False, "วัดดอย", 30, (3, 1), (PHOTO,))
    return Details(**{**base.__dict__, **changes})


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def test_an_activity_keeps_its_criteria_photos_and_the_members_network(db):
    registered(db, USER, network="youth")
    with db.unit_of_work() as session:
        member = members.find(session, USER)
        activity = activities.add(session, member, details(), NOW)
        member.network = "civil"  # moving network later does not move the activity
    with db.unit_of_work() as session:
        [stored] = activities.recent(session, member.id)
        assert (stored.criteria, stored.network, stored.organisation) == ([1, 3], "youth",
                                                                            "โรงเรียนบ้านดอย")  # fmt: skip
        assert [(p.position, p.path) for p in stored.photos] == [(0, PHOTO["path"])]
        assert stored.id == activity.id and stored.created_at == NOW


def test_an_edit_replaces_criteria_and_photos(db):
    registered(db, USER)
    second = {**PHOTO, "path": "members/1/" + "b" * 64 + ".png"}
    with db.unit_of_work() as session:
        member = members.find(session, USER)
        activity = activities.add(session, member, details(), NOW)
        activities.update(session, activity, details(criteria=(2, 3), photos=(second, PHOTO),
                                                     online=True), NOW + timedelta(hours=1))  # fmt: skip
    with db.unit_of_work() as session:
        stored = session.get(Activity, activity.id)
        assert stored.criteria == [2, 3] and (stored.online, stored.place) == (True, None)
        assert [p.path for p in stored.photos] == [second["path"], PHOTO["path"]]
        assert count(session, ActivityPhoto) == 2 and count(session, ActivityCriterion) == 2
        assert activities.photo_paths(session, member.id) == {PHOTO["path"], second["path"]}


def test_the_seven_day_window_and_the_latest_ten(db):
    registered(db, USER)
    with db.unit_of_work() as session:
        member = members.find(session, USER)
        for n in range(12):
            activities.add(session, member, details(title=f"a{n}"), NOW + timedelta(minutes=n))
        latest = activities.recent(session, member.id)
        assert [a.title for a in latest] == [f"a{n}" for n in range(11, 1, -1)]
        assert activities.editable(latest[0], NOW + timedelta(days=7))
        assert not activities.editable(latest[-1], NOW + timedelta(days=7, minutes=2))


def test_deleting_a_member_deletes_their_activities_criteria_and_photo_rows(db):
    registered(db, USER)
    with db.unit_of_work() as session:
        activities.add(session, members.find(session, USER), details(), NOW)
    with db.unit_of_work() as session:
        session.execute(delete(Member).where(Member.line_user_id == USER))
    with db.unit_of_work() as session:
        assert [count(session, m) for m in (Activity, ActivityCriterion, ActivityPhoto)] == [
            0,
            0,
            0,
        ]


@pytest.mark.parametrize(
    "bad",
    [
        {"participants": 0},
        {"participants": 10_001},
        {"online": False, "place": None},
        {"criteria": (6,)},
    ],  # fmt: skip
)
def test_the_database_refuses_impossible_activities(db, bad):
    registered(db, USER)
    with pytest.raises(IntegrityError), db.unit_of_work() as session:
        member = members.find(session, USER)
        activities.add(session, member, details(**bad), NOW)
