"""Hold the emulator's in-memory state behind one lock."""

from __future__ import annotations

import copy
import hashlib
import secrets
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from emulator import openapi
from emulator.faults import FaultQueue

REPLY_TOKEN_TTL = 60.0
REDELIVERY_WINDOW = 20 * 60.0
RETRY_KEY_TTL = 24 * 3600.0
DEFAULT_QUOTA = 300


@dataclass
class ReplyToken:
    """A reply token the emulator handed to the bot with a webhook event."""

    token: str
    user_id: str | None
    chat_id: str | None
    issued_at: float
    event_at: float
    used: bool = False


@dataclass
class AcceptedRetry:
    """The first successful request made with an X-Line-Retry-Key."""

    request_id: str
    accepted_at: float
    response: Any
    pending: bool = False


class SeqLog:
    """An append-only log whose entries get increasing `seq` numbers (kept across clears)."""

    def __init__(self, lock: threading.RLock) -> None:
        self._lock = lock
        self._entries: list[dict[str, Any]] = []
        self._next = 0

    def append(self, entry: dict[str, Any]) -> dict[str, Any]:
        """Add an entry, giving it the next `seq`."""
        with self._lock:
            entry = {"seq": self._next, **entry}
            self._next += 1
            self._entries.append(entry)
            return entry

    def since(self, since: int = 0) -> tuple[list[dict[str, Any]], int]:
        """Return entries with seq >= since, and the seq to ask for next time."""
        with self._lock:
            return [e for e in self._entries if e["seq"] >= since], self._next

    def clear(self) -> None:
        """Forget the entries; seq keeps counting."""
        with self._lock:
            self._entries.clear()


class EmulatorState:
    """All emulator state: requests, users, tokens, retry keys, faults, contents, feeds, quota."""

    def __init__(
        self,
        channel_secret: str,
        access_token: str,
        webhook_url: str | None,
        spec_path: Path | None = None,
        now: Callable[[], float] = time.time,
        quota: int = DEFAULT_QUOTA,
        webhook_timeout: float = 10.0,
    ) -> None:
        self.lock = threading.RLock()
        self.channel_secret = channel_secret
        self.access_token = access_token
        self.webhook_url = webhook_url
        self.webhook_timeout = webhook_timeout
        self.spec_path = spec_path
        self.bot_user_id = "U" + hashlib.sha256(channel_secret.encode()).hexdigest()[:32]
        self._clock = now
        self._offset = 0.0
        self.requests = SeqLog(self.lock)
        self.webhooks = SeqLog(self.lock)
        self.faults = FaultQueue(self.lock)
        self.users: dict[str, dict[str, Any]] = {}
        self.following: dict[str, bool] = {}
        self._tokens: dict[str, ReplyToken] = {}
        self._retry_keys: dict[str, AcceptedRetry] = {}
        self._contents: dict[str, tuple[bytes, str]] = {}
        self._feeds: dict[str, list[dict[str, Any]]] = {}
        self.quota = quota
        self.group_sizes: dict[str, int] = {}  # groupId -> member count (LINE's count endpoint)
        # groupId -> {"groupName", "members"}: groups the bot is in, set by a test or met in events.
        self.groups: dict[str, dict[str, Any]] = {}
        self.usage = 0
        self.richmenus: dict[str, dict[str, Any]] = {}
        self.richmenu_images: dict[str, tuple[bytes, str]] = {}
        self.default_richmenu: str | None = None
        self.user_richmenus: dict[str, str] = {}

    # Clock and specs
    def now(self) -> float:
        """Return the emulator's current time in seconds (the clock plus any advance)."""
        with self.lock:
            return self._clock() + self._offset

    def advance_clock(self, seconds: float) -> float:
        """Move the emulator's clock forward by `seconds`; return the new time."""
        with self.lock:
            self._offset += float(seconds)
            return self.now()

    @property
    def spec(self) -> openapi.OpenApiSpec:
        """Return messaging-api.yml, loaded once per process."""
        return openapi.messaging_spec(self.spec_path)

    @property
    def webhook_spec(self) -> openapi.OpenApiSpec:
        """Return webhook.yml, loaded once per process."""
        return openapi.webhook_spec(self.spec_path)

    # Ids
    @staticmethod
    def new_message_id() -> str:
        """Return a fresh LINE-style numeric message id (18 digits)."""
        return str(secrets.randbelow(9 * 10**17) + 10**17)

    @staticmethod
    def new_quote_token() -> str:
        """Return a fresh opaque quote token."""
        return secrets.token_urlsafe(48)

    # Users
    def add_user(
        self,
        display_name: str,
        user_id: str | None = None,
        language: str = "th",
        picture_url: str | None = None,
        status_message: str | None = None,
    ) -> dict[str, Any]:
        """Create (or replace) a user; an id `U` + 32 hex is made when none is given."""
        user: dict[str, Any] = {
            "userId": user_id or "U" + uuid.uuid4().hex,
            "displayName": display_name,
            "language": language,
        }
        if picture_url:
            user["pictureUrl"] = picture_url
        if status_message:
            user["statusMessage"] = status_message
        with self.lock:
            self.users[user["userId"]] = user
            self.following.setdefault(user["userId"], True)
        return dict(user)

    def get_user(self, user_id: str) -> dict[str, Any] | None:
        """Return a copy of the user, or None when unknown."""
        with self.lock:
            user = self.users.get(user_id)
            return dict(user) if user else None

    def set_following(self, user_id: str, following: bool) -> bool:
        """Mark a user as following (or blocking) the bot; return the previous flag."""
        with self.lock:
            previous = self.following.get(user_id, True)
            self.following[user_id] = following
            return previous

    def join_group(
        self, group_id: str, user_id: str | None = None, name: str | None = None
    ) -> None:
        """Know a group the bot is in (named, or named after its id) and that a user is in it."""
        with self.lock:
            group = self.groups.setdefault(
                group_id, {"groupName": name or f"Group {group_id[-4:]}", "members": set()}
            )
            if name:
                group["groupName"] = name
            if user_id:
                group["members"].add(user_id)

    def group(self, group_id: str) -> dict[str, Any] | None:
        """Return a copy of a group the bot is in, or None (LINE answers 404 for it)."""
        with self.lock:
            found = self.groups.get(group_id)
            return {**found, "members": set(found["members"])} if found else None

    def followers(self) -> list[str]:
        """Return the ids of known users who follow the bot."""
        with self.lock:
            return [uid for uid in self.users if self.following.get(uid, True)]

    # Reply tokens
    def issue_reply_token(
        self, user_id: str | None, chat_id: str | None, token: str | None = None
    ) -> str:
        """Register a reply token for an event sent now; make one when not given."""
        with self.lock:
            token = token or secrets.token_hex(16)
            now = self.now()
            self._tokens[token] = ReplyToken(token, user_id, chat_id, now, now)
            return token

    def refresh_reply_token(self, token: str) -> None:
        """Give a redelivered event's token a fresh minute (within 20 minutes of the event)."""
        with self.lock:
            found = self._tokens.get(token)
            if found and not found.used:
                found.issued_at = min(self.now(), found.event_at + REDELIVERY_WINDOW)

    def use_reply_token(self, token: Any) -> ReplyToken | None:
        """Spend a reply token: return it if issued, unused and under 60 s old, else None."""
        with self.lock:
            found = self._tokens.get(token) if isinstance(token, str) else None
            if found is None or found.used or self.now() - found.issued_at > REPLY_TOKEN_TTL:
                return None
            found.used = True
            return copy.copy(found)

    # Retry keys
    def claim_retry_key(self, key: str, request_id: str) -> AcceptedRetry | None:
        """Hold a retry key for this request; return the earlier holder if one has it (24 h)."""
        with self.lock:
            found = self._retry_keys.get(key.lower())
            if found and (found.pending or self.now() - found.accepted_at <= RETRY_KEY_TTL):
                return copy.copy(found)
            self._retry_keys[key.lower()] = AcceptedRetry(request_id, self.now(), None, True)
            return None

    def settle_retry_key(self, key: str, accepted: bool, response: Any = None) -> None:
        """Keep a held key for 24 h if its request succeeded, else free it for a retry."""
        with self.lock:
            found = self._retry_keys.get(key.lower())
            if found is None or not found.pending:
                return
            if accepted:
                found.pending, found.accepted_at, found.response = False, self.now(), response
            else:
                del self._retry_keys[key.lower()]

    # Message contents
    def store_content(self, message_id: str, data: bytes, content_type: str) -> None:
        """Keep the bytes a user sent with a message (image events)."""
        with self.lock:
            self._contents[message_id] = (data, content_type)

    def get_content(self, message_id: str) -> tuple[bytes, str] | None:
        """Return (bytes, content type) for a user's message, or None."""
        with self.lock:
            return self._contents.get(message_id)

    # Feeds
    def deliver(self, chat_id: str, via: str, message: dict[str, Any], **extra: Any) -> None:
        """Append one bot message to what the chat `chat_id` shows."""
        with self.lock:
            feed = self._feeds.setdefault(chat_id, [])
            feed.append(
                {"seq": len(feed), "via": via, "message": message, "at": self.now(), **extra}
            )

    def messages_since(self, chat_id: str, since: int = 0) -> tuple[list[dict[str, Any]], int]:
        """Return the bot messages shown in `chat_id` with seq >= since, and the next seq."""
        with self.lock:
            feed = self._feeds.get(chat_id, [])
            return [m for m in feed[max(since, 0) :]], len(feed)

    # Quota
    def consume_quota(self, count: int) -> bool:
        """Count `count` sent messages against the monthly quota; False if it would exceed it."""
        with self.lock:
            if self.usage + count > self.quota:
                return False
            self.usage += count
            return True
