"""A flow shaped like logging an activity: a name, a head count, a criterion button, a note."""

from __future__ import annotations

from handlers.engine import choice
from handlers.flow import Flow, Invalid, Step
from messages.builders import text_message

# Texts of a benchmark-only flow: members never see it, so it stays out of the catalog.
CRITERIA = ("หลักคุณธรรม", "การมีส่วนร่วม", "ผลลัพธ์", "การยอมรับ", "ความยั่งยืน")


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


def _ask_criterion(state):
    items = [choice(label, "criterion", str(n)) for n, label in enumerate(CRITERIA, 1)]
    return [text_message("ตรงกับหลักข้อใด", items)]


def _criterion(answer, state):
    if answer.kind != "choice" or answer.value not in {"1", "2", "3", "4", "5"}:
        raise Invalid("flow.want_choice")
    return int(answer.value)


def _finish(state):
    data = state.data
    return [text_message(f"บันทึกแล้ว: {data['name']} {data['count']} คน หลักข้อ {data['criterion']}")]


bench_activity = Flow(
    name="bench_activity",
    title_key="action.log_activity",
    keywords=("ทดลองบันทึกกิจกรรม",),
    steps=(
        Step("name", _ask("ชื่อกิจกรรม?"), _text),
        Step("count", _ask("มีผู้เข้าร่วมกี่คน?"), _count),
        Step("criterion", _ask_criterion, _criterion),
        Step("note", _ask("ถอดบทเรียนสั้น ๆ?"), _text, optional=True),
    ),
    finish=_finish,
)
