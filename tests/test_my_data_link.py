"""The download link (ข้อมูลของฉัน): it never shows the LINE id, and a wrong or expired one says so
in Thai (with an English line) and how to get a new one."""

from __future__ import annotations

import base64
import contextlib
import re
import zlib
from datetime import UTC, datetime, timedelta

from bot.my_data_web import make_token
from storage import members
from tests.members import registered
from tests.transcripts import converse

USER = "U" + "8d01" * 8


def _decodings(token: str) -> list[bytes]:
    """Every way a reader could decode the token's parts: base64 (padded), and zlib if packed."""
    found = [token.encode()]
    for part in token.split("."):
        try:
            raw = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
        except ValueError:
            continue
        found.append(raw)
        with contextlib.suppress(zlib.error):
            found.append(zlib.decompress(raw))
    return found


def test_the_link_in_chat_carries_no_line_id_in_any_decoding(play, line, db):
    user = line.add_user("สมใจ")["userId"]
    converse(play, user, [
        ("/follow", "[1] ยินยอม"),
        ("1", "[1] สมใจ"),
    ])  # fmt: skip
    shown = converse(play, user, [("ข้อมูลของฉัน", "/my-data/")])
    [url] = re.findall(r"\S+/my-data/(\S+)", shown)
    assert url and all(user.encode() not in d for d in _decodings(url))
    assert b'"m"' in b"".join(_decodings(url))  # the member row and expiry are what it names


def test_a_link_never_names_the_user_whatever_the_member(db, config):
    registered(db, USER)
    with db.unit_of_work() as session:
        member_id = members.find(session, USER).id
    token = make_token(config.staff_secret_key, member_id, USER, datetime(2026, 12, 5, tzinfo=UTC))
    for decoded in _decodings(token):
        assert USER.encode() not in decoded and b"8d01" not in decoded


def test_the_download_page_names_the_member_role_as_the_chat_does(app, db, config, play, line):
    user = line.add_user("ครูสมใจ")["userId"]
    registered(db, user, name="ครูสมใจ")
    shown = converse(play, user, [("ข้อมูลของฉัน", "บทบาท: สมาชิก")])
    [token] = re.findall(r"\S+/my-data/(\S+)", shown)
    client = app.test_client()
    page = client.get(f"/my-data/{token}").get_data(as_text=True)
    roles = page.split("บทบาท", 1)[1]
    assert "สมาชิก" in roles[:600] and "ไม่มี" not in roles[:200]
    assert [r["role"] for r in client.get(f"/my-data/{token}/data.json").get_json()["roles"]] == [
        "member"
    ]


def test_a_wrong_or_expired_link_says_so_in_thai_and_how_to_get_a_new_one(app, db, config):
    registered(db, USER)
    with db.unit_of_work() as session:
        member_id = members.find(session, USER).id
    client = app.test_client()
    now = app.extensions["bot"].clock()
    good = make_token(config.staff_secret_key, member_id, USER, now)
    assert client.get(f"/my-data/{good}").status_code == 200
    expired = make_token(config.staff_secret_key, member_id, USER, now - timedelta(days=2))
    for path, status, problem in (
        (f"/my-data/{good[:-3]}xyz", 404, "ลิงก์นี้ไม่ถูกต้อง"),
        (f"/my-data/{good[:-3]}xyz/data.json", 404, "ลิงก์นี้ไม่ถูกต้อง"),
        (f"/my-data/{expired}", 410, "ลิงก์นี้หมดอายุแล้ว"),
        (f"/my-data/{expired}/photos.zip", 410, "ลิงก์นี้หมดอายุแล้ว"),
    ):
        response = client.get(path)
        page = response.get_data(as_text=True)
        assert response.status_code == status, path
        assert problem in page and "พิมพ์ “ข้อมูลของฉัน”" in page, page
        assert "type “my data”" in page and '<html lang="th">' in page
        assert "Not Found" not in page and "Gone" not in page
