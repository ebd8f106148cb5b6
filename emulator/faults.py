"""Queue injected faults and hand them out to the requests they match."""

from __future__ import annotations

import threading
from typing import Any

# LINE's 429 causes ("Handle HTTP status code 429 errors"): the body's message tells them apart.
# Only rate and concurrency are worth a retry; the monthly and additional-message limits are not.
LIMIT_MESSAGES = {
    "rate": "The API rate limit has been exceeded. Try again later.",
    "concurrency": "The API concurrency limit has been exceeded. Try again later.",
    "monthly": "You have reached your monthly limit.",
    "additional": "You have reached your target limit for additional messages.",
}


def normalise(fault: dict[str, Any]) -> dict[str, Any]:
    """Fill in a fault's defaults: any method, no delay, no drop, once, before handling.

    `after: true` handles the request first (the message is delivered, the quota spent) and only
    then delays or drops the answer: the client cannot tell whether it went through.
    `limit` (rate, concurrency, monthly, additional) answers 429 with LINE's words for that cause;
    `retryAfter` adds a Retry-After header (seconds).
    """
    limit = fault.get("limit")
    if limit is not None and limit not in LIMIT_MESSAGES:
        raise ValueError(f"limit must be one of {', '.join(LIMIT_MESSAGES)}")
    headers = dict(fault.get("headers") or {})
    if fault.get("retryAfter") is not None:
        headers["Retry-After"] = str(int(fault["retryAfter"]))
    body = fault.get("body")
    if limit is not None and body is None:
        body = {"message": LIMIT_MESSAGES[limit]}
    return {
        "path": fault.get("path", "*"),
        "method": (fault.get("method") or "*").upper(),
        "status": 429 if limit is not None else fault.get("status"),
        "body": body,
        "headers": headers,
        "delay": float(fault.get("delay") or 0.0),
        "drop": bool(fault.get("drop", False)),
        "after": bool(fault.get("after", False)),
        "limit": limit,
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
