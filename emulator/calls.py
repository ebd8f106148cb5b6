"""Describe one Messaging API call, its answer, and LINE-shaped errors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from emulator.state import EmulatorState


@dataclass
class Call:
    """One parsed Messaging API request."""

    state: EmulatorState
    method: str
    path: str
    params: dict[str, str]
    body: Any
    raw: bytes
    headers: dict[str, str]
    request_id: str


@dataclass
class Answer:
    """What to answer: JSON (dict) or raw bytes with a content type."""

    status: int = 200
    body: Any = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json"


class LineError(Exception):
    """An error answered with LINE's body shape `{"message", "details"?}`."""

    def __init__(
        self, status: int, message: str, details: list | None = None, **extra: Any
    ) -> None:
        super().__init__(message)
        self.status = status
        self.body: dict[str, Any] = {"message": message, **extra}
        if details:
            self.body["details"] = details


def invalid_property(name: str) -> LineError:
    """Return LINE's 400 for a property with a bad value (e.g. an unknown `to`)."""
    return LineError(
        400, f"The property, '{name}', in the request body is invalid (line: -, column: -)"
    )


def visible_to(state: EmulatorState, user_id: str) -> bool:
    """Tell whether a user still follows the bot (unknown ids count as following)."""
    return state.following.get(user_id, True)


Handler = Callable[[Call], Answer]
# (method, path template, handler, limits kind or None, retry key allowed)
Route = tuple[str, str, Handler, str | None, bool]
