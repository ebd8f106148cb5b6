"""What the engine learned for these flows: begin at a step chosen from the state, tick choices
in place, and come back from an edit without passing through the review twice."""

from __future__ import annotations

import pytest

from handlers.context import Context
from handlers.engine import FlowEngine
from handlers.flow import Answer, Flow, FlowState, GoTo, Step
from messages.builders import text_message
from storage import conversations, members
from tests.chatting import BANGKOK, Chat, labels, make_router
from tests.members import registered

USER = "U" + "4" * 32


def test_back_from_an_edit_then_save_finishes_at_once(db):
    registered(db, USER, name="สมศรี")
    chat = Chat(db, make_router(), USER)
    messages = chat.say("แก้ไขข้อมูล")  # registration, editing: every answer is already there
    for step in ("สมศรี", "ประชาสังคมคุณธรรม", "โรงเรียนบ้านดอย", "เชียงราย", "ภาษาไทย"):
        messages = chat.tap(messages, step)
    assert chat.step() == "review"
    chat.tap(messages, "แก้ชื่อ")
    back = chat.say("ย้อนกลับ")  # changed their mind: back to the review
    assert chat.step() == "review" and "บันทึก" in labels(back)
    done = chat.tap(back, "บันทึก")
    assert done[0]["text"] == "แก้ไขข้อมูลเรียบร้อยแล้วค่ะ" and chat.step() is None


def _ask(name: str):
    return lambda state: [text_message(f"{name}? {state.data.get('ticked', [])}")]


def _tick(answer: Answer, state: FlowState) -> None:
    if answer.text == "done":
        return
    state.data["ticked"] = sorted({*state.data.get("ticked", []), answer.text})
    raise GoTo("tick")


TICKING = Flow(
    name="ticking",
    title_key="action.reflect",
    keywords=(),
    steps=(
        Step("first", _ask("first"), lambda answer, state: answer.text),
        Step("tick", _ask("tick"), _tick, stores=False),
    ),
    finish=lambda state: [text_message(f"done {state.data['ticked']}")],
    first=lambda state: "tick",  # e.g. nothing to choose first: straight to the second question
)


@pytest.fixture
def talk(db):
    registered(db, USER)
    engine, now = FlowEngine({TICKING.name: TICKING}), Chat(db, None, USER).now

    def run(action) -> list[dict]:
        with db.unit_of_work() as session:
            member = members.find(session, USER)
            ctx = Context(session, member, "th", lambda: now, BANGKOK, USER)
            return action(engine, ctx, session)

    return run


def start(engine, ctx, session):
    return engine.start(TICKING, ctx)


def feed(word: str):
    def action(engine, ctx, session):
        conversation = conversations.current(session, USER)
        return engine.feed(conversation, Answer("text", text=word), ctx)

    return action


def test_a_flow_begins_at_its_chosen_step_and_ticks_choices_in_place(talk):
    assert talk(start)[0]["text"] == "tick? []"
    talk(feed("b"))
    assert talk(feed("a"))[0]["text"] == "tick? ['a', 'b']"
    assert talk(lambda engine, ctx, session: conversations.current(session, USER).history) == "[]"
    assert talk(feed("done"))[0]["text"] == "done ['a', 'b']"


def test_a_fresh_start_at_a_later_step_is_not_an_unfinished_conversation(talk):
    talk(start)
    assert talk(start)[0]["text"] == "tick? []"  # not "continue or start over?"
