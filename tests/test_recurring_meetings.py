"""Repeating meetings in Thai: created in chat and at the terminal, each occurrence with its own
RSVPs and reminders, three months planned and counted in the quota, one or all cancelled."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from storage.models.meeting_series import MeetingSeries
from storage.models.meetings import Meeting, Reminder
from tests import test_meeting_chat as shared
from tests.meetings import BANGKOK, alt_texts, clock_job, feed, labels, texts

# The meeting transcripts' fixtures: the router, the clock (Tue 24 Nov 2569 10:00), the people.
router, time, people, chat = shared.router, shared.time, shared.people, shared.chat


def _schedule(coordinator, when: str, then: str | None = None) -> list[dict]:
    """นัดประชุม with a repeating time; return the review."""
    coordinator.say("นัดประชุม")
    coordinator.say("ประชุมประจำเดือนเครือข่าย")
    heard = coordinator.say(when)
    if then:
        heard = coordinator.say(then)
    assert "ประชุมที่ไหน" in texts(heard)[0], texts(heard)
    coordinator.say("ห้องประชุมเทศบาลเชียงราย")
    audience = coordinator.say("ติดตามกิจกรรม")
    return coordinator.tap(audience[-1], labels(audience)[0])


def _confirmed(coordinator, when: str, db, emulator, time):
    """Schedule and confirm a repeating meeting, let the clock run once; return its clock job."""
    review = _schedule(coordinator, when)
    coordinator.tap(review[-1], "ยืนยันนัดประชุม")
    job = clock_job(db, emulator.url, time)
    job.tick()
    return job


def _occurrences(db) -> list[Meeting]:
    with db.unit_of_work() as session:
        found = list(session.scalars(select(Meeting).order_by(Meeting.starts_at)))
        session.expunge_all()
    return found


def _announcements(db) -> list[tuple[int, datetime, str]]:
    with db.unit_of_work() as session:
        stmt = select(Reminder).where(Reminder.kind == "announcement").order_by(Reminder.due_at)
        return [(r.meeting_id, r.due_at, r.status) for r in session.scalars(stmt)]


def test_first_tuesday_of_the_month_in_chat_plans_three_months_each_with_its_own_rsvps(
    db, chat, people, line, emulator, time
):
    coordinator = chat(people["coordinator"])
    coordinator.say("นัดประชุม")
    coordinator.say("ประชุมประจำเดือนเครือข่าย")
    heard = coordinator.say("ทุกวันอังคารแรกของเดือน 13.30 น.")
    assert texts(heard)[0].startswith(
        "รับทราบค่ะ ประชุมประจำทุกวันอังคารแรกของเดือน เวลา 13:30 น. "
        "ครั้งแรกวันอังคารที่ 1 ธ.ค. 2569 เวลา 13:30 น."
    )
    coordinator.say("ห้องประชุมเทศบาลเชียงราย")
    audience = coordinator.say("ติดตามกิจกรรม")
    review = coordinator.tap(audience[-1], labels(audience)[0])
    said = review[-1]["text"]
    assert "🔁 ประชุมประจำทุกวันอังคารแรกของเดือน เวลา 13:30 น." in said
    assert "วางแผนไว้ 3 ครั้งใน 3 เดือนข้างหน้า: 1/12, 5/1, 2/2" in said
    # 3 invitees (not the organiser): per occurrence an announcement, a day-before and an
    # hour-before reminder to each (9) and a summary to the organiser (1): 3 occurrences, 30.
    assert "ผู้รับ 3 คน (ไม่รวมคุณ) ใช้ประมาณ 30 ข้อความ" in said, said
    assert "(ค่าข้อความนับรวมทุกครั้งที่วางแผนไว้ 3 ครั้ง)" in said
    done = coordinator.tap(review[-1], "ยืนยันนัดประชุม")
    assert texts(done)[0].startswith("บันทึกประชุมประจำ “ประชุมประจำเดือนเครือข่าย” แล้วค่ะ 🙏")

    found = _occurrences(db)
    assert [m.starts_at.astimezone(BANGKOK) for m in found] == [
        datetime(2026, 12, 1, 13, 30, tzinfo=BANGKOK),
        datetime(2027, 1, 5, 13, 30, tzinfo=BANGKOK),
        datetime(2027, 2, 2, 13, 30, tzinfo=BANGKOK),
    ]
    assert len({m.series_id for m in found}) == 1 and found[0].series_id is not None
    # The first is announced at once, each later one a week before it.
    assert [due.astimezone(BANGKOK) for _, due, _ in _announcements(db)] == [
        shared.NOW,
        datetime(2026, 12, 29, 13, 30, tzinfo=BANGKOK),
        datetime(2027, 1, 26, 13, 30, tzinfo=BANGKOK),
    ]

    job = clock_job(db, emulator.url, time)
    job.tick()
    [card] = feed(line, people["somsri"])  # one card, not a quarter's worth
    assert "วันอังคารที่ 1 ธ.ค. 2569 เวลา 13:30 น." in card["altText"]
    assert "🔁 ประชุมประจำทุกวันอังคารแรกของเดือน เวลา 13:30 น." in str(card["contents"]["body"])
    decline = next(b["action"]["data"] for b in card["contents"]["footer"]["contents"]
                   if b["action"]["label"] == "ไม่สะดวก")  # fmt: skip
    assert texts(chat(people["somsri"]).press(decline))[0].startswith("รับทราบค่ะ บันทึกว่าคุณไม่สะดวก")

    # ประชุมของฉัน shows the next occurrence only, not a carousel of the same meeting.
    [mine, _] = chat(people["somchai"]).say("ประชุมของฉัน")
    assert len(mine["contents"]["contents"]) == 1

    time.move_to(datetime(2026, 11, 30, 9, 0, tzinfo=BANGKOK))
    job.tick()
    assert alt_texts(line, people["somchai"])[-1].startswith("🔔 พรุ่งนี้มีประชุม")
    assert len(feed(line, people["somsri"])) == 1  # she declined the first one only
    time.move_to(datetime(2026, 12, 29, 13, 30, tzinfo=BANGKOK))
    job.tick()
    second = feed(line, people["somsri"])[-1]
    assert second["altText"].startswith("📅 นัดประชุม")
    assert "วันอังคารที่ 5 ม.ค. 2570 เวลา 13:30 น." in second["altText"]
    styles = {
        b["action"]["label"]: b.get("style") for b in second["contents"]["footer"]["contents"]
    }
    assert styles["ไม่สะดวก"] == "secondary"  # her "no" was for the first meeting only


def test_every_two_weeks_on_friday_then_the_time_in_a_second_message(db, chat, people):
    coordinator = chat(people["coordinator"])
    coordinator.say("นัดประชุม")
    coordinator.say("ประชุมคณะทำงาน")
    asked = coordinator.say("ทุกสองสัปดาห์วันศุกร์")
    assert texts(asked)[0].startswith("ประชุมประจำทุกสองสัปดาห์ วันศุกร์ เวลาเท่าไรคะ?")
    heard = coordinator.say("10 โมงค่ะ")
    assert texts(heard)[0].startswith(
        "รับทราบค่ะ ประชุมประจำทุกสองสัปดาห์ วันศุกร์ เวลา 10:00 น. ครั้งแรกวันศุกร์ที่ 27 พ.ย. 2569"
    )
    coordinator.say("https://zoom.us/j/98765")
    audience = coordinator.say("ข้าม")
    review = coordinator.tap(audience[-1], labels(audience)[0])
    assert "วางแผนไว้ 7 ครั้ง" in review[-1]["text"]
    coordinator.tap(review[-1], "ยืนยันนัดประชุม")
    starts = [m.starts_at.astimezone(BANGKOK) for m in _occurrences(db)]
    assert all(b - a == timedelta(days=14) for a, b in zip(starts, starts[1:], strict=False))
    assert all(s.weekday() == 4 and (s.hour, s.minute) == (10, 0) for s in starts)


def test_the_quota_preview_counts_every_occurrence_this_month_and_refuses_when_over(
    chat, people, line
):
    # Every Wednesday at 9: 25 Nov is this month (3 × 3 + 1 = 10 messages); December's are not.
    line.set_quota(300, total_usage=292)
    coordinator = chat(people["coordinator"])
    coordinator.say("นัดประชุม")
    coordinator.say("ประชุมประจำสัปดาห์")
    coordinator.say("ทุกวันพุธ 9 โมง")
    coordinator.say("ออนไลน์ zoom.us/j/123")
    audience = coordinator.say("ข้าม")
    review = coordinator.tap(audience[-1], labels(audience)[0])
    assert "ยืนยันนัดประชุม" not in labels(review)
    [refusal] = [t for t in texts(review) if "ยืนยันไม่ได้" in t]
    assert "• พ.ย. 2569: นัดนี้ต้องใช้ 10 ข้อความ แต่เหลือ 8 ข้อความ" in refusal, refusal


def test_a_series_is_extended_by_the_clock_as_occurrences_come_within_three_months(
    db, chat, people, emulator, time
):
    coordinator = chat(people["coordinator"])
    job = _confirmed(coordinator, "ทุกวันอังคารแรกของเดือน 13.30 น.", db, emulator, time)
    assert len(_occurrences(db)) == 3
    time.move_to(datetime(2026, 12, 10, 9, 0, tzinfo=BANGKOK))
    job.tick()
    job.tick()  # a second tick (or a second clock) plans nothing twice
    found = _occurrences(db)
    assert [m.starts_at.astimezone(BANGKOK).date().isoformat() for m in found] == [
        "2026-12-01", "2027-01-05", "2027-02-02", "2027-03-02",
    ]  # fmt: skip
    with db.unit_of_work() as session:
        series = session.scalars(select(MeetingSeries)).one()
        assert series.planned_until > datetime(2027, 3, 10, tzinfo=BANGKOK)


def _run(app, *args: str):
    return app.test_cli_runner().invoke(args=list(args))


def test_staff_create_a_repeating_meeting_at_the_terminal_and_end_the_series(app, db):
    app.extensions["bot"].clock.set(lambda: shared.NOW)
    made = _run(app, "meetings", "create", "--title", "ประชุมประจำสัปดาห์", "--every",
                "ทุกวันพุธ", "--at", "09:00", "--place", "ศาลากลาง", "--network", "civil")  # fmt: skip
    assert made.exit_code == 0, made.output
    lines = made.output.splitlines()
    assert lines[0].startswith("series 1: every Wednesday, 09:00; 14 occurrence(s) planned")
    assert lines[1].startswith("  meeting 1: ") and "(announced " in lines[1]
    assert len(lines) == 15
    found = _occurrences(db)
    assert all(m.starts_at.astimezone(BANGKOK).weekday() == 2 for m in found)
    assert all(m.starts_at.astimezone(BANGKOK).strftime("%H:%M") == "09:00" for m in found)

    monthly = _run(app, "meetings", "create", "--title", "ประชุมใหญ่", "--every",
                   "ทุกวันอังคารแรกของเดือน 13.30-16.30 น.", "--link", "https://zoom.us/j/1", "--all")  # fmt: skip
    assert monthly.exit_code == 0, monthly.output
    assert "the first Tuesday of every month, 13:30–16:30; 3 occurrence(s)" in monthly.output
    listed = _run(app, "meetings", "list").output
    assert "series 1" in listed and "series 2" in listed

    bad = _run(app, "meetings", "create", "--title", "x", "--every", "ทุกวันพุธ", "--all",
               "--place", "วัด")  # fmt: skip
    assert bad.exit_code != 0 and "ทุกวันพุธ 9 โมง" in bad.output

    # Cancelling one occurrence leaves the series; cancel-series ends every upcoming one.
    assert _run(app, "meetings", "cancel", "2").exit_code == 0
    ended = _run(app, "meetings", "cancel-series", "1")
    assert ended.output.strip() == "series 1 ended; 13 upcoming occurrence(s) cancelled"
    statuses = {(m.series_id, m.status) for m in _occurrences(db)}
    assert (1, "scheduled") not in statuses and (2, "scheduled") in statuses
    assert _run(app, "meetings", "cancel-series", "1").exit_code != 0  # already ended


def test_cancelling_one_occurrence_in_chat_then_the_whole_series(
    db, chat, people, line, emulator, time
):
    coordinator = chat(people["coordinator"])
    job = _confirmed(coordinator, "ทุกวันพุธ 9 โมง", db, emulator, time)
    assert len(feed(line, people["somsri"])) == 1  # 25 Nov announced; 2 Dec waits for 25 Nov 09:00

    picked = coordinator.say("ยกเลิกประชุม")  # straight to the cancel question
    which = coordinator.tap(picked[-1], "#1 25 พ.ย. 09:00")
    assert texts(which)[0].startswith(
        "การประชุมนี้เป็นประชุมประจำทุกวันพุธ เวลา 09:00 น. ยกเลิกเฉพาะครั้งนี้ หรือทั้งชุดคะ?"
    )
    assert labels(which)[:2] == ["ยกเลิกเฉพาะครั้งนี้", "ยกเลิกทั้งชุด"]
    done = coordinator.tap(which[-1], "ยกเลิกเฉพาะครั้งนี้")
    assert texts(done)[0].startswith("ยกเลิกการประชุม “ประชุมประจำเดือนเครือข่าย” แล้วค่ะ")
    job.tick()
    assert alt_texts(line, people["somsri"])[-1].startswith("❌ ยกเลิกการประชุมแล้วค่ะ")
    assert [m.status for m in _occurrences(db)][:3] == ["cancelled", "scheduled", "scheduled"]

    picked = coordinator.say("ยกเลิกประชุม")  # straight to the cancel question
    which = coordinator.tap(picked[-1], "#2 2 ธ.ค. 09:00")
    done = coordinator.tap(which[-1], "ยกเลิกทั้งชุด")
    assert texts(done)[0].startswith(
        "ยกเลิกประชุมประจำ “ประชุมประจำเดือนเครือข่าย” ทั้งชุดแล้วค่ะ (13 ครั้งที่กำลังจะมาถึง)"
    )
    assert {m.status for m in _occurrences(db)} == {"cancelled"}
    # Nothing more: not the 2 Dec announcement, and the clock plans no new occurrence.
    time.move_to(datetime(2026, 12, 20, 9, 0, tzinfo=BANGKOK))
    job.tick()
    assert len(feed(line, people["somsri"])) == 2
    assert len(_occurrences(db)) == 14


def test_cancelling_one_date_not_yet_announced_tells_those_holding_the_series_card(
    db, chat, people, line, emulator, time
):
    coordinator = chat(people["coordinator"])
    job = _confirmed(coordinator, "ทุกวันพุธ 9 โมง", db, emulator, time)
    assert len(feed(line, people["somsri"])) == 1  # the series' card: 25 Nov announced

    picked = coordinator.say("ยกเลิกประชุม")  # straight to the cancel question
    which = coordinator.tap(picked[-1], "#2 2 ธ.ค. 09:00")
    assert "ยังไม่ได้ส่งประกาศ" not in texts(which)[0]
    assert "น้องคุณธรรมจะแจ้งผู้ได้รับเชิญ" in texts(which)[0]
    done = coordinator.tap(which[-1], "ยกเลิกเฉพาะครั้งนี้")
    assert "ยังไม่ได้ส่งประกาศ" not in texts(done)[0]
    job.tick()
    told = alt_texts(line, people["somsri"])[-1]
    assert told.startswith("❌ ยกเลิกการประชุมแล้วค่ะ") and "2 ธ.ค." in told, told
    assert [m.status for m in _occurrences(db)][:3] == ["scheduled", "cancelled", "scheduled"]
