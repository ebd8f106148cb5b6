"""A member talking to the router directly (no HTTP), with a clock and questionnaire the test sets."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from linebot.v3.webhooks import Event

from bot.networks import DEFAULT_NETWORKS
from handlers import handler_modules
from handlers.context import Context
from handlers.registry import build_registry
from handlers.router import Router
from storage import conversations, members
from tests.events import text_event

BANGKOK = ZoneInfo("Asia/Bangkok")


def make_router() -> Router:
    return Router(build_registry(handler_modules()))


class Chat:
    """One member's chat: say, tap a quick reply by label, see where the conversation is."""

    def __init__(
        self, db, router, user_id: str, *, questionnaire=None, now: datetime | None = None
    ):
        self.db, self.router, self.user_id = db, router, user_id
        self.questionnaire = questionnaire
        self.now = now or datetime(2026, 11, 24, 3, 0, tzinfo=UTC)  # 10:00 in Bangkok

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)

    def _send(self, payload: dict) -> list[dict]:
        with self.db.unit_of_work() as session:
            member = members.find(session, self.user_id)
            ctx = Context(
                session, member, member.language if member else "th", lambda: self.now, BANGKOK,
                self.user_id, networks=DEFAULT_NETWORKS, questionnaire=self.questionnaire,
            )  # fmt: skip
            messages, _ = self.router.handle(Event.from_dict(payload), ctx)
        return messages

    def say(self, text: str) -> list[dict]:
        return self._send(text_event(text, self.user_id))

    def postback(self, data: str) -> list[dict]:
        event = text_event("", self.user_id)
        event.pop("message")
        event.update(type="postback", postback={"data": data})
        return self._send(event)

    def tap(self, messages: list[dict], label: str) -> list[dict]:
        """Tap the quick reply (of the last message) whose label is or starts with `label`."""
        items = messages[-1].get("quickReply", {}).get("items", [])
        found = [i for i in items if i["action"]["label"] == label] or [
            i for i in items if i["action"]["label"].startswith(label)
        ]
        assert found, f"no button {label!r} in {labels(messages)}"
        return self.postback(found[0]["action"]["data"])

    def step(self) -> str | None:
        with self.db.unit_of_work() as session:
            current = conversations.current(session, self.user_id)
            return current.step if current else None


def texts(messages: list[dict]) -> list[str]:
    return [m.get("text") or m.get("altText", "") for m in messages]


def labels(messages: list[dict]) -> list[str]:
    return [i["action"]["label"] for i in messages[-1].get("quickReply", {}).get("items", [])]


def flex_texts(message: dict) -> list[str]:
    """Every text shown in a Flex message, in order."""
    found: list[str] = []

    def walk(node) -> None:
        if isinstance(node, dict):
            if node.get("type") == "text":
                found.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(message.get("contents"))
    return found
