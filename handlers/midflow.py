"""Typed answers inside a conversation: match them to the step's buttons, and catch commands,
greetings and thanks typed at a step, so they are never stored as the answer unasked."""

from __future__ import annotations

import json
from dataclasses import replace

from sqlalchemy import inspect

from handlers import cancelling
from handlers.context import Context
from handlers.engine import RESUME_STEP, FlowEngine, control_of
from handlers.flow import Answer, FlowState
from handlers.understanding import leave
from handlers.understanding.buttons import button_for, buttons_of, finished
from handlers.understanding.meaning import SMALL_TALK, Understanding, key_of
from messages.builders import text_message
from messages.catalog import text
from storage import conversations
from storage.models import Conversation

# The words that answered the last question: said again at once, they are not the next answer
# (and never a card's confirm) until the member sends them once more.
ARRIVED_WITH = "_arrived_with"


class MidFlow:
    """Decide what a typed answer means at the member's current step, before the engine reads it."""

    def __init__(self, engine: FlowEngine, understanding: Understanding, titles) -> None:
        self.engine, self.understanding, self.titles = engine, understanding, titles

    def feed(
        self, conversation: Conversation, answer: Answer, ctx: Context, run
    ) -> tuple[list[dict], str]:
        """Answer one event of a conversation; `run(intent)` runs a command or small talk."""
        name = conversation.flow
        if conversation.step == leave.LEAVE_STEP:
            decision, pending = leave.decide(conversation, answer)
            if conversation.step == leave.LEAVE_STEP:
                # The question's context is gone (nothing to go back to): start the flow's
                # questions again rather than fail on a step the flow does not have.
                conversation.step = self.engine.flows[name].steps[0].name
            if decision == "answer":
                typed = Answer("text", text=pending.get("text", ""))
                return self._feed(conversation, typed, ctx), f"flow:{name}:kept"
            if decision == "go":
                conversations.pause_all(ctx.session, conversation.line_user_id)
                paused = self._paused(name, ctx)
                return [paused, *run(pending.get("intent", ""))][-5:], f"left:{name}"
            if decision is None and answer.kind == "text" and control_of(answer) is None:
                # Neither button: never the step's answer. "ใช่ ใช้เลย" uses it; "ไม่ใช่คำตอบค่ะ"
                # (or anything else that is not a command) asks the step's question again.
                said = answer.text or ""
                if leave.means_use(said):
                    typed = Answer("text", text=pending.get("text", ""))
                    return self._feed(conversation, typed, ctx), f"flow:{name}:kept"
                if not self.understanding.read(said, whole=True).intent:
                    asked = self.engine.ask_again(conversation, ctx, [])
                    return asked, f"flow:{name}:not-an-answer"
            # A command or control: the question is dropped and the message read as usual.
        flow = self.engine.flows.get(name)
        # The engine's own questions (continue?, discard?) are not steps with buttons to match.
        own_question = conversation.step in (RESUME_STEP, cancelling.CONFIRM_STEP)
        if flow is None or own_question:
            return self.engine.feed(conversation, answer, ctx), f"flow:{name}"
        if answer.kind != "text":
            return self._feed(conversation, answer, ctx), f"flow:{name}"
        here = next((s for s in flow.steps if s.name == conversation.step), None)
        if here is not None and here.own_words and here.own_words(answer.text or ""):
            # Words the step reads itself ("ยกเลิกประชุมครับ" at the edit menu): its answer.
            return self._feed(conversation, answer, ctx), f"flow:{name}:own"
        control = control_of(answer)
        if control in ("cancel", "back", "help"):
            return self._feed(conversation, answer, ctx), f"flow:{name}"
        step = flow.step(conversation.step)
        state = FlowState(ctx, json.loads(conversation.data))
        if control is None and state.data.get(ARRIVED_WITH) == key_of(answer.text or ""):
            # The words that answered the last question, again (sent twice, or typed before this
            # question arrived): never saved or stored unseen. Said once more after this, they are
            # meant.
            state.data.pop(ARRIVED_WITH)
            conversation.data = json.dumps(state.data, ensure_ascii=False)
            said = (answer.text or "").strip()[:40]
            key = "understand.check_card_first" if step.confirms else "understand.sent_twice"
            lead = [text_message(text(key, ctx.language, said=said))]
            outcome = "check-card" if step.confirms else "sent-twice"
            return self.engine.ask_again(conversation, ctx, lead), f"flow:{name}:{outcome}"
        buttons = buttons_of(step.ask(state), step.name)
        value = button_for(answer.text or "", buttons, loose=step.choose)
        if value is not None:
            chosen = replace(answer, kind="choice", value=value, step=step.name)
            return self._feed(conversation, chosen, ctx, answer.text), f"flow:{name}:button"
        if step.optional and not step.choose and finished(answer.text or ""):
            # "เสร็จแล้วค่ะ" to an optional question (a note, the agenda): nothing to add, not a note.
            skipped = replace(answer, kind="choice", value="!skip", step=step.name)
            return self._feed(conversation, skipped, ctx, answer.text), f"flow:{name}:skip"
        meaning = self.understanding.read(answer.text or "", whole=True)
        if meaning.intent == name:
            # Asking again for the flow one is in ("อยากบันทึกกิจกรรมค่ะ"): continue or restart?
            return self.engine.start(flow, ctx), f"flow:{name}:again"
        if meaning.intent in SMALL_TALK and _scores(step, buttons):
            # A greeting at a score step cannot be a score: greet back, ask the question again.
            greeting = [m for m in run(meaning.intent) if m.get("type") == "text"][:1]
            for message in greeting:
                message.pop("quickReply", None)
            return self.engine.ask_again(conversation, ctx, greeting), f"flow:{name}:greeted"
        if meaning.intent and control_of(answer) is None:
            title = text(flow.title_key, ctx.language)
            asked = leave.ask(conversation, answer.text or "", meaning.intent, title,
                              ctx.language, self.titles(meaning.intent, ctx.language))  # fmt: skip
            return asked, f"flow:{name}:leave?"
        return self._feed(conversation, answer, ctx), f"flow:{name}"

    def _feed(
        self, conversation: Conversation, answer: Answer, ctx: Context, typed: str | None = None
    ) -> list[dict]:
        """Feed the engine; remember the words that answered, when they moved the member on."""
        before = conversation.step
        messages = self.engine.feed(conversation, answer, ctx)
        found = inspect(conversation)
        flow = self.engine.flows.get(conversation.flow)
        if flow is None or found.detached or found.deleted or found.was_deleted:
            return messages  # finished or cancelled: nothing to remember
        data = json.loads(conversation.data)
        data.pop(ARRIVED_WITH, None)
        words = typed or answer.text or ""
        said = key_of(words) if answer.kind in ("text", "choice") else ""
        moved = conversation.step != before and conversation.step in {s.name for s in flow.steps}
        if said and moved and control_of(Answer("text", text=words)) is None:
            data[ARRIVED_WITH] = said
        conversation.data = json.dumps(data, ensure_ascii=False)
        return messages

    def _paused(self, name: str, ctx: Context) -> dict:
        flow = self.engine.flows[name]
        title = text(flow.title_key, ctx.language)
        return text_message(text("understand.leave_paused", ctx.language, flow=title))


def _scores(step, buttons: list[tuple[tuple[str, ...], str]]) -> bool:
    """True at a step whose answer is a score: every button a number."""
    return step.choose and bool(buttons) and all(value.isdigit() for _, value in buttons)
