"""Meetings export: one row per meeting, its audience, RSVPs and how many reminders went out."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Select, and_, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from exports.columns import DATETIME, NUMBER, Column, ExportContext
from exports.query import count_of, stream
from storage.models import Member
from storage.models.meetings import QUEUED, Meeting, Reminder, Rsvp
from storage.models.members import CONSENT_GIVEN
from storage.scope import visible_members

RSVP_COLUMNS = ("yes", "no", "maybe")


def columns(ctx: ExportContext, session: Session | None = None) -> list[Column]:
    organiser = Column("organiser_pseudonym" if ctx.filters.anonymize else "organiser", width=22)
    return [
        Column("meeting_id", NUMBER, 10), Column("title", width=36), Column("starts_at", DATETIME, 18),
        Column("status", width=12), Column("audience", width=34), Column("place", width=26),
        Column("link", width=30), Column("agenda", width=48), organiser,
        *[Column(f"rsvp_{answer}", NUMBER, 12) for answer in RSVP_COLUMNS],
        Column("reminders_sent", NUMBER, 14), Column("created_at", DATETIME, 18),
    ]  # fmt: skip


def _rsvps(answer: str):
    # Only consented members' answers count: a withdrawn member's RSVP is no longer theirs to give.
    return (
        select(func.count())
        .select_from(Rsvp)
        .join(Member, Member.id == Rsvp.member_id)
        .where(Rsvp.meeting_id == Meeting.id, Rsvp.answer == answer)
        .where(Member.consent_status == CONSENT_GIVEN)
        .scalar_subquery()
    )


def query(ctx: ExportContext) -> Select:
    organiser = aliased(Member)
    sent = (
        select(func.count())
        .where(Reminder.meeting_id == Meeting.id, Reminder.status == QUEUED)
        .scalar_subquery()
    )
    stmt = select(
        Meeting, organiser.line_user_id, organiser.display_name, sent,
        *[_rsvps(answer) for answer in RSVP_COLUMNS],
    ).outerjoin(
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
    for meeting, line_id, name, sent, *rsvps in stream(session, query(ctx)):
        yield [
            meeting.id, meeting.title, ctx.local(meeting.starts_at),
            ctx.label(f"export.status.{meeting.status}"), audience(meeting, ctx), meeting.place,
            meeting.link, meeting.agenda, _organiser(ctx, line_id, name), *rsvps, sent, ctx.local(meeting.created_at),
        ]  # fmt: skip
