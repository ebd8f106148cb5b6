"""Over real HTTP through the emulator: staff mark a reflection, its author's LINE shows the
two-button question, the tap is answered, another member reads the story; the quota is shown."""

from __future__ import annotations

import json

from tests import records
from tests.members import join
from tests.staffweb import csrf, signed_in

LESSON = "ชวนผู้ปกครองมาช่วยทำให้เด็กกล้าแสดงออก"


def _texts(found: list[dict]) -> str:
    return json.dumps([m.get("message", m) for m in found], ensure_ascii=False)


def test_the_author_is_asked_on_line_and_the_reader_sees_the_story(bot_server, line, db):
    line.set_quota(1000, total_usage=100)
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
    assert "โควตาที่เหลือเดือนนี้: 899" in page  # 1000 - 100 - the question pushed (replies are free)
