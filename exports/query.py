"""Query helpers every kind shares: only consented members, the network, the date range, streaming."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from exports.columns import ExportContext
from storage.models import Member
from storage.models.members import CONSENT_GIVEN

BATCH = 1000


def scoped(
    stmt: Select, ctx: ExportContext, *, moment: Any = None, member_key: Any = None,
    network: Any = None,
) -> Select:  # fmt: skip
    """Keep rows of consented members (joined on `member_key`), in the network and date range."""
    if member_key is not None:
        stmt = stmt.join(Member, member_key == Member.id)
    stmt = stmt.where(Member.consent_status == CONSENT_GIVEN)
    if ctx.filters.network:
        stmt = stmt.where(
            (network if network is not None else Member.network) == ctx.filters.network
        )
    start, end = ctx.filters.bounds(ctx.zone)
    if moment is not None and start is not None:
        stmt = stmt.where(moment >= start)
    if moment is not None and end is not None:
        stmt = stmt.where(moment < end)
    return stmt


def count_of(session: Session, stmt: Select) -> int:
    """Count the rows a select returns."""
    return session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0


def stream(session: Session, stmt: Select, batch: int = BATCH) -> Iterator[Any]:
    """Yield result rows in batches, never holding the whole result (server-side cursor on PG)."""
    result = session.execute(stmt.execution_options(yield_per=batch, stream_results=True))
    for partition in result.partitions():
        yield from partition
