"""Query helpers every kind shares: only consented members, the network, the date range, streaming."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from exports.columns import ExportContext
from storage.models import Member
from storage.scope import visible_members

BATCH = 1000


def scoped(
    stmt: Select, ctx: ExportContext, *, moment: Any = None, member_key: Any = None,
    network: Any = None, day: Any = None,
) -> Select:  # fmt: skip
    """Keep rows of consented members (joined on `member_key`), in the network and date range.

    `moment` is a UTC timestamp compared with whole days in the bot's zone; `day` a date column.
    """
    if member_key is not None:
        stmt = stmt.join(Member, member_key == Member.id)
    stmt = stmt.where(visible_members(ctx.filters.scope))
    if ctx.filters.network:
        stmt = stmt.where(
            (network if network is not None else Member.network) == ctx.filters.network
        )
    start, end = ctx.filters.bounds(ctx.zone)
    if moment is not None and start is not None:
        stmt = stmt.where(moment >= start)
    if moment is not None and end is not None:
        stmt = stmt.where(moment < end)
    if day is not None and ctx.filters.date_from:
        stmt = stmt.where(day >= ctx.filters.date_from)
    if day is not None and ctx.filters.date_to:
        stmt = stmt.where(day <= ctx.filters.date_to)
    return stmt


def who_columns(ctx: ExportContext) -> list:
    """The member's columns: a pseudonym when anonymized, else id, LINE id and name."""
    from exports.columns import NUMBER, Column

    if ctx.filters.anonymize:
        return [Column("pseudonym", width=14)]
    return [
        Column("member_id", NUMBER, 10),
        Column("line_user_id", width=36),
        Column("name", width=24),
    ]


def who_values(ctx: ExportContext, member_id: int, line_user_id: str, name: str | None) -> list:
    if ctx.filters.anonymize:
        return [ctx.who(line_user_id)]
    return [member_id, line_user_id, name]


def count_of(session: Session, stmt: Select) -> int:
    """Count the rows a select returns."""
    return session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0


def stream(session: Session, stmt: Select, batch: int = BATCH) -> Iterator[Any]:
    """Yield result rows in batches, never holding the whole result (server-side cursor on PG)."""
    result = session.execute(stmt.execution_options(yield_per=batch, stream_results=True))
    for partition in result.partitions():
        yield from partition
