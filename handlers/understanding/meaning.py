"""Score what a member typed against every command's example phrasings (and small talk)."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from handlers.understanding.normalise import normalise
from handlers.understanding.words import content, polite_only, tokens
from messages.catalog import catalog, variants

SMALL_TALK = ("greeting", "thanks", "morning", "night", "bye")
PREFIX = "examples."
LONGEST = 60  # characters: a longer text is a story or an answer, never a command
CONFIDENT = 86  # a score this high, clearly ahead of the next intent, runs the command
CLOSE = 6  # two intents this close are both offered ("หมายถึงอันไหนคะ?")
POSSIBLE = 72  # below this nothing is offered: the help card answers
READ_CACHE = 4096  # texts whose meaning is remembered (each is at most LONGEST characters)


@dataclass(frozen=True)
class Meaning:
    """What the text means: one intent (confident), a few candidates, or nothing."""

    intent: str | None = None
    candidates: tuple[str, ...] = ()
    score: float = 0.0

    @property
    def small_talk(self) -> bool:
        return self.intent in SMALL_TALK


def key_of(text: str) -> str:
    """Return the words that carry meaning, joined: what examples and texts are compared on."""
    return keys_of(text)[0]


def keys_of(text: str) -> tuple[str, str, tuple[str, ...]]:
    """Return the text's key without particles and fillers, its key without particles only
    (a typo can hide a word from the tokenizer: "ช่วยเหลอ" splits as ช่วย + เหลอ), and its words."""
    folded = normalise(text)
    if not folded:
        return "", "", ()
    found = tokens(folded)
    meaning = content(found)
    return "".join(meaning), "".join(polite_only(found)), tuple(meaning)


def examples_in_catalog() -> dict[str, list[str]]:
    """Return each intent's example phrasings (Thai and English) from the catalog."""
    found: dict[str, list[str]] = {}
    for key in catalog():
        if key.startswith(PREFIX):
            lines = [line for value in variants(key) for line in value.split("\n")]
            found[key[len(PREFIX) :]] = [line for line in lines if line.strip()]
    return found


class Understanding:
    """Built once (after the registry) from the catalog examples and the commands' keywords."""

    def __init__(self, intents: dict[str, Iterable[str]]) -> None:
        self.intents = {name: list(phrasings) for name, phrasings in intents.items()}
        self._keys: list[tuple[str, tuple[str, ...], str]] | None = None
        # Members send the same few words again and again ("สวัสดีค่ะ", "เมนู", a button's
        # label): a text already read is not scored against every example again.
        self.read = functools.lru_cache(maxsize=READ_CACHE)(self._read)

    def keys(self) -> list[tuple[str, tuple[str, ...], str]]:
        """Return (example key, its words, intent), tokenised on first use (the app warms it)."""
        if self._keys is None:
            found = set()
            for name, phrasings in self.intents.items():
                for phrasing in phrasings:
                    key, _, words = keys_of(phrasing)
                    if key:
                        found.add((key, words, name))
            self._keys = sorted(found)
        return self._keys

    def _read(self, text: str, *, whole: bool = False) -> Meaning:
        """Say which intent `text` reaches, which ones it might, or none; `whole`: only when the
        whole text is the request (at a step, "ประชุมเครือข่าย" is a title, not นัดประชุม)."""
        if not text or len(text) > LONGEST:
            return Meaning()
        said, polite, words = keys_of(text)
        if not said:
            return Meaning()
        best: dict[str, float] = {}
        inside = set() if whole else _inside(said, words, self.keys())
        for key, _, name in self.keys():
            score = (
                _score(said, key, inside) if said == polite
                else max(_score(said, key, inside), _score(polite, key, inside))
            )  # fmt: skip
            if score > best.get(name, 0.0):
                best[name] = score
        ranked = sorted(best.items(), key=lambda pair: -pair[1])
        if not ranked or ranked[0][1] < POSSIBLE:
            return Meaning()
        (first, top), runner = ranked[0], ranked[1] if len(ranked) > 1 else ("", 0.0)
        if top >= CONFIDENT and top - runner[1] >= CLOSE:
            return Meaning(first, (first,), top)
        close = tuple(
            name for name, score in ranked[:2] if score >= POSSIBLE and top - score < CLOSE
        )
        if close == (first,) and first in SMALL_TALK:
            # A misspelt greeting or thanks: answering it is harmless.
            return Meaning(first, close, top)
        return Meaning(None, close or (first,), top)


def _inside(said: str, words: tuple[str, ...], keys) -> set[str]:
    """Return the example keys found inside `said` (as text, or as words in order) that no longer
    one found there holds: "แก้ไขถอดบทเรียนล่าสุด" holds แก้ไขถอดบทเรียน, so ถอดบทเรียน does not
    count; "กิจกรรมทั้งหมดของฉัน" holds กิจกรรม…ของ…ฉัน, so กิจกรรม alone does not."""
    found = {
        key: set(key_words)
        for key, key_words, _ in keys
        if len(key) >= 4 and (key in said or _in_order(key_words, words))
    }
    return {
        key
        for key, key_words in found.items()
        if not any(
            key != other and (key in other or key_words < other_words)
            for other, other_words in found.items()
        )
    }


def _in_order(part: tuple[str, ...], words: tuple[str, ...]) -> bool:
    if len(part) < 2 or len(part) > len(words):
        return False
    remaining = iter(words)
    return all(word in remaining for word in part)


def _score(said: str, key: str, inside: set[str]) -> float:
    if said == key:
        return 100.0
    score = fuzz.ratio(said, key)
    if key in inside and len(key) * 10 >= len(said) * 3:
        # The example inside a longer request ("บันทึกกิจกรรมที่ทำวันนี้"): the more of it, the surer.
        # Thai puts the verb first: the example the request opens with says most of what is meant.
        opens = 4 if said.startswith(key) else 0
        score = max(score, 80 + 15 * len(key) / len(said) + opens)
    return score


def intents_of(registry) -> dict[str, list[str]]:
    """Return every intent's phrasings: the catalog's examples plus each command's keywords."""
    examples = examples_in_catalog()
    intents: dict[str, list[str]] = {}
    for name, cmd in registry.by_name.items():
        phrasings = [*examples.get(name, ()), *cmd.keywords]
        if phrasings:
            intents[name] = phrasings
    for name in SMALL_TALK:
        intents[name] = examples.get(name, [])
    return intents
