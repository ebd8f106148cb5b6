"""What the Chiang Rai teacher said in session 10's walk, through the real router."""

from __future__ import annotations

import pytest

from tests.router_chat import Chat


@pytest.mark.parametrize(
    "said",
    [
        "เมื่อวานพาเด็กๆทำกิจกรรมมาค่ะ อยากบันทึกไว้ค่ะ",  # refused with the help card before
        "วันนี้จัดกิจกรรมจิตอาสาค่ะ ขอบันทึกหน่อย",
        "ทำกิจกรรมมาครับ อยากบันทึก",
    ],
)
def test_the_activity_told_first_then_the_wish_to_log_it_starts_logging(db, tmp_path, said):
    chat = Chat(db, tmp_path)
    chat.say(said)
    assert chat.current_flow() is not None and chat.current_flow()[0] == "log_activity", (
        chat.outcome
    )


def test_asking_about_activities_logged_is_not_taken_for_logging_one(db, tmp_path):
    chat = Chat(db, tmp_path)
    chat.say("กิจกรรมที่บันทึกไว้ค่ะ")
    assert chat.current_flow() is None and chat.outcome.startswith("command:my_activities")


@pytest.mark.parametrize("said", ["ขอดูถอดบทเรียนที่ส่งไปค่ะ", "ดูถอดบทเรียนหน่อยค่ะ"])
def test_asking_to_see_her_lessons_shows_her_activities_with_them_not_a_new_one(db, tmp_path, said):
    chat = Chat(db, tmp_path)
    chat.say(said)  # started a new reflection before
    assert chat.current_flow() is None and chat.outcome.startswith("command:my_activities")
