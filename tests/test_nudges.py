"""One friendly push 3 days after an activity with no reflection: never twice, never at night,
never to a member who withdrew consent or stopped following."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from bot import create_app
from bot.nudges import queue_reflection_nudges
from storage import members, reflections
from storage.models import Delivery
from storage.models.members import CONSENT_WITHDRAWN
from tests.activity_records import logged
from tests.chatting import BANGKOK
from tests.members import join, registered

USER = "U" + "8" * 32
LOGGED = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)  # Friday 10:00 in Bangkok
DUE = LOGGED + timedelta(days=3)  # Monday 10:00


def at_bangkok(day: datetime, hour: int, minute: int = 0) -> datetime:
    return day.astimezone(BANGKOK).replace(hour=hour, minute=minute).astimezone(UTC)


def queue(db, now: datetime) -> int:
    with db.unit_of_work() as session:
        return queue_reflection_nudges(session, now, BANGKOK)


def pushes(db) -> list[Delivery]:
    with db.unit_of_work() as session:
        return list(session.scalars(select(Delivery).where(Delivery.kind == "push")))


@pytest.fixture
def activity(db) -> int:
    registered(db, USER, name="ครูแดง")
    return logged(db, USER, "ปลูกป่าชายเลน", date(2026, 11, 19), LOGGED)


def test_one_friendly_push_3_days_after_an_activity_and_never_a_second(db, activity):
    assert queue(db, DUE - timedelta(minutes=1)) == 0  # not yet 3 days
    assert queue(db, DUE) == 1
    for later in (DUE + timedelta(hours=1), DUE + timedelta(days=1), DUE + timedelta(days=2)):
        assert queue(db, later) == 0
    [push] = pushes(db)
    [message] = json.loads(push.messages)
    assert json.loads(push.recipients) == [USER]
    assert message["text"].startswith("สวัสดีค่ะ คุณครูแดง 🙏 กิจกรรม “ปลูกป่าชายเลน” เมื่อ 19 พ.ย. 2569")
    [button] = message["quickReply"]["items"]
    assert button["action"]["data"] == f"cmd=reflect_on&activity={activity}"


@pytest.mark.parametrize(("hour", "minute", "sent"), [
    (20, 0, 0), (23, 30, 0), (2, 0, 0), (7, 59, 0), (8, 0, 1), (19, 59, 1),
])  # fmt: skip
def test_never_between_20_00_and_08_00_in_bangkok(db, activity, hour, minute, sent):
    day = DUE + timedelta(days=1) if hour < 10 else DUE
    assert queue(db, at_bangkok(day, hour, minute)) == sent


def test_a_night_that_falls_due_waits_for_the_morning(db, activity):
    assert queue(db, at_bangkok(DUE, 22)) == 0
    assert queue(db, at_bangkok(DUE + timedelta(days=1), 8, 5)) == 1


def test_not_to_a_member_who_withdrew_consent_or_stopped_following(db, activity):
    with db.unit_of_work() as session:
        members.find(session, USER).consent_status = CONSENT_WITHDRAWN
    assert queue(db, DUE) == 0
    with db.unit_of_work() as session:
        member = members.find(session, USER)
        member.consent_status, member.following = "given", False
    assert queue(db, DUE) == 0
    with db.unit_of_work() as session:
        members.find(session, USER).following = True
    assert queue(db, DUE) == 1


def test_not_when_the_activity_already_has_a_reflection_or_is_long_past(db, activity):
    with db.unit_of_work() as session:
        member = members.find(session, USER)
        answers = dict.fromkeys(reflections.ANSWERS, "ดีมาก")
        reflections.save(session, member, answers, [], activity, LOGGED + timedelta(days=1))
    assert queue(db, DUE) == 0
    logged(db, USER, "งานเก่า", date(2026, 10, 1), LOGGED - timedelta(days=30))
    assert queue(db, DUE) == 0


def test_several_activities_waiting_bring_one_push_a_day(db, activity):
    logged(db, USER, "ค่ายคุณธรรม", date(2026, 11, 20), LOGGED + timedelta(hours=2))
    assert queue(db, DUE + timedelta(hours=3)) == 1
    assert queue(db, DUE + timedelta(hours=8)) == 0  # the same day: wait
    assert queue(db, DUE + timedelta(days=1)) == 1
    assert queue(db, DUE + timedelta(days=2)) == 0  # both have had theirs
    texts = [json.loads(p.messages)[0]["text"] for p in pushes(db)]
    assert "ปลูกป่าชายเลน" in texts[0] and "ค่ายคุณธรรม" in texts[1]


def test_flask_nudges_send_queues_and_sends_through_line(live_config, line, db, monkeypatch):
    member = join(line, db, "ครูแดง")
    logged(db, member, "ปลูกป่าชายเลน", date(2026, 11, 19), datetime.now(UTC) - timedelta(days=4))
    monkeypatch.setattr("bot.nudges.is_daytime", lambda now, zone: True)
    app = create_app(live_config.with_changes(start_inbox_worker=False))
    try:
        runner = app.test_cli_runner()
        first = runner.invoke(args=["nudges", "send"])
        again = runner.invoke(args=["nudges", "send"])
    finally:
        app.extensions["bot"].close()
    assert first.output == "queued 1 reflection nudge(s)\n"
    assert again.output == "queued 0 reflection nudge(s)\n"
    [received] = line.wait_for_messages(member, since=0, count=1)
    assert received["via"] == "push" and "ปลูกป่าชายเลน" in received["message"]["text"]


def test_the_clock_process_sends_nudges_as_one_of_its_jobs(config, db, activity, emulator, line):
    from bot.clock import build_scheduler
    from bot.reminders import ReminderJob

    line.set_quota(1000)
    app = create_app(config.with_changes(api_base_url=emulator.url))
    bot = app.extensions["bot"]
    job = ReminderJob(bot.db, bot.sender, bot.config.zone, lambda: DUE, timedelta(hours=6))
    scheduler = build_scheduler(bot, job, now=lambda: DUE)
    assert {j.id for j in scheduler.get_jobs()} == {
        "reminders-and-outbox",
        "reflection-nudges",
        "story-asks",
        "story-digests",
    }
    scheduler.get_job("reflection-nudges").func()
    bot.close()
    [push] = pushes(db)
    assert push.status == "sent"
    assert [r["path"] for r in line.requests(since=0)["requests"]] == ["/v2/bot/message/push"]
