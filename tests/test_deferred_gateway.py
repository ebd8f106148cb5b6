"""Inside a unit of work a handler's questions to LINE are answered only from what was fetched."""

from __future__ import annotations

import pytest

from handlers.deferred import DeferredGateway, LineAnswers, NeedsLine


class SlowLine:
    def __init__(self) -> None:
        self.asked: list[tuple] = []

    def get_profile(self, user_id: str) -> dict:
        self.asked.append(("get_profile", user_id))
        return {"display_name": "ครูแดง"}

    def get_content(self, message_id: str) -> bytes:
        self.asked.append(("get_content", message_id))
        raise TimeoutError("LINE took too long")

    def push(self, *args) -> None:  # pragma: no cover - must never be reachable
        raise AssertionError("a handler sent a message")


def test_a_question_not_yet_fetched_steps_outside_then_is_answered_from_the_fetch():
    line, answers = SlowLine(), LineAnswers()
    gateway = DeferredGateway(line, answers)
    with pytest.raises(NeedsLine) as need:
        gateway.get_profile("U1")
    assert line.asked == []  # nothing asked from inside the unit of work
    answers.fetch(line, need.value.key)
    assert gateway.get_profile("U1") == {"display_name": "ครูแดง"}
    assert line.asked == [("get_profile", "U1")]  # once, however often the handler asks


def test_a_failed_fetch_reaches_the_handler_as_the_failure_it_was():
    line, answers = SlowLine(), LineAnswers()
    gateway = DeferredGateway(line, answers)
    with pytest.raises(NeedsLine) as need:
        gateway.get_content("m1")
    answers.fetch(line, need.value.key)
    with pytest.raises(TimeoutError):
        gateway.get_content("m1")


def test_handlers_can_neither_send_nor_reach_past_the_questions_they_may_ask():
    gateway = DeferredGateway(SlowLine(), LineAnswers())
    with pytest.raises(AttributeError):
        gateway.push("U1", [], "key")
    assert getattr(gateway, "_api", None) is None


def test_needs_line_is_not_caught_by_a_handlers_except_exception():
    assert not issubclass(NeedsLine, Exception)
