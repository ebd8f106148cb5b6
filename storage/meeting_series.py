"""Repository of repeating meetings: plan the next occurrences (~3 months), extend, cancel.

Each occurrence is an ordinary meeting (its own RSVPs, reminders, changes). The first is
announced at once; each later one a week before it starts, so members are not sent a quarter's
cards in one go.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from storage import meetings
from storage.erasure import Fact, Subject, describer, eraser
from storage.models.meeting_series import ACTIVE, ENDED, MeetingSeries
from storage.models.meetings import SCHEDULED, Meeting, Reminder
from storage.recurrence_rule import HORIZON, Recurrence

ANNOUNCE_AHEAD = timedelta(days=7)


@dataclass(frozen=True)
class Template:
    """What every occurrence copies."""

    title: str
    link: str | None
    place: str | None
    agenda: str | None
    audience: str
    networks: list[str] | None
    group_id: str | None
    organiser_id: int | None
    plan: str


def recurrence_of(series: MeetingSeries) -> Recurrence:
    at = time.fromisoformat(series.at_time)
    until = time.fromisoformat(series.until_time) if series.until_time else None
    return Recurrence.from_rule(series.rule, at, until)


def announce_at(starts_at: datetime, now: datetime, first: bool) -> datetime:
    """When an occurrence is announced: the first at once, the others a week ahead."""
    return now if first else max(now, starts_at - ANNOUNCE_AHEAD)


def planned_starts(rule: Recurrence, now: datetime, zone: ZoneInfo) -> list[datetime]:
    """The occurrences a new series plans: those in the next three months."""
    return rule.occurrences(now, now + HORIZON, zone)


def create(session: Session, rule: Recurrence, template: Template, now: datetime, zone: ZoneInfo) -> tuple[MeetingSeries, list[Meeting]]:  # fmt: skip
    """Store a series and its first occurrences (three months ahead) with their reminders."""
    starts = planned_starts(rule, now, zone)
    if not starts:
        raise ValueError("no occurrence in the next three months")
    series = MeetingSeries(
        rule=rule.rule(), starts_on=starts[0].astimezone(zone).date(), at_time=f"{rule.at:%H:%M}",
        until_time=f"{rule.until:%H:%M}" if rule.until else None, title=template.title,
        link=template.link, place=template.place, agenda=template.agenda,
        audience=template.audience, networks=",".join(template.networks or []) or None,
        group_id=template.group_id, organiser_id=template.organiser_id, plan=template.plan,
        status=ACTIVE, planned_until=now + HORIZON, created_at=now,
    )  # fmt: skip
    session.add(series)
    session.flush()
    made = [_occurrence(session, series, start, now, zone, first=i == 0) for i, start in enumerate(starts)]  # fmt: skip
    return series, made


def _occurrence(session: Session, series: MeetingSeries, start: datetime, now: datetime, zone: ZoneInfo, *, first: bool) -> Meeting:  # fmt: skip
    rule = recurrence_of(series)
    ends = start.replace(hour=rule.until.hour, minute=rule.until.minute) if rule.until else None
    announced = announce_at(start, now, first)
    # Planned as if made when announced: the announcement is due then, and reminders after it.
    meeting = meetings.create(
        session, title=series.title, starts_at=start, ends_at=ends, link=series.link,
        place=series.place, agenda=series.agenda, audience=series.audience,
        networks=series.networks.split(",") if series.networks else None,
        group_id=series.group_id, organiser_id=series.organiser_id, plan=series.plan,
        now=announced, zone=zone,
    )  # fmt: skip
    meeting.series_id, meeting.created_at, meeting.updated_at = series.id, now, now
    session.flush()
    return meeting


def extend(session: Session, series: MeetingSeries, now: datetime, zone: ZoneInfo) -> list[Meeting]:  # fmt: skip
    """Plan occurrences that have come within three months; two clocks plan each once."""
    horizon = now + HORIZON
    if series.status != ACTIVE or series.planned_until >= horizon:
        return []
    was = series.planned_until
    claimed = session.execute(
        update(MeetingSeries)
        .where(MeetingSeries.id == series.id, MeetingSeries.planned_until == was)
        .values(planned_until=horizon)
    )
    if claimed.rowcount != 1:
        return []  # another clock extended it
    rule = recurrence_of(series)
    starts = rule.occurrences(max(was, now), horizon, zone, anchor=series.starts_on)
    return [_occurrence(session, series, start, now, zone, first=False) for start in starts]


def extend_all(session: Session, now: datetime, zone: ZoneInfo) -> int:
    """Extend every active series; return how many occurrences were added."""
    stmt = select(MeetingSeries).where(
        MeetingSeries.status == ACTIVE, MeetingSeries.planned_until < now + HORIZON
    )
    return sum(len(extend(session, series, now, zone)) for series in session.scalars(stmt))


def upcoming_of(session: Session, series_id: int, now: datetime) -> list[Meeting]:
    stmt = (
        select(Meeting)
        .where(Meeting.series_id == series_id, Meeting.status == SCHEDULED, Meeting.starts_at > now)
        .order_by(Meeting.starts_at)
    )
    return list(session.scalars(stmt))


def cancel(session: Session, series: MeetingSeries, now: datetime, zone: ZoneInfo) -> int:
    """End a series: no more occurrences; each upcoming one is cancelled (those told if announced).

    Returns how many occurrences were cancelled.
    """
    series.status = ENDED
    found = upcoming_of(session, series.id, now)
    for meeting in found:
        meetings.cancel(session, meeting, now, zone)
    return len(found)


def change_upcoming(session: Session, series: MeetingSeries, changes: dict, now: datetime, zone: ZoneInfo) -> tuple[int, int]:  # fmt: skip
    """Change the series and each upcoming occurrence; the ones already held stay as they were.

    `changes` may hold "at" (the new local start, HH:MM: each occurrence keeps its own day and its
    length), "link" and "place". Each occurrence already announced gets its own change notice
    (decliners asked again, as for one meeting). Returns (occurrences changed, notices planned).
    """
    at = time.fromisoformat(changes["at"]) if "at" in changes else None
    changed = told = 0
    for meeting in upcoming_of(session, series.id, now):
        fields = {key: changes[key] for key in ("link", "place") if key in changes}
        if at is not None:
            day = meeting.starts_at.astimezone(zone).date()
            fields["starts_at"] = datetime.combine(day, at, tzinfo=zone)
            if fields["starts_at"] <= now:
                continue  # today's, moved to an hour already gone: left as it was
        told += meetings.change(session, meeting, fields, now, zone, whole_series=True)
        changed += 1
    if at is not None:
        if series.until_time:
            length = _minutes(series.until_time) - _minutes(series.at_time)
            end = _minutes(changes["at"]) + length
            series.until_time = f"{end // 60:02d}:{end % 60:02d}" if end < 24 * 60 else None
        series.at_time = changes["at"]
    for key in ("link", "place"):
        if key in changes:
            setattr(series, key, changes[key])  # occurrences planned later copy the series
    return changed, told


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def get(session: Session, series_id: int) -> MeetingSeries | None:
    return session.get(MeetingSeries, series_id)


def pending_announcements(session: Session, series_id: int) -> list[Reminder]:
    """The announcements of later occurrences still to go (for reports and tests)."""
    stmt = (
        select(Reminder)
        .join(Meeting, Meeting.id == Reminder.meeting_id)
        .where(Meeting.series_id == series_id, Reminder.kind == "announcement")
        .order_by(Reminder.due_at)
    )
    return list(session.scalars(stmt))


@eraser("meeting_series", order=40)
def forget_series_organiser(session: Session, subject: Subject) -> int:
    """Keep repeating meetings others are invited to, no longer saying who organised them."""
    if subject.member_id is None:
        return 0
    stmt = (
        update(MeetingSeries)
        .where(MeetingSeries.organiser_id == subject.member_id)
        .values(organiser_id=None)
    )
    return session.execute(stmt).rowcount or 0


@describer("meeting_series", order=55)
def describe_series(session: Session, subject: Subject) -> list[Fact]:
    """Count the repeating meetings the member organised."""
    if subject.member_id is None:
        return []
    stmt = select(func.count(MeetingSeries.id)).where(
        MeetingSeries.organiser_id == subject.member_id
    )
    total = session.scalar(stmt) or 0
    return [Fact("mydata.series_organised", {"count": total})] if total else []
