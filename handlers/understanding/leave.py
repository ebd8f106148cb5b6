"""A command, greeting or thanks typed at a step: ask whether to leave for it or use it as the answer.

The question is a step of its own (LEAVE_STEP) on the member's conversation: the step it
interrupted and what was typed are kept in the conversation's data until the member decides.
"""

from __future__ import annotations

import json

from handlers.engine import choice
from handlers.flow import Answer
from handlers.keywords import normalize
from handlers.understanding.meaning import SMALL_TALK
from messages.builders import text_message
from messages.catalog import text, variants
from storage.models import Conversation

LEAVE_STEP = "__leave__"
PENDING = "_leave"


def ask(conversation: Conversation, typed: str, intent: str, flow_title: str, language: str,
        command_title: str) -> list[dict]:  # fmt: skip
    """Keep what was typed and where, and ask: go to that command, or use it as the answer?"""
    data = json.loads(conversation.data)
    data[PENDING] = {"intent": intent, "text": typed, "step": conversation.step}
    conversation.data = json.dumps(data, ensure_ascii=False)
    conversation.step = LEAVE_STEP
    said = typed.strip()[:40]
    if intent in SMALL_TALK:
        question = text("understand.leave_smalltalk", language, said=said, flow=flow_title)
        go = text("understand.leave_pause", language)
    else:
        question = text("understand.leave_question", language, said=said, flow=flow_title,
                        command=command_title)  # fmt: skip
        go = text("understand.leave_go", language)
    items = [
        choice(go, LEAVE_STEP, "go"),
        choice(text("understand.leave_answer", language), LEAVE_STEP, "answer"),
    ]
    return [text_message(question, items)]


def decide(conversation: Conversation, answer: Answer) -> tuple[str | None, dict]:
    """Put the interrupted step back; return ("go"|"answer"|None, what was pending)."""
    data = json.loads(conversation.data)
    pending = data.pop(PENDING, None) or {}
    conversation.step = pending.get("step") or conversation.step
    conversation.data = json.dumps(data, ensure_ascii=False)
    decision = answer.value if answer.kind == "choice" and answer.step == LEAVE_STEP else None
    if decision is None and answer.kind == "text" and answer.text:
        folded = normalize(answer.text)
        for value, keys in (("go", ("understand.leave_go", "understand.leave_pause")),
                            ("answer", ("understand.leave_answer",))):  # fmt: skip
            if any(folded == normalize(w) for key in keys for w in variants(key)):
                decision = value
    return decision, pending


# "ใช่ ใช้เลย", "ใช้ค่ะ": use what was typed as the answer. Any "no" word ("ไม่ใช่คำตอบค่ะ") is not.
_USE_WORDS = ("ใช้", "เลย", "คำตอบ", "เป็น", "อันนี้", "นี้", "use", "it", "as", "answer")


def means_use(typed: str) -> bool:
    """True when a reply to the question says: use it as the answer."""
    from handlers.understanding.answers import yes_or_no

    words = typed.split()
    return bool(words) and yes_or_no(typed, _USE_WORDS) is True
