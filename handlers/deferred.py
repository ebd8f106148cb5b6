"""Ask LINE outside the unit of work: a handler's question is answered on a second pass.

A handler runs inside a database transaction; a LINE that takes 10 s to send a photo would hold
the transaction (on SQLite, the write lock every webhook needs) all that time. So inside the unit
of work a handler's gateway only answers from what was fetched already. A question not yet
answered ends the unit of work (rolled back, nothing kept), the processor asks LINE with no
transaction open, and handles the event again with the answer at hand.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# What handlers may ask LINE; sending is the outbox's job, never a handler's.
ASKABLE = frozenset(
    {"get_profile", "get_content", "quota", "group_member_count", "group_name", "in_group"}
)
Key = tuple[str, tuple]


class NeedsLine(BaseException):  # noqa: N818 - not an error: a request to step outside
    """Raised inside a unit of work when a handler asks LINE something not fetched yet.

    A BaseException, so handlers' `except Exception` (a failed download is a polite reply)
    let it pass up to the processor.
    """

    def __init__(self, key: Key) -> None:
        super().__init__(key[0])
        self.key = key


class LineAnswers:
    """What LINE answered for one event, fetched with no transaction open."""

    def __init__(self) -> None:
        self._found: dict[Key, tuple[bool, Any]] = {}

    def __len__(self) -> int:
        return len(self._found)

    def fetch(self, gateway: Any, key: Key) -> None:
        """Ask LINE now (never inside a unit of work) and keep the answer or the failure."""
        name, args = key
        try:
            self._found[key] = (True, getattr(gateway, name)(*args))
        except Exception as exc:  # noqa: BLE001 - the handler decides what a failure means
            self._found[key] = (False, exc)

    def answer(self, key: Key) -> Any:
        """Return what LINE answered, re-raise how it failed, or ask for it to be fetched."""
        if key not in self._found:
            raise NeedsLine(key)
        ok, value = self._found[key]
        if not ok:
            raise value
        return value


class DeferredGateway:
    """Stand in for the gateway inside a unit of work: answers only from `LineAnswers`."""

    def __init__(self, gateway: Any, answers: LineAnswers) -> None:
        self._gateway = gateway
        self._answers = answers

    def __getattr__(self, name: str) -> Callable[..., Any]:
        if name not in ASKABLE or not hasattr(self._gateway, name):
            raise AttributeError(name)
        return lambda *args: self._answers.answer((name, args))


def read_with_line(db: Any, gateway: Any, work: Callable[[Any, Any], Any], limit: int = 20) -> Any:
    """Run `work(session, line)` in a unit of work, asking LINE between tries, never inside one.

    For code outside the inbox (the staff web): each question LINE must answer rolls the unit
    of work back, is asked with no transaction open, and `work` runs again with the answer.
    """
    answers = LineAnswers()
    while True:
        try:
            with db.unit_of_work() as session:
                return work(session, DeferredGateway(gateway, answers))
        except NeedsLine as need:
            if len(answers) >= limit:
                raise RuntimeError("kept asking LINE new questions") from None
            answers.fetch(gateway, need.key)
