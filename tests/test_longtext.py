"""Members' long answers are tidied and trimmed without breaking Thai letters or losing the start."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from handlers.longtext import ELLIPSIS, LEADING_VOWELS, MAX_BACKOFF, SPACE_WINDOW, clean, trim

THAI = st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B)
MARKS = "".join(chr(c) for c in range(0x0E00, 0x0E80) if unicodedata.category(chr(c)) == "Mn")
trim("ก" * 200, 50)  # load PyThaiNLP's dictionary once, outside the properties' deadlines
ANY = st.text(alphabet=st.one_of(THAI, st.characters(), st.sampled_from(" \n\t")), max_size=1500)


@given(ANY, st.integers(min_value=10, max_value=1200))
def test_a_trimmed_answer_fits_starts_like_the_original_and_says_so(raw, limit):
    text = clean(raw)
    kept, trimmed = trim(text, limit)
    assert len(kept) <= limit
    if not trimmed:
        assert kept == text
    else:
        assert kept.endswith(ELLIPSIS)
        body = kept.removesuffix(ELLIPSIS)
        assert text.startswith(body)
        following = text[len(body) :]
        natural = not body or not set(body[-MAX_BACKOFF:]) <= {*LEADING_VOWELS, *MARKS}
        if natural and len(body) > MAX_BACKOFF:
            # What follows the cut is a new letter, never a vowel or tone mark cut from its own.
            assert unicodedata.category(following[0]) not in ("Mn", "Mc", "Me")
            assert body[-1] not in LEADING_VOWELS
        assert len(body) >= min(len(text), limit) - len(ELLIPSIS) - SPACE_WINDOW - MAX_BACKOFF


@given(ANY)
def test_cleaning_removes_control_characters_and_is_stable(raw):
    text = clean(raw)
    assert clean(text) == text
    assert all(ch in "\n\u200d" or unicodedata.category(ch) not in ("Cc", "Cf") for ch in text)
    assert "\n\n\n" not in text and text == text.strip()


def test_thai_is_cut_between_syllables_and_at_a_space_when_one_is_near():
    sentence = "เด็กและเยาวชนร่วมกันปลูกต้นไม้ที่วัด " * 40
    kept, trimmed = trim(clean(sentence), 1000)
    assert trimmed and kept.endswith("วัด…")
    unspaced = "ที่" * 500  # ที + ่ : the tone mark must stay with its consonant
    kept, _ = trim(unspaced, 1000)
    assert kept == "ที่" * 333 + ELLIPSIS
    assert trim("เ" * 1200, 1000)[0] == "เ" * 991 + ELLIPSIS  # not Thai: cut without losing it all


def test_a_short_answer_is_kept_as_written():
    assert trim("ปลูกป่า 100 ต้น", 1000) == ("ปลูกป่า 100 ต้น", False)
    assert clean("  ปลูก\u200bป่า\r\n\r\n\r\n\r\nดี \x01 ") == "ปลูกป่า\n\nดี"


def test_thai_without_spaces_is_cut_at_a_word_boundary():
    lesson = "การทำงานร่วมกับวัดทำให้ชุมชนไว้ใจ" * 12
    for limit in (40, 50, 77, 120, 300):
        kept, trimmed = trim(lesson, limit)
        body = kept.removesuffix(ELLIPSIS)
        assert trimmed and len(kept) <= limit
        # Every cut ends on a whole word of the sentence, never inside one (e.g. "ชุม|ชน").
        words = ("การทำงาน", "ร่วมกับ", "วัด", "ทำให้", "ชุมชน", "ไว้ใจ")
        assert body.endswith(words), body[-12:]
