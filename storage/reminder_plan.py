"""When a meeting's reminders go out: parse a plan like "announcement,day_before@09:00" and date it."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from storage.daytime import is_daytime, next_morning

DEFAULT_PLAN = "announcement,day_before@09:00,hour_before:60,rsvp_summary@18:00"
KINDS = ("announcement", "day_before", "hour_before", "rsvp_summary")
# A day-before reminder this close after the announcement would only repeat it.
MIN_GAP_AFTER_ANNOUNCEMENT = timedelta(hours=2)
# A notice held for the morning must still leave members this long before the meeting starts.
USEFUL_BEFORE_START = timedelta(hours=1)
_ITEM = re.compile(
    r"^(announcement|day_before@\d{2}:\d{2}|rsvp_summary@\d{2}:\d{2}|hour_before:\d{1,4})$"
)


class PlanError(ValueError):
    """A reminder plan that cannot be read; the message says which part."""


@dataclass(frozen=True)
class PlanItem:
    kind: str
    at: time | None = None  # day_before and rsvp_summary: local time on the day before
    minutes: int | None = None  # hour_before: minutes before the start


def _clock_time(text: str) -> time:
    hours, minutes = (int(part) for part in text.split(":"))
    if hours > 23 or minutes > 59:
        raise PlanError(f"not a time of day: {text!r}")
    return time(hours, minutes)


def parse_plan(spec: str) -> list[PlanItem]:
    """Read a comma-separated plan; refuse unknown items, repeats and zero-minute reminders."""
    items: list[PlanItem] = []
    for raw in (part.strip() for part in spec.split(",")):
        if not raw:
            continue
        if not _ITEM.match(raw):
            raise PlanError(
                f"unknown reminder {raw!r}: use announcement, day_before@HH:MM, "
                "hour_before:MINUTES or rsvp_summary@HH:MM"
            )
        if raw == "announcement":
            item = PlanItem("announcement")
        elif raw.startswith("hour_before:"):
            minutes = int(raw.split(":", 1)[1])
            if not 1 <= minutes <= 24 * 60:
                raise PlanError(f"hour_before takes 1 to 1440 minutes, got {minutes}")
            item = PlanItem("hour_before", minutes=minutes)
        else:
            kind, at = raw.split("@")
            item = PlanItem(kind, at=_clock_time(at))
        if any(existing.kind == item.kind for existing in items):
            raise PlanError(f"{item.kind} is planned twice")
        items.append(item)
    return items


def day_before(starts_at: datetime, at: time, zone: ZoneInfo) -> datetime:
    """Return `at` (local time) on the local day before the meeting, as an aware datetime."""
    local_day = starts_at.astimezone(zone).date() - timedelta(days=1)
    return datetime.combine(local_day, at, tzinfo=zone)


def send_at(kind: str, due: datetime, starts_at: datetime | None, zone: ZoneInfo) -> datetime:
    """When a send planned for `due` really goes: at night (storage.daytime) it waits for 08:00,
    unless it is time-critical. Time-critical, and why:

    - hour_before: it is tied to the start; a 07:30 meeting's 06:30 reminder is useless at 08:00.
    - day_before in the evening: its words say "tomorrow", wrong once midnight has passed (and
      then skipped as day_passed), so it goes as planned; in the small hours it waits for 08:00,
      still the day before.
    - any send about a meeting that starts before that 08:00 plus USEFUL_BEFORE_START
      (announcement, change, cancellation, the organiser's reminder or summary): told that
      late is told too late.

    Everything else (announcements, change notices, summaries, monthly prompts: `starts_at`
    None) is not urgent and waits for the morning.
    """
    if is_daytime(due, zone) or kind == "hour_before":
        return due
    morning = next_morning(due, zone)
    if kind == "day_before" and morning.date() != due.astimezone(zone).date():
        return due
    if starts_at is not None and morning + USEFUL_BEFORE_START > starts_at:
        return due
    return morning


def due_times(
    spec: str,
    starts_at: datetime,
    now: datetime,
    zone: ZoneInfo,
    announced_at: datetime | None = None,
) -> list[tuple[str, datetime]]:
    """Date each planned reminder (night sends held for the morning, see send_at); leave out
    those already past or not before the start.

    `announced_at` (when replanning after a change) is when the announcement was planned.
    """  # fmt: skip
    planned: list[tuple[str, datetime]] = []
    announced = send_at("announcement", announced_at or now, starts_at, zone)
    for item in parse_plan(spec):
        if item.kind == "announcement":
            planned.append(("announcement", announced))
            continue
        if item.kind == "hour_before":
            due = starts_at - timedelta(minutes=item.minutes or 0)
        else:
            due = send_at(
                item.kind, day_before(starts_at, item.at or time(9), zone), starts_at, zone
            )
        if not now < due < starts_at:
            continue
        if item.kind == "day_before" and due - announced < MIN_GAP_AFTER_ANNOUNCEMENT:
            continue
        planned.append((item.kind, due))
    return planned


def next_monthly(day: int, at: str, after: datetime, zone: ZoneInfo) -> datetime:
    """Return the first `day` of a month at `at` (local) strictly after `after`; 31 means the last day."""
    clock = _clock_time(at)
    local = after.astimezone(zone)
    year, month = local.year, local.month
    for _ in range(14):
        last = calendar.monthrange(year, month)[1]
        candidate = datetime(year, month, min(day, last), clock.hour, clock.minute, tzinfo=zone)
        if candidate > after:
            return candidate
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    raise AssertionError("unreachable: a month within 14 always qualifies")
