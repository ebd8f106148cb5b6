"""Commands are found by keyword without spaces, and duplicates stop the bot from starting."""

from __future__ import annotations

import sys
import types

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlers import handler_modules
from handlers.keywords import normalize
from handlers.registry import DuplicateCommand, build_registry, command


@pytest.fixture(scope="module")
def registry():
    return build_registry(handler_modules())


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("ช่วยเหลือ", "help"),
        (" ช่วย เหลือ ", "help"),
        ("ช่วยเหลือครับ", "help"),
        ("เมนูค่ะ", "help"),
        ("HELP", "help"),
        ("บันทึก กิจกรรม", "log_activity"),
        ("ถอดบทเรียน", "reflect"),
        ("แบบประเมิน ๕ หลัก", "assess"),
        ("แบบประเมิน5หลัก", "assess"),
        ("นัดประชุม", "meeting"),
        ("สรุปของฉัน", "my_summary"),
        ("English", "english"),
        ("ภาษา ไทย", "thai"),
    ],
)
def test_keywords_match_as_thai_members_type_them(registry, typed, name):
    assert registry.match(typed).name == name


def test_unknown_text_matches_nothing(registry):
    assert registry.match("วันนี้อากาศดี") is None


def _module(name: str, source: str) -> str:
    module = types.ModuleType(name)
    exec(source, module.__dict__)  # noqa: S102 - building a throwaway handler module for the test
    sys.modules[name] = module
    return name


def test_duplicate_keyword_is_refused_at_start_up():
    clash = _module(
        "tests_clash_handlers",
        "from handlers.registry import command\n"
        "@command('other_help', ['ช่วย เหลือ'])\n"
        "def handle(event, ctx):\n    return []\n",
    )
    with pytest.raises(DuplicateCommand, match="ช่วย เหลือ"):
        build_registry([*handler_modules(), clash])


def test_duplicate_name_is_refused_at_start_up():
    @command("help", ["something else"])
    def again(event, ctx):
        return []

    clash = _module("tests_clash_names", "")
    sys.modules[clash].again = again
    again.__module__ = clash
    with pytest.raises(DuplicateCommand, match="help"):
        build_registry([*handler_modules(), clash])


# What members type: the Thai block, ASCII letters and digits, spaces.
THAI_AND_LATIN = st.sampled_from([chr(c) for c in range(0x0E01, 0x0E5C)] + list("abcXYZ019 "))


@given(st.text(alphabet=THAI_AND_LATIN, max_size=30))
def test_spaces_anywhere_do_not_change_what_a_member_typed(text):
    folded = normalize(text)
    assert not any(ch.isspace() for ch in folded)
    assert normalize(" ".join(text)) == folded
    assert normalize(folded) == folded


@given(st.text(alphabet="๐๑๒๓๔๕๖๗๘๙0123456789", min_size=1, max_size=10))
def test_thai_digits_read_as_arabic_digits(digits):
    assert normalize(digits) == digits.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))


def test_a_feature_module_replaces_its_coming_soon_placeholder():
    feature = _module(
        "tests_reflect_feature",
        "from handlers.registry import command\n"
        "@command('reflect', ['ถอดบทเรียน', 'Reflect'])\n"
        "def handle(event, ctx):\n    return ['real']\n",
    )
    # Only the placeholders' module: real features (reflect is one now) would claim the name.
    registry = build_registry(["handlers.commands.coming_soon", feature])
    assert registry.match("ถอดบทเรียน").handler(None, None) == ["real"]
    assert registry.match("สรุปของฉัน").name == "my_summary"  # other placeholders stay
