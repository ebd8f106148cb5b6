"""Fixtures of the activity tests: a quick console and a clock the test moves."""

from __future__ import annotations

import pytest

from emulator import console
from emulator.console import run_script
from tests.activities.chat import Clock

WAIT = 5.0


@pytest.fixture
def chat(monkeypatch):
    """Play console inputs as a member and return the transcript (answers settle in 0.1 s)."""
    monkeypatch.setattr(console, "QUIET", 0.1)

    def play(line, user_id: str, *inputs: str) -> str:
        return run_script(line, user_id, list(inputs), WAIT)

    return play


@pytest.fixture
def clock(bot_server) -> Clock:
    """Set the serving bot's one clock (processor, sender, handlers) to NOON, and let the test move it."""
    fake = Clock()
    bot_server.app.extensions["bot"].clock.set(fake)
    return fake
