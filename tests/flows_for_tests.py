"""A small flow used to test the engine: a name, a count, a choice, an optional note."""

from __future__ import annotations

from handlers.engine import choice
from handlers.flow import Flow, Invalid, Step
from messages.builders import text_message


def _ask(question: str):
    return lambda state: [text_message(question)]


def _text(answer, state):
    if answer.kind != "text" or not (answer.text or "").strip():
        raise Invalid("flow.want_text")
    return answer.text.strip()


def _count(answer, state):
    value = _text(answer, state)
    if not value.isdigit():
        raise Invalid("flow.want_choice")
    return int(value)


def _ask_colour(state):
    return [text_message("สีอะไร", [choice("แดง", "colour", "red"), choice("ฟ้า", "colour", "blue")])]


def _colour(answer, state):
    if answer.kind != "choice" or answer.value not in {"red", "blue"}:
        raise Invalid("flow.want_choice")
    return answer.value


def _finish(state):
    data = state.data
    return [
        text_message(f"saved {data['name']} {data['count']} {data['colour']} {data.get('note')}")
    ]


demo = Flow(
    name="demo",
    title_key="action.log_activity",
    keywords=("ทดสอบ", "demo"),
    steps=(
        Step("name", _ask("ชื่อ?"), _text),
        Step("count", _ask("กี่คน?"), _count),
        Step("colour", _ask_colour, _colour),
        Step("note", _ask("หมายเหตุ?"), _text, optional=True),
    ),
    finish=_finish,
)
