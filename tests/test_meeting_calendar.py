"""A meeting's add-to-calendar links: the signed .ics opens in a calendar parser in Bangkok time,
a tampered or expired link is refused with a Thai page, Google's link fits LINE, the card stays valid.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
from itsdangerous import URLSafeSerializer

from bot.meeting_calendar import CalendarLinks, google_url, make_token
from bot.reminders import ReminderJob
from messages.meetings import card
from storage import meetings
from storage.models.meetings import Meeting
from tests.flex_check import assert_valid_flex
from tests.meetings import BANGKOK, FakeTime, clock_job, feed, schedule
from tests.members import join

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=BANGKOK)
START = datetime(2026, 12, 8, 13, 30, tzinfo=BANGKOK)  # a Tuesday
END = datetime(2026, 12, 8, 16, 30, tzinfo=BANGKOK)


@pytest.fixture
def web(app):
    """The bot's web app on the test's clock, and a function giving a meeting's .ics path."""
    bot = app.extensions["bot"]
    time = FakeTime(NOW)
    bot.clock.set(time)
    links = CalendarLinks.from_config(bot.config)

    def path_of(meeting_id: int) -> str:
        with bot.db.unit_of_work() as session:
            url = links.ics_url(meetings.get(session, meeting_id))
        return url.removeprefix(bot.config.web_url)

    return app.test_client(), time, path_of, bot


def _event(body: bytes):
    calendar = icalendar.Calendar.from_ical(body)
    [event] = calendar.walk("VEVENT")
    return calendar, event


def test_the_ics_opens_in_a_calendar_parser_at_the_right_bangkok_times(web, db):
    client, _, path_of, bot = web
    meeting_id = schedule(db, START, NOW, ends_at=END, title="ประชุมเครือข่ายประจำเดือนธันวาคม",
                          link=None, place="ศาลากลางจังหวัดเชียงราย ห้อง 2",
                          agenda="ติดตามกิจกรรมเดือนพฤศจิกายน")  # fmt: skip
    response = client.get(path_of(meeting_id))
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    assert "attachment" in response.headers["Content-Disposition"]
    raw = response.data.decode()
    assert "DTSTART;TZID=Asia/Bangkok:20261208T133000" in raw
    assert "DTEND;TZID=Asia/Bangkok:20261208T163000" in raw
    calendar, event = _event(response.data)
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Asia/Bangkok"
    assert event["DTSTART"].params["TZID"] == "Asia/Bangkok"
    assert event.decoded("DTSTART") == START and event.decoded("DTEND") == END
    assert event.decoded("DTSTART").astimezone(UTC) == datetime(2026, 12, 8, 6, 30, tzinfo=UTC)
    assert str(event["SUMMARY"]) == "ประชุมเครือข่ายประจำเดือนธันวาคม"
    assert str(event["LOCATION"]) == "ศาลากลางจังหวัดเชียงราย ห้อง 2"
    assert "ติดตามกิจกรรมเดือนพฤศจิกายน" in str(event["DESCRIPTION"])
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["UID"]) == f"meeting-{meeting_id}@127.0.0.1"


def test_a_meeting_without_an_end_lasts_an_hour_and_its_link_is_the_location(web, db):
    client, _, path_of, _ = web
    meeting_id = schedule(db, START, NOW)  # Zoom, no end
    _, event = _event(client.get(path_of(meeting_id)).data)
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(hours=1)
    assert str(event["LOCATION"]) == str(event["URL"]) == "https://zoom.us/j/123456"


def test_the_same_link_gives_the_moved_time_then_says_cancelled(web, db):
    client, time, path_of, _ = web
    meeting_id = schedule(db, START, NOW)
    path = path_of(meeting_id)
    _, before = _event(client.get(path).data)
    time.advance(hours=2)
    moved = datetime(2026, 12, 9, 9, 0, tzinfo=BANGKOK)
    with db.unit_of_work() as session:
        meetings.change(session, meetings.get(session, meeting_id), {"starts_at": moved}, time(),
                        BANGKOK)  # fmt: skip
    _, after = _event(client.get(path).data)
    assert after.decoded("DTSTART") == moved
    assert after["SEQUENCE"] > before["SEQUENCE"]
    with db.unit_of_work() as session:
        meetings.cancel(session, meetings.get(session, meeting_id), time(), BANGKOK)
    _, cancelled = _event(client.get(path).data)
    assert str(cancelled["STATUS"]) == "CANCELLED"


def test_a_tampered_link_is_refused_with_a_thai_page(web, db):
    client, _, path_of, bot = web
    first, second = schedule(db, START, NOW), schedule(db, START, NOW, title="ประชุมลับ")
    path = path_of(first)
    token = path.removeprefix("/calendar/").split(".ics")[0]
    payload, signature = token.rsplit(".", 1)
    # The first character: the last one's low bits are padding, and may decode the same.
    changed = ("A" if signature[0] != "A" else "B") + signature[1:]
    # Another meeting's id with the first one's signature; a token signed with another key.
    other_id = URLSafeSerializer("x", salt="meeting-calendar").dumps({"m": second, "e": 1})
    forged = make_token("another-secret-key-of-at-least-32-characters", meetings.Meeting(
        id=second, starts_at=START))  # fmt: skip
    for bad in (f"{payload}.{changed}", f"{other_id.rsplit('.', 1)[0]}.{signature}", forged, "x"):
        response = client.get(f"/calendar/{bad}.ics")
        assert response.status_code == 403, bad
        assert response.mimetype == "text/html"
        page = response.data.decode()
        assert "ลิงก์ไม่ถูกต้อง" in page and 'lang="th"' in page
        assert "BEGIN:VCALENDAR" not in page


def test_an_expired_link_gets_410_with_a_thai_page_and_a_deleted_meeting_404(web, db):
    client, time, path_of, _ = web
    meeting_id = schedule(db, START, NOW)
    path = path_of(meeting_id)
    time.move_to(START + timedelta(days=29))
    assert client.get(path).status_code == 200
    time.move_to(START + timedelta(days=30, seconds=1))
    response = client.get(path)
    assert response.status_code == 410
    assert "ลิงก์หมดอายุแล้ว" in response.data.decode()
    assert "30 วันหลังวันประชุม" in response.data.decode()
    time.move_to(NOW)
    with db.unit_of_work() as session:
        session.delete(meetings.get(session, meeting_id))
    response = client.get(path)
    assert response.status_code == 404 and "ไม่พบการประชุมนี้" in response.data.decode()


def _meeting(**fields) -> Meeting:
    values = dict(id=7, title="ประชุมเครือข่ายประจำเดือน", starts_at=START, ends_at=END,
                  link="https://zoom.us/j/98765", place=None, agenda="ติดตามกิจกรรม",
                  audience="networks", networks="civil", plan="announcement")  # fmt: skip
    values.update(fields)
    return Meeting(**values)


def test_the_google_link_carries_the_title_utc_times_details_and_place():
    query = parse_qs(urlsplit(google_url(_meeting(place="วัดบ้านดอย"))).query)
    assert urlsplit(google_url(_meeting())).netloc == "calendar.google.com"
    assert query["action"] == ["TEMPLATE"]
    assert query["text"] == ["ประชุมเครือข่ายประจำเดือน"]
    assert query["dates"] == ["20261208T063000Z/20261208T093000Z"]
    assert query["location"] == ["วัดบ้านดอย"]
    assert query["details"] == ["ติดตามกิจกรรม\nhttps://zoom.us/j/98765"]


def test_the_longest_meeting_still_gets_links_that_fit_and_a_card_line_accepts():
    longest = _meeting(title="ป" * 200, agenda="ว" * 1000, place="ส" * 300,
                       link="https://zoom.us/j/" + "9" * 480)  # fmt: skip
    address = google_url(longest)
    assert len(address) <= 1000
    assert parse_qs(urlsplit(address).query)["dates"] == ["20261208T063000Z/20261208T093000Z"]
    links = CalendarLinks("k" * 48, "https://bot.example.org").for_meeting(longest)
    for language in ("th", "en"):
        message = card(longest, BANGKOK, language, "📅 นัดประชุม", answer="no", note="หมายเหตุ",
                       calendar=links)  # fmt: skip
        assert_valid_flex(message)
        uris = [b["action"]["uri"] for b in message["contents"]["footer"]["contents"]
                if b["action"]["type"] == "uri"]  # fmt: skip
        assert uris[1:] == [links["ics"], links["google"]]
        assert links["ics"].startswith("https://bot.example.org/calendar/")
        assert links["ics"].endswith(".ics?openExternalBrowser=1")


def test_a_draft_not_yet_stored_gets_no_links():
    assert CalendarLinks("k" * 48, "https://bot.example.org").for_meeting(_meeting(id=0)) is None


def test_the_announcement_members_receive_carries_both_links_and_line_accepts_it(
    db, emulator, line
):
    somsri = join(line, db, "สมศรี")
    time = FakeTime(NOW)
    job = clock_job(db, emulator.url, time)
    links = CalendarLinks("k" * 48, "https://bot.example.org")
    job = ReminderJob(db, job.sender, BANGKOK, time, job.grace, links)
    meeting_id = schedule(db, START, NOW, plan="announcement")
    job.tick()
    [received] = feed(line, somsri)  # the emulator checks it as strictly as LINE
    labels = {b["action"]["label"]: b["action"] for b in received["contents"]["footer"]["contents"]}
    assert {"เข้าร่วม", "ไม่สะดวก", "ยังไม่แน่ใจ", "เข้าห้องประชุม", "📅 ลงปฏิทิน", "Google ปฏิทิน"} == set(
        labels
    )
    assert f'"m":{meeting_id}' not in labels["📅 ลงปฏิทิน"]["uri"]  # signed, not spelled out
    assert labels["Google ปฏิทิน"]["uri"].startswith("https://calendar.google.com/calendar/render?")
    assert_valid_flex(received)


def test_my_meetings_cards_carry_the_links_too(db, emulator, line):
    from bot.config import Config
    from handlers import handler_modules
    from handlers.registry import build_registry
    from handlers.router import Router
    from tests.conftest import SECRET, TOKEN
    from tests.meetings import Chat

    somsri = join(line, db, "สมศรี")
    schedule(db, START, NOW, plan="announcement")
    config = Config(channel_secret=SECRET, access_token=TOKEN, public_url="https://bot.example.org")
    chat = Chat(db, Router(build_registry(handler_modules())), somsri, FakeTime(NOW), None, config)
    [carousel, _] = chat.say("ประชุมของฉัน")
    assert_valid_flex(carousel)
    [bubble] = carousel["contents"]["contents"]
    uris = [b["action"].get("uri", "") for b in bubble["footer"]["contents"]]
    assert any(u.startswith("https://bot.example.org/calendar/") for u in uris)
    assert any(u.startswith("https://calendar.google.com/calendar/render?") for u in uris)
