"""The examples live in the catalog beside the commands; the help card shows one for every command."""

from __future__ import annotations

import re

import pytest

from handlers.understanding.meaning import SMALL_TALK, examples_in_catalog
from messages.catalog import LANGUAGES, text
from tests.router_chat import shared_router

# Commands the help card names without an example: help itself, and the language switch it
# mentions in its last line.
NOT_LISTED = {"help", "english", "thai"}


def typed_commands() -> set[str]:
    """Commands a member starts by typing (the rest are buttons on cards)."""
    registry = shared_router().registry
    return {name for name, cmd in registry.by_name.items() if cmd.keywords} - NOT_LISTED


def test_every_example_set_belongs_to_a_command_or_small_talk():
    registry = shared_router().registry
    for intent, phrasings in examples_in_catalog().items():
        assert intent in registry.by_name or intent in SMALL_TALK, intent
        assert phrasings and len(phrasings[0]) <= 20, intent  # the first is shown on a button


def test_every_typed_command_has_examples():
    assert typed_commands() - set(examples_in_catalog()) <= {"link_group"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_help_card_lists_every_command_with_an_example_that_works(language):
    router = shared_router()
    router.warm()
    card = text("help.menu", language)
    reached = set()
    for example in re.findall(r"“([^”]+)”", card):
        cmd = router.registry.match(example) or router.registry.match_prefix(example)
        reached.add(cmd.name if cmd else router.understanding.read(example).intent)
    assert typed_commands() <= reached, typed_commands() - reached
