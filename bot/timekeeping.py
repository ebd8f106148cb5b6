"""The one clock of a process: every part asks it for "now", and tests set it in one place."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

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
