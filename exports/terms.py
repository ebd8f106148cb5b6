"""Themes in what members wrote: the words and two-word phrases used most, Thai stop words removed.

Thai is written without spaces between words, so text is split with PyThaiNLP's dictionary
tokenizer (newmm, shipped in the package) and PyThaiNLP's Thai stop-word list (also shipped)
is removed with polite particles, digits and punctuation. A phrase is two content words that
stand next to each other with no stop word between them ("ผู้ปกครอง" + "ช่วย").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

# Particles and fillers the stop-word list leaves in, which say nothing about a theme.
EXTRA_STOP_WORDS = frozenset(
    "ค่ะ คะ ครับ จ้ะ จ้า นะ น่ะ ๆ จ๊ะ ครับผม the and of to in a is for with on we our".split()
)
_WORDLIKE = re.compile(r"[\u0e01-\u0e2e\u0e40-\u0e46A-Za-z]")  # a Thai consonant or a Latin letter
_THAI = re.compile(r"[\u0e00-\u0e7f]")
BREAK = ""  # where a stop word or a mark stood: no phrase across it


@cache
def stop_words() -> frozenset[str]:
    from pythainlp.corpus import thai_stopwords

    return frozenset(thai_stopwords()) | EXTRA_STOP_WORDS


@lru_cache(maxsize=100_000)
def terms(text: str) -> tuple[str, ...]:
    """The content words of `text` in order, with BREAK where a stop word or a mark was."""
    from pythainlp.tokenize import word_tokenize

    stops, out = stop_words(), []
    for token in word_tokenize(text, engine="newmm", keep_whitespace=False):
        word = token.strip().lower()
        keep = len(word) >= 2 and word not in stops and _WORDLIKE.search(word)
        if keep:
            out.append(word)
        elif out and out[-1] != BREAK:
            out.append(BREAK)
    return tuple(out)


def phrase(first: str, second: str) -> str:
    """Two words as a phrase: Thai runs together as written, other words keep a space."""
    joiner = "" if _THAI.search(first[-1]) and _THAI.search(second[0]) else " "
    return first + joiner + second


@dataclass
class Tally:
    """How often each word and phrase was used, and in how many reflections."""

    texts: int = 0
    words: Counter = field(default_factory=Counter)
    phrases: Counter = field(default_factory=Counter)
    word_texts: Counter = field(default_factory=Counter)
    phrase_texts: Counter = field(default_factory=Counter)

    def add(self, text: str) -> None:
        found = terms(text)
        words = [w for w in found if w != BREAK]
        pairs = [
            phrase(a, b)
            for a, b in zip(found, found[1:], strict=False)
            if a != BREAK and b != BREAK
        ]
        self.texts += 1
        self.words.update(words)
        self.phrases.update(pairs)
        self.word_texts.update(set(words))
        self.phrase_texts.update(set(pairs))

    def top_words(self, n: int) -> list[tuple[str, int, int]]:
        """(word, uses, reflections), most used first (ties: in more reflections, then A–Z)."""
        return _top(self.words, self.word_texts, n)

    def top_phrases(self, n: int, minimum: int = 2) -> list[tuple[str, int, int]]:
        """Phrases used at least `minimum` times (once is not a theme), most used first."""
        return [row for row in _top(self.phrases, self.phrase_texts, n) if row[1] >= minimum]


def _top(counts: Counter, texts: Counter, n: int) -> list[tuple[str, int, int]]:
    ranked = sorted(counts.items(), key=lambda item: (-item[1], -texts[item[0]], item[0]))
    return [(term, uses, texts[term]) for term, uses in ranked[:n]]


def tally(texts: Iterable[str]) -> Tally:
    found = Tally()
    for text in texts:
        found.add(text)
    return found
