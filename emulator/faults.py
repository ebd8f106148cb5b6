"""Queue injected faults and hand them out to the requests they match."""

from __future__ import annotations

import threading
from typing import Any


def normalise(fault: dict[str, Any]) -> dict[str, Any]:
    """Fill in a fault's defaults: any method, no delay, no drop, once."""
    return {
        "path": fault.get("path", "*"),
        "method": (fault.get("method") or "*").upper(),
        "status": fault.get("status"),
        "body": fault.get("body"),
        "headers": fault.get("headers") or {},
        "delay": float(fault.get("delay") or 0.0),
        "drop": bool(fault.get("drop", False)),
        "times": int(fault.get("times", 1)),
    }


def matches(fault: dict[str, Any], method: str, path: str) -> bool:
    """Tell whether `fault` applies to `method path` (a path ending in `*` is a prefix)."""
    pattern = fault["path"]
    hit = path.startswith(pattern[:-1]) if pattern.endswith("*") else path == pattern
    return hit and fault["method"] in ("*", method.upper())


class FaultQueue:
    """Faults waiting for matching requests, each used up after `times` matches."""

    def __init__(self, lock: threading.RLock) -> None:
        self._lock = lock
        self._faults: list[dict[str, Any]] = []

    def add(self, fault: dict[str, Any]) -> dict[str, Any]:
        """Queue a fault (path, method, status, body, headers, delay, drop, times)."""
        entry = normalise(fault)
        with self._lock:
            self._faults.append(entry)
        return dict(entry)

    def take(self, method: str, path: str) -> dict[str, Any] | None:
        """Return (and count down) the first fault matching this request, if any."""
        with self._lock:
            for fault in self._faults:
                if matches(fault, method, path):
                    fault["times"] -= 1
                    if fault["times"] <= 0:
                        self._faults.remove(fault)
                    return dict(fault)
            return None

    def list(self) -> list[dict[str, Any]]:
        """Return the queued faults."""
        with self._lock:
            return [dict(f) for f in self._faults]

    def clear(self) -> None:
        """Drop every queued fault."""
        with self._lock:
            self._faults.clear()
