"""The five-criteria questionnaire as data: read a YAML file, check every field, refuse a broken one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DEFAULT_FILE = Path(__file__).resolve().parent.parent / "data" / "questionnaire.yaml"
LANGUAGES = ("th", "en")
SCALE = (1, 2, 3, 4, 5)
PERIODS = ("month", "quarter", "half", "year")
MAX_QUESTIONS = 12  # the assessment flow has this many rating steps; a longer card gets unwieldy
MAX_CRITERIA = (
    10  # tag buttons of a reflection, with Done/Back/Cancel, fill LINE's 13 quick replies
)
BUTTON_LIMIT = 20  # LINE's quick-reply label limit
LABEL_LIMIT = 40
TEXT_LIMIT = 1000
KEY = re.compile(r"^[a-z0-9_]{1,30}$")


class QuestionnaireError(ValueError):
    """The questionnaire file is broken; the message names the file, the place and the problem."""


@dataclass(frozen=True)
class Text:
    """A text in Thai and English."""

    th: str
    en: str

    def __call__(self, language: str) -> str:
        return self.en if language == "en" else self.th


@dataclass(frozen=True)
class Level:
    value: int
    button: Text  # on the quick-reply button (≤ 20 characters)
    meaning: Text  # spelled out in the question


@dataclass(frozen=True)
class Criterion:
    key: str
    label: Text  # short: a tag button and a bar's name
    name: Text  # as the Moral Center writes it


@dataclass(frozen=True)
class Question:
    key: str
    label: Text
    text: Text
    criterion: str | None = None


@dataclass(frozen=True)
class Questionnaire:
    version: str
    period: str
    title: Text
    intro: Text
    scale: tuple[Level, ...]
    criteria: tuple[Criterion, ...]
    questions: tuple[Question, ...]

    def criterion(self, key: str) -> Criterion | None:
        return next((c for c in self.criteria if c.key == key), None)

    def question(self, key: str) -> Question | None:
        return next((q for q in self.questions if q.key == key), None)

    def level(self, value: int) -> Level:
        return self.scale[value - 1]


class _Reader:
    """Walk the parsed YAML, naming the place of every problem (e.g. `questions[2].text.en`)."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, problem: str) -> QuestionnaireError:
        return QuestionnaireError(f"questionnaire {self.source}: {where}: {problem}")

    def mapping(self, value: Any, where: str, required: set[str], optional: set[str] = frozenset()):
        if not isinstance(value, dict):
            raise self.fail(where, "must be a mapping of fields")
        missing = sorted(required - set(value))
        if missing:
            raise self.fail(where, f"missing field {missing[0]!r}")
        unknown = sorted(set(map(str, value)) - required - set(optional))
        if unknown:
            raise self.fail(where, f"unknown field {unknown[0]!r} (a typo?)")
        return value

    def items(self, value: Any, where: str, low: int, high: int) -> list:
        if not isinstance(value, list) or not low <= len(value) <= high:
            raise self.fail(where, f"must be a list of {low} to {high} entries")
        return value

    def string(self, value: Any, where: str, limit: int) -> str:
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, "must be a non-empty text")
        value = " ".join(value.split())
        if len(value.encode("utf-16-le")) // 2 > limit:
            raise self.fail(where, f"is longer than {limit} characters: {value[:30]!r}…")
        return value

    def text(self, value: Any, where: str, limit: int) -> Text:
        fields = self.mapping(value, where, set(LANGUAGES))
        return Text(*(self.string(fields[lang], f"{where}.{lang}", limit) for lang in LANGUAGES))

    def key(self, value: Any, where: str, seen: set[str]) -> str:
        if not isinstance(value, str) or not KEY.match(value):
            raise self.fail(where, "must be 1-30 characters of a-z, 0-9 or _")
        if value in seen:
            raise self.fail(where, f"{value!r} is used twice")
        seen.add(value)
        return value


def parse_questionnaire(document: Any, source: str = "<text>") -> Questionnaire:
    """Check a parsed questionnaire document and build it; raise QuestionnaireError naming the fault."""
    r = _Reader(source)
    top = r.mapping(
        document, "file", {"version", "title", "scale", "criteria", "questions"},
        {"period", "intro"},
    )  # fmt: skip
    period = top.get("period", "quarter")
    if period not in PERIODS:
        raise r.fail("period", f"must be one of {', '.join(PERIODS)}, got {period!r}")
    levels = r.items(top["scale"], "scale", len(SCALE), len(SCALE))
    scale = []
    for index, item in enumerate(levels):
        where = f"scale[{index}]"
        fields = r.mapping(item, where, {"value", "button", "meaning"})
        if fields["value"] != SCALE[index]:
            raise r.fail(
                f"{where}.value", f"must be {SCALE[index]} (the scale runs 1 to 5 in order)"
            )
        scale.append(Level(SCALE[index], r.text(fields["button"], f"{where}.button", BUTTON_LIMIT),
                           r.text(fields["meaning"], f"{where}.meaning", LABEL_LIMIT)))  # fmt: skip
    criteria, seen = [], set()
    for index, item in enumerate(r.items(top["criteria"], "criteria", 1, MAX_CRITERIA)):
        where = f"criteria[{index}]"
        fields = r.mapping(item, where, {"key", "label", "name"})
        criteria.append(Criterion(r.key(fields["key"], f"{where}.key", seen),
                                  r.text(fields["label"], f"{where}.label", BUTTON_LIMIT),
                                  r.text(fields["name"], f"{where}.name", TEXT_LIMIT)))  # fmt: skip
    by_key = {c.key: c for c in criteria}
    questions, seen = [], set()
    for index, item in enumerate(r.items(top["questions"], "questions", 1, MAX_QUESTIONS)):
        where = f"questions[{index}]"
        fields = r.mapping(item, where, {"key", "text"}, {"label", "criterion"})
        key = r.key(fields["key"], f"{where}.key", seen)
        criterion = fields.get("criterion")
        if criterion is not None and (not isinstance(criterion, str) or criterion not in by_key):
            raise r.fail(f"{where}.criterion", f"{criterion!r} is not one of the criteria above")
        if "label" in fields:
            label = r.text(fields["label"], f"{where}.label", LABEL_LIMIT)
        elif criterion is not None:
            label = by_key[criterion].label
        else:
            raise r.fail(where, "needs a label (or a criterion whose label it takes)")
        questions.append(Question(key, label, r.text(fields["text"], f"{where}.text", TEXT_LIMIT),
                                  criterion))  # fmt: skip
    intro = top.get("intro")
    return Questionnaire(
        version=r.string(top["version"], "version", 40),
        period=period,
        title=r.text(top["title"], "title", LABEL_LIMIT),
        intro=r.text(intro, "intro", TEXT_LIMIT) if intro is not None else Text("", ""),
        scale=tuple(scale),
        criteria=tuple(criteria),
        questions=tuple(questions),
    )


def load_questionnaire(path: Path | str) -> Questionnaire:
    """Read and check the questionnaire file at `path`; raise QuestionnaireError if it is broken."""
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise QuestionnaireError(f"questionnaire {path}: cannot be read: {exc.strerror}") from None
    try:
        document = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "file"
        problem = getattr(exc, "problem", None) or "is not valid YAML"
        raise QuestionnaireError(f"questionnaire {path}: {where}: {problem}") from None
    return parse_questionnaire(document, str(path))


@cache
def default_questionnaire() -> Questionnaire:
    """Return the questionnaire shipped with the bot (for code that runs without an app)."""
    return load_questionnaire(DEFAULT_FILE)


def questionnaire_of(ctx: Any) -> Questionnaire:
    """Return the questionnaire the app loaded, or the shipped one when none was given."""
    return getattr(ctx, "questionnaire", None) or default_questionnaire()
