"""What is kept: nothing but the consent decision before consent; nothing at all after deletion.

Every table the models declare is scanned (features added later are covered without edits here).
"""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from handlers.consent import NOTICE_VERSION
from messages.catalog import catalog
from storage import deliveries, erasure, invites, members
from storage.erasure import Fact, Subject, unlink_after_commit
from storage.models import Delivery, InboxEvent, Lane
from tests.scan import mentions, references, rows_of
from tests.transcripts import converse
from tests.waiting import wait_until

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64 + b"\xff\xd9"
SECRET_WORDS = "บ้านเลขที่ 42 หมู่ 7 โทร 0899999999"


def settled(db) -> bool:
    """Every event handled, every due reply sent, every lane released."""
    now = datetime.now(UTC)
    with db.unit_of_work() as session:
        waiting = session.scalar(
            select(func.count()).select_from(InboxEvent).where(InboxEvent.status == "pending")
        )
        due = session.scalar(
            select(func.count())
            .select_from(Delivery)
            .where(Delivery.status == "pending", Delivery.next_attempt_at <= now)
        )
        held = session.scalar(select(func.count()).select_from(Lane))
    return waiting == 0 and due == 0 and held == 0


def settle(db) -> None:
    wait_until(lambda: settled(db), timeout=15)


def test_before_consent_nothing_is_kept_whatever_they_send(bot_server, line, db):
    user = line.add_user("คนแปลกหน้า")["userId"]
    for payload in (
        {"type": "follow"},
        {"type": "text", "text": SECRET_WORDS},
        {"type": "sticker"},
        {"type": "image", "contentBase64": base64.b64encode(JPEG).decode()},
        {"type": "postback", "data": "s=name&v=สมศรี"},
        {"type": "postback", "data": "cmd=register"},
        {"type": "postback", "data": "%%%garbage=="},
        {"type": "text", "text": "English"},
        {"type": "text", "text": "ข้อมูลของฉัน"},
        {"type": "text", "text": "ลบข้อมูลของฉัน"},
        {"type": "text", "text": "ถอนความยินยอม"},
        {"type": "text", "text": "ABCD-2345"},
        {"type": "unfollow"},
        {"type": "follow"},
    ):
        assert line.send(user, payload)["status"] == 200
    line.wait_for_messages(user, count=12)
    settle(db)
    assert mentions(db, user) == [], rows_of(db, user)
    for typed in (SECRET_WORDS, "0899999999", "สมศรี", "garbage"):
        assert mentions(db, typed) == [], rows_of(db, typed)

    # Declining keeps the decision, and only the decision.
    line.send_postback(user, "consent=no&lang=th")
    line.wait_for_messages(user, count=13)
    settle(db)
    assert mentions(db, user) == ["members.line_user_id"]
    [row] = rows_of(db, user)["members"]
    assert (row["consent_status"], row["consent_version"]) == ("declined", NOTICE_VERSION)
    profile = ("display_name", "network", "organisation", "province", "registered_at")
    assert all(row[column] is None for column in profile)


@pytest.fixture
def photos(monkeypatch, config):
    """A feature plugged into the erasure registry the way a photo store would: files on disk."""
    folder = config.media_dir / "test-photos"
    monkeypatch.setitem(catalog(), "mydata.test_photos",
                        {"th": "• ภาพถ่าย: {count}", "en": "• Photos: {count}"})  # fmt: skip

    def files_of(subject: Subject) -> list:
        return sorted(folder.glob(f"{subject.line_user_id}-*.jpg"))

    def erase(session, subject: Subject) -> int:
        for path in files_of(subject):
            unlink_after_commit(session, path)
        return len(files_of(subject))

    def describe(session, subject: Subject) -> list[Fact]:
        return [Fact("mydata.test_photos", {"count": len(files_of(subject))})]

    erasure.discover()
    monkeypatch.setitem(
        erasure.ERASERS, "test_photos", erasure.Registered("test_photos", erase, 10)
    )
    monkeypatch.setitem(
        erasure.DESCRIBERS, "test_photos", erasure.Registered("test_photos", describe, 10)
    )

    def keep(user_id: str, count: int) -> list:
        folder.mkdir(parents=True, exist_ok=True)
        for n in range(count):
            (folder / f"{user_id}-{n}.jpg").write_bytes(JPEG)
        return sorted(folder.iterdir())

    return keep


def test_after_deleting_my_data_no_row_and_no_photo_refers_to_the_member(
    play, line, db, config, photos
):
    user = line.add_user("สมศรี ใจดี")["userId"]
    other = line.add_user("เพื่อนสมาชิก")["userId"]
    converse(play, user, [
        ("/follow", "[1] ยินยอม"),
        ("1", "[1] สมศรี ใจดี"),
        ("1", "คุณอยู่เครือข่ายไหนคะ"),
        ("1", "สังกัดหน่วยงาน"),
        ("โรงเรียนบ้านป่าซาง", "จังหวัด"),
        ("1", "ภาษา"),
        ("1", "ตรวจสอบข้อมูล"),
        ("1", "ลงทะเบียนเรียบร้อยค่ะ"),
    ])  # fmt: skip
    with db.unit_of_work() as session:
        member_id = members.find(session, user).id
        code, _ = invites.create(session, "coordinator", "civil", datetime.now(UTC))
        later = datetime.now(UTC) + timedelta(hours=1)
        deliveries.enqueue_push(session, user, [{"type": "text", "text": "เตือน"}], later)
        deliveries.enqueue_multicast(session, [user, other], [{"type": "text", "text": "ประชุม"}],
                                     later, dedupe_key="meeting-1")  # fmt: skip
        failed = Delivery(**deliveries._row("push", [user], [{"type": "text", "text": "x"}]))
        failed.status = "failed"
        session.add(failed)
        session.add(InboxEvent(webhook_event_id="failed-1", event_type="message", status="failed",
                               event_timestamp=1, payload=json.dumps({"source": {"userId": user},
                               "message": {"text": SECRET_WORDS}}, ensure_ascii=False)))  # fmt: skip
    kept = photos(user, 2)
    converse(play, user, [
        (f"รหัส {code}", "ตอนนี้คุณเป็นผู้ประสานงานเครือข่ายประชาสังคมคุณธรรมแล้ว"),
        ("/image /dev/null", "บันทึกกิจกรรมพร้อมรูปนี้ไหมคะ?"),
        ("ข้อมูลของฉัน", ("บทบาท: สมาชิก, ผู้ประสานงาน", "• ภาพถ่าย: 2")),
        ("แก้ไขข้อมูล", "อยากให้เรียกชื่อว่าอะไรคะ"),  # left unfinished: a conversation row
        ("ลบข้อมูลของฉัน", "[1] ลบทั้งหมด"),
        ("1", "ลบข้อมูลทั้งหมดของคุณเรียบร้อยแล้วค่ะ"),
    ])  # fmt: skip
    settle(db)
    assert mentions(db, user) == [], rows_of(db, user)
    assert references(db, "members", member_id) == []
    for typed in ("สมศรี ใจดี", "โรงเรียนบ้านป่าซาง", SECRET_WORDS):
        assert mentions(db, typed) == [], rows_of(db, typed)
    assert kept and not any(path.exists() for path in kept)
    assert not [p for p in config.media_dir.rglob("*") if p.is_file()]
    with db.unit_of_work() as session:  # the other member still gets the meeting notice
        [multicast] = session.scalars(select(Delivery).where(Delivery.kind == "multicast")).all()
        assert json.loads(multicast.recipients) == [other]
        assert session.scalar(select(func.count()).select_from(InboxEvent)) > 0  # receipts stay


def test_files_stay_when_the_erasure_is_rolled_back(db, tmp_path):
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(JPEG)
    with pytest.raises(RuntimeError), db.unit_of_work() as session:
        unlink_after_commit(session, photo)
        raise RuntimeError("a later eraser failed")
    assert photo.exists()
    with db.unit_of_work() as session:
        with session.begin_nested():
            unlink_after_commit(session, photo)
        assert photo.exists()  # a savepoint released is not yet a commit
    assert not photo.exists()


def on_disk(database_url: str, needles: tuple[str, ...]) -> dict[str, list[str]]:
    """Which needles can still be read in the SQLite database file and its write-ahead log."""
    path = Path(make_url(database_url).database)
    found = {}
    for file in (path, path.with_name(path.name + "-wal")):
        raw = file.read_bytes() if file.exists() else b""
        hits = [n for n in needles if n.encode() in raw]
        if hits:
            found[file.name] = hits
    return found


def test_messages_after_deleting_my_data_leave_nothing_in_the_database_nor_on_disk(
    play, line, db, database_url
):
    user = line.add_user("ผู้ใช้ที่ลบแล้ว")["userId"]
    converse(play, user, [
        ("/follow", "[1] ยินยอม"),
        ("1", "[1] ผู้ใช้ที่ลบแล้ว"),
        ("ลบข้อมูลของฉัน", "[1] ลบทั้งหมด"),
        ("1", "ลบข้อมูลทั้งหมดของคุณเรียบร้อยแล้วค่ะ"),
    ])  # fmt: skip
    settle(db)
    # Afterwards she asks what is kept, taps ลบทั้งหมด once more, and writes something personal.
    typed = "เบอร์ของฉัน 0861234567 ค่ะ"
    converse(play, user, [
        ("ข้อมูลของฉันค่ะ", "ไม่มีข้อมูลของคุณเก็บไว้ในระบบค่ะ"),
        ("ลบข้อมูลของฉัน", "ไม่มีข้อมูลของคุณเก็บไว้ในระบบ"),
        (typed, ""),
    ])  # fmt: skip
    line.send_postback(user, "cmd=delete_my_data")
    settle(db)
    assert mentions(db, user) == [], rows_of(db, user)
    assert mentions(db, typed) == [], rows_of(db, typed)
    if db.dialect == "sqlite":
        # Made unreadable on disk once the reply is sent (a busy reader defers it to the next
        # sweep of the inbox, INBOX_POLL_SECONDS later).
        needles = (user, typed)
        wait_until(lambda: on_disk(database_url, needles) == {}, timeout=10)
