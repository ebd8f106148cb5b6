"""Signed webhook bodies as LINE sends them: one Thai text event each, from a member of its own."""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import time

from benchmarks.reply_tokens import TokenSupply
from emulator.webhooks import new_ulid, sign

SECRET = "bench-channel-secret"
TOKEN = "bench-access-token"
DESTINATION = "U" + "b" * 32
# What members typically send: a greeting, a menu word, and a free sentence the bot cannot read.
TEXTS = (
    "สวัสดีค่ะ",
    "เมนู",
    "วันนี้กลุ่มเยาวชนคุณธรรมไปปลูกป่าที่เชียงรายมา ๓๐ คน",
    "ช่วยเหลือ",
)


class EventFactory:
    """Make bodies with unique webhookEventIds; remember which member sent each."""

    def __init__(self, secret: str = SECRET, tokens: TokenSupply | None = None) -> None:
        self.secret = secret
        self._serial = itertools.count()
        self._salt = f"{os.getpid()}:{time.time_ns()}"
        self.users: list[str] = []
        self.tokens = tokens
        # A bot checks `destination` against its own id once it knows it: this is for no bot.
        self.destination = DESTINATION

    def for_emulator(self, line) -> EventFactory:
        """Address the emulator's bot and carry reply tokens it issued, as LINE's bodies do."""
        self.destination = line.info()["botUserId"]
        self.tokens = TokenSupply(line.issue_reply_tokens, self.user_id)
        return self

    def user_id(self, index: int) -> str:
        """Return a valid LINE user id (U + 32 hex), distinct per index and per run."""
        return "U" + hashlib.md5(f"{self._salt}:{index}".encode()).hexdigest()  # noqa: S324

    def event(self) -> dict:
        """Return the next text event, from a member nobody else in this run uses."""
        index = next(self._serial)
        user = self.user_id(index)
        self.users.append(user)
        return {
            "type": "message",
            "mode": "active",
            "timestamp": int(time.time() * 1000),
            "source": {"type": "user", "userId": user},
            "webhookEventId": new_ulid(),
            "deliveryContext": {"isRedelivery": False},
            "replyToken": self._reply_token(index),
            "message": {
                "type": "text",
                "id": str(10**17 + index),
                "quoteToken": f"q{index}",
                "text": TEXTS[index % len(TEXTS)],
            },
        }

    def _reply_token(self, index: int) -> str:
        if self.tokens is not None:
            return self.tokens.token_for(index)
        # Without a supply the token is one the emulator never issued: a reply to it is refused
        # and the bot pushes instead (one answer per event either way).
        return hashlib.md5(f"t{self._salt}:{index}".encode()).hexdigest()  # noqa: S324

    def request(self) -> tuple[bytes, dict[str, str]]:
        """Return a signed body carrying the next event, and its headers."""
        body = json.dumps(
            {"destination": self.destination, "events": [self.event()]},
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode()
        return body, {
            "Content-Type": "application/json",
            "X-Line-Signature": sign(self.secret, body),
        }
