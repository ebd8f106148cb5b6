"""Fixtures of the stream scenarios: an emulator answering 0.2 s late, web processes to kill."""

from __future__ import annotations

import pytest

from tests.faults.tally import Web
from tests.processes import bot_env, free_port

# Short leases, so what a killed process held is free again in seconds, not a minute.
SHORT_LEASES = {"INBOX_POLL_SECONDS": "0.3", "INBOX_LEASE_SECONDS": "3",
                "LINE_REQUEST_TIMEOUT": "2", "DELIVERY_LEASE_SECONDS": "6"}  # fmt: skip


@pytest.fixture(scope="module")
def platform():
    from emulator.server import EmulatorServer
    from emulator.state import EmulatorState
    from tests.conftest import SECRET, TOKEN

    state = EmulatorState(channel_secret=SECRET, access_token=TOKEN, webhook_url=None)
    with EmulatorServer(state) as server:
        yield server


@pytest.fixture
def line(platform):
    from emulator.client import EmulatorClient

    client = EmulatorClient(platform.url)
    client.clear_faults()
    # LINE takes 0.2 s to answer each message call, after it has delivered the message.
    client.add_fault(path="/v2/bot/message/*", after=True, delay=0.2, times=1_000_000)
    yield client
    client.clear_faults()


@pytest.fixture
def web_env(platform, database_url) -> dict:
    return bot_env(platform.url, database_url, free_port(), **SHORT_LEASES)


@pytest.fixture
def web(web_env, tmp_path):
    web = Web(web_env, tmp_path)
    yield web
    if web.runs:
        web.stop()
