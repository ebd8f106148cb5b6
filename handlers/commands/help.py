"""The help card: every command with an example of how members may ask for it."""

from __future__ import annotations

from handlers.registry import command
from messages.builders import main_menu, say, text_message
from messages.catalog import text, variants


@command(
    "help",
    [*variants("action.help"), "เมนู", "menu", "start"],
    in_groups=True,
    access="anyone",
)
def handle(event, ctx) -> list[dict]:
    """Show the help card."""
    return [say("help.menu", ctx.language, menu=not ctx.in_group)]


def not_understood(event, ctx) -> list[dict]:
    """Say the text was not understood, with the help card (examples) and the main actions."""
    language = ctx.language
    card = text("help.not_understood", language) + "\n\n" + text("help.menu", language)
    return [text_message(card, main_menu(language))]
