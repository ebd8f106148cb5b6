"""The clock's job in-process: who gets each reminder, exactly once, late within the grace, not after."""

from __future__ import annotations

import threading
from datetime import datetime

from sqlalchemy import select

from storage import meetings
from storage.models import Delivery
from storage.models.meetings import Reminder
from tests.meetings import BANGKOK, FakeTime, alt_texts, clock_job, feed, many_members, schedule
from tests.members import join

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=BANGKOK)
START = datetime(2026, 12, 1, 13, 30, tzinfo=BANGKOK)


def statuses(db, meeting_id: int) -> dict[str, str]:
    with db.unit_of_work() as session:
        rows = session.scalars(select(Reminder).where(Reminder.meeting_id == meeting_id))
        return {r.kind: r.status for r in rows if r.status != "withdrawn"}


def test_the_announcement_reaches_the_network_in_each_members_language_and_no_one_else(
    db, emulator, line
):
    somsri = join(line, db, "สมศรี", network="civil")
    john = join(line, db, "John", network="civil", language="en")
    youth = join(line, db, "น้องฟ้า", network="youth")
    time = FakeTime(NOW)
    meeting_id = schedule(db, START, NOW)
    assert clock_job(db, emulator.url, time).tick() == 2  # one multicast per language

    [thai] = feed(line, somsri)
    [english] = feed(line, john)
    assert thai["altText"].startswith("📅 นัดประชุม\nประชุมเครือข่ายประจำเดือน")
    assert english["altText"].startswith("📅 Meeting\nประชุมเครือข่ายประจำเดือน")
    buttons = [c["action"] for c in thai["contents"]["footer"]["contents"]]
    assert [b["label"] for b in buttons] == ["เข้าร่วม", "ไม่สะดวก", "ยังไม่แน่ใจ", "เข้าห้องประชุม"]
    assert buttons[0]["data"] == f"cmd=rsvp&m={meeting_id}&a=yes"
    assert feed(line, youth) == []
    assert statuses(db, meeting_id)["announcement"] == "queued"


def test_members_who_unfollowed_or_withdrew_consent_are_left_out_and_counted(db, emulator, line):
    stays = join(line, db, "สมศรี")
    gone = join(line, db, "สมชาย")
    withdrawn = join(line, db, "สมหญิง")
    with db.unit_of_work() as session:
        from storage import members

        members.find(session, gone).following = False
        members.find(session, withdrawn).consent_status = "withdrawn"
    meeting_id = schedule(db, START, NOW)
    clock_job(db, emulator.url, FakeTime(NOW)).tick()
    assert len(feed(line, stays)) == 1
    assert feed(line, gone) == [] and feed(line, withdrawn) == []
    with db.unit_of_work() as session:
        [announcement] = [r for r in session.scalars(select(Reminder)) if r.kind == "announcement"]
        assert announcement.recipient_count == 1
        assert announcement.left_out == '{"no_consent": 1, "not_following": 1}'
    assert meeting_id


def test_a_reminder_is_turned_into_deliveries_once_even_by_two_clocks_at_the_same_moment(
    db, emulator, line
):
    line.set_quota(10_000)
    members = many_members(db, 1203)
    schedule(db, START, NOW)
    jobs = [clock_job(db, emulator.url, FakeTime(NOW)) for _ in range(4)]
    created: list[int] = []
    barrier = threading.Barrier(len(jobs))

    def run(job) -> None:
        barrier.wait()
        created.append(job.tick())

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(created) == [0, 0, 0, 3]  # 1,203 members: chunks of 500, 500 and 203
    with db.unit_of_work() as session:
        keys = [d.dedupe_key for d in session.scalars(select(Delivery))]
    assert len(keys) == 3 and all(":reminder:" in k and ":announcement:th#" in k for k in keys)
    assert all(len(feed(line, m)) == 1 for m in members[::50])
    multicasts = [r for r in line.requests(since=0)["requests"] if r["path"].endswith("multicast")]
    assert sorted(len(r["body"]["to"]) for r in multicasts) == [203, 500, 500]


def test_the_day_before_reminder_waits_for_nine_oclock_bangkok_and_skips_those_who_declined(
    db, emulator, line
):
    coming, declining = join(line, db, "สมศรี"), join(line, db, "สมชาย")
    time = FakeTime(NOW)
    job = clock_job(db, emulator.url, time)
    meeting_id = schedule(db, START, NOW)
    job.tick()
    with db.unit_of_work() as session:
        member = session.scalars(
            select(meetings.Member).where(meetings.Member.line_user_id == declining)
        ).one()
        meetings.answer(session, meeting_id, member.id, "no", NOW)
    time.move_to(datetime(2026, 11, 30, 8, 59, 59, tzinfo=BANGKOK))
    assert job.tick() == 0
    time.move_to(datetime(2026, 11, 30, 9, 0, tzinfo=BANGKOK))
    assert job.tick() == 1
    assert alt_texts(line, coming)[-1].startswith("🔔 พรุ่งนี้มีประชุม")
    assert len(feed(line, declining)) == 1  # the announcement only
    time.move_to(datetime(2026, 12, 1, 12, 30, tzinfo=BANGKOK))
    job.tick()
    assert alt_texts(line, coming)[-1].startswith("⏰ อีก 60 นาทีเริ่มประชุม")
    assert len(feed(line, declining)) == 1


def test_a_reminder_missed_while_the_clock_was_down_goes_late_within_the_grace_and_not_after(
    db, emulator, line
):
    member = join(line, db, "สมศรี")
    time = FakeTime(NOW)
    job = clock_job(db, emulator.url, time, grace_hours=6)
    meeting_id = schedule(db, START, NOW, plan="announcement,day_before@09:00,hour_before:60")
    job.tick()
    time.move_to(datetime(2026, 11, 30, 14, 59, tzinfo=BANGKOK))  # 5 h 59 min late: still sent
    job.tick()
    assert alt_texts(line, member)[-1].startswith("🔔 พรุ่งนี้มีประชุม")
    time.move_to(datetime(2026, 12, 1, 19, 0, tzinfo=BANGKOK))  # the meeting is over
    job.tick()
    assert statuses(db, meeting_id) == {
        "announcement": "queued",
        "day_before": "queued",
        "hour_before": "skipped",
    }
    assert len(feed(line, member)) == 2


def test_past_the_grace_a_reminder_is_skipped_with_its_reason(db, emulator, line):
    member = join(line, db, "สมศรี")
    time = FakeTime(NOW)
    job = clock_job(db, emulator.url, time, grace_hours=6)
    meeting_id = schedule(db, START, NOW, plan="announcement,day_before@09:00")
    job.tick()
    time.move_to(datetime(2026, 11, 30, 15, 30, tzinfo=BANGKOK))
    job.tick()
    assert statuses(db, meeting_id)["day_before"] == "skipped"
    reasons = skip_reasons(db)
    assert reasons["day_before"] == "missed:6.5:6"
    assert len(feed(line, member)) == 1


def test_a_change_on_the_morning_before_keeps_the_nine_oclock_reminder_and_tells_even_decliners(
    db, emulator, line
):
    coming, declining = join(line, db, "สมศรี"), join(line, db, "สมชาย")
    time = FakeTime(NOW)
    job = clock_job(db, emulator.url, time)
    meeting_id = schedule(db, START, NOW, plan="announcement,day_before@09:00")
    job.tick()
    with db.unit_of_work() as session:
        member = session.scalars(
            select(meetings.Member).where(meetings.Member.line_user_id == declining)
        ).one()
        meetings.answer(session, meeting_id, member.id, "no", NOW)
    time.move_to(datetime(2026, 11, 30, 8, 0, tzinfo=BANGKOK))
    with db.unit_of_work() as session:
        meeting = meetings.get(session, meeting_id)
        assert meetings.change(session, meeting, {"place": "ห้องประชุมอำเภอ"}, time(), BANGKOK)
    job.tick()
    assert alt_texts(line, declining)[-1].startswith("✏️ มีการเปลี่ยนแปลงการประชุม")
    time.move_to(datetime(2026, 11, 30, 9, 0, tzinfo=BANGKOK))
    job.tick()
    job.tick()
    assert [t.splitlines()[0] for t in alt_texts(line, coming)] == [
        "📅 นัดประชุม",
        "✏️ มีการเปลี่ยนแปลงการประชุม",
        "🔔 พรุ่งนี้มีประชุม",
    ]
    assert "📍 สถานที่: ห้องประชุมอำเภอ" in alt_texts(line, coming)[-1]
    assert len(feed(line, declining)) == 2


def test_a_day_before_reminder_missed_past_its_day_is_skipped_with_its_reason(db, emulator, line):
    # The clock was down from the evening before until the meeting's morning (within the grace).
    member = join(line, db, "สมศรี")
    time = FakeTime(NOW)
    job = clock_job(db, emulator.url, time, grace_hours=24)
    meeting_id = schedule(db, START, NOW, plan="announcement,day_before@18:00")
    job.tick()
    time.move_to(datetime(2026, 12, 1, 8, 0, tzinfo=BANGKOK))
    job.tick()
    assert statuses(db, meeting_id)["day_before"] == "skipped"
    reasons = skip_reasons(db)
    assert reasons["day_before"] == "day_passed"
    assert len(feed(line, member)) == 1  # the announcement only: no wrong "พรุ่งนี้"
    from messages.meetings import reason_text

    assert reason_text("day_passed", "th").startswith("ถึงวันประชุมแล้ว")


def test_a_late_reminder_says_the_minutes_really_left(db, emulator, line):
    member = join(line, db, "สมศรี")
    time = FakeTime(NOW)
    job = clock_job(db, emulator.url, time, grace_hours=6)
    schedule(db, START, NOW, plan="announcement,hour_before:60")
    job.tick()
    time.move_to(datetime(2026, 12, 1, 13, 15, tzinfo=BANGKOK))  # 45 minutes late
    job.tick()
    assert alt_texts(line, member)[-1].startswith("⏰ อีก 15 นาทีเริ่มประชุม")


def test_a_delivery_refused_for_the_monthly_limit_reads_as_quota_in_the_report(db, line):
    from types import SimpleNamespace

    from storage.meeting_report import failure_reason

    limit = SimpleNamespace(last_error="429 You have reached your monthly limit.")
    marked = SimpleNamespace(reason="quota", last_error="429")
    other = SimpleNamespace(last_error="400 invalid")
    assert [failure_reason(d) for d in (limit, marked, other)] == ["quota", "quota", "400 invalid"]


def test_a_changed_time_asks_those_who_declined_again(db, emulator, line):
    coming, declining = join(line, db, "สมศรี"), join(line, db, "สมชาย")
    time = FakeTime(NOW)
    job = clock_job(db, emulator.url, time)
    meeting_id = schedule(db, START, NOW, plan="announcement,day_before@09:00")
    job.tick()
    with db.unit_of_work() as session:
        member = session.scalars(
            select(meetings.Member).where(meetings.Member.line_user_id == declining)
        ).one()
        meetings.answer(session, meeting_id, member.id, "no", NOW)
    moved = datetime(2026, 12, 1, 14, 0, tzinfo=BANGKOK)
    with db.unit_of_work() as session:
        meeting = meetings.get(session, meeting_id)
        assert meetings.change(session, meeting, {"starts_at": moved}, time(), BANGKOK)
    job.tick()
    notice = alt_texts(line, declining)[-1]
    assert notice.startswith("✏️ เปลี่ยนเวลาประชุม: วันอังคารที่ 1 ธ.ค. 2569 เวลา 13:30 น. → ")
    assert "ช่วยตอบใหม่" in notice
    with db.unit_of_work() as session:
        assert meetings.rsvp_counts(session, meeting_id)["no"] == 0
    time.move_to(datetime(2026, 11, 30, 9, 0, tzinfo=BANGKOK))
    job.tick()
    # No longer a decliner: the day-before reminder reaches them too.
    assert alt_texts(line, declining)[-1].startswith("🔔 พรุ่งนี้มีประชุม")
    assert alt_texts(line, coming)[-1].startswith("🔔 พรุ่งนี้มีประชุม")


def skip_reasons(db) -> dict[str, str | None]:
    """Each planned send's reason (why it was skipped), by kind."""
    with db.unit_of_work() as session:
        return {r.kind: r.reason for r in session.scalars(select(Reminder))}
