"""Turn catalog text into LINE message objects (plain dicts in the Messaging API's JSON shape)."""

from __future__ import annotations

from typing import Any

from messages.catalog import text

QUICK_REPLY_LIMIT = 13
LABEL_LIMIT = 20
MAIN_ACTIONS = (
    "action.log_activity",
    "action.reflect",
    "action.assess",
    "action.meeting",
    "action.my_summary",
    "action.help",
)


def message_action(label: str, sends: str | None = None) -> dict[str, Any]:
    """Build a quick-reply item that makes the member say `sends` (default: the label)."""
    if len(label) > LABEL_LIMIT:
        raise ValueError(f"quick-reply label over {LABEL_LIMIT} characters: {label!r}")
    return {"type": "action", "action": {"type": "message", "label": label, "text": sends or label}}


def text_message(body: str, quick_replies: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Build a text message, with quick-reply items when given."""
    message: dict[str, Any] = {"type": "text", "text": body}
    if quick_replies:
        if len(quick_replies) > QUICK_REPLY_LIMIT:
            raise ValueError(f"more than {QUICK_REPLY_LIMIT} quick replies")
        message["quickReply"] = {"items": quick_replies}
    return message


def main_menu(language: str) -> list[dict[str, Any]]:
    """Return quick-reply items for the main actions, plus the language switch."""
    keys = (*MAIN_ACTIONS, "action.language")
    return [message_action(text(key, language)) for key in keys]


def say(key: str, language: str, *, menu: bool = False, **params: object) -> dict[str, Any]:
    """Build a text message from the catalog, with the main menu as quick replies if asked."""
    return text_message(text(key, language, **params), main_menu(language) if menu else None)
