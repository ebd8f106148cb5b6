"""A member types a one-time invite code to take a role: once, before it expires, by one person."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from storage import invites, members
from storage.db import Database
from storage.models.invites import Invite
from tests.members import join, registered
from tests.transcripts import converse


def make(db, role: str = "coordinator", network: str | None = "civil", days_ago: int = 0) -> str:
    with db.unit_of_work() as session:
        made = datetime.now(UTC) - timedelta(days=days_ago)
        code, _ = invites.create(session, role, network, made)
    return code


def roles_of(db, user_id: str) -> list[tuple[str, str | None]]:
    with db.unit_of_work() as session:
        return sorted((r.role, r.network) for r in members.find(session, user_id).roles)


def test_a_code_gives_its_role_once_in_thai(play, line, db):
    first, second = join(line, db, "สมศรี"), join(line, db, "ครูแดง")
    code, spare = make(db), make(db)
    converse(play, first, [
        ("รหัส", "พิมพ์ รหัส ตามด้วยรหัสเชิญ 8 ตัว"),
        (f"รหัส {invites.shown(code).lower()} ค่ะ", (
            "ตอนนี้คุณเป็นผู้ประสานงานเครือข่ายประชาสังคมคุณธรรมแล้ว", "[1] บันทึกกิจกรรม")),
        (spare, "คุณเป็นผู้ประสานงานเครือข่ายประชาสังคมคุณธรรมอยู่แล้วค่ะ รหัสนี้จึงยังไม่ถูกใช้"),
    ])  # fmt: skip
    converse(play, second, [
        (invites.shown(code), "รหัสนี้ไม่ถูกต้อง ถูกใช้ไปแล้ว หรือหมดอายุ"),
        (f"รหัสเชิญ: {spare}", "ตอนนี้คุณเป็นผู้ประสานงาน"),  # the spare was not used up
    ])  # fmt: skip
    assert roles_of(db, first) == roles_of(db, second) == [("coordinator", "civil")]


def test_a_staff_code_in_english_and_an_expired_one(play, line, db):
    user = join(line, db, "Somchai", language="en")
    expired = make(db, "coordinator", "youth", days_ago=15)
    staff = make(db, "staff", None)
    converse(play, user, [
        (f"code {expired}", "Sorry, that code is wrong, already used or expired."),
        ("ABCD-2345", "Sorry, that code is wrong"),  # looks like a code, is none
        (f"Code: {invites.shown(staff)}", "Done 🎉 You are now Moral Center staff."),
    ])  # fmt: skip
    assert roles_of(db, user) == [("staff", None)]


def test_someone_not_registered_registers_first_and_the_code_stays(play, line, db):
    user = line.add_user("คนใหม่")["userId"]
    code = make(db)
    converse(play, user, [
        ("/follow", "[1] ยินยอม"),
        ("1", "อยากให้เรียกชื่อว่าอะไรคะ"),
        ("ยกเลิก", "ยกเลิก “ลงทะเบียน”"),
        (f"รหัส {code}", "อยากให้เรียกชื่อว่าอะไรคะ"),
    ])  # fmt: skip
    with db.unit_of_work() as session:
        [invite] = session.scalars(select(Invite)).all()
        assert invite.used_at is None and members.find(session, user).roles == []


def test_two_members_typing_one_code_at_the_same_moment_only_one_gets_it(db):
    users = [f"U{n:032x}" for n in range(6)]
    for user in users:
        registered(db, user)
    code = make(db, "staff", None)
    outcomes: list[str] = []
    barrier = threading.Barrier(len(users))

    def take(user: str) -> None:
        database = Database(db.url)
        barrier.wait()
        with database.unit_of_work() as session:
            member = members.find(session, user)
            outcomes.append(invites.take(session, code, member, datetime.now(UTC)).outcome)
        database.dispose()

    threads = [threading.Thread(target=take, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["granted"] + ["invalid"] * (len(users) - 1)
    assert sum(roles_of(db, user) == [("staff", None)] for user in users) == 1


@given(st.text(alphabet=invites.ALPHABET, min_size=8, max_size=8))
def test_any_code_reads_back_however_it_is_typed(code):
    typed = f" {code[:4].lower()} - {code[4:]} "
    assert invites.clean(typed) == code
    assert invites.clean("O" + code[1:]) is None and invites.clean(code[:7]) is None
    assert invites.CODE.fullmatch(invites.new_code())
