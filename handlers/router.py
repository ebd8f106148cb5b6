"""Route each webhook event to the command or conversation that answers it."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

from linebot.v3.webhooks import (
    Event,
    FollowEvent,
    ImageMessageContent,
    JoinEvent,
    MessageEvent,
    PostbackEvent,
    StickerMessageContent,
    TextMessageContent,
    UnfollowEvent,
)

from handlers.commands import help as help_handler
from handlers.consent import before_consent
from handlers.context import Context
from handlers.engine import FlowEngine
from handlers.flow import Answer
from handlers.registry import Command, Registry
from messages.builders import say
from messages.catalog import text
from storage import conversations, members


def parse_event(payload: dict[str, Any]) -> Event | None:
    """Parse a stored event with the SDK; None for types (or shapes) it does not know."""
    try:
        return Event.from_dict(payload)
    except Exception:  # noqa: BLE001 - LINE adds types and fields without notice: accept, don't answer
        return None


def answer_of(event: Event) -> Answer:
    """Turn a message or postback into the answer a flow step reads."""
    if isinstance(event, PostbackEvent):
        fields = {k: v[0] for k, v in parse_qs(event.postback.data or "").items()}
        params = {k: v for k, v in (event.postback.params or {}).items() if isinstance(v, str)}
        kind = "datetime" if params else "choice"
        return Answer(kind, value=fields.get("v"), params=params, step=fields.get("s"))
    message = event.message
    if isinstance(message, TextMessageContent):
        return Answer("text", text=message.text)
    if isinstance(message, ImageMessageContent):
        return Answer("image", message_id=message.id)
    if isinstance(message, StickerMessageContent):
        return Answer("sticker")
    return Answer("other")


REGISTRATION = "register"


class Router:
    """Decide what to say to one event; the caller stores the reply and marks the event done."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.engine = FlowEngine(registry.flows)

    def handle(self, event: Event, ctx: Context) -> tuple[list[dict], str]:
        """Return the messages to reply with and a short outcome for the inbox receipt."""
        if isinstance(event, FollowEvent):
            return self._follow(event, ctx), "follow"
        if isinstance(event, UnfollowEvent):
            return self._unfollow(ctx), "unfollow"
        if isinstance(event, JoinEvent):
            return [say("group.invite_private", ctx.language)], "join"
        if isinstance(event, PostbackEvent | MessageEvent):
            if ctx.in_group:
                return self._in_group(event, ctx)
            return self._private(event, ctx)
        return [], f"ignored:{getattr(event, 'type', 'unknown')}"

    def run(self, cmd: Command, event: Event, ctx: Context) -> list[dict]:
        """Run a command, or start its conversation, if the member may use it."""
        member = ctx.member
        if cmd.access == "member" and (member is None or not member.registered):
            # Not registered yet: registering comes first, then they can try again.
            return self.engine.start(self.registry.flows[REGISTRATION], ctx)
        if cmd.access in ("coordinator", "staff") and (
            member is None or not member.has_role(cmd.access)
        ):
            feature = text(cmd.flow.title_key, ctx.language) if cmd.flow else cmd.keywords[0]
            role = text(f"role.{cmd.access}", ctx.language)
            return [say("access.refused", ctx.language, menu=True, feature=feature, role=role)]
        if cmd.flow is not None:
            return self.engine.start(cmd.flow, ctx)
        return cmd.handler(event, ctx)

    def _private(self, event: Event, ctx: Context) -> tuple[list[dict], str]:
        if ctx.member is None or not ctx.member.consented:
            messages, outcome, agreed = before_consent(event, ctx)
            if agreed:
                messages += self.engine.start(self.registry.flows[REGISTRATION], ctx)
            return messages, outcome
        if isinstance(event, PostbackEvent):
            # A menu button (cmd=...) always works, even in the middle of a conversation.
            name = (parse_qs(event.postback.data or "").get("cmd") or [""])[0]
            cmd = self.registry.by_name.get(name)
            if cmd is not None:
                return self.run(cmd, event, ctx), f"postback:{cmd.name}"
        conversation = conversations.current(ctx.session, ctx.user_id) if ctx.user_id else None
        if conversation is not None:
            answer = answer_of(event)
            cmd = self.registry.match(answer.text) if answer.text else None
            if cmd is not None and cmd.name == conversation.flow:
                # Typing the flow's own name again means "take me back to it": ask continue/restart.
                return self.engine.start(cmd.flow, ctx), f"flow:{conversation.flow}:again"
            return self.engine.feed(conversation, answer, ctx), f"flow:{conversation.flow}"
        if isinstance(event, MessageEvent) and isinstance(event.message, TextMessageContent):
            said = event.message.text
            cmd = self.registry.match(said) or self.registry.match_prefix(said)
            if cmd is not None:
                return self.run(cmd, event, ctx), f"command:{cmd.name}"
            return help_handler.not_understood(event, ctx), "not-understood"
        return help_handler.not_understood(event, ctx), f"not-understood:{event.type}"

    def _in_group(self, event: Event, ctx: Context) -> tuple[list[dict], str]:
        # In groups the bot speaks only when addressed, and never runs a conversation there.
        if isinstance(event, MessageEvent) and isinstance(event.message, TextMessageContent):
            cmd = self.registry.match(event.message.text)
            if cmd is not None and cmd.in_groups and cmd.flow is None:
                return cmd.handler(event, ctx), f"command:{cmd.name}"
        return [], "ignored:group"

    def _follow(self, event: FollowEvent, ctx: Context) -> list[dict]:
        if ctx.member is None or not ctx.member.consented:
            return before_consent(event, ctx)[0]
        ctx.member.following = True  # following again: welcome back, no need to register again
        return [say("consent.welcome_back", ctx.language, menu=True)]

    def _unfollow(self, ctx: Context) -> list[dict]:
        if ctx.user_id:
            member = ctx.member or members.find(ctx.session, ctx.user_id)
            if member is not None:
                member.following = False
        return []
