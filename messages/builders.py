"""Turn catalog text into LINE message objects (plain dicts in the Messaging API's JSON shape)."""

from __future__ import annotations

from typing import Any

from messages.catalog import text

QUICK_REPLY_LIMIT = 13
LABEL_LIMIT = 20
# Catalog key of each main action's label, and the command its button runs.
MAIN_ACTIONS = {
    "action.log_activity": "log_activity",
    "action.reflect": "reflect",
    "action.assess": "assess",
    "action.meeting": "meeting",
    "action.my_summary": "my_summary",
    "action.help": "help",
}


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


def command_action(label: str, command: str) -> dict[str, Any]:
    """Build a quick-reply item that runs `command` (a postback, so it works even mid-conversation)."""
    if len(label) > LABEL_LIMIT:
        raise ValueError(f"quick-reply label over {LABEL_LIMIT} characters: {label!r}")
    return {
        "type": "action",
        "action": {
            "type": "postback",
            "label": label,
            "data": f"cmd={command}",
            "displayText": label,
        },
    }


def main_menu(language: str) -> list[dict[str, Any]]:
    """Return quick-reply items for the main actions, plus the language switch."""
    items = [command_action(text(key, language), command) for key, command in MAIN_ACTIONS.items()]
    switch = "english" if language == "th" else "thai"
    return [*items, command_action(text("action.language", language), switch)]


def say(key: str, language: str, *, menu: bool = False, **params: object) -> dict[str, Any]:
    """Build a text message from the catalog, with the main menu as quick replies if asked."""
    return text_message(text(key, language, **params), main_menu(language) if menu else None)


def with_quick_replies(
    messages: list[dict[str, Any]], extra: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Append quick-reply items to the last message (LINE shows only the last one's), up to 13."""
    if not messages:
        return messages
    last = dict(messages[-1])
    items = list(last.get("quickReply", {}).get("items", []))
    room = QUICK_REPLY_LIMIT - len(items)
    items.extend(extra[:room] if room > 0 else [])
    if items:
        last["quickReply"] = {"items": items}
    return [*messages[:-1], last]
