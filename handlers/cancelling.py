"""Cancel a flow honestly: say exactly what is thrown away, and ask first when it is a lot.

A new draft's answers are discarded (and the member is told so); an edit of something saved
leaves the saved record as it was. A draft with CONFIRM_AT or more answers is not thrown away
on one word: the member is asked to confirm.
"""

from __future__ import annotations

from typing import Any

from handlers.flow import Answer, Flow
from handlers.keywords import normalize
from messages.builders import say, text_message
from messages.catalog import catalog, text, variants

CONFIRM_STEP = "__cancel__"
CONFIRM_AT = 3  # answers in a draft from which a cancel asks before discarding them
PAUSED = "_cancel_paused_step"
ANSWERED = "_answered"  # the engine copies the conversation's history here before it asks
EDIT_MARKERS = ("editing", "edit_id", "activity_id")  # what a flow keeps when it edits a record


def is_edit(data: dict[str, Any]) -> bool:
    """True when the conversation changes a saved record rather than making a new one."""
    return any(data.get(key) for key in EDIT_MARKERS)


def answers_in(data: dict[str, Any]) -> int:
    """Count the questions answered so far: the steps the member has passed (back undoes one)."""
    return len(data.get(ANSWERED) or [])


def title_of(flow: Flow, data: dict[str, Any], language: str) -> str:
    """The flow's name as the member knows it: "แก้ไขข้อมูล" when registration edits a profile."""
    edit_key = f"{flow.title_key}_edit"
    if is_edit(data) and edit_key in catalog():
        return text(edit_key, language)
    return text(flow.title_key, language)


def needs_confirmation(data: dict[str, Any]) -> bool:
    return not is_edit(data) and answers_in(data) >= CONFIRM_AT


def cancelled(flow: Flow, data: dict[str, Any], language: str) -> dict:
    """The message that ends a cancelled flow, saying what became of the answers."""
    title = title_of(flow, data, language)
    if f"{flow.title_key}_left" in catalog():  # the flow says itself what stays as it was
        return say(f"{flow.title_key}_left", language, menu=True, flow=title)
    if is_edit(data):
        key = "flow.cancelled_edit"
    elif answers_in(data):
        key = "flow.cancelled_draft"
    else:
        key = "flow.cancelled_empty"
    return say(key, language, menu=True, flow=title)


def confirm_question(flow: Flow, data: dict[str, Any], language: str) -> dict:
    """Ask before discarding a draft with many answers."""
    from handlers.engine import choice  # the engine imports this module

    question = text(
        "flow.cancel_confirm",
        language,
        flow=title_of(flow, data, language),
        count=answers_in(data),
    )
    items = [
        choice(text("flow.cancel_discard", language), CONFIRM_STEP, "discard"),
        choice(text("flow.cancel_keep", language), CONFIRM_STEP, "keep"),
    ]
    return text_message(question, items)


def decision(answer: Answer) -> str | None:
    """Read the confirmation: "discard", "keep", or None when it was neither."""
    if answer.kind == "choice" and answer.value in ("discard", "keep"):
        return answer.value
    if answer.kind == "text" and answer.text:
        folded = normalize(answer.text)
        discard = {*variants("flow.cancel_discard"), *variants("flow.control.cancel"), "ใช่"}
        keep = {*variants("flow.cancel_keep"), "ไม่", "ไม่ใช่", "no"}
        if folded in {normalize(w) for w in discard} | {"yes"}:
            return "discard"
        if folded in {normalize(w) for w in keep}:
            return "keep"
    return None
