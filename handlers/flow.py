"""A conversation written as data: a flow is a table of steps, each a question and a reader."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from handlers.context import Context


class Invalid(Exception):
    """The answer does not fit the step: say the catalog hint `key` and ask again."""

    def __init__(self, key: str, *, alone: bool = False, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params
        # The hint is the whole question ("ได้วันพรุ่งนี้แล้วค่ะ ขอเวลาด้วย"): not asked again.
        self.alone = alone


class GoTo(Exception):
    """Leave the normal order: continue at another step (e.g. "edit the date" from the review)."""

    def __init__(self, step: str, *, come_back: bool = False) -> None:
        super().__init__(step)
        self.step = step
        self.come_back = come_back


@dataclass(frozen=True)
class Answer:
    """What the member sent at a step, whatever its kind."""

    kind: str  # text, choice, datetime, image, sticker, other
    text: str | None = None
    value: str | None = None  # a choice's value (from a postback)
    params: dict[str, str] = field(default_factory=dict)  # date/time picker
    message_id: str | None = None  # an image's id, to download its content
    step: str | None = None  # the step a tapped button belonged to (to catch stale taps)


@dataclass
class FlowState:
    """What a step may read and change: the answers so far and the handler context."""

    ctx: Context
    data: dict[str, Any]

    @property
    def language(self) -> str:
        return self.ctx.language


Ask = Callable[[FlowState], list[dict]]
Read = Callable[[Answer, FlowState], Any]
Next = Callable[[FlowState], str | None]


@dataclass(frozen=True)
class Step:
    """One question of a flow: how to ask it, how to read the answer, where to go next."""

    name: str
    ask: Ask
    read: Read
    optional: bool = False
    # Where to go after this step; None means the next step in the table (or finish after the last).
    then: str | Next | None = None
    # Steps that are not simply "store the answer under my name" (e.g. collecting photos) do it in read.
    stores: bool = True
    # The answer must be one of the step's buttons: a typed answer is matched to them loosely
    # ("เด็กและเยาวชน"). Otherwise a typed answer is kept as typed (a name that looks like the
    # suggested one is still the member's own) unless it is a button's label, particles aside.
    choose: bool = False
    # The card to check before saving: saving happens here, and only on a clear confirm.
    confirms: bool = False
    # Typed words this step reads itself although they look like a control word ("ยกเลิกเลยครับ"
    # where "ยกเลิกนัดนี้" is a button): only the exact control word (or its button) is the control.
    own_words: Callable[[str], bool] | None = None
    # The catalog key of the leave button's label: where "ยกเลิก" could be read as this step's
    # answer (cancel the meeting?), the step names what leaving means ("ไม่ยกเลิกนัด").
    leave_key: str = "flow.control.cancel"


@dataclass(frozen=True)
class Flow:
    """A whole conversation: its name, how members start it, its steps and what finishing does."""

    name: str
    title_key: str  # catalog key naming the flow ("บันทึกกิจกรรม")
    keywords: tuple[str, ...]
    steps: tuple[Step, ...]
    finish: Callable[[FlowState], list[dict]]
    begin: Callable[[FlowState], None] | None = None  # fill defaults before the first step
    # Answer instead of starting when the flow makes no sense now (e.g. nothing to delete).
    guard: Callable[[Context], list[dict] | None] | None = None
    access: str = "member"  # see handlers.registry.Command.access
    # For members without the role: the command to run instead (e.g. their meetings), not a refusal.
    fallback: str | None = None
    # Said after the fallback's answer: why the member got it instead (a catalog key).
    fallback_note: str | None = None
    # The step to ask first (a name, or a function of the state after `begin`); None: steps[0].
    first: str | Next | None = None

    def step(self, name: str) -> Step:
        for step in self.steps:
            if step.name == name:
                return step
        raise KeyError(f"flow {self.name!r} has no step {name!r}")

    def first_step(self, state: FlowState) -> Step:
        """Return the step a fresh conversation starts at."""
        name = self.first(state) if callable(self.first) else self.first
        return self.step(name) if name else self.steps[0]

    def after(self, step: Step, state: FlowState) -> str | None:
        """Name the step that follows `step`, or None when the flow is complete."""
        if callable(step.then):
            return step.then(state)
        if step.then:
            return step.then
        names = [s.name for s in self.steps]
        index = names.index(step.name)
        return names[index + 1] if index + 1 < len(names) else None
