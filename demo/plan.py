"""What a demo seed makes, and helpers its seeders share."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

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


def chunks(rows: list[dict], size: int = BATCH) -> Iterator[list[dict]]:
    """Bulk-insert batches: one multi-row INSERT per batch keeps 100,000 rows fast."""
    for start in range(0, len(rows), size):
        yield rows[start : start + size]
