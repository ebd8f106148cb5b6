"""The one clock of a process: every part asks it for "now", and tests set it in one place."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo

from storage.types import utcnow


class Clock:
    """Answer "now" (aware, UTC) from one source that tests may replace for every part at once."""

    def __init__(self, source: Callable[[], datetime] = utcnow) -> None:
        self._source = source

    def __call__(self) -> datetime:
        return self._source()

    def set(self, source: Callable[[], datetime]) -> None:
        """Make every part that holds this clock read time from `source` from now on."""
        self._source = source


def running_from(start: str | None) -> Callable[[], datetime]:
    """Return a time source: real time, or (tests only) time starting at `start`.

    `start` is an ISO 8601 instant with its offset (CLOCK_FAKE_NOW); from there time runs on at
    normal speed, so tests need not wait for 09:00.
    """
    if not start:
        return utcnow
    begin = datetime.fromisoformat(start)
    if begin.tzinfo is None:
        raise ValueError("CLOCK_FAKE_NOW needs an offset, e.g. 2026-12-01T08:59:58+07:00")
    offset = begin - utcnow()
    return lambda: utcnow() + offset


def scheduler_time(zone: tzinfo) -> datetime:
    """Return the real time for APScheduler, whose own timeline is the wall clock, never a fake."""
    return utcnow().astimezone(zone)
