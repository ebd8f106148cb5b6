"""Activities export: one row per activity, the criteria it serves and references to its photos."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from exports.columns import DATE, DATETIME, NUMBER, TEXT, Column, ExportContext
from exports.query import count_of, scoped, stream, who_columns, who_values
from storage.models import Member
from storage.models.activities import Activity, ActivityCriterion, ActivityPhoto

BATCH = 1000


def columns(ctx: ExportContext, session: Session | None = None) -> list[Column]:
    return [
        Column("activity_id", NUMBER, 10), *who_columns(ctx), Column("network", width=30),
        Column("organisation", width=30), Column("title", width=36), Column("held_on", DATE, 12),
        Column("online", TEXT, 10), Column("place", width=26), Column("participants", NUMBER, 12),
        Column("criteria", width=30), Column("photo_count", NUMBER, 10),
        Column("photos", width=44), Column("created_at", DATETIME, 18),
    ]  # fmt: skip


def query(ctx: ExportContext) -> Select:
    stmt = select(Activity, Member.line_user_id, Member.display_name).join(
        Member, Member.id == Activity.member_id
    )
    stmt = scoped(stmt, ctx, day=Activity.held_on, network=Activity.network)
    return stmt.order_by(Activity.held_on, Activity.id)


def count(session: Session, ctx: ExportContext) -> int:
    return count_of(session, query(ctx))


def _details(session: Session, ids: list[int]) -> tuple[dict, dict]:
    """Criteria and photo paths of a batch of activities, in two queries."""
    criteria: dict[int, list[int]] = defaultdict(list)
    photos: dict[int, list[str]] = defaultdict(list)
    stmt = select(ActivityCriterion.activity_id, ActivityCriterion.criterion).where(
        ActivityCriterion.activity_id.in_(ids)
    )
    for activity_id, number in session.execute(stmt.order_by(ActivityCriterion.criterion)):
        criteria[activity_id].append(number)
    stmt = select(ActivityPhoto.activity_id, ActivityPhoto.path).where(
        ActivityPhoto.activity_id.in_(ids)
    )
    for activity_id, path in session.execute(stmt.order_by(ActivityPhoto.position)):
        photos[activity_id].append(path)
    return criteria, photos


def photo_reference(ctx: ExportContext, path: str) -> str:
    """Where the media store keeps the photo; anonymized, only the file's content name."""
    return path.rsplit("/", 1)[-1] if ctx.filters.anonymize else path


def rows(session: Session, ctx: ExportContext) -> Iterator[list]:
    labels = [c.label(ctx.filters.lang) for c in ctx.questionnaire().criteria]
    yes, no = ctx.label("export.yes"), ctx.label("export.no")
    batch: list = []

    def flush() -> Iterator[list]:
        criteria, photos = _details(session, [activity.id for activity, *_ in batch])
        for activity, line_id, name in batch:
            numbers, paths = criteria.get(activity.id, []), photos.get(activity.id, [])
            yield [
                activity.id, *who_values(ctx, activity.member_id, line_id, name),
                ctx.network_name(activity.network), activity.organisation, activity.title,
                activity.held_on, yes if activity.online else no, activity.place,
                activity.participants,
                ", ".join(labels[n - 1] if n <= len(labels) else str(n) for n in numbers),
                len(paths), "\n".join(photo_reference(ctx, p) for p in paths),
                ctx.local(activity.created_at),
            ]  # fmt: skip
        batch.clear()

    for row in stream(session, query(ctx)):
        batch.append(tuple(row))
        if len(batch) >= BATCH:
            yield from flush()
    if batch:
        yield from flush()
