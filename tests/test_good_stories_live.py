"""Over real HTTP through the emulator: staff mark a reflection, its author's LINE shows the
two-button question, the tap is answered, another member reads the story; the quota is shown."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from tests import records
from tests.members import join
from tests.staffweb import csrf, signed_in, try_sign_in

ZONE = ZoneInfo("Asia/Bangkok")
LESSON = "ชวนผู้ปกครองมาช่วยทำให้เด็กกล้าแสดงออก"
MORNING = datetime(2026, 11, 24, 3, 0, tzinfo=UTC)  # 10:00 in Bangkok: requests go out at once


def _texts(found: list[dict]) -> str:
    return json.dumps([m.get("message", m) for m in found], ensure_ascii=False)


def test_the_author_is_asked_on_line_and_the_reader_sees_the_story(bot_server, line, db):
    line.set_quota(1000, total_usage=100)
    bot_server.app.extensions["bot"].clock.set(lambda: MORNING)
    author, reader = join(line, db, "ครูดาว"), join(line, db, "น้องอ้อย")
    reflection_id = records.reflection(db, author, lesson=LESSON)
    client = signed_in(bot_server.app, db)
    form = {"csrf_token": csrf(client, f"/staff/reflections/{reflection_id}"),
            "kind": "reflection", "record_id": reflection_id}  # fmt: skip
    assert client.post("/staff/stories/mark", data=form).status_code == 302
    [question] = line.wait_for_messages(author, count=1)
    shown = _texts([question])
    assert '"confirm"' in shown and "อนุญาต" in shown and "ไม่อนุญาต" in shown
    allow = json.loads(shown)[0]["template"]["actions"][0]
    since = line.messages(author)["next"]
    line.send_postback(author, allow["data"])
    assert "ขอบคุณมากค่ะ" in _texts(line.wait_for_messages(author, since=since))
    since = line.messages(reader)["next"]
    line.send_text(reader, "ขอดูเรื่องเล่าดีๆ ค่ะ")
    assert "ตอนนี้มี 1 เรื่อง" in _texts(line.wait_for_messages(reader, since=since))
    page = client.get("/staff/stories").get_data(as_text=True)
    assert "อนุญาตให้แบ่งปัน" in page and "ส่งถึงสมาชิก 2 คน" in page
    assert (
        "โควตา พ.ย. 2569: เหลือ 899 จาก 1000 ข้อความ (ส่งไปแล้ว 101 · วางแผนส่งไว้ 0)" in page
    )  # 1000 - 100 - the question pushed (replies are free)


def test_the_approved_digest_reaches_members_who_did_not_opt_out(bot_server, line, db):
    line.set_quota(1000)
    bot_server.app.extensions["bot"].clock.set(lambda: MORNING)
    author, reader, quiet = (join(line, db, name) for name in ("ครูดาว", "น้องอ้อย", "ลุงมี"))
    records.reflection(db, author, lesson=LESSON)
    client = signed_in(bot_server.app, db)
    form = {"csrf_token": csrf(client, "/staff/reflections/1"), "kind": "reflection",
            "record_id": 1}  # fmt: skip
    client.post("/staff/stories/mark", data=form)
    [question] = line.wait_for_messages(author, count=1)
    line.send_postback(author, question["message"]["template"]["actions"][0]["data"])
    line.send_text(quiet, "ไม่รับเรื่องเล่ารายเดือนค่ะ")
    assert "หยุดส่งสรุป" in _texts(line.wait_for_messages(quiet, count=1))
    bot = bot_server.app.extensions["bot"]
    shared = bot.clock().astimezone(ZONE)
    later = (shared.replace(day=1) + timedelta(days=32)).replace(day=2, hour=10, minute=0)
    bot.clock.set(lambda: later)  # 10:00 on the 2nd of the next month, in Bangkok
    assert try_sign_in(client).status_code == 302  # a month idle ended the session
    form = {"csrf_token": csrf(client, "/staff/stories"), "month": f"{shared:%Y-%m}"}
    assert client.post("/staff/stories/digest", data=form).status_code == 302
    since = {user: line.messages(user)["next"] for user in (author, reader, quiet)}
    result = bot_server.app.test_cli_runner().invoke(args=["nudges", "story-digest"])
    assert "for 2 member(s)" in result.output, result.output
    for user in (author, reader):
        got = _texts(line.wait_for_messages(user, since=since[user]))
        assert "เรื่องเล่าดีๆ ประจำเดือน" in got and "มี 1 เรื่องใหม่" in got
    assert line.messages(quiet, since=since[quiet])["messages"] == []
