"""Wait for something the bot does in the background, without fixed sleeps."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def wait_until(probe: Callable[[], T], timeout: float = 10.0, interval: float = 0.05) -> T:
    """Call `probe` until it returns something truthy; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up after {timeout} s waiting for {probe}")
        time.sleep(interval)


def sent_requests(line, prefix: str = "/v2/bot/message") -> list[dict]:
    """Return the Messaging API requests the emulator received whose path starts with `prefix`."""
    return [r for r in line.requests(since=0)["requests"] if r["path"].startswith(prefix)]
