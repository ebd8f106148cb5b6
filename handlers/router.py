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

from handlers import groups, photo_first, smalltalk
from handlers.commands import help as help_handler
from handlers.commands.activity_line import day_asked
from handlers.consent import before_consent, notice
from handlers.context import Context
from handlers.engine import FlowEngine
from handlers.event_answer import answer_of, postback_command
from handlers.flow import Answer
from handlers.midflow import MidFlow
from handlers.registry import Command, Registry
from handlers.understanding import questions, words
from handlers.understanding.meaning import SMALL_TALK, Understanding, intents_of
from messages.builders import say
from messages.catalog import text
from storage import conversations, members
from storage.models.members import CONSENT_WITHDRAWN


def parse_event(payload: dict[str, Any]) -> Event | None:
    """Parse a stored event with the SDK; None for types (or shapes) it does not know."""
    try:
        return Event.from_dict(payload)
    except Exception:  # noqa: BLE001 - LINE adds types and fields without notice: accept, don't answer
        return None


REGISTRATION = "register"
ALWAYS = "always"  # see handlers.registry.Command.access


class Router:
    """Decide what to say to one event; the caller stores the reply and marks the event done."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.engine = FlowEngine(registry.flows)
        self.understanding = Understanding(intents_of(registry))
        self.midflow = MidFlow(self.engine, self.understanding, questions.title_of)

    def warm(self) -> None:
        """Load the tokenizer and read every example now (at start), not on a first message."""
        words.warm()
        self.understanding.keys()

    def understand(self, event: Event, said: str, ctx: Context) -> tuple[list[dict], str]:
        """Run what `said` means; offer the close candidates; else show the help card."""
        meaning = self.understanding.read(said)
        if meaning.intent in SMALL_TALK:
            return smalltalk.reply(meaning.intent, ctx), f"smalltalk:{meaning.intent}"
        cmd = self.registry.by_name.get(meaning.intent or "")
        if cmd is not None and cmd.name == "log_activity" and day_asked(said, ctx.now().date()):
            cmd = self.registry.by_name["log_activity_line"]  # "…เมื่อวานหน่อยค่ะ": that day, kept
        if cmd is not None:
            return self.run(cmd, event, ctx), f"command:{cmd.name}"
        if meaning.candidates:
            offered = [name for name in meaning.candidates if name in self.registry.by_name]
            return questions.which(offered, ctx.language), "clarify:" + "|".join(offered)
        return help_handler.not_understood(event, ctx), "not-understood"

    def _intent(self, intent: str, event: Event, ctx: Context) -> list[dict]:
        if intent in SMALL_TALK:
            return smalltalk.reply(intent, ctx)
        cmd = self.registry.by_name.get(intent)
        return self.run(cmd, event, ctx) if cmd is not None else help_handler.handle(event, ctx)

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
        if cmd.access == ALWAYS:
            return self.engine.start(cmd.flow, ctx) if cmd.flow else cmd.handler(event, ctx)
        if cmd.access == "member" and (member is None or not member.registered):
            # Not registered yet: registering comes first, then they can try again.
            return self.engine.start(self.registry.flows[REGISTRATION], ctx)
        if cmd.access in ("coordinator", "staff") and (
            member is None or not member.has_role(cmd.access)
        ):
            fallback = self.registry.by_name.get(cmd.flow.fallback) if cmd.flow else None
            if fallback is not None and fallback.access != cmd.access:
                return _noted(self.run(fallback, event, ctx), cmd.flow.fallback_note, ctx.language)
            feature = text(cmd.flow.title_key, ctx.language) if cmd.flow else cmd.keywords[0]
            role = text(f"role.{cmd.access}", ctx.language)
            return [say("access.refused", ctx.language, menu=True, feature=feature, role=role)]
        if cmd.flow is not None:
            return self.engine.start(cmd.flow, ctx)
        return cmd.handler(event, ctx)

    def _private(self, event: Event, ctx: Context) -> tuple[list[dict], str]:
        if ctx.member is None or not ctx.member.consented:
            return self._unconsented(event, ctx)
        if isinstance(event, PostbackEvent):
            photo = photo_first.photo_of(event.postback.data or "")
            if photo == "no":
                return photo_first.declined(ctx), "photo-first:no"
            # A menu button (cmd=...) always works, even in the middle of a conversation.
            cmd = self.registry.by_name.get(postback_command(event))
            if cmd is not None and photo and cmd.name == photo_first.FLOW:
                started = self.run(cmd, event, ctx)
                return photo_first.attach(photo, ctx, started), "photo-first:log"
            if cmd is not None:
                return self.run(cmd, event, ctx), f"postback:{cmd.name}"
        conversation = conversations.current(ctx.session, ctx.user_id) if ctx.user_id else None
        if conversation is not None:
            answer = answer_of(event)
            rights = self._rights_meant(answer)
            if rights is not None and rights.name != conversation.flow:
                # The member's rights, in any words, interrupt any conversation.
                return self.run(rights, event, ctx), f"command:{rights.name}"
            cmd = self.registry.match(answer.text, patterns=False) if answer.text else None
            if cmd is not None and cmd.name == conversation.flow:
                # Typing the flow's own name again means "take me back to it": ask continue/restart.
                return self.engine.start(cmd.flow, ctx), f"flow:{conversation.flow}:again"
            return self.midflow.feed(
                conversation, answer, ctx, lambda intent: self._intent(intent, event, ctx)
            )
        if isinstance(event, MessageEvent) and isinstance(event.message, TextMessageContent):
            said = event.message.text
            cmd = self.registry.match(said) or self.registry.match_prefix(said)
            if cmd is not None:
                return self.run(cmd, event, ctx), f"command:{cmd.name}"
            return self.understand(event, said, ctx)
        if isinstance(event, MessageEvent) and isinstance(event.message, StickerMessageContent):
            return smalltalk.reply("sticker", ctx), "smalltalk:sticker"
        if isinstance(event, MessageEvent) and isinstance(event.message, ImageMessageContent):
            return photo_first.offer(event.message.id, ctx), "photo-first"
        return help_handler.not_understood(event, ctx), f"not-understood:{event.type}"

    def _unconsented(self, event: Event, ctx: Context) -> tuple[list[dict], str]:
        """Before consent (or after withdrawing) only the rights and the consent decision work."""
        rights = self._rights(event, ctx)
        if rights is not None:
            messages, outcome = rights
            undecided = ctx.member is None or ctx.member.consent_status != CONSENT_WITHDRAWN
            if outcome.endswith(":my_data") and undecided:
                # "ข้อมูลเก็บไว้ที่ไหนคะ" before deciding: what is kept, then the notice to decide.
                messages = [*messages, *notice(ctx.language)][-5:]
            return messages, outcome
        typed = isinstance(event, MessageEvent) and isinstance(event.message, TextMessageContent)
        greeted = typed and self.understanding.read(event.message.text).intent in SMALL_TALK
        # "สวัสดีค่ะ น้องคุณธรรม": greeted, not apologised to.
        lead = "consent.hello" if greeted else "consent.needed"
        messages, outcome, agreed = before_consent(event, ctx, lead)
        if agreed and ctx.member is not None and ctx.member.registered_at is not None:
            # Consenting again after withdrawing: their profile is still here.
            messages.append(say("consent.welcome_back", ctx.language, menu=True))
        elif agreed:
            messages += self.engine.start(self.registry.flows[REGISTRATION], ctx)
        return messages, outcome

    def _rights(self, event: Event, ctx: Context) -> tuple[list[dict], str] | None:
        """Answer a rights command, or a rights conversation (ถอน/ลบ confirmation) under way."""
        if isinstance(event, PostbackEvent):
            fields = parse_qs(event.postback.data or "")
            if "consent" in fields:
                return None  # the notice's own buttons always decide
            cmd = self.registry.by_name.get(postback_command(event))
            if cmd is not None and cmd.access == ALWAYS:
                return self.run(cmd, event, ctx), f"postback:{cmd.name}"
        answer = answer_of(event) if isinstance(event, PostbackEvent | MessageEvent) else None
        cmd = self._rights_meant(answer)
        if cmd is not None:
            return self.run(cmd, event, ctx), f"command:{cmd.name}"
        conversation = conversations.current(ctx.session, ctx.user_id) if ctx.user_id else None
        if conversation is None or answer is None:
            return None
        started = self.registry.by_name.get(conversation.flow)
        if started is None or started.access != ALWAYS:
            # Nothing but a rights request may be under way without consent: drop the rest.
            conversations.end(ctx.session, conversation.line_user_id, conversation.flow)
            return None
        return self.engine.feed(conversation, answer, ctx), f"flow:{conversation.flow}"

    def _rights_meant(self, answer: Answer | None) -> Command | None:
        """Return the rights command (my data, withdraw, delete) typed in the member's own words."""
        if answer is None or answer.kind != "text" or not answer.text:
            return None
        cmd = self.registry.match(answer.text, patterns=False)
        if cmd is None:
            cmd = self.registry.by_name.get(self.understanding.read(answer.text).intent or "")
        return cmd if cmd is not None and cmd.access == ALWAYS else None

    def _in_group(self, event: Event, ctx: Context) -> tuple[list[dict], str]:
        # In groups the bot speaks only when addressed (a keyword or a mention of the bot),
        # collects nothing and runs no conversation there: it asks for a private chat instead.
        if not (isinstance(event, MessageEvent) and isinstance(event.message, TextMessageContent)):
            return [], "ignored:group"
        said, mentioned = groups.read(event.message)
        cmd = self.registry.match(said, patterns=False) if said else None
        if cmd is None and said:
            # A pattern only for commands meant for groups (a group card's RSVP button says
            # "เข้าร่วม #12 · ...": LINE gives a user id on message events, not on postbacks).
            found = self.registry.match(said)
            cmd = found if found is not None and found.in_groups else None
        greeting = self.understanding.read(said, whole=True) if cmd is None and said else None
        if greeting is not None and greeting.intent == "greeting" and greeting.score == 100:
            cmd = self.registry.by_name.get("help")  # greeted in a group: the help card, as before
        if cmd is not None and cmd.in_groups and cmd.flow is None:
            return cmd.handler(event, ctx), f"command:{cmd.name}"
        if cmd is not None or mentioned:
            return [say("group.invite_private", ctx.language)], "group:private-chat"
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


def _noted(messages: list[dict], key: str | None, language: str) -> list[dict]:
    """Add `key`'s text to the last text message (its quick replies stay the last shown)."""
    if key is None:
        return messages
    note = text(key, language)
    if messages and messages[-1].get("type") == "text":
        messages[-1]["text"] = f"{messages[-1]['text']}\n\n{note}"[:5000]
        return messages
    return [*messages, say(key, language)]
