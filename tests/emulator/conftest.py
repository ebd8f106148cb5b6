"""Fixtures for the emulator's tests: a served emulator, its clients and a webhook receiver."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from flask import Flask, request
from linebot.v3 import WebhookParser
from linebot.v3.messaging import ApiClient, Configuration, MessagingApi, MessagingApiBlob
from werkzeug.serving import make_server

from emulator import openapi
from emulator.client import EmulatorClient
from emulator.server import EmulatorServer
from emulator.state import EmulatorState

EMU_SECRET = "emulator-test-secret"
EMU_TOKEN = "emulator-test-token"
TIMEOUT = 5


@dataclass
class Receiver:
    """A bot stand-in: checks each webhook's signature and schema, then answers `status`."""

    url: str = ""
    status: int = 200
    bodies: list[dict[str, Any]] = field(default_factory=list)
    parsed: list[list[Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    on_event: Callable[[dict[str, Any]], None] | None = None

    @property
    def events(self) -> list[dict[str, Any]]:
        """Every event received, in order."""
        return [event for body in self.bodies for event in body["events"]]


def _receiver_app(receiver: Receiver) -> Flask:
    app = Flask("receiver")
    parser = WebhookParser(EMU_SECRET)
    spec = openapi.webhook_spec()

    @app.post("/callback")
    def callback() -> tuple[str, int]:
        raw = request.get_data(as_text=True)
        try:
            receiver.parsed.append(parser.parse(raw, request.headers.get("x-line-signature", "")))
        except Exception as exc:  # recorded, and the test asserts there were none
            receiver.problems.append(f"parse: {type(exc).__name__}: {exc}")
        body = json.loads(raw)
        receiver.problems.extend(f"schema: {d}" for d in spec.errors("CallbackRequest", body))
        receiver.bodies.append(body)
        if receiver.on_event:
            for event in body["events"]:
                receiver.on_event(event)
        return "OK", receiver.status

    return app


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    """A webhook receiver served on a free port."""
    found = Receiver()
    served = make_server("127.0.0.1", 0, _receiver_app(found), threaded=True)
    thread = threading.Thread(target=served.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    found.url = f"http://127.0.0.1:{served.server_port}/callback"
    yield found
    served.shutdown()
    served.server_close()
    thread.join(timeout=5)


@pytest.fixture
def state(receiver: Receiver) -> EmulatorState:
    """Emulator state whose webhooks go to the receiver."""
    return EmulatorState(EMU_SECRET, EMU_TOKEN, receiver.url, quota=10_000)


@pytest.fixture
def server(state: EmulatorState) -> Iterator[EmulatorServer]:
    """The emulator served on a free port."""
    with EmulatorServer(state) as served:
        yield served


@pytest.fixture
def control(server: EmulatorServer) -> EmulatorClient:
    """The emulator's control client."""
    return EmulatorClient(server.url, timeout=TIMEOUT)


@pytest.fixture
def api_client(server: EmulatorServer) -> Iterator[ApiClient]:
    """An SDK API client pointed at the emulator with the right token."""
    with ApiClient(Configuration(host=server.url, access_token=EMU_TOKEN)) as client:
        yield client


@pytest.fixture
def api(api_client: ApiClient) -> MessagingApi:
    """The SDK's MessagingApi talking to the emulator."""
    return MessagingApi(api_client)


@pytest.fixture
def blob(api_client: ApiClient) -> MessagingApiBlob:
    """The SDK's MessagingApiBlob (content, rich menu images) talking to the emulator."""
    return MessagingApiBlob(api_client)


@pytest.fixture
def user(control: EmulatorClient) -> dict[str, Any]:
    """A known, following user."""
    return control.add_user("สมชาย ใจดี")


@pytest.fixture
def http(server: EmulatorServer) -> Callable[..., Any]:
    """Call the emulator with `requests` and the bot's token: http(method, path, **kwargs)."""
    import requests

    def call(method: str, path: str, token: str | None = EMU_TOKEN, **kwargs: Any) -> Any:
        headers = dict(kwargs.pop("headers", {}))
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        return requests.request(
            method, server.url + path, headers=headers, timeout=TIMEOUT, **kwargs
        )

    return call
