"""Every catalog entry speaks Thai and English with the same placeholders; builders obey LINE's limits."""

from __future__ import annotations

import string

import pytest

from messages.builders import main_menu, message_action, text_message
from messages.catalog import LANGUAGES, MissingText, catalog, text

CATALOG = catalog()


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_entry_has_every_language_and_the_same_placeholders(key):
    entry = CATALOG[key]
    assert set(entry) == set(LANGUAGES)
    assert all(entry[language].strip() for language in LANGUAGES)
    assert placeholders(entry["th"]) == placeholders(entry["en"])


def test_thai_entries_are_written_in_thai():
    thai = [
        key
        for key, entry in CATALOG.items()
        if any("\u0e00" <= ch <= "\u0e7f" for ch in entry["th"])
    ]
    # Only the language switch may show Latin letters on the Thai side ("English").
    assert set(CATALOG) - set(thai) <= {"action.language"}


def test_unknown_language_falls_back_to_thai_and_unknown_key_raises():
    assert text("action.help", "fr") == "ช่วยเหลือ"
    with pytest.raises(MissingText):
        text("no.such.key")


def test_main_menu_fits_quick_reply_limits_in_both_languages():
    for language in LANGUAGES:
        items = main_menu(language)
        assert 1 <= len(items) <= 13
        assert all(len(item["action"]["label"]) <= 20 for item in items)
    assert [item["action"]["label"] for item in main_menu("th")][:6] == [
        "บันทึกกิจกรรม",
        "ถอดบทเรียน",
        "แบบประเมิน 5 หลัก",
        "นัดประชุม",
        "สรุปของฉัน",
        "ช่วยเหลือ",
    ]


def test_builders_refuse_what_line_would_refuse():
    with pytest.raises(ValueError):
        message_action("ป้ายชื่อที่ยาวเกินยี่สิบตัวอักษรแน่นอน")
    with pytest.raises(ValueError):
        text_message("hi", [message_action(str(i)) for i in range(14)])


def test_no_placeholder_shadows_the_text_functions_own_parameters():
    for key, entry in CATALOG.items():
        assert not placeholders(entry["th"]) & {"key", "language"}, key
