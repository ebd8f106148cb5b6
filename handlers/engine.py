"""Run flows: start or resume, read each answer, handle cancel/back/skip/help, finish."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from handlers import cancelling
from handlers.context import Context
from handlers.flow import Answer, Flow, FlowState, GoTo, Invalid, Step
from handlers.keywords import normalize
from handlers.understanding.controls import control_said
from messages.builders import say, text_message, with_quick_replies
from messages.catalog import text, variants
from storage import conversations
from storage.models import Conversation

RESUME_STEP = "__resume__"
BEGAN_AT = "_began_at"
CONTROLS = {
    "cancel": {normalize(w) for w in (*variants("flow.control.cancel"), "เลิก", "stop")},
    "back": {normalize(w) for w in (*variants("flow.control.back"), "กลับ", "ก่อนหน้า")},
    "skip": {normalize(w) for w in (*variants("flow.control.skip"), "ไม่มี", "none")},
    "help": {normalize(w) for w in (*variants("flow.control.help"), "?")},
}


def control_of(answer: Answer) -> str | None:
    """Return cancel/back/skip/help when the member typed (or tapped) one of those words."""
    if answer.kind == "choice" and answer.value and answer.value.startswith("!"):
        return answer.value[1:]
    if answer.kind != "text" or not answer.text:
        return None
    folded = normalize(answer.text)
    if not folded:
        # Only marks or invisible characters: "?" asks for help, anything else is no control.
        return "help" if "?" in answer.text else None
    exact = next((name for name, words in CONTROLS.items() if folded in words), None)
    return exact or control_said(answer.text)


def choice(label: str, step: str, value: str, display: str | None = None) -> dict[str, Any]:
    """Build a quick-reply item that answers `step` with `value` (a postback: stale taps are caught)."""
    return {
        "type": "action",
        "action": {
            "type": "postback",
            "label": label[:20],
            "data": f"s={step}&v={value}"[:300],
            "displayText": (display or label)[:300],
        },
    }


class FlowEngine:
    """Keep each member's place in a flow in the database, so any worker can continue it."""

    def __init__(self, flows: dict[str, Flow]) -> None:
        self.flows = flows

    def start(self, flow: Flow, ctx: Context) -> list[dict]:
        """Begin `flow`, or ask whether to continue the unfinished one."""
        refusal = flow.guard(ctx) if flow.guard is not None else None
        if refusal is not None:
            return refusal
        now = ctx.clock()
        existing = conversations.find(ctx.session, ctx.user_id, flow.name)
        unfinished = existing is not None and not conversations.is_expired(existing, now)
        # Past its first question (or begun further on: a one-line entry, an edit) is unfinished.
        started = existing is not None and existing.step not in (
            flow.steps[0].name,
            json.loads(existing.data).get(BEGAN_AT),
        )
        if unfinished and (started or json.loads(existing.history)):
            conversations.resume(ctx.session, existing, now)
            if existing.step != RESUME_STEP:
                from handlers.understanding import leave  # here: leave builds on this module

                data = json.loads(existing.data)
                step = existing.step
                if step == leave.LEAVE_STEP:  # paused at the pause question: back to its step
                    step = (data.pop(leave.PENDING, None) or {}).get("step") or flow.steps[0].name
                data["_paused_step"] = step
                existing.data = json.dumps(data, ensure_ascii=False)
                existing.step = RESUME_STEP
            return [self._resume_question(flow, ctx.language)]
        return self._begin(flow, ctx)

    def feed(self, conversation: Conversation, answer: Answer, ctx: Context) -> list[dict]:
        """Take one answer for the member's current conversation and say what comes next."""
        flow = self.flows.get(conversation.flow)
        now = ctx.clock()
        if flow is None:
            conversations.end(ctx.session, conversation.line_user_id, conversation.flow)
            return [say("help.not_understood", ctx.language, menu=True)]
        title = text(flow.title_key, ctx.language)
        if conversations.is_expired(conversation, now):
            conversations.end(ctx.session, conversation.line_user_id, flow.name)
            return [say("flow.expired", ctx.language, menu=True, flow=title)]
        state = FlowState(ctx, json.loads(conversation.data))
        history: list[str] = json.loads(conversation.history)
        conversation.updated_at = now
        if conversation.step == RESUME_STEP:
            return self._resume_answer(flow, conversation, answer, state)
        if conversation.step == cancelling.CONFIRM_STEP:
            return self._confirm_cancel(flow, conversation, answer, state)
        step = flow.step(conversation.step)
        control = control_of(answer)
        own = step.own_words and answer.kind == "text" and step.own_words(answer.text)
        if control and own and normalize(answer.text) not in CONTROLS.get(control, ()):
            control = None  # the step's own answer, not the bare control word
        if control == "cancel":
            state.data[cancelling.ANSWERED] = history
            if cancelling.needs_confirmation(state.data):
                state.data[cancelling.PAUSED] = step.name
                conversation.step = cancelling.CONFIRM_STEP
                conversation.data = json.dumps(state.data, ensure_ascii=False)
                return [cancelling.confirm_question(flow, state.data, ctx.language)]
            conversations.end(ctx.session, conversation.line_user_id, flow.name)
            return [cancelling.cancelled(flow, state.data, ctx.language)]
        if control == "help":
            return [say("flow.step_help", ctx.language, flow=title), *self._ask(flow, step, state)]
        if control == "back":
            if not history:
                return [say("flow.at_first_step", ctx.language), *self._ask(flow, step, state)]
            previous = flow.step(history.pop())
            state.data.pop("_return_to", None)  # back where an edit started: nothing to return to
            return self._move(conversation, flow, previous, state, history)
        if answer.kind == "choice" and answer.step and answer.step != step.name:
            return [say("flow.stale_button", ctx.language), *self._ask(flow, step, state)]
        try:
            if control == "skip":
                if not step.optional:
                    raise Invalid("flow.cannot_skip")
                value = None
            else:
                value = step.read(answer, state)
        except Invalid as problem:
            # A step may keep part of a refused answer (a date given without its time).
            conversation.data = json.dumps(state.data, ensure_ascii=False)
            hint = text_message(text(problem.key, ctx.language, **problem.params))
            asked = self._ask(flow, step, state)
            if problem.alone and asked and "quickReply" in asked[-1]:
                # One message: the hint, with the question's buttons (its picker, back, cancel).
                return [{**hint, "quickReply": asked[-1]["quickReply"]}]
            return [hint, *asked]
        except GoTo as jump:
            if jump.come_back:
                state.data["_return_to"] = step.name
            if jump.step != step.name:  # staying on a step (e.g. ticking choices) is not a move
                history.append(step.name)
            return self._move(conversation, flow, flow.step(jump.step), state, history)
        if step.stores:
            state.data[step.name] = value
        following = state.data.pop("_return_to", None) or flow.after(step, state)
        if following is None:
            conversations.end(ctx.session, conversation.line_user_id, flow.name)
            return flow.finish(state)
        if following != step.name:  # a step that repeats (one photo at a time) is one step back
            history.append(step.name)
        return self._move(conversation, flow, flow.step(following), state, history)

    def ask_again(self, conversation: Conversation, ctx: Context, lead: list[dict]) -> list[dict]:
        """Say `lead`, then ask the member's current step again (nothing is read or stored)."""
        flow = self.flows[conversation.flow]
        state = FlowState(ctx, json.loads(conversation.data))
        return [*lead, *self._ask(flow, flow.step(conversation.step), state)]

    def begin_at(
        self, flow: Flow, ctx: Context, step: str, data: dict[str, Any], history: Sequence[str] = ()
    ) -> list[dict]:
        """Begin `flow` afresh at `step` with answers already known (a one-line entry, an edit)."""
        state = FlowState(ctx, dict(data))
        conversation = conversations.start(
            ctx.session, ctx.user_id, flow.name, step, state.data, ctx.clock()
        )
        conversation.history = json.dumps(list(history))
        return self._ask(flow, flow.step(step), state)

    def _begin(self, flow: Flow, ctx: Context) -> list[dict]:
        state = FlowState(ctx, {})
        if flow.begin is not None:
            flow.begin(state)
        first = flow.first_step(state)
        if first is not flow.steps[0]:
            state.data[BEGAN_AT] = first.name  # where a fresh start asks first: not yet begun
        conversations.start(
            ctx.session, ctx.user_id, flow.name, first.name, state.data, ctx.clock()
        )
        return self._ask(flow, first, state)

    def _move(self, conversation, flow: Flow, step: Step, state: FlowState, history) -> list[dict]:
        conversation.step = step.name
        conversation.history = json.dumps(history)
        conversation.data = json.dumps(state.data, ensure_ascii=False)
        return self._ask(flow, step, state)

    def _ask(self, flow: Flow, step: Step, state: FlowState) -> list[dict]:
        messages = step.ask(state)
        language = state.language
        controls = [choice(text("flow.control.back", language), step.name, "!back")]
        if step.optional:
            controls.append(choice(text("flow.control.skip", language), step.name, "!skip"))
        controls.append(choice(text(step.leave_key, language), step.name, "!cancel"))
        return with_quick_replies(messages, controls)

    def _resume_question(self, flow: Flow, language: str) -> dict:
        items = [
            choice(text("flow.resume_continue", language), RESUME_STEP, "continue"),
            choice(text("flow.resume_restart", language), RESUME_STEP, "restart"),
        ]
        title = text(flow.title_key, language)
        return text_message(text("flow.resume_question", language, flow=title), items)

    def _confirm_cancel(self, flow, conversation, answer: Answer, state: FlowState) -> list[dict]:
        decided = cancelling.decision(answer)
        if decided == "discard":
            conversations.end(state.ctx.session, conversation.line_user_id, flow.name)
            return [cancelling.cancelled(flow, state.data, state.language)]
        if decided == "keep":
            state.data.pop(cancelling.ANSWERED, None)
            step = flow.step(state.data.pop(cancelling.PAUSED))
            conversation.step = step.name
            conversation.data = json.dumps(state.data, ensure_ascii=False)
            return self._ask(flow, step, state)
        return [
            say("flow.want_choice", state.language),
            cancelling.confirm_question(flow, state.data, state.language),
        ]

    def _resume_answer(self, flow, conversation, answer: Answer, state: FlowState) -> list[dict]:
        decision = answer.value if answer.kind == "choice" else None
        if decision is None and answer.kind == "text" and answer.text:
            folded = normalize(answer.text)
            if folded in {normalize(w) for w in variants("flow.resume_continue")}:
                decision = "continue"
            elif folded in {normalize(w) for w in variants("flow.resume_restart")}:
                decision = "restart"
        if decision == "restart":
            return self._begin(flow, state.ctx)
        if decision == "continue":
            step = flow.step(state.data.pop("_paused_step"))
            conversation.step = step.name
            conversation.data = json.dumps(state.data, ensure_ascii=False)
            return self._ask(flow, step, state)
        if control_of(answer) == "cancel":
            conversations.end(state.ctx.session, conversation.line_user_id, flow.name)
            state.data[cancelling.ANSWERED] = json.loads(conversation.history)
            return [cancelling.cancelled(flow, state.data, state.language)]
        return [
            say("flow.want_choice", state.language),
            self._resume_question(flow, state.language),
        ]
