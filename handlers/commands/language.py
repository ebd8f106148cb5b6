"""Switch the member's language between Thai and English."""

from __future__ import annotations

from handlers.registry import command
from messages.builders import say
from storage import members


def _switch(ctx, language: str) -> list[dict]:
    if ctx.user_id:
        member = ctx.member or members.get_or_create(ctx.session, ctx.user_id)
        member.language = language
        ctx.member = member
    ctx.language = language
    return [say("language.switched", language, menu=True)]


@command("english", ["English", "Eng", "ภาษาอังกฤษ"], access="consented")
def to_english(event, ctx) -> list[dict]:
    """Answer in English from now on."""
    return _switch(ctx, "en")


@command("thai", ["ภาษาไทย", "ไทย", "Thai"], access="consented")
def to_thai(event, ctx) -> list[dict]:
    """Answer in Thai from now on."""
    return _switch(ctx, "th")
