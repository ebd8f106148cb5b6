"""The activities a reflection can be about: a member's recent ones, and one by id."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

RECENT_LIMIT = 5  # quick-reply buttons offered when picking an activity


@dataclass(frozen=True)
class ActivityRef:
    """What a reflection shows of an activity."""

    id: int
    title: str
    held_on: date


def recent(session: Session, member_id: int, now: datetime) -> list[ActivityRef]:
    """Return the member's most recent activities, newest first."""
    # TODO(activities): query storage.models.activities once that branch is merged.
    return []


def find(session: Session, member_id: int, activity_id: int) -> ActivityRef | None:
    """Return the member's activity with this id, or None if it is not theirs."""
    # TODO(activities): query storage.models.activities once that branch is merged.
    return None


def count(session: Session, member_id: int, since: datetime | None = None) -> int:
    """Count the member's activities (logged since a moment, if given)."""
    # TODO(activities): query storage.models.activities once that branch is merged.
    return 0


def in_network(
    session: Session, network: str, start: datetime, end: datetime
) -> tuple[int, set[int]]:
    """Return how many activities a network's members logged in the period, and who logged them."""
    # TODO(activities): query storage.models.activities once that branch is merged.
    return 0, set()


def logged_between(
    session: Session, start: datetime, end: datetime
) -> list[tuple[int, ActivityRef]]:
    """Return (member id, activity) for activities logged in [start, end), oldest first."""
    # TODO(activities): query storage.models.activities once that branch is merged.
    return []
