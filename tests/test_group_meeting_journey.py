"""A meeting announced to a LINE group, end to end: the emulator, the real web process (gunicorn)
and the real clock process, on the real clock.

A coordinator links her LINE group in the group, schedules a meeting for it in her private chat;
the clock posts the card in the group; two members tap its buttons (LINE sends the button's words
as theirs) and a third types "ไปไม่ได้ค่ะ ติดธุระ" in the group. Her delivery report names each.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from storage.models.meetings import Rsvp
from tests.activities.chat import Phone, _actions, texts
from tests.members import join
from tests.processes import bot_env, by_day_env, clock, free_port, gunicorn
from tests.waiting import wait_until

pytestmark = pytest.mark.slow

GROUP = "C" + "5a" * 16
GROUP_NAME = "ครูคุณธรรม"  # a quick-reply label holds 20 characters
TITLE = "ประชุมกลุ่มครูคุณธรรม"
QUOTA = re.compile(
    r"^โควตา \S+ \d{4}: เหลือ (?P<left>\d+) จาก 1000 ข้อความ "
    r"\(ส่งไปแล้ว (?P<sent>\d+) · วางแผนส่งไว้ (?P<planned>\d+)\)$"
)


def in_group(line, user_id: str, words: str) -> dict:
    """Say `words` in the group as this member (what tapping a card's button sends, too)."""
    source = {"type": "group", "groupId": GROUP, "userId": user_id}
    answer = line.send(user_id, {"type": "text", "text": words, "source": source})
    assert answer["status"] == 200, answer
    return answer


def button(card: dict, label: str) -> str:
    """The words a button of the group's card sends as the member who taps it."""
    [action] = [
        b["action"] for b in card["contents"]["footer"]["contents"] if b["action"]["label"] == label
    ]
    assert action["type"] == "message"
    return action["text"]


def group_feed(line) -> list[dict]:
    return [item["message"] for item in line.messages(GROUP)["messages"]]


def answered(db) -> int:
    with db.unit_of_work() as session:
        return len(session.scalars(select(Rsvp)).all())


def test_a_group_answers_a_meeting_on_its_card_and_in_words_and_the_report_names_them(
    emulator, line, database_url, db, tmp_path
):
    port = free_port()
    # At night the card waits for 08:00 (quiet hours): the web and the clock then run by day.
    env = by_day_env(bot_env(emulator.url, database_url, port, INBOX_POLL_SECONDS="0.3",
                             CLOCK_POLL_SECONDS="1"))  # fmt: skip
    web = gunicorn(port, env, tmp_path / "web.log", workers=1)
    ticking = clock(env, tmp_path / "clock.log")
    emulator.state.webhook_url = f"http://127.0.0.1:{port}/callback"
    try:
        line.set_quota(1000)
        coordinator = join(line, db, "สมใจ", roles=(("coordinator", "civil"),))
        somsri, somchai, somying = (join(line, db, n) for n in ("สมศรี", "สมชาย", "สมหญิง"))
        line.set_group(GROUP, GROUP_NAME, (coordinator, somsri, somchai, somying))

        in_group(line, coordinator, "ผูกกลุ่มนัดประชุม")
        wait_until(lambda: any("ผูกกลุ่มนี้" in texts([m]) for m in group_feed(line)), timeout=15)

        phone = Phone(line, coordinator)
        phone.say("นัดประชุม")
        phone.say(TITLE)
        phone.say("พรุ่งนี้ 9 โมง")
        phone.say("ห้องประชุมโรงเรียนบ้านห้วยไคร้")
        asked = phone.say("ข้าม")
        # The group by its name, from LINE's group summary.
        assert f"กลุ่ม {GROUP_NAME}" in [a.get("label") for a in _actions(asked)]
        review = texts(phone.tap(f"กลุ่ม {GROUP_NAME}"))
        assert f"ผู้รับ: กลุ่ม {GROUP_NAME}" in review
        assert f"บันทึกนัด “{TITLE}” แล้วค่ะ" in texts(phone.tap("ยืนยันนัดประชุม"))

        # The clock process posts the card in the group.
        def card() -> dict | None:
            posted = [m for m in group_feed(line) if m.get("type") == "flex"]
            return posted[0] if posted else None

        wait_until(lambda: card() is not None, timeout=20)
        posted = card()
        assert posted["altText"].startswith(f"📅 นัดประชุม\n{TITLE}")

        in_group(line, somsri, button(posted, "เข้าร่วม"))
        in_group(line, somchai, button(posted, "ยังไม่แน่ใจ"))
        before = len(group_feed(line))
        in_group(line, somying, "ไปไม่ได้ค่ะ ติดธุระ")
        wait_until(lambda: answered(db) == 3, timeout=15)
        # The typed answer names no meeting: the bot says back, once, what it recorded.
        wait_until(lambda: len(group_feed(line)) > before, timeout=10)
        said = texts(group_feed(line)[before:])
        assert said.startswith("รับทราบค่ะ บันทึกคำตอบของคุณสมหญิง: ไม่สะดวก “" + TITLE), said

        lines = texts(phone.say("รายงานการส่ง")).splitlines()
        assert "ตอบรับ: เข้าร่วม 1 · ไม่สะดวก 1 · ยังไม่แน่ใจ 1 · ยังไม่ตอบ 0" in lines, lines
        for named in (
            "   เข้าร่วม ได้แก่ สมศรี",
            "   ไม่สะดวก ได้แก่ สมหญิง",
            "   ยังไม่แน่ใจ ได้แก่ สมชาย",
        ):
            assert named in lines, lines
        # The card cost one message per member of the group (LINE's count); what is left is the
        # month's limit less what was sent and what is still planned (real clock: any month).
        [quota] = [m for m in map(QUOTA.match, lines) if m and m["sent"] != "0"]
        assert int(quota["sent"]) == 4, lines
        assert int(quota["left"]) + int(quota["planned"]) == 1000 - 4, lines
    finally:
        ticking.stop()
        web.stop()
