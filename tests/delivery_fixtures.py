"""A gateway to the emulator and a sender on a stopped clock, for the delivery tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.gateway import LineGateway
from bot.sender import DeliverySender

NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)  # the one injected clock: no test reads today


@pytest.fixture
def gateway(emulator):
    from tests.conftest import TOKEN  # here: the conftest loads this module (pytest_plugins)

    gw = LineGateway(emulator.url, TOKEN, timeout=1.0)
    yield gw
    gw.close()


@pytest.fixture
def sender(db, gateway):
    s = DeliverySender(db, gateway, clock=lambda: NOW, sleep=lambda _: None)
    yield s
    s.close()
