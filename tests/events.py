"""Build webhook events and bodies as LINE sends them, for tests."""

from __future__ import annotations

import hashlib
import itertools
import json
import time
from typing import Any

_counter = itertools.count(1)
# The emulator's bot for the tests' channel secret (tests.conftest.SECRET): webhooks name it.
BOT_USER_ID = "U" + hashlib.sha256(b"test-channel-secret").hexdigest()[:32]


def event_id() -> str:
    """Return a new unique 26-character webhookEventId."""
    return f"01TEST{next(_counter):020d}"


def text_event(text: str, user_id: str = "U" + "a" * 32, **overrides: Any) -> dict[str, Any]:
    """Return a text message event from a user in a private chat."""
    n = next(_counter)
    event = {
        "type": "message",
        "mode": "active",
        "timestamp": int(time.time() * 1000),
        "source": {"type": "user", "userId": user_id},
        "webhookEventId": event_id(),
        "deliveryContext": {"isRedelivery": False},
        "replyToken": f"token{n:027d}",
        "message": {"id": str(100000 + n), "type": "text", "text": text, "quoteToken": f"q{n}"},
    }
    event.update(overrides)
    return event


def body(*events: dict[str, Any]) -> bytes:
    """Return a webhook request body carrying the events."""
    return json.dumps(
        {"destination": BOT_USER_ID, "events": list(events)}, ensure_ascii=False
    ).encode()
