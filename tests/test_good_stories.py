"""Good practice shared back: staff mark two reflections, one author allows and one refuses;
only the allowed story is in เรื่องเล่าดีๆ and in the monthly digest, without its author's name."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.story_asks import queue_story_asks
from bot.story_digest import queue_digests
from storage import erasure, members
from storage import staff as accounts
from storage.models import Delivery
from storage.models.stories import SharedStory
from tests import records
from tests.flex_check import assert_valid_flex, problems
from tests.router_chat import Chat
from tests.staffweb import EMAIL, csrf, signed_in, try_sign_in

ZONE = ZoneInfo("Asia/Bangkok")
NEXT_MONTH = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)  # 10:00 in Bangkok, the month after
MORNING = datetime(2026, 11, 24, 3, 0, tzinfo=UTC)  # 10:00 in Bangkok, as in the chats
NIGHT = datetime(2026, 11, 23, 20, 8, tzinfo=UTC)  # 03:08 in Bangkok
GRANTED_LESSON = "ชวนผู้ปกครองมาช่วยทำให้เด็กกล้าแสดงออก"
REFUSED_LESSON = "ทำบัญชีครัวเรือนทุกบ้านช่วยลดหนี้"


def _name(db, chat: Chat, name: str) -> None:
    with db.unit_of_work() as session:
        members.find(session, chat.user).display_name = name


def _asked(db, user: str) -> dict:
    """The push that asked this author for permission: a confirm template with two buttons."""
    with db.unit_of_work() as session:
        rows = session.scalars(
            select(Delivery).where(Delivery.kind == "push", Delivery.dedupe_key.like("story-ask:%"))
        ).all()
        found = [json.loads(r.messages)[0] for r in rows if user in json.loads(r.recipients)]
    assert len(found) == 1
    return found[0]


def _mark(client, kind: str, record_id: int):
    token = csrf(client, f"/staff/{kind}s/{record_id}")
    form = {"csrf_token": token, "kind": kind, "record_id": record_id}
    return client.post("/staff/stories/mark", data=form)


def _two_authors_answered(app, db, tmp_path):
    allows, refuses, reader = Chat(db, tmp_path), Chat(db, tmp_path), Chat(db, tmp_path)
    _name(db, allows, "ครูดาวเรือง")
    _name(db, refuses, "ลุงมีสุข")
    app.extensions["bot"].clock.set(lambda: MORNING)
    granted = records.reflection(db, allows.user, lesson=GRANTED_LESSON)
    refused = records.reflection(db, refuses.user, lesson=REFUSED_LESSON)
    client = signed_in(app, db)
    for record_id in (granted, refused):
        response = _mark(client, "reflection", record_id)
        assert response.status_code == 302
    page = client.get(f"/staff/reflections/{granted}").get_data(as_text=True)
    assert "รอเจ้าของเรื่องตอบ" in page and "ส่งคำขออนุญาต" not in page
    asked = _asked(db, allows.user)
    assert problems(asked) == []  # LINE would accept the question as sent
    question = asked["template"]
    assert question["type"] == "confirm" and "แบ่งปัน" in question["text"]
    allow, deny = question["actions"]
    assert (allow["label"], deny["label"]) == ("อนุญาต", "ไม่อนุญาต")
    allows.postback(allow["data"])
    assert "ขอบคุณมากค่ะ" in allows.text() and allows.labels()[:2] == [
        "ใส่ชื่อของฉันด้วย",
        "ไม่ต้องใส่ชื่อ",
    ]
    allows.tap("ไม่ต้องใส่ชื่อ")
    assert "โดยไม่ใส่ชื่อ" in allows.text()
    refuses.postback(_asked(db, refuses.user)["template"]["actions"][1]["data"])
    assert "จะไม่แบ่งปัน" in refuses.text()
    return allows, refuses, reader, client


def test_only_the_allowed_story_is_shown_without_its_authors_name(app, db, tmp_path):
    allows, refuses, reader, client = _two_authors_answered(app, db, tmp_path)
    reader.say("ขอดูเรื่องเล่าดีๆ ค่ะ")
    assert "ตอนนี้มี 1 เรื่อง" in reader.text()
    assert "หลักคุณธรรมร่วม: 1 เรื่อง" in reader.text()
    reader.tap("หลักคุณธรรมร่วม")
    assert_valid_flex(reader.messages[0])
    assert all(problems(message) == [] for message in reader.messages)
    shown = json.dumps(reader.messages, ensure_ascii=False)
    assert GRANTED_LESSON in shown and REFUSED_LESSON not in shown
    assert "ครูดาวเรือง" not in shown and "โดยสมาชิก" in shown
    reader.say("ตัวอย่างดีๆ")
    assert "ตอนนี้มี 1 เรื่อง" in reader.text()
    listing = client.get("/staff/stories").get_data(as_text=True)
    assert "อนุญาตให้แบ่งปัน · ไม่แสดงชื่อ" in listing and "ไม่อนุญาต" in listing


def test_the_author_may_show_their_name_then_withdraw(app, db, tmp_path):
    allows, _, reader, _ = _two_authors_answered(app, db, tmp_path)
    allows.say("เรื่องเล่าของฉัน")
    assert "แบ่งปันอยู่ (ไม่ใส่ชื่อ)" in allows.text()
    with db.unit_of_work() as session:
        story = session.scalars(select(SharedStory).where(SharedStory.status == "granted")).one()
    allows.postback(f"cmd=share_answer&s={story.id}&a=named")
    reader.say("เรื่องเล่าดีๆ")
    reader.tap("หลักคุณธรรมร่วม")
    assert "ครูดาวเรือง" in json.dumps(reader.messages, ensure_ascii=False)
    allows.say("เรื่องเล่าของฉัน")
    allows.tap("ถอน")
    assert "ถอน" in allows.text() and "ออกจากเรื่องเล่าดีๆ แล้ว" in allows.text()
    reader.say("เรื่องเล่าดีๆ")
    assert "ยังไม่มีเรื่องเล่าดีๆ" in reader.text()


def test_someone_elses_story_cannot_be_answered(app, db, tmp_path):
    allows, refuses, reader, _ = _two_authors_answered(app, db, tmp_path)
    with db.unit_of_work() as session:
        story = session.scalars(select(SharedStory).where(SharedStory.status == "granted")).one()
    reader.postback(f"cmd=share_answer&s={story.id}&a=no")
    assert "ไม่พบเรื่องนี้" in reader.text()
    reader.say("เรื่องเล่าดีๆ")
    assert "ตอนนี้มี 1 เรื่อง" in reader.text()


def test_the_digest_holds_only_the_allowed_story_after_staff_saw_the_quota(app, db, tmp_path):
    allows, refuses, reader, client = _two_authors_answered(app, db, tmp_path)
    reader.say("ไม่รับเรื่องเล่ารายเดือนค่ะ")
    assert "หยุดส่งสรุป" in reader.text()
    app.extensions["bot"].clock.set(lambda: NEXT_MONTH)
    assert try_sign_in(client).status_code == 302  # a week idle ended the session
    page = client.get("/staff/stories").get_data(as_text=True)
    assert "เรื่องที่เริ่มแบ่งปันในเดือน พ.ย. 2569: 1 เรื่อง" in page
    assert "ส่งถึงสมาชิก 2 คน" in page and "โควตา ธ.ค. 2569: ตอนนี้ตรวจโควตาจาก LINE ไม่ได้" in page
    with db.unit_of_work() as session:
        assert queue_digests(session, NEXT_MONTH, ZONE) == 0  # nothing before staff approve
    form = {"csrf_token": csrf(client, "/staff/stories"), "month": "2026-11"}
    assert client.post("/staff/stories/digest", data=form).status_code == 302
    assert "อนุมัติแล้วเมื่อ" in client.get("/staff/stories").get_data(as_text=True)
    with db.unit_of_work() as session:
        assert queue_digests(session, NEXT_MONTH, ZONE) == 2
        assert queue_digests(session, NEXT_MONTH, ZONE) == 0  # sent once
        [digest] = session.scalars(
            select(Delivery).where(Delivery.dedupe_key.like("story-digest:%"))
        ).all()
    to = set(json.loads(digest.recipients))
    assert to == {allows.user, refuses.user}  # the reader opted out
    assert problems(json.loads(digest.messages)[0]) == []
    body = json.loads(digest.messages)[0]["text"]
    assert body.startswith("เรื่องเล่าดีๆ ประจำเดือนพ.ย. 2569")
    assert "มี 1 เรื่องใหม่" in body and REFUSED_LESSON not in body


def test_a_scoped_account_cannot_approve_the_digest(app, db, tmp_path):
    *_, client = _two_authors_answered(app, db, tmp_path)
    app.extensions["bot"].clock.set(lambda: NEXT_MONTH)
    assert try_sign_in(client).status_code == 302  # a week idle ended the session
    with db.unit_of_work() as session:
        accounts.set_scope(session, accounts.find(session, EMAIL), ["เชียงราย"], [])
    assert "บัญชีที่เห็นเฉพาะบางจังหวัด" in client.get("/staff/stories").get_data(as_text=True)
    form = {"csrf_token": csrf(client, "/staff/stories"), "month": "2026-11"}
    assert client.post("/staff/stories/digest", data=form).status_code == 403


def test_my_data_tells_and_erasure_removes_the_stories(app, db, tmp_path):
    allows, *_ = _two_authors_answered(app, db, tmp_path)
    allows.say("ไม่รับเรื่องเล่ารายเดือน")
    with db.unit_of_work() as session:
        subject = erasure.subject_of(session, allows.user)
        keys = [fact.key for fact in erasure.describe_member(session, subject)]
        assert "mydata.stories" in keys and "mydata.story_item.granted" in keys
        assert "mydata.story_digest_off" in keys
        removed = erasure.erase_member(session, allows.user)
    assert removed["shared_stories"] == 1
    with db.unit_of_work() as session:
        assert session.scalars(select(SharedStory)).all()[0].status == "refused"


def _asks(db) -> list[Delivery]:
    with db.unit_of_work() as session:
        stmt = select(Delivery).where(Delivery.dedupe_key.like("story-ask:%"))
        return list(session.scalars(stmt))


def test_marked_at_night_the_author_is_asked_at_eight(app, db, tmp_path):
    author = Chat(db, tmp_path)
    record_id = records.reflection(db, author.user, lesson=GRANTED_LESSON)
    app.extensions["bot"].clock.set(lambda: NIGHT)
    client = signed_in(app, db)
    response = _mark(client, "reflection", record_id)
    assert response.status_code == 302
    assert _asks(db) == []  # nothing pushed at 03:08
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "จะส่งคำขอเวลา 08:00 น." in page and "ส่งคำขออนุญาตถึงเจ้าของเรื่องในแชตแล้ว" not in page
    before_eight = datetime(2026, 11, 24, 0, 59, tzinfo=UTC)  # 07:59 in Bangkok
    with db.unit_of_work() as session:
        assert queue_story_asks(session, before_eight, ZONE) == 0
    eight = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)
    with db.unit_of_work() as session:
        assert queue_story_asks(session, eight, ZONE) == 1
    with db.unit_of_work() as session:
        assert queue_story_asks(session, eight, ZONE) == 0  # asked once
    [ask] = _asks(db)
    assert ask.created_at.astimezone(ZONE).hour == 8 and author.user in ask.recipients
    assert "แบ่งปัน" in _asked(db, author.user)["template"]["text"]
    page = client.get(f"/staff/reflections/{record_id}").get_data(as_text=True)
    assert "จะส่งคำขอเวลา 08:00 น." not in page and "รอเจ้าของเรื่องตอบ" in page
