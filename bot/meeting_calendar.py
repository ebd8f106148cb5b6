"""Add a meeting to a calendar: a signed `.ics` link served here, and a Google Calendar link.

GET /calendar/<token>.ics  the meeting as an iCalendar event (time zone included), no login

The token names the meeting and when the link stops working; it is signed with the staff secret
key, so a changed meeting id or expiry is refused. The event is built from the meeting as it is
when the link is opened: a moved meeting gives its new time, a cancelled one says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode, urlsplit
from zoneinfo import ZoneInfo

from flask import Blueprint, Response, current_app, render_template_string
from icalendar import Calendar, Event, Timezone
from itsdangerous import BadSignature, URLSafeSerializer

from messages.catalog import text
from storage import meetings
from storage.models.meetings import CANCELLED, Meeting

_SALT = "meeting-calendar"
# A link works until this long after the meeting starts (members look back at what they joined).
LINK_LIFETIME_AFTER_START = timedelta(days=30)
# A meeting given without an end is put in calendars as this long (Google Calendar's own default).
DEFAULT_LENGTH = timedelta(hours=1)
GOOGLE = "https://calendar.google.com/calendar/render"
MAX_URI = 1000  # LINE refuses a button whose address is longer
# LINE opens links in its own browser, which cannot hand a calendar file to the phone's calendar.
EXTERNAL = "openExternalBrowser=1"

blueprint = Blueprint("meeting_calendar", __name__)


def _serializer(secret: str) -> URLSafeSerializer:
    return URLSafeSerializer(secret, salt=_SALT)


def expires_at(meeting: Meeting) -> datetime:
    return meeting.starts_at + LINK_LIFETIME_AFTER_START


def make_token(secret: str, meeting: Meeting) -> str:
    """Sign a link to one meeting's calendar file that stops working after expires_at()."""
    return _serializer(secret).dumps({"m": meeting.id, "e": int(expires_at(meeting).timestamp())})


def ends_at(meeting: Meeting) -> datetime:
    return meeting.ends_at or meeting.starts_at + DEFAULT_LENGTH


def _details(meeting: Meeting) -> str:
    return "\n".join(line for line in (meeting.agenda, meeting.link) if line)


def google_url(meeting: Meeting) -> str:
    """A Google Calendar "add event" address, shortened (details first) to fit LINE's 1000."""
    stamp = "%Y%m%dT%H%M%SZ"
    dates = (
        f"{meeting.starts_at.astimezone(UTC):{stamp}}/{ends_at(meeting).astimezone(UTC):{stamp}}"
    )
    title, details = meeting.title, _details(meeting)
    location = meeting.place or meeting.link or ""
    while True:
        fields = {"action": "TEMPLATE", "text": title, "dates": dates}
        fields.update({k: v for k, v in (("details", details), ("location", location)) if v})
        address = f"{GOOGLE}?{urlencode(fields, safe='/')}"  # dates=START/END, as Google writes it
        if len(address) <= MAX_URI:
            return address
        # Percent-encoded Thai takes 9 characters a letter: drop what matters least first.
        if details:
            details = details[: len(details) // 2] if len(details) > 20 else ""
        elif len(location) > 40:
            location = location[: len(location) // 2]
        else:
            title = title[: max(len(title) // 2, 1)]


@dataclass(frozen=True)
class CalendarLinks:
    """Builds a meeting's two calendar links from the bot's secret key and public address."""

    secret: str
    web_url: str

    @classmethod
    def from_config(cls, config) -> CalendarLinks | None:
        if config is None or not getattr(config, "staff_secret_key", None):
            return None
        return cls(config.staff_secret_key, config.web_url)

    def ics_url(self, meeting: Meeting) -> str:
        return f"{self.web_url}/calendar/{make_token(self.secret, meeting)}.ics?{EXTERNAL}"

    def for_meeting(self, meeting: Meeting) -> dict[str, str] | None:
        """{"ics": ..., "google": ...} for a stored meeting; None for one not yet stored."""
        if not meeting.id:
            return None
        return {"ics": self.ics_url(meeting), "google": google_url(meeting)}


def links_for(config, meeting: Meeting) -> dict[str, str] | None:
    """The calendar links of a meeting card, or None when the bot has no key to sign them."""
    links = CalendarLinks.from_config(config)
    return links.for_meeting(meeting) if links else None


def ics_bytes(meeting: Meeting, zone: ZoneInfo, host: str, now: datetime) -> bytes:
    """The meeting as an iCalendar file: one event in the bot's time zone, its VTIMEZONE included."""
    calendar = Calendar()
    calendar.add("prodid", "-//Nong Kuntham//meetings//TH")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add_component(Timezone.from_tzid(zone.key))
    event = Event()
    event.add("uid", f"meeting-{meeting.id}@{host}")
    event.add("dtstamp", now.astimezone(UTC))
    event.add("dtstart", meeting.starts_at.astimezone(zone))
    event.add("dtend", ends_at(meeting).astimezone(zone))
    event.add("summary", meeting.title)
    if location := meeting.place or meeting.link:
        event.add("location", location)
    if meeting.link:
        event.add("url", meeting.link)
    if details := _details(meeting):
        event.add("description", details)
    # Seconds since it was created only grow with each change: calendars take the newest copy.
    created, updated = meeting.created_at, meeting.updated_at or meeting.created_at
    event.add("sequence", max(int((updated - created).total_seconds()), 0) if created else 0)
    event.add("status", "CANCELLED" if meeting.status == CANCELLED else "CONFIRMED")
    calendar.add_component(event)
    return calendar.to_ical()


PAGE = """<!doctype html>
<html lang="th"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}</style>
</head><body><h1>{{ title }}</h1><p>{{ body }}</p><p lang="en"><small>{{ english }}</small></p>
</body></html>
"""


def _refusal(status: int, key: str) -> Response:
    days = LINK_LIFETIME_AFTER_START.days
    html = render_template_string(
        PAGE,
        title=text(f"{key}.title", "th"),
        body=text(f"{key}.body", "th", days=days),
        english=text(f"{key}.body", "en", days=days),
    )
    return Response(
        html, status=status, mimetype="text/html", headers={"Cache-Control": "no-store"}
    )


@blueprint.get("/calendar/<token>.ics")
def ics(token: str) -> Response:
    bot = current_app.extensions["bot"]
    try:
        claim = _serializer(bot.config.staff_secret_key).loads(token)
    except BadSignature:
        return _refusal(403, "calendar.refused")
    if not isinstance(claim, dict) or not isinstance(claim.get("m"), int):
        return _refusal(403, "calendar.refused")
    if claim.get("e", 0) <= bot.clock().timestamp():
        return _refusal(410, "calendar.expired")
    with bot.db.unit_of_work() as session:
        meeting = meetings.get(session, claim["m"])
        if meeting is None:
            return _refusal(404, "calendar.gone")
        host = urlsplit(bot.config.web_url).hostname or "localhost"
        body = ics_bytes(meeting, bot.config.zone, host, bot.clock())
    return Response(
        body,
        mimetype="text/calendar",
        headers={"Content-Disposition": f'attachment; filename="meeting-{claim["m"]}.ics"',
                 "Cache-Control": "no-store"},
    )  # fmt: skip
