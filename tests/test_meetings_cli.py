"""Staff at a terminal: flask meetings create/list/cancel/report and monthly prompts the clock sends."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from storage.models.meetings import Meeting, RecurringPrompt, Reminder
from tests.meetings import BANGKOK, FakeTime, alt_texts, clock_job, feed, texts
from tests.members import join


def run(app, *args: str):
    return app.test_cli_runner().invoke(args=list(args))


def in_days(days: int, at: str = "13:30") -> str:
    return f"{(datetime.now(BANGKOK) + timedelta(days=days)).date()} {at}"


def test_staff_schedule_a_meeting_for_a_network_from_the_terminal(app, db):
    result = run(app, "meetings", "create", "--title", "ประชุมใหญ่", "--at", in_days(5, "10:00"),
                 "--link", "https://meet.example/abc", "--network", "civil", "--agenda", "สรุปผล")  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("meeting 1 scheduled for ") and lines[0].endswith(" 10:00")
    assert [line.split(":")[0].strip() for line in lines[1:]] == [
        "announcement",
        "day_before",
        "hour_before",
    ]
    assert lines[2].endswith(" 09:00") and lines[3].endswith(" 09:00")
    with db.unit_of_work() as session:
        meeting = session.scalars(select(Meeting)).one()
        assert (
            meeting.starts_at.astimezone(BANGKOK).hour == 10
        )  # Bangkok, whatever the machine's zone
        assert (meeting.networks, meeting.organiser_id, meeting.agenda) == ("civil", None, "สรุปผล")


def test_the_terminal_refuses_what_cannot_be_scheduled(app, db):
    cases = [
        (
            ["--link", "https://x.example", "--place", "วัด", "--all"],
            "exactly one of --link or --place",
        ),
        (["--place", "วัด"], "--network (one or more) or --all"),
        (["--place", "วัด", "--all", "--at", "2020-01-01 10:00"], "that time has passed"),
        (["--place", "วัด", "--all", "--at", "9 ส.ค. 64"], "YYYY-MM-DD HH:MM"),
        (["--place", "วัด", "--network", "nowhere"], "unknown network 'nowhere'"),
        (["--place", "วัด", "--all", "--reminders", "weekly"], "unknown reminder 'weekly'"),
    ]
    for extra, problem in cases:
        args = ["meetings", "create", "--title", "ประชุม"]
        args += extra if "--at" in extra else [*extra, "--at", in_days(3)]
        result = run(app, *args)
        assert result.exit_code != 0 and problem in result.output, (extra, result.output)
    with db.unit_of_work() as session:
        assert session.scalars(select(Meeting)).first() is None


def test_list_cancel_and_report_a_meeting(app, db, emulator, line):
    # By day: at night the announcement and the notice would wait for 08:00 (storage.daytime).
    today = FakeTime(datetime.now(BANGKOK).replace(hour=10, minute=0, second=0, microsecond=0))
    app.extensions["bot"].clock.set(today)
    somsri, somchai = join(line, db, "สมศรี"), join(line, db, "สมชาย")
    run(
        app,
        "meetings",
        "create",
        "--title",
        "ประชุมใหญ่",
        "--at",
        in_days(4),
        "--place",
        "ศาลากลาง",
        "--all",
    )
    line.add_fault(path="/v2/bot/message/multicast", status=400,
                   body={"message": "The request body has 1 error(s)"}, times=1)  # fmt: skip
    clock_job(db, emulator.url, today).tick()
    listed = run(app, "meetings", "list").output
    assert "\tประชุมใหญ่\tall\tyes 0 no 0 maybe 0" in listed
    report = run(app, "meetings", "report", "1", "--lang", "en").output.splitlines()
    assert report[0].startswith("📊 Delivery report: “ประชุมใหญ่”")
    assert report[1].endswith("sent 0 · failed 2 · sending 0")
    assert report[2] == "   Failed 2: LINE refused this message (not retried)"  # a code in words
    assert report[-2:] == [
        "RSVPs: coming 0 · not coming 0 · maybe 0 · no answer 2",
        "   No answer yet: สมศรี, สมชาย",
    ]
    assert feed(line, somsri) == []

    cancelled = run(app, "meetings", "cancel", "1")
    assert cancelled.output.strip() == "meeting 1 cancelled; invitees will be told"
    clock_job(db, emulator.url, today).tick()
    assert texts(feed(line, somchai))[0].startswith("❌ ยกเลิกการประชุมแล้วค่ะ")
    assert run(app, "meetings", "list").output.strip() == "no upcoming meetings"
    assert run(app, "meetings", "cancel", "1").exit_code != 0
    thai = run(app, "meetings", "report", "1").output
    assert "(ยกเลิกแล้ว)" in thai and "• แจ้งยกเลิก" in thai and "ส่งแล้ว 2" in thai
    with db.unit_of_work() as session:
        statuses = {r.kind: r.status for r in session.scalars(select(Reminder))}
    assert statuses == {"announcement": "queued", "day_before": "withdrawn", "hour_before": "withdrawn",
                        "cancel": "queued"}  # fmt: skip


def test_a_monthly_prompt_is_stored_and_sent_by_the_clock_on_its_day(app, db, emulator, line):
    member = join(line, db, "สมศรี")
    english = join(line, db, "John", language="en")
    youth = join(line, db, "น้องฟ้า", network="youth")
    added = run(app, "prompts", "add", "--day", "25", "--at", "18:00", "--network", "civil",
                "--text", "อย่าลืมบันทึกกิจกรรมและถอดบทเรียนของเดือนนี้นะคะ",
                "--text-en", "Please log this month's activities and lessons.")  # fmt: skip
    assert added.output.strip() == "prompt 1: day 25 at 18:00"
    assert "day 25 at 18:00\tcivil\tactive" in run(app, "prompts", "list").output
    with db.unit_of_work() as session:
        session.scalars(select(RecurringPrompt)).one().created_at = datetime(
            2026, 11, 24, tzinfo=BANGKOK
        )
    time = FakeTime(datetime(2026, 11, 24, 12, 0, tzinfo=BANGKOK))
    jobs = [clock_job(db, emulator.url, time) for _ in range(2)]
    for job in jobs:
        job.tick()
    time.move_to(datetime(2026, 11, 25, 17, 59, tzinfo=BANGKOK))
    jobs[0].tick()
    assert feed(line, member) == []
    time.move_to(datetime(2026, 11, 25, 18, 0, tzinfo=BANGKOK))
    for job in jobs:
        job.tick()
    [prompt] = feed(line, member)
    assert prompt["text"] == "อย่าลืมบันทึกกิจกรรมและถอดบทเรียนของเดือนนี้นะคะ"
    assert prompt["quickReply"]["items"][0]["action"]["label"] == "บันทึกกิจกรรม"
    assert alt_texts(line, english) == ["Please log this month's activities and lessons."]
    assert feed(line, youth) == []
    with db.unit_of_work() as session:
        planned = [
            (r.due_at.astimezone(BANGKOK), r.status)
            for r in session.scalars(select(Reminder).order_by(Reminder.due_at))
        ]
    assert planned == [(datetime(2026, 11, 25, 18, 0, tzinfo=BANGKOK), "queued"),
                       (datetime(2026, 12, 25, 18, 0, tzinfo=BANGKOK), "pending")]  # fmt: skip
    assert run(app, "prompts", "stop", "1").output.strip() == "prompt 1 stopped"
    time.move_to(datetime(2026, 12, 25, 18, 0, tzinfo=BANGKOK))
    jobs[0].tick()
    assert len(feed(line, member)) == 1
