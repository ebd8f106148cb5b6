"""Read the criteria a reflection speaks to: tapped one by one, or typed ("1 3", "หนึ่งกับสาม")."""

from __future__ import annotations

import re

from handlers.flow import Answer, FlowState, GoTo, Invalid
from handlers.keywords import THAI_DIGITS, normalize
from handlers.questionnaire import questionnaire_of
from handlers.understanding.answers import spelled_numbers, without_particles
from messages.catalog import variants

# What may stand between typed criterion numbers: "1 3", "1,3", "1 และ 3", "1+3".
NUMBER_LIST = re.compile(r"\d+|\s+|[,/+&、]|และ|กับ|ข้อที่|ข้อ|หลักที่|หลัก|ด้วย|and", re.IGNORECASE)
# "เพิ่มข้อ ๕ ด้วยค่ะ": to those already chosen, not instead of them.
ADDING = re.compile(r"(เพิ่ม|ขอเพิ่ม|add)\s*", re.IGNORECASE)


def read_tags(answer: Answer, state: FlowState) -> None:
    """Take a tapped criterion (and stay), "done", or typed numbers (the whole choice, or added)."""
    state.data.pop("_notice", None)
    keys = [c.key for c in questionnaire_of(state.ctx).criteria]
    chosen = set(state.data.get("criteria") or [])
    if answer.kind == "choice" and answer.value == "done":
        return
    if answer.kind == "choice" and (answer.value or "").removeprefix("c:") in keys:
        chosen ^= {answer.value.removeprefix("c:")}  # tapping again un-chooses
        state.data["criteria"] = [key for key in keys if key in chosen]
        raise GoTo("tags")  # stay here to choose more
    typed = (answer.text or "") if answer.kind == "text" else ""
    if normalize(typed) in {normalize(word) for word in variants("reflect.tags_done")}:
        return
    typed = without_particles(typed).translate(THAI_DIGITS)
    # "เพิ่มข้อ ๕ ด้วยค่ะ": to those already chosen (and stay here to see them); else numbers
    # typed are the whole choice.
    adding = ADDING.match(typed)
    typed = typed[adding.end() :] if adding else typed
    if not re.search(r"\d", typed):
        typed = without_particles(spelled_numbers(typed))  # "หนึ่งกับสามค่ะ"
    numbers = re.findall(r"\d+", typed)
    if numbers and not NUMBER_LIST.sub("", typed):
        picked = {int(n) for n in numbers}
        if all(1 <= n <= len(keys) for n in picked):
            kept = chosen if adding else set()
            state.data["criteria"] = [k for n, k in enumerate(keys, 1) if n in picked or k in kept]
            if adding:
                raise GoTo("tags")
            return
    raise Invalid("reflect.want_tags", count=len(keys))
