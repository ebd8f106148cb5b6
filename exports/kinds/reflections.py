"""Reflections export: one row per reflection, one column per question, the criteria it speaks to."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from exports.columns import DATETIME, NUMBER, Column, ExportContext
from exports.query import count_of, scoped, stream, who_columns, who_values
from storage.models import Member
from storage.models.activities import Activity
from storage.models.reflections import Reflection
from storage.reflections import ANSWERS


def columns(ctx: ExportContext, session: Session | None = None) -> list[Column]:
    return [
        Column("reflection_id", NUMBER, 10), *who_columns(ctx), Column("network", width=30),
        Column("organisation", width=30), Column("activity_id", NUMBER, 10),
        Column("activity", width=30), *[Column(f"answer_{name}", width=50) for name in ANSWERS],
        Column("criteria", width=30), Column("created_at", DATETIME, 18),
        Column("edited_at", DATETIME, 18),
    ]  # fmt: skip


def query(ctx: ExportContext) -> Select:
    stmt = (
        select(Reflection, Member.line_user_id, Member.display_name, Activity.title)
        .join(Member, Member.id == Reflection.member_id)
        .outerjoin(Activity, Activity.id == Reflection.activity_id)
    )
    stmt = scoped(stmt, ctx, moment=Reflection.created_at, network=Reflection.network)
    return stmt.order_by(Reflection.created_at, Reflection.id)


def count(session: Session, ctx: ExportContext) -> int:
    return count_of(session, query(ctx))


def criteria_text(ctx: ExportContext, keys: list[str]) -> str:
    return ", ".join(ctx.criterion_label(key) for key in keys)


def rows(session: Session, ctx: ExportContext) -> Iterator[list]:
    for reflection, line_id, name, activity in stream(session, query(ctx)):
        yield [
            reflection.id, *who_values(ctx, reflection.member_id, line_id, name),
            ctx.network_name(reflection.network), reflection.organisation,
            reflection.activity_id, activity,
            *[getattr(reflection, answer) for answer in ANSWERS],
            criteria_text(ctx, reflection.criteria_keys), ctx.local(reflection.created_at),
            ctx.local(reflection.edited_at),
        ]  # fmt: skip
