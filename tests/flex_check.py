"""Check a message as LINE would: the request schema of messaging-api.yml and LINE's own limits."""

from __future__ import annotations

from pathlib import Path

from emulator.limits import MAX_BUBBLE_BYTES, check_request, json_size
from emulator.openapi import messaging_spec

# The reference copy the issue names, when this checkout sits beside it; else the vendored one
# (a test of the emulator checks that the two are identical).
SHARED = Path(__file__).resolve().parents[2] / "shared" / "line-openapi" / "messaging-api.yml"


def problems(message: dict) -> list[dict]:
    """Return what LINE would refuse in a push of `message` (empty: it would be accepted)."""
    spec = messaging_spec(SHARED if SHARED.is_file() else None)
    body = {"to": "U" + "0" * 32, "messages": [message]}
    schema = spec.request_schema("POST", "/v2/bot/message/push")
    return [*spec.errors(schema, body), *check_request("push", body)]


def bubbles(message: dict) -> list[dict]:
    contents = message["contents"]
    return contents["contents"] if contents["type"] == "carousel" else [contents]


def assert_valid_flex(message: dict) -> None:
    """Fail unless the Flex message validates and each bubble is under LINE's 30 KB."""
    assert message["type"] == "flex"
    assert problems(message) == []
    for bubble in bubbles(message):
        assert json_size(bubble) < MAX_BUBBLE_BYTES
