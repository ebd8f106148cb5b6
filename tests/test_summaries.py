"""สรุปของฉัน for every member, สรุปเครือข่าย for coordinators only, both under the anonymity rule."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from storage import members, reflections
from tests.activity_records import logged
from tests.chatting import Chat, flex_texts, labels, make_router
from tests.flex_check import assert_valid_flex
from tests.members import registered
from tests.test_feedback import NOW, others_answered, rate_all

USER = "U" + "2" * 32


@pytest.fixture(scope="module")
def router():
    return make_router()


def wrote_reflection(db, user_id: str, at: datetime) -> None:
    with db.unit_of_work() as session:
        member = members.find(session, user_id)
        answers = dict.fromkeys(reflections.ANSWERS, "ปลูกป่า")
        reflections.save(session, member, answers, ["results"], None, at)


def test_my_summary_counts_what_i_recorded_and_shows_my_latest_results(db, router):
    registered(db, USER, name="ครูแดง")
    chat = Chat(db, router, USER, now=NOW)
    counts, invite = chat.say("สรุปของฉัน")
    assert "ถอดบทเรียน: 0 เรื่อง" in counts["text"] and "แบบประเมิน 5 หลัก: 0 ครั้ง" in counts["text"]
    assert "ยังไม่เคยทำแบบประเมิน" in invite["text"] and labels([invite]) == ["แบบประเมิน 5 หลัก"]
    wrote_reflection(db, USER, NOW - timedelta(days=40))  # last month
    wrote_reflection(db, USER, NOW - timedelta(days=1))
    logged(db, USER, "ปลูกป่า", date(2026, 10, 10), NOW - timedelta(days=40))
    logged(db, USER, "ค่ายคุณธรรม", date(2026, 11, 20), NOW - timedelta(days=2))
    logged(db, USER, "ทำบุญ", date(2026, 11, 22), NOW - timedelta(days=1))
    # Logged this month, held last month: it counts for the month it was held in.
    logged(db, USER, "งานวัด", date(2026, 10, 30), NOW - timedelta(hours=5))
    rate_all(chat, [2, 3, 4, 5, 1])
    counts, lead, card = chat.say("สรุป")
    assert "กิจกรรมที่บันทึก: 4 รายการ (จัดในเดือนนี้ 2)" in counts["text"]
    assert "ถอดบทเรียน: 2 เรื่อง (เดือนนี้ 1)" in counts["text"]
    assert "แบบประเมิน 5 หลัก: 1 ครั้ง" in counts["text"] and "ล่าสุด" in lead["text"]
    assert_valid_flex(card)
    assert "ผลประเมิน 5 หลักของคุณ" in flex_texts(card) and "4/5" in flex_texts(card)


def test_the_network_summary_is_for_coordinators_only(db, router):
    registered(db, USER)
    refused = Chat(db, router, USER, now=NOW).say("สรุปเครือข่าย")
    assert "ใช้ได้เฉพาะผู้ประสานงานเครือข่าย" in refused[0]["text"]


def network_summary(db, router, roles) -> list[dict]:
    registered(db, USER, name="ผู้ประสานงาน", network="civil", roles=roles)
    return Chat(db, router, USER, now=NOW).say("สรุปเครือข่าย")


def test_a_coordinator_sees_the_month_and_medians_only_from_5_respondents(db, router):
    others_answered(db, [1, 2, 4, 5])  # 4 members answered this quarter
    wrote_reflection(db, "U" + "0" * 32, NOW - timedelta(days=2))
    wrote_reflection(db, "U" + "0" * 31 + "1", NOW - timedelta(days=60))  # an earlier month
    registered(db, "U" + "7" * 32, name="สมาชิกใหม่", network="civil")
    logged(db, "U" + "7" * 32, "ค่าย", date(2026, 11, 3), NOW - timedelta(days=20))
    logged(db, "U" + "7" * 32, "ค่าย", date(2026, 10, 30), NOW - timedelta(days=20))  # held in Oct
    [card] = network_summary(db, router, roles=(("coordinator", "civil"),))
    assert_valid_flex(card)
    shown = flex_texts(card)
    assert shown[0] == "สรุปเครือข่ายประชาสังคมคุณธรรม" and "เดือนนี้ (พ.ย. 2569)" in shown
    assert "• สมาชิกที่มีส่วนร่วม: 5 คน" in shown and "• ถอดบทเรียน: 1 เรื่อง" in shown
    assert "• กิจกรรมที่จัด: 1 รายการ" in shown  # held in November, whenever logged
    assert "ผล 5 หลัก ช่วง ต.ค.–ธ.ค. 2569: ตอบแล้ว 4 คน" in shown
    assert (
        "ค่ากลางเครือข่าย" not in shown and shown.count("ค่ากลาง: ยังไม่แสดง (ผู้ตอบยังไม่ถึงจำนวนขั้นต่ำ)") == 5
    )
    others_answered(db, [3], first=9)
    shown = flex_texts(Chat(db, router, USER, now=NOW).say("สรุปเครือข่าย")[0])
    assert shown.count("ค่ากลางเครือข่าย") == 5 and "3" in shown  # median of 1, 2, 3, 4, 5


def test_staff_and_coordinators_of_every_network_see_each_network(db, router):
    [message] = network_summary(db, router, roles=(("staff", None),))
    assert_valid_flex(message)
    titles = [bubble["header"]["contents"][0]["text"] for bubble in message["contents"]["contents"]]
    assert titles == ["สรุปเครือข่ายประชาสังคมคุณธรรม", "สรุปเครือข่ายเด็กและเยาวชนคุณธรรม",
                      "สรุปเครือข่ายอื่น ๆ"]  # fmt: skip


def test_a_coordinator_of_another_network_does_not_see_ours(db, router):
    others_answered(db, [1, 2, 3, 4, 5])
    [card] = network_summary(db, router, roles=(("coordinator", "youth"),))
    shown = flex_texts(card)
    assert shown[0] == "สรุปเครือข่ายเด็กและเยาวชนคุณธรรม" and "ค่ากลางเครือข่าย" not in shown


def test_the_summary_says_when_the_month_began_in_bangkok(db, router):
    # 1 Dec 00:30 in Bangkok is still 30 Nov in UTC: the month shown is December.
    registered(db, USER, roles=(("coordinator", "civil"),))
    chat = Chat(db, router, USER, now=datetime(2026, 11, 30, 17, 30, tzinfo=UTC))
    assert "เดือนนี้ (ธ.ค. 2569)" in flex_texts(chat.say("สรุปเครือข่าย")[0])
