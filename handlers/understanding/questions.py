"""What the bot shows when it is not sure: the name of an intent, and "หมายถึงอันไหนคะ?"."""

from __future__ import annotations

from collections.abc import Iterable

from messages.builders import command_action, text_message
from messages.catalog import catalog, text


def title_of(intent: str, language: str) -> str:
    """Name an intent as a button shows it: the first of its examples in `language`."""
    key = f"examples.{intent}"
    shown = text(key, language).split("\n")[0] if key in catalog() else intent
    return (shown[:1].upper() + shown[1:])[:20]


def which(candidates: Iterable[str], language: str) -> list[dict]:
    """Ask "หมายถึงอันไหนคะ?" with each candidate command as a button, and help."""
    items, labels = [], set()
    for name in (*candidates, "help"):
        label = text("action.help", language) if name == "help" else title_of(name, language)
        if label not in labels:  # two buttons with one label: the member cannot tell them apart
            labels.add(label)
            items.append(command_action(label, name))
    return [text_message(text("understand.which", language), items)]
