"""Commands may open a one-line entry; exact keywords still win and a separator is needed."""

from __future__ import annotations

import pytest

from handlers import handler_modules
from handlers.registry import Command, DuplicateCommand, Registry, build_registry


@pytest.fixture(scope="module")
def registry() -> Registry:
    return build_registry(handler_modules())


@pytest.mark.parametrize(
    ("said", "name"),
    [
        ("กิจกรรม: ปลูกป่าชุมชน 12/9/2564 30 คน", "log_activity_line"),
        ("กิจกรรม ปลูกป่าชุมชน", "log_activity_line"),
        ("บันทึกกิจกรรม：ปลูกป่า", "log_activity_line"),
        ("Log activity: Tree planting", "log_activity_line"),
        ("กิจกรรมปลูกป่า", None),  # no colon or space after the opening word
        ("กิจกรรม:  ", None),  # nothing after it
        ("ปลูกป่า กิจกรรม: 30 คน", None),
    ],
)
def test_one_line_openers(registry, said, name):
    found = registry.match_prefix(said)
    assert (found.name if found else None) == name


def test_exact_keywords_come_first(registry):
    assert registry.match("กิจกรรมของฉัน").name == "my_activities"
    assert registry.match("กิจกรรม").name == "log_activity"
    assert registry.match("บันทึก กิจกรรม").name == "log_activity"


def test_two_commands_cannot_share_an_opener():
    registry = Registry()
    registry.add(Command("a", None, (), prefixes=("กิจกรรม",)))
    with pytest.raises(DuplicateCommand):
        registry.add(Command("b", None, (), prefixes=("กิจกรรม",)))
