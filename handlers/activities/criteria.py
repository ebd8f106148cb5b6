"""The criteria question: toggle any of the five until Done, or type their numbers at once."""

from __future__ import annotations

import re

from handlers.activities.readers import DONE_WORDS, read_criteria, said, typed
from handlers.engine import choice
from handlers.flow import Answer, FlowState, Invalid
from handlers.keywords import normalize
from handlers.understanding.answers import without_particles
from messages.builders import text_message
from messages.catalog import text
from storage.models.activities import CRITERIA

STEP = "criteria"
_BETWEEN = re.compile(r"\s*(?:,|/|\+|และ|กับ|and)\s*|\s+", re.IGNORECASE)


def ask_criteria(state: FlowState) -> list[dict]:
    """Ask (the full criteria the first time, what is chosen after), a button per criterion."""
    language, chosen = state.language, list(state.data.get("criteria") or [])
    items = []
    for n in CRITERIA:
        label = ("✓" if n in chosen else "") + text(f"criterion.{n}.short", language)
        items.append(choice(label, STEP, f"t{n}"))
    if chosen:
        items.append(choice(text("activity.done", language), STEP, "done"))
        names = ", ".join(text(f"criterion.{n}.short", language) for n in chosen)
        body = text("activity.criteria_chosen", language, chosen=names)
    else:
        listing = "\n".join(f"{n}. {text(f'criterion.{n}.full', language)}" for n in CRITERIA)
        body = text("activity.ask_criteria", language, criteria=listing)
    return [text_message(body, items)]


def read_criteria_answer(answer: Answer, state: FlowState) -> None:
    """Toggle a tapped criterion (and stay), finish on Done, or take typed numbers."""
    chosen = set(state.data.get("criteria") or [])
    value = answer.value or ""
    if answer.kind == "choice" and value[:1] == "t" and value[1:].isdigit():
        chosen ^= {int(value[1:])} & set(CRITERIA)
        state.data.update(criteria=sorted(chosen), _again=True)
        return
    if answer.kind == "choice" and value == "done" or said(answer, DONE_WORDS):
        if not chosen:
            raise Invalid("activity.criteria_none")
        return
    numbers = read_criteria(typed(answer))
    if numbers is None:
        numbers = named_criteria(typed(answer))
    if not numbers:
        raise Invalid("activity.criteria_bad")
    state.data["criteria"] = numbers


def named_criteria(said: str) -> list[int] | None:
    """Read criteria typed by name ("การมีส่วนร่วม กับ ความยั่งยืน"); None unless every part names
    exactly one criterion."""
    names = {
        n: {normalize(text(f"criterion.{n}.{size}", lang)) for size in ("short", "full")
            for lang in ("th", "en")}
        for n in CRITERIA
    }  # fmt: skip
    parts = [normalize(p) for p in _BETWEEN.split(without_particles(said)) if normalize(p)]
    found = set()
    for part in parts:
        meant = [n for n, labels in names.items()
                 if part in labels or (len(part) >= 4 and any(part in label for label in labels))]  # fmt: skip
        if len(meant) != 1:
            return None
        found.add(meant[0])
    return sorted(found) or None
