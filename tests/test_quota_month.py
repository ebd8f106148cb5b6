"""One account of LINE's monthly quota on every screen (issue 12, item 1): the preview, the
confirmation, the remind button, the delivery report and the staff digest page say the same
numbers; a repeating meeting is costed month by month and refused only for a month it overfills."""

# The fixtures come from the meeting transcripts' module; pytest passes them by these names.
# ruff: noqa: F811

from __future__ import annotations

from datetime import datetime

import pytest

from bot import create_app
from handlers.quota_month import month_start
from tests.meetings import BANGKOK, clock_job, labels, texts
from tests.staffweb import signed_in
from tests.test_meeting_chat import (  # noqa: F401 - fixtures shared with the meeting transcripts
    NOW,
    chat,
    people,
    router,
    schedule_in_chat,
    time,
)


@pytest.fixture
def staff_app(config, emulator, time):
    """The staff web on the transcripts' clock, its LINE (for the quota) the emulator."""
    application = create_app(config.with_changes(api_base_url=emulator.url))
    application.extensions["bot"].clock.set(time)
    yield application
    application.extensions["bot"].close()


def _quota_lines(message: dict) -> list[str]:
    return [line for line in message["text"].splitlines() if line.startswith("โควตา ")]


def _staff_quota_line(client) -> str:
    page = client.get("/staff/stories").get_data(as_text=True)
    [line] = [part.strip() for part in page.split("<br>")[1:2]]
    return line.split("</p>")[0]


def test_every_screen_says_the_same_months_quota(db, chat, people, line, emulator, time, staff_app):
    line.set_quota(300, total_usage=10)
    staff = signed_in(staff_app, db)
    coordinator = chat(people["coordinator"])
    # 30 Nov 13:30 to 3 invitees (the organiser is not sent her own): announcement, day before,
    # hour before (3 each), summary (1). Reminding those who have not answered: 3 (not her).
    review = schedule_in_chat(coordinator, when="30 พ.ย. 69 13.30 น.")
    before = "โควตา พ.ย. 2569: เหลือ 290 จาก 300 ข้อความ (ส่งไปแล้ว 10 · วางแผนส่งไว้ 0)"
    assert _quota_lines(review[-1]) == [before]
    assert _staff_quota_line(staff) == before

    [done] = coordinator.tap(review[-1], "ยืนยันนัดประชุม")
    planned = "โควตา พ.ย. 2569: เหลือ 280 จาก 300 ข้อความ (ส่งไปแล้ว 10 · วางแผนส่งไว้ 10)"
    assert done["text"].splitlines()[-1] == planned
    [report] = coordinator.say("รายงานการส่ง")
    assert _quota_lines(report) == [planned]
    [ask] = coordinator.tap(report, "เตือนคนที่ยังไม่ตอบ")
    assert ask["text"].splitlines()[-2:] == ["ใช้ 3 ข้อความ", planned]
    assert _staff_quota_line(staff) == planned

    # The clock announces: three messages move from planned to sent, and what is left stays.
    clock_job(db, emulator.url, time).tick()
    sent = "โควตา พ.ย. 2569: เหลือ 280 จาก 300 ข้อความ (ส่งไปแล้ว 13 · วางแผนส่งไว้ 7)"
    [report] = coordinator.say("รายงานการส่ง")
    assert _quota_lines(report) == [sent]
    [ask] = coordinator.tap(report, "เตือนคนที่ยังไม่ตอบ")
    assert ask["text"].splitlines()[-1] == sent
    assert _staff_quota_line(staff) == sent


def _series_review(coordinator) -> list[dict]:
    coordinator.say("นัดประชุม")
    coordinator.say("ประชุมประจำเดือนเครือข่าย")
    coordinator.say("ทุกวันอังคารแรกของเดือน 13.30 น.")
    coordinator.say("ห้องประชุมเทศบาลเชียงราย")
    audience = coordinator.say("ติดตามกิจกรรม")
    return coordinator.tap(audience[-1], labels(audience)[0])


def test_a_series_across_month_ends_is_costed_per_month_and_refused_only_for_the_month_over(
    chat, people, line
):
    # 1/12, 5/1 and 2/2 for 3 invitees. November: the first announcement, its day-before and
    # summary (7); December: its hour-before and the second announcement (6); January: the
    # second's other sends and the third announcement (10); February: the rest (7).
    line.set_quota(9, total_usage=0)
    coordinator = chat(people["coordinator"])
    review = _series_review(coordinator)
    summary = review[-1]["text"]
    assert (
        "ผู้รับ 3 คน (ไม่รวมคุณ) ใช้ประมาณ 30 ข้อความ: พ.ย. 2569: 7 ข้อความ, ธ.ค. 2569: 6 ข้อความ, "
        "ม.ค. 2570: 10 ข้อความ, ก.พ. 2570: 7 ข้อความ" in summary
    ), summary
    assert _quota_lines(review[-1]) == [
        "โควตา พ.ย. 2569: เหลือ 9 จาก 9 ข้อความ (ส่งไปแล้ว 0 · วางแผนส่งไว้ 0)",
        "โควตา ธ.ค. 2569: เหลือ 9 จาก 9 ข้อความ (วางแผนส่งไว้ 0 ถ้าแพ็กเกจยังเท่าเดิม)",
        "โควตา ม.ค. 2570: เหลือ 9 จาก 9 ข้อความ (วางแผนส่งไว้ 0 ถ้าแพ็กเกจยังเท่าเดิม)",
        "โควตา ก.พ. 2570: เหลือ 9 จาก 9 ข้อความ (วางแผนส่งไว้ 0 ถ้าแพ็กเกจยังเท่าเดิม)",
    ]
    # Only January is over, and only January is named.
    [refusal] = [t for t in texts(review) if "ยืนยันไม่ได้" in t]
    assert refusal.splitlines()[:2] == [
        "ขออภัยค่ะ โควตาข้อความไม่พอใน ม.ค. 2570 จึงยืนยันไม่ได้",
        "• ม.ค. 2570: นัดนี้ต้องใช้ 10 ข้อความ แต่เหลือ 9 ข้อความ",
    ]
    assert "ยืนยันนัดประชุม" not in labels(review)
    assert texts(coordinator.say("ยืนยันนัดประชุม"))[0] == (
        "ขออภัยค่ะ โควตาข้อความไม่พอใน ม.ค. 2570 จึงยืนยันไม่ได้"
    )

    # With room in every month (the plan was raised) it is confirmed, and the confirmation says
    # each month's quota with the series' sends planned.
    line.set_quota(300, total_usage=0)
    [done] = coordinator.say("ยืนยันนัดประชุม")
    assert done["text"].splitlines()[1:] == [
        "โควตา พ.ย. 2569: เหลือ 293 จาก 300 ข้อความ (ส่งไปแล้ว 0 · วางแผนส่งไว้ 7)",
        "โควตา ธ.ค. 2569: เหลือ 294 จาก 300 ข้อความ (วางแผนส่งไว้ 6 ถ้าแพ็กเกจยังเท่าเดิม)",
        "โควตา ม.ค. 2570: เหลือ 290 จาก 300 ข้อความ (วางแผนส่งไว้ 10 ถ้าแพ็กเกจยังเท่าเดิม)",
        "โควตา ก.พ. 2570: เหลือ 293 จาก 300 ข้อความ (วางแผนส่งไว้ 7 ถ้าแพ็กเกจยังเท่าเดิม)",
    ]


def test_lines_month_turns_at_midnight_in_japan_not_in_bangkok():
    # LINE dates its message counts in UTC+9: 22:30 in Bangkok on 30 Nov is already December.
    assert month_start(datetime(2026, 11, 30, 21, 59, tzinfo=BANGKOK)).month == 11
    assert month_start(datetime(2026, 11, 30, 22, 0, tzinfo=BANGKOK)).month == 12
    assert NOW.month == 11
