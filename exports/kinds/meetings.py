"""Meetings export: one row per meeting, its audience, RSVPs, reminders queued, messages delivered.

The figures come from `exports.figures.meeting`, the function the staff meeting page shows.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

from sqlalchemy import Select, and_, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from exports import figures as staff_figures
from exports.columns import DATETIME, NUMBER, Column, ExportContext
from exports.query import count_of, stream
from storage.meeting_report import Report
from storage.models import Member
from storage.models.meetings import SCHEDULED, Meeting
from storage.models.members import CONSENT_GIVEN
from storage.scope import visible_members

RSVP_COLUMNS = ("yes", "no", "maybe")
# Queued is not delivered: a reminder is queued once; each recipient's message is then delivered,
# failed or still waiting. Named apart so nobody reads "4 queued" as "4 delivered".
FIGURE_COLUMNS = ("invited", "reminders_queued", "delivered", "delivery_failed", "delivery_waiting")


def columns(ctx: ExportContext, session: Session | None = None) -> list[Column]:
    organiser = Column("organiser_pseudonym" if ctx.filters.anonymize else "organiser", width=22)
    return [
        Column("meeting_id", NUMBER, 10), Column("title", width=36), Column("starts_at", DATETIME, 18),
        Column("status", width=12), Column("audience", width=34), Column("place", width=26),
        Column("link", width=30), Column("agenda", width=48), organiser,
        *[Column(f"rsvp_{answer}", NUMBER, 12) for answer in RSVP_COLUMNS],
        *[Column(key, NUMBER, 14) for key in FIGURE_COLUMNS], Column("created_at", DATETIME, 18),
    ]  # fmt: skip


def figures(report: Report) -> list[int]:
    """RSVPs of consented members, invitees, reminders queued, messages delivered/failed/waiting."""
    return [
        *[report.rsvps.get(answer, 0) for answer in RSVP_COLUMNS], report.invited,
        report.queued, report.delivered, report.failed, report.waiting,
    ]  # fmt: skip


def query(ctx: ExportContext) -> Select:
    organiser = aliased(Member)
    stmt = select(Meeting, organiser.line_user_id, organiser.display_name).outerjoin(
        organiser, and_(organiser.id == Meeting.organiser_id, organiser.consent_status == CONSENT_GIVEN)
    )  # fmt: skip
    if ctx.filters.network:
        wrapped = literal(",") + func.coalesce(Meeting.networks, "") + literal(",")
        stmt = stmt.where(
            or_(Meeting.audience == "all", wrapped.like(f"%,{ctx.filters.network},%"))
        )
    scope = ctx.filters.scope
    if scope is not None and not scope.everything:  # a scoped account: its organisers' meetings
        organisers = select(Member.id).where(visible_members(scope))
        stmt = stmt.where(Meeting.organiser_id.in_(organisers))
    start, end = ctx.filters.bounds(ctx.zone)
    if start is not None:
        stmt = stmt.where(Meeting.starts_at >= start)
    if end is not None:
        stmt = stmt.where(Meeting.starts_at < end)
    return stmt.order_by(Meeting.starts_at, Meeting.id)


def count(session: Session, ctx: ExportContext) -> int:
    return count_of(session, query(ctx))


PAST_AFTER = timedelta(hours=2)  # a meeting with no end given is taken to last two hours


def shown_status(meeting: Meeting, now: datetime | None) -> str:
    """The status to show: "past" once a scheduled meeting has ended by `now` (the stored
    status stays "scheduled"); the stored status when `now` is not known."""
    end = meeting.ends_at or meeting.starts_at + PAST_AFTER
    if meeting.status == SCHEDULED and now is not None and end <= now:
        return "past"
    return meeting.status


def audience(meeting: Meeting, ctx: ExportContext) -> str:
    if meeting.audience == "all":
        return ctx.label("export.audience.all")
    if meeting.audience == "group":
        return ctx.label("export.audience.group")
    return ", ".join(ctx.network_name(key) for key in meeting.network_list)


def _organiser(ctx: ExportContext, line_id: str | None, name: str | None) -> str | None:
    """The organiser if they consented: a pseudonym when anonymized, else their name."""
    if line_id is None:
        return None
    return ctx.who(line_id) if ctx.filters.anonymize else name


def rows(session: Session, ctx: ExportContext) -> Iterator[list]:
    # A meeting's figures take a few queries each; meetings are few (hundreds), so rows stay quick.
    for meeting, line_id, name in stream(session, query(ctx)):
        yield [
            meeting.id, meeting.title, ctx.local(meeting.starts_at),
            ctx.label(f"export.status.{shown_status(meeting, ctx.now)}"), audience(meeting, ctx), meeting.place,
            meeting.link, meeting.agenda, _organiser(ctx, line_id, name),
            *figures(staff_figures.meeting(session, meeting)), ctx.local(meeting.created_at),
        ]  # fmt: skip
