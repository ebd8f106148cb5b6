"""Talk to the real router directly (one unit of work per event, as the inbox does), for tests."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from linebot.v3.webhooks import Event

from bot.networks import DEFAULT_NETWORKS
from handlers import handler_modules
from handlers.context import Context
from handlers.registry import build_registry
from handlers.router import Router
from storage import conversations, members
from storage.media import MediaStore
from tests.events import text_event
from tests.members import registered

_ROUTER: Router | None = None


def shared_router() -> Router:
    """Build the real router once per test process (the registry refuses nothing twice)."""
    global _ROUTER
    if _ROUTER is None:
        _ROUTER = Router(build_registry(handler_modules()))
    return _ROUTER


class Chat:
    """One registered coordinator talking to the router; remembers the last outcome and buttons."""

    def __init__(self, db, media_dir, *, language: str = "th") -> None:
        self.db, self.media_dir, self.router = db, media_dir, shared_router()
        self.user = "U" + uuid.uuid4().hex
        self.now = datetime(2026, 11, 24, 3, 0, tzinfo=UTC)
        registered(db, self.user, language=language, roles=(("coordinator", "civil"),))
        self.outcome = ""
        self.messages: list[dict] = []
        self.gateway = None  # stands in for LINE's content server where a test needs photos
        self.media = MediaStore(media_dir)

    def send(self, payload: dict) -> list[dict]:
        with self.db.unit_of_work() as session:
            member = members.find(session, self.user)
            ctx = Context(
                session, member, member.language if member else "th", lambda: self.now,
                ZoneInfo("Asia/Bangkok"), self.user, networks=DEFAULT_NETWORKS,
                media_dir=self.media_dir, gateway=self.gateway, media=self.media,
            )  # fmt: skip
            self.messages, self.outcome = self.router.handle(Event.from_dict(payload), ctx)
        return self.messages

    def say(self, words: str) -> list[dict]:
        return self.send(text_event(words, self.user))

    def sticker(self) -> list[dict]:
        event = text_event("", self.user)
        event["message"] = {"id": "1", "type": "sticker", "packageId": "1", "stickerId": "1",
                            "stickerResourceType": "STATIC", "quoteToken": "q"}  # fmt: skip
        return self.send(event)

    def image(self, message_id: str = "2") -> list[dict]:
        event = text_event("", self.user)
        event["message"] = {"id": message_id, "type": "image", "quoteToken": "q",
                            "contentProvider": {"type": "line"}}  # fmt: skip
        return self.send(event)

    def postback(self, data: str) -> list[dict]:
        event = text_event("", self.user)
        event.pop("message")
        event.update(type="postback", postback={"data": data})
        return self.send(event)

    def tap(self, label: str) -> list[dict]:
        """Tap the quick-reply button of the last answer whose label starts with `label`."""
        for item in self.buttons():
            if item["action"]["label"].startswith(label):
                action = item["action"]
                if action["type"] == "message":
                    return self.say(action["text"])
                return self.postback(action["data"])
        raise AssertionError(f"no button {label!r} in {self.labels()}")

    def buttons(self) -> list[dict]:
        return self.messages[-1].get("quickReply", {}).get("items", []) if self.messages else []

    def labels(self) -> list[str]:
        return [item["action"]["label"] for item in self.buttons()]

    def text(self) -> str:
        return "\n".join(m.get("text", m.get("altText", "")) for m in self.messages)

    def current_flow(self) -> tuple[str, str] | None:
        with self.db.unit_of_work() as session:
            found = conversations.current(session, self.user)
            return (found.flow, found.step) if found else None

    def reset(self) -> None:
        """Leave every conversation and go back to Thai, as if the member started afresh."""
        with self.db.unit_of_work() as session:
            conversations.end_all(session, self.user)
            member = members.find(session, self.user)
            if member is not None:
                member.language = "th"
