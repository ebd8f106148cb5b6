"""Fixtures that read like the story: a database, the LINE emulator, the bot serving over HTTP."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from werkzeug.serving import make_server

from bot import create_app
from bot.config import Config
from storage.db import Database, normalize_url
from storage.migrate import upgrade
from storage.models import Base

pytest_plugins = ["tests.passes", "tests.delivery_fixtures"]


@pytest.fixture(autouse=True)
def _no_process_outlives_its_test() -> Iterator[None]:
    """Stop what a failed test left running (the next tests share its database, see below);
    what a module's fixtures started before it is theirs to stop."""
    from tests.processes import running, stop_leftovers

    kept = running()
    yield
    stop_leftovers(kept)


SECRET = "test-channel-secret"
TOKEN = "test-access-token"
ROOT = Path(__file__).resolve().parent.parent


def sign(body: bytes | str, secret: str = SECRET) -> str:
    """Sign a webhook body the way LINE does."""
    raw = body.encode() if isinstance(body, str) else body
    return base64.b64encode(hmac.new(secret.encode(), raw, hashlib.sha256).digest()).decode()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> Iterator[str]:
    """The database under test: a fresh SQLite file, or a fresh PostgreSQL database made on the
    server named by TEST_DATABASE_URL (so concurrent test runs never share tables)."""
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        url = f"sqlite:///{tmp_path_factory.mktemp('db')}/bot.sqlite3"
        upgrade(url)
        yield url
        return
    server = make_url(normalize_url(base))
    name = f"test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = server.set(database=name).render_as_string(hide_password=False)
    upgrade(url)
    yield url
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def db(database_url) -> Iterator[Database]:
    """A database with the schema migrated and every table empty."""
    database = Database(database_url)
    with database.engine.begin() as connection:
        names = [table.name for table in Base.metadata.sorted_tables]
        if database.dialect == "postgresql":
            connection.execute(text(f"TRUNCATE {', '.join(names)} RESTART IDENTITY CASCADE"))
        else:
            for name in reversed(names):
                connection.execute(text(f"DELETE FROM {name}"))
    yield database
    database.dispose()


@pytest.fixture
def config(db, tmp_path) -> Config:
    """Settings for a bot talking to nothing yet (tests that need LINE add the emulator)."""
    return Config(
        channel_secret=SECRET,
        access_token=TOKEN,
        api_base_url="http://127.0.0.1:9",
        database_url=db.url,
        media_dir=tmp_path / "media",
        request_timeout=3.0,
        inbox_poll_seconds=0.2,
        # Tests that freeze the clock would wait forever; the hold-back has tests of its own.
        inbox_holdback_ms=0,
        inbox_lease_seconds=5.0,
        start_inbox_worker=False,
    )


class ServedApp:
    """A WSGI app served over real HTTP on 127.0.0.1 in a background thread."""

    def __init__(self, app) -> None:
        self.app = app
        self._server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._thread.join(timeout=5)


@pytest.fixture
def app(config):
    """The bot's Flask app without its background worker (webhook tests look at stored rows)."""
    application = create_app(config)
    yield application
    application.extensions["bot"].close()


@pytest.fixture
def emulator():
    """A local LINE platform on 127.0.0.1, knowing our channel secret and access token."""
    from emulator.server import EmulatorServer
    from emulator.state import EmulatorState

    state = EmulatorState(channel_secret=SECRET, access_token=TOKEN, webhook_url=None)
    with EmulatorServer(state) as server:
        yield server


@pytest.fixture
def line(emulator):
    """The emulator's control client: simulated members, recorded requests, faults."""
    from emulator.client import EmulatorClient

    return EmulatorClient(emulator.url)


@pytest.fixture
def live_config(config, emulator) -> Config:
    """Settings for a bot whose LINE is the emulator and whose inbox worker runs."""
    return config.with_changes(api_base_url=emulator.url, start_inbox_worker=True)


@pytest.fixture
def bot_server(live_config, emulator):
    """The bot serving over real HTTP, with the emulator sending it webhooks."""
    application = create_app(live_config)
    bot = application.extensions["bot"]
    bot.start()
    served = ServedApp(application)
    emulator.state.webhook_url = served.url + "/callback"
    yield served
    served.stop()
    bot.close()


@pytest.fixture
def play(bot_server, line, monkeypatch):
    """Return play(user_id, inputs) -> transcript: the console's scripted mode, over real HTTP."""
    from emulator import console

    # One event gets one reply, so its messages arrive together: the console stops at the reply
    # itself (a busy machine may take seconds: up to 10 s), after a short quiet spell otherwise.
    monkeypatch.setattr(console, "QUIET", 0.3)
    monkeypatch.setattr(console, "POLL", 0.02)

    def run(user_id: str, inputs: list[str]) -> str:
        return console.run_script(line, user_id, inputs, wait=10.0)

    return run
