"""Read short answers as members type them at a step: a name without its "ค่ะ", a number in
words ("สามค่ะ", "4 คะแนน"), a yes or no with its verb ("ใช่ค่ะ ลบเลย"), or one word amid
politeness ("โอเคค่ะ ยินยอมค่ะ")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from handlers.understanding.normalise import normalise
from handlers.understanding.words import PARTICLES, tokens

# Endings that are politeness, not part of a name or place. "นะ" and "ฮะ" end Thai names too
# ("ธนะ", "ชนะ"), so they are taken off only when typed as a word of their own ("สมศรี นะ").
_ENDING = re.compile(r"(\s*)(นะคะ|นะครับ|นะค่ะ|ครับผม|ครับ|ค่ะ|คะ|จ้า|จ้ะ|นะ|ฮะ)[\s.!~]*$")
_SPACED_ONLY = {"นะ", "ฮะ"}

NUMBER_WORDS = {
    "หนึ่ง": 1, "สอง": 2, "สาม": 3, "สี่": 4, "ห้า": 5, "หก": 6, "เจ็ด": 7, "แปด": 8, "เก้า": 9,
    "สิบ": 10, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
}  # fmt: skip
# Words around a score that add nothing: "ให้ 4 คะแนน", "ระดับ 3", "ข้อ 5".
SCORE_FILLERS = frozenset(
    "ให้ ได้ คะแนน คะเเนน ระดับ ข้อ ตอบ เลือก ประมาณ น่าจะ คิดว่า point points score level".split()
)
# Words that turn a number into a comparison: "ไม่ถึง 3" is not a 3.
NOT_EXACT = frozenset("ไม่ ยังไม่ ถึง ไม่ถึง เกือบ เกิน ต่ำกว่า น้อยกว่า มากกว่า กว่า หรือ".split())
YES_WORDS = frozenset("ใช่ ยืนยัน ตกลง โอเค ok okay yes confirm ได้ แน่ใจ แน่นอน จ้ะ".split())
NO_WORDS = frozenset("ไม่ ไม่ใช่ ยัง ยังไม่ อย่า เปลี่ยนใจ no not don't dont".split())
# Words beside a yes or no that change nothing: "ไม่ถอนแล้วค่ะ".
YES_NO_FILLERS = frozenset("แล้ว ค่อย ก่อน ขอ".split())


def without_particles(text: str) -> str:
    """Drop polite endings from a short name, place or title: "สมศรี ค่ะ" → "สมศรี",
    "โรงเรียนบ้านป่าอ้อนะคะ" → "โรงเรียนบ้านป่าอ้อ"; never from inside a word, never all of it."""
    value = text.strip()
    while True:
        found = _ENDING.search(value)
        if not found:
            return value
        spaced, ending = bool(found.group(1)), found.group(2)
        rest = value[: found.start()].rstrip()
        if not rest or (ending in _SPACED_ONLY and not spaced):
            return value
        if not spaced and not _ends_a_word(rest, ending):
            return value
        value = rest


def _ends_a_word(rest: str, ending: str) -> bool:
    """True when the tokenizer reads `ending` as a word of its own after `rest` (not "ภาคะ")."""
    words = tokens(normalise(rest + ending))
    return (
        bool(words)
        and words[-1] == ending
        and "".join(words[:-1]) == "".join(tokens(normalise(rest)))
    )


def bare_words(text: str, dropped: Iterable[str] = ()) -> list[str]:
    """Return the words of `text` without particles and the `dropped` words."""
    skip = PARTICLES | frozenset(dropped)
    return [word for word in tokens(normalise(text)) if word not in skip]


def number_said(text: str) -> int | None:
    """Return the one whole number a short answer says ("สามค่ะ", "ห้า", "๔", "4 คะแนน"), else None."""
    if len(text) > 30:
        return None
    words = bare_words(text, SCORE_FILLERS)
    numbers = [_number(word) for word in words]
    found = [n for n in numbers if n is not None]
    if len(found) != 1 or any(w in NOT_EXACT for w in words):
        return None
    # The number alone, or first with words after it that describe it ("2 ค่ะ เพิ่งเริ่ม").
    return found[0] if numbers[0] is not None else None


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def spelled_numbers(text: str) -> str:
    """Write numbers spelled in Thai as digits ("ยี่สิบคน" → "20 คน", "หนึ่งกับสาม" → "1 กับ 3");
    a text without one comes back as it was."""
    from pythainlp.util import thaiword_to_num  # ships in the package: nothing is downloaded

    def number(words: list[str]) -> int | None:
        try:
            return thaiword_to_num("".join(words))
        except ValueError:
            return None

    found, words, changed, at = tokens(normalise(text)), [], False, 0
    while at < len(found):
        # The longest run of words that is one number: "ยี่" + "สิบห้า" is 25, not 2 and 15.
        end = next((end for end in range(len(found), at, -1) if number(found[at:end]) is not None),
                   None)  # fmt: skip
        if end is None:
            words.append(found[at])
            at += 1
            continue
        words.append(str(number(found[at:end])))
        changed, at = True, end
    return " ".join(words) if changed else text


def yes_or_no(text: str, verbs: Iterable[str] = ()) -> bool | None:
    """Read a short yes or no, with the question's own verbs ("ใช่ค่ะ ลบเลย", "ไม่ลบค่ะ").

    Any "no" word makes it a no (keeping things is the safe side); a word that is neither a yes,
    a no nor one of `verbs` makes it unknown (None).
    """
    if len(text) > 40:
        return None
    words = bare_words(text, YES_NO_FILLERS)
    verbs = frozenset(verbs)
    if not words or any(w not in YES_WORDS | NO_WORDS | verbs for w in words):
        return None
    return not any(w in NO_WORDS for w in words)
