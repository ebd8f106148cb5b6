"""Hold each event back a moment, so a member's events sent in separate requests keep LINE's order."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

from storage import inbox
from storage.models import InboxEvent


class HoldBack:
    """When held-back events become ready: the processor notes it, the sweep sleeps until then."""

    def __init__(self, milliseconds: float = 0) -> None:
        self.span = timedelta(milliseconds=milliseconds)
        self._earliest: datetime | None = None
        self._lock = threading.Lock()

    def ready_at(self, row: InboxEvent, now: datetime) -> datetime | None:
        """None if the event may be handled now; else note and return when it may."""
        at = inbox.ready_at(row, now, self.span)
        if at is not None:
            with self._lock:
                if self._earliest is None or at < self._earliest:
                    self._earliest = at
        return at

    def seconds_until_ready(self, now: datetime) -> float | None:
        """Seconds until the earliest held-back event is ready (None: nothing is held back)."""
        with self._lock:
            earliest = self._earliest
        if earliest is None:
            return None
        return max((earliest - now).total_seconds(), 0.0)

    def forget(self) -> None:
        """Forget what was noted: a sweep is about to look at every lane again."""
        with self._lock:
            self._earliest = None
