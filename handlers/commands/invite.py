"""Take a role with a one-time invite code: "รหัส ABCD-2345", or just the code."""

from __future__ import annotations

import re

from handlers.context import Context
from handlers.keywords import normalize
from handlers.registry import command
from messages.builders import say, text_message
from messages.catalog import text
from storage import invites

_C = "[2-9a-hj-np-z]"  # the code alphabet as it looks after normalising (lower case)
# With a word in front, or alone when it holds a letter and a digit (so no plain word is a code).
CODE_PATTERN = (
    rf"(?:(?:รหัส(?:เชิญ)?|(?:invite)?code):?|(?=[^0-9]*[0-9])(?=[^a-z]*[a-z])){_C}{{4}}-?{_C}{{4}}"
)
_WORDS = re.compile(r"^(?:รหัสเชิญ|รหัส|invitecode|code):?")


def role_name(ctx: Context, role: str, network: str | None) -> str:
    """Name a role in the member's language, with its network."""
    if role == "staff":
        return text("role.staff_one", ctx.language)
    names = {n.key: n.name(ctx.language) for n in ctx.networks}
    return text("role.coordinator_of", ctx.language, network=names.get(network or "", network))


@command(
    "invite_code",
    ["รหัส", "รหัสเชิญ", "code", "invite code"],
    access="member",
    pattern=CODE_PATTERN,
)
def handle(event, ctx: Context) -> list[dict]:
    """Give the member the role of the code they typed, once."""
    typed = getattr(getattr(event, "message", None), "text", None) or ""
    code = invites.clean(_WORDS.sub("", normalize(typed)))
    if code is None or ctx.member is None:
        return [text_message(text("invite.hint", ctx.language))]
    taken = invites.take(ctx.session, code, ctx.member, ctx.clock())
    if taken.outcome == "invalid":
        return [text_message(text("invite.invalid", ctx.language))]
    role = role_name(ctx, taken.role or "", taken.network)
    key = "invite.granted" if taken.outcome == "granted" else "invite.already"
    return [say(key, ctx.language, menu=True, role=role)]
