"""Signed bodies that are JSON yet not valid for our schema, as the adversarial run sent them."""

from __future__ import annotations

BREAKAGES = {
    "ts-2^63": {"timestamp": 2**63},
    "ts-true": {"timestamp": True},
    "nul-id-type": {"type": "mess\x00age"},
    "nul-user": {"source": {"type": "user", "userId": "U\x00"}},
    "surrogate": {"message": {"id": "1", "type": "text", "text": "\ud800"}},
    "source-string": {"source": "user"},
}


def deep_body(depth: int = 50_000) -> bytes:
    return b'{"events": [' + b"[" * depth + b"]" * depth + b"]}"
