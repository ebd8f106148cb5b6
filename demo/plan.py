"""What a demo seed makes, and helpers its seeders share."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from storage.models import Member
from storage.models.members import CONSENT_GIVEN

DEMO_PREFIX = "Ude000"  # demo members' LINE ids start so; anything else counts as a real member
BATCH = 5000


@dataclass(frozen=True)
class SeedPlan:
    members: int
    activities: int
    reflections: int
    assessments: int
    meetings: int
    now: datetime
    days: int = 540  # spread records over about eighteen months
    zone: ZoneInfo = ZoneInfo("Asia/Bangkok")
    media_dir: Path | None = None  # where demo photos go; None: activities without photos


def chunks(rows: list[dict], size: int = BATCH) -> Iterator[list[dict]]:
    """Bulk-insert batches: one multi-row INSERT per batch keeps 100,000 rows fast."""
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def insert_ids(session: Session, model: type, rows: list[dict]) -> list[int]:
    """Bulk-insert rows and return their new ids in the rows' order (RETURNING, batched)."""
    ids: list[int] = []
    stmt = insert(model).returning(model.id, sort_by_parameter_order=True)
    for batch in chunks(rows):
        ids.extend(session.scalars(stmt, batch).all())
    return ids


def people(session: Session) -> list[tuple[int, str, str | None]]:
    """(id, network, organisation) of every consented, registered member, in id order."""
    stmt = (
        select(Member.id, Member.network, Member.organisation)
        .where(Member.consent_status == CONSENT_GIVEN, Member.registered_at.is_not(None))
        .order_by(Member.id)
    )
    return [tuple(row) for row in session.execute(stmt)]
