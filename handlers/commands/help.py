"""Greet and show what the bot can do, with the main actions as quick replies."""

from __future__ import annotations

from handlers.registry import command
from messages.builders import say
from messages.catalog import variants


@command(
    "help",
    [*variants("action.help"), "สวัสดี", "หวัดดี", "ดีจ้า", "hello", "hi", "เมนู", "menu", "start"],
    in_groups=True,
    access="anyone",
)
def handle(event, ctx) -> list[dict]:
    """Show the help menu."""
    return [say("help.menu", ctx.language, menu=not ctx.in_group)]


def not_understood(event, ctx) -> list[dict]:
    """Say politely that the text was not understood, offering the main actions."""
    return [say("help.not_understood", ctx.language, menu=True)]
