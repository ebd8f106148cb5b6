"""A meeting that has ended reads "ผ่านไปแล้ว" on the pages and in the export, by the bot's clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.exporting import read_csv
from tests.meetings import many_members, schedule
from tests.staffweb import csrf, signed_in, try_sign_in

NOW = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)


def _statuses(client) -> dict[str, str]:
    form = {"csrf_token": csrf(client, "/staff/export"), "kind": "meetings", "format": "csv"}
    rows = read_csv(client.post("/staff/export", data=form).data)
    header = rows[0]
    title, status = header.index("หัวข้อ"), header.index("สถานะ")
    return {row[title]: row[status] for row in rows[1:]}


def test_an_ended_meeting_is_past_while_a_coming_one_is_scheduled(app, db):
    many_members(db, 2)
    start = NOW + timedelta(days=1)
    ids = {
        "ไม่มีเวลาจบ": schedule(db, start, NOW, title="ไม่มีเวลาจบ"),
        "จบช้า": schedule(db, start, NOW, title="จบช้า", ends_at=start + timedelta(hours=5)),
        "ยังไม่ถึง": schedule(db, NOW + timedelta(days=3), NOW, title="ยังไม่ถึง"),
    }
    app.extensions["bot"].clock.set(
        lambda: start + timedelta(hours=3)
    )  # 2 h after: the first ended
    client = signed_in(app, db)
    assert _statuses(client) == {"ไม่มีเวลาจบ": "ผ่านไปแล้ว", "จบช้า": "นัดไว้", "ยังไม่ถึง": "นัดไว้"}
    assert "ผ่านไปแล้ว" in client.get(f"/staff/meetings/{ids['ไม่มีเวลาจบ']}").get_data(as_text=True)
    assert "ผ่านไปแล้ว" not in client.get(f"/staff/meetings/{ids['จบช้า']}").get_data(as_text=True)
    assert client.get("/staff/meetings").get_data(as_text=True).count("ผ่านไปแล้ว") == 1
    app.extensions["bot"].clock.set(lambda: start + timedelta(hours=6))
    client = app.test_client()  # the idle session ended with the clock's jump: sign in again
    assert try_sign_in(client).status_code == 302
    assert _statuses(client)["จบช้า"] == "ผ่านไปแล้ว"
