"""Greetings, thanks, good morning and good night, stickers: a warm short answer and the menu."""

from __future__ import annotations

from handlers.context import Context
from messages.builders import say


def reply(kind: str, ctx: Context) -> list[dict]:
    """Answer small talk of `kind` (greeting, thanks, morning, night, bye, sticker)."""
    # A greeting is answered with the help card: it opens with a greeting and shows what to do.
    key = "help.menu" if kind == "greeting" else f"smalltalk.{kind}"
    return [say(key, ctx.language, menu=not ctx.in_group)]
