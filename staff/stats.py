"""Counts for the overview: records per network and month, in the bot's time zone, in SQL."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from exports.query import count_of
from storage.models import Member
from storage.models.activities import Activity
from storage.models.assessments import Assessment
from storage.models.reflections import Reflection
from storage.scope import Scope, visible_members

# Activities count in the month they were held (a plain date: no time zone to convert).
RECORDS = {
    "activities": (Activity, Activity.held_on),
    "reflections": (Reflection, Reflection.created_at),
    "assessments": (Assessment, Assessment.submitted_at),
}


def month_of(column, dialect: str, zone: ZoneInfo | None):
    """SQL for 'YYYY-MM' of a UTC timestamp column in `zone` (or of a plain date when None)."""
    if zone is None:
        if dialect == "postgresql":
            return func.to_char(column, "YYYY-MM")
        return func.strftime("%Y-%m", column)
    if dialect == "postgresql":
        return func.to_char(func.timezone(str(zone), column), "YYYY-MM")
    # SQLite keeps UTC text; Bangkok has no daylight saving, so one fixed offset is exact there.
    offset = datetime(2000, 1, 1, tzinfo=UTC).astimezone(zone).utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset else 0
    return func.strftime("%Y-%m", column, f"{minutes:+d} minutes")


def per_network_month(
    session: Session, base: Select, moment, network, zone: ZoneInfo | None
) -> dict[str, dict[str, int]]:
    """{network: {'YYYY-MM': count}} for the rows of `base` (already joined to consented members)."""
    month = month_of(moment, session.get_bind().dialect.name, zone)
    stmt = (
        base.with_only_columns(network, month.label("month"), func.count())
        .where(moment.is_not(None))
        .group_by(network, month)
    )
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for key, month_key, number in session.execute(stmt):
        counts[key or ""][month_key] = number
    return counts


def members_per_month(
    session: Session, zone: ZoneInfo, scope: Scope | None = None
) -> dict[str, dict[str, int]]:
    """Registrations of consented members (in the scope) per network and month."""
    base = select(Member.id).where(visible_members(scope))
    return per_network_month(session, base, Member.registered_at, Member.network, zone)


def consented_members(session: Session, scope: Scope | None = None) -> int:
    stmt = select(func.count()).where(visible_members(scope))
    return session.scalar(stmt) or 0


def _of_consented(model, scope: Scope | None = None) -> Select:
    return select(model.id).join(Member, Member.id == model.member_id).where(visible_members(scope))


def per_month(
    session: Session, name: str, zone: ZoneInfo, scope: Scope | None = None
) -> dict[str, dict[str, int]] | None:
    """Per network and month for `name` (members, activities, reflections)."""
    if name == "members":
        return members_per_month(session, zone, scope)
    model, moment = RECORDS[name]
    local = None if moment is Activity.held_on else zone
    return per_network_month(session, _of_consented(model, scope), moment, model.network, local)


def total(session: Session, name: str, scope: Scope | None = None) -> int | None:
    """How many records of `name` belong to consented members."""
    if name == "members":
        return consented_members(session, scope)
    model, _ = RECORDS[name]
    return count_of(session, _of_consented(model, scope))
