"""Check a signed webhook body against what we can store: depth, integers, NULs, surrogates, types."""

from __future__ import annotations

import hashlib
import json
import re
from itertools import accumulate
from typing import Any

MAX_DEPTH = 64  # LINE's deepest event is about 8 levels; anything near this is not LINE's
MAX_TIMESTAMP = 2**63 - 1
MAX_ID_LENGTH = 255  # webhook_event_id's column width
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKETS = re.compile(r"[^\[\]{}]")


class TooDeep(ValueError):
    """The body nests deeper than MAX_DEPTH."""


def depth_of(text: str) -> int:
    """Return how deep arrays and objects nest in JSON text, without recursing."""
    brackets = _NOT_BRACKETS.sub("", _STRINGS.sub("", text))
    steps = (1 if c in "[{" else -1 for c in brackets)
    return max(accumulate(steps, initial=0))


def parse(text: str) -> Any:
    """Parse JSON text no deeper than MAX_DEPTH (TooDeep), else ValueError as json.loads."""
    if depth_of(text) > MAX_DEPTH:
        raise TooDeep(f"nesting deeper than {MAX_DEPTH}")
    return json.loads(text)


def _storable(value: Any) -> bool:
    """A string a database column takes: no NUL, no lone surrogate."""
    if not isinstance(value, str) or "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def problem_of(event: dict[str, Any]) -> str | None:
    """Name what makes this event unstorable or not LINE-shaped, or None when it is fine."""
    event_id = event.get("webhookEventId")
    if event_id is not None and not (_storable(event_id) and 0 < len(event_id) <= MAX_ID_LENGTH):
        return "webhookEventId is not a storable id"
    if not _storable(event.get("type")):
        return "type is not a storable string"
    timestamp = event.get("timestamp")
    if timestamp is not None and (
        isinstance(timestamp, bool)
        or not isinstance(timestamp, int)
        or not 0 <= timestamp <= MAX_TIMESTAMP
    ):
        return "timestamp is not an integer in range"
    source = event.get("source")
    if source is not None:
        if not isinstance(source, dict):
            return "source is not an object"
        for field in ("type", "userId", "groupId", "roomId"):
            if field in source and not _storable(source[field]):
                return f"source.{field} is not a storable string"
    try:
        json.dumps(event, ensure_ascii=False).encode("utf-8")
    except (UnicodeEncodeError, ValueError):
        return "a string holds a lone surrogate"
    return None


def receipt_id(event: Any) -> str:
    """A stable id for a rejected event: its own id when storable, else a digest of it."""
    if isinstance(event, dict):
        value = event.get("webhookEventId")
        if _storable(value) and 0 < len(value) <= MAX_ID_LENGTH:
            return value
    digest = hashlib.sha256(json.dumps(event, sort_keys=True).encode()).hexdigest()
    return f"sha256:{digest[:56]}"


def body_receipt_id(raw: bytes) -> str:
    """A stable id for a body rejected whole (redelivered copies share it)."""
    return f"sha256:{hashlib.sha256(raw).hexdigest()[:56]}"
