"""The one query layer for staff figures: every number a staff page shows is counted here.

Each figure is counted over the very query an export kind writes its rows from (consented members
only, in the account's scope, with the same filters), so a page and its export cannot differ:
totals are the export's row count; a month is the month of the export's date column; a network is
the export's network column; a meeting's figures are the same function for the page and the row.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from exports.columns import ExportContext
from storage import meeting_report
from storage.models.assessments import AssessmentAnswer
from storage.models.meetings import Meeting


@dataclass(frozen=True)
class Measure:
    """Which of an export's columns a monthly figure groups by."""

    moment: str  # the column whose month a row counts in
    local: bool  # a UTC timestamp (its month in the bot's zone), not a plain date


# Activities count in the month they were held (a plain date); the rest when they were recorded.
MEASURES = {
    "members": Measure("registered_at", local=True),
    "activities": Measure("held_on", local=False),
    "reflections": Measure("created_at", local=True),
    "assessments": Measure("submitted_at", local=True),
}

Averages = dict[str, tuple[list[float | None], int]]


def _kind(name: str):
    import exports  # exports imports nothing of this module: no cycle at import time

    return exports.kind(name)


def _rows(name: str, ctx: ExportContext):
    """The export's rows as a subquery (unordered)."""
    return _kind(name).query(ctx).order_by(None).subquery()


def total(session: Session, name: str, ctx: ExportContext) -> int:
    """How many rows the export `name` holds with these filters."""
    return _kind(name).count(session, ctx)


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


def per_network_month(session: Session, name: str, ctx: ExportContext) -> dict[str, dict[str, int]]:
    """{network key: {'YYYY-MM': rows}} of the export `name`, by its network and date columns."""
    measure = MEASURES[name]
    rows = _rows(name, ctx)
    moment = rows.c[measure.moment]
    zone = ctx.zone if measure.local else None
    month = month_of(moment, session.get_bind().dialect.name, zone)
    stmt = (
        select(rows.c.network, month.label("month"), func.count())
        .where(moment.is_not(None))
        .group_by(rows.c.network, month)
    )
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for key, month_key, number in session.execute(stmt):
        counts[key or ""][month_key] = number
    return counts


def criteria_averages(session: Session, ctx: ExportContext) -> Averages:
    """{network: ([mean score per criterion, questionnaire order], assessments)} of the export."""
    keys = [criterion.key for criterion in ctx.questionnaire().criteria]
    rows = _rows("assessments", ctx)
    stmt = (
        select(rows.c.network, AssessmentAnswer.criterion, func.avg(AssessmentAnswer.score))
        .join(AssessmentAnswer, AssessmentAnswer.assessment_id == rows.c.id)
        .group_by(rows.c.network, AssessmentAnswer.criterion)
    )
    found: dict[str, dict[str, float]] = {}
    for network, criterion, average in session.execute(stmt):
        if average is not None:
            found.setdefault(network or "", {})[criterion] = float(average)
    counted = select(rows.c.network, func.count()).group_by(rows.c.network)
    counts = {network or "": number for network, number in session.execute(counted)}
    return {
        network: ([per.get(key) for key in keys], counts.get(network, 0))
        for network, per in found.items()
    }


def meeting(session: Session, found: Meeting, *, with_names: bool = False) -> meeting_report.Report:
    """A meeting's RSVPs (consented members), invitees, reminders queued and messages delivered."""
    return meeting_report.gather(session, found, with_names=with_names)
