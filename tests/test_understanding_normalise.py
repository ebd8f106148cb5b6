"""The normaliser and the reader: what they promise for any text at all."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handlers.understanding.meaning import key_of
from handlers.understanding.normalise import normalise
from tests.router_chat import shared_router


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("บันทึกกิจกรรมค่าาาา", "บันทึกกิจกรรมค่า"),
        ("แบบประเมิน ๕ หลัก", "แบบประเมิน 5 หลัก"),
        ("ขอบคุณ\u200bค่ะ 🙏🙏", "ขอบคุณค่ะ"),
        ("  Log   Activity!!! ", "log activity"),
        ("มากๆ", "มาก"),
    ],
)
def test_normalise_folds_what_members_type(typed, folded):
    assert normalise(typed) == folded


@pytest.mark.parametrize(
    ("typed", "same_as"),
    [
        ("บันทึกกิจกรรมหน่อยครับ", "บันทึกกิจกรรม"),
        ("อยากทำแบบประเมินค่ะ", "แบบประเมิน"),
        ("ขอดูสรุปของผมครับ", "ดูสรุปของฉัน"),
        ("log activity please", "log activity"),
    ],
)
def test_particles_fillers_and_pronouns_change_no_meaning(typed, same_as):
    assert key_of(typed) == key_of(same_as)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_text_folds_idempotently_and_reads_without_error(typed):
    folded = normalise(typed)
    assert normalise(folded) == folded
    assert "\u200b" not in folded and "  " not in folded
    assert not any(ch in folded for ch in "๐๑๒๓๔๕๖๗๘๙")
    meaning = shared_router().understanding.read(typed)
    assert meaning.intent is None or meaning.candidates == (meaning.intent,)
    assert len(meaning.candidates) <= 2
