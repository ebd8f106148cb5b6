"""Route each webhook event to the command or conversation that answers it."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

from linebot.v3.webhooks import (
    Event,
    FollowEvent,
    JoinEvent,
    MessageEvent,
    PostbackEvent,
    TextMessageContent,
    UnfollowEvent,
)

from handlers import help as help_handler
from handlers.context import Context
from handlers.registry import Registry
from messages.builders import say
from storage import members


def parse_event(payload: dict[str, Any]) -> Event | None:
    """Parse a stored event with the SDK; None for types (or shapes) it does not know."""
    try:
        return Event.from_dict(payload)
    except Exception:  # noqa: BLE001 - LINE adds types and fields without notice: accept, don't answer
        return None


class Router:
    """Decide what to say to one event; the caller stores the reply and marks the event done."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry

    def handle(self, event: Event, ctx: Context) -> tuple[list[dict], str]:
        """Return the messages to reply with and a short outcome for the inbox receipt."""
        if isinstance(event, FollowEvent):
            return self._follow(ctx), "follow"
        if isinstance(event, UnfollowEvent):
            return self._unfollow(ctx), "unfollow"
        if isinstance(event, JoinEvent):
            return [say("group.invite_private", ctx.language)], "join"
        if isinstance(event, PostbackEvent):
            return self._postback(event, ctx)
        if isinstance(event, MessageEvent):
            return self._message(event, ctx)
        return [], f"ignored:{getattr(event, 'type', 'unknown')}"

    def _message(self, event: MessageEvent, ctx: Context) -> tuple[list[dict], str]:
        if not isinstance(event.message, TextMessageContent):
            if ctx.in_group:
                return [], "ignored:group-media"
            return help_handler.not_understood(event, ctx), "not-text"
        cmd = self.registry.match(event.message.text)
        if ctx.in_group and (cmd is None or not cmd.in_groups):
            # In groups the bot speaks only when addressed, so it never talks over members.
            return [], "ignored:group-chatter"
        if cmd is None:
            return help_handler.not_understood(event, ctx), "not-understood"
        return cmd.handler(event, ctx), f"command:{cmd.name}"

    def _postback(self, event: PostbackEvent, ctx: Context) -> tuple[list[dict], str]:
        fields = parse_qs(event.postback.data or "")
        name = (fields.get("cmd") or [""])[0]
        cmd = self.registry.by_name.get(name)
        if cmd is None or (ctx.in_group and not cmd.in_groups):
            return (
                [] if ctx.in_group else help_handler.not_understood(event, ctx)
            ), "postback:unknown"
        return cmd.handler(event, ctx), f"postback:{cmd.name}"

    def _follow(self, ctx: Context) -> list[dict]:
        if ctx.user_id and ctx.member is not None and not ctx.member.following:
            ctx.member.following = True
        return [say("help.menu", ctx.language, menu=True)]

    def _unfollow(self, ctx: Context) -> list[dict]:
        if ctx.user_id:
            member = ctx.member or members.find(ctx.session, ctx.user_id)
            if member is not None:
                member.following = False
        return []
