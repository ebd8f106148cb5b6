"""Serve the emulator over HTTP: the Flask app factory and a threaded background server."""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import threading
import time
import uuid
from typing import Any

from flask import Flask, Request, Response, request
from werkzeug.serving import BaseWSGIServer, make_server

from emulator.calls import Answer
from emulator.control import control_blueprint
from emulator.dispatch import AUTH_FAILED, serve_call
from emulator.keepalive import KEEP_ALIVE, KeepAliveHandler, never_readable_end
from emulator.state import EmulatorState

log = logging.getLogger("emulator")
POLL_INTERVAL = 0.05  # how fast stop() takes effect

FAULT_MESSAGES = {400: "Bad Request", 401: AUTH_FAILED, 403: "Forbidden", 404: "Not found",
                  409: "Conflict", 429: "Too many requests", 500: "Internal server error",
                  502: "Bad gateway", 503: "Service unavailable", 504: "Gateway timeout"}  # fmt: skip


def _respond(answer: Answer, request_id: str) -> Response:
    if isinstance(answer.body, bytes | bytearray):
        response = Response(bytes(answer.body), answer.status, content_type=answer.content_type)
    else:
        payload = json.dumps(answer.body, ensure_ascii=False)
        response = Response(payload, answer.status, content_type="application/json")
    response.headers["x-line-request-id"] = request_id
    for name, value in answer.headers.items():
        response.headers[name] = value
    return response


def _drop(req: Request) -> Response:
    """Close the client's socket so it sees a connection error and no response."""
    req.environ[KEEP_ALIVE] = False
    sock = req.environ.get("werkzeug.socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
    # Writing this to the shut socket fails; werkzeug treats that as a dropped connection.
    return Response(b"", 500, headers={"Connection": "close"})


def _logged_body(raw: bytes, headers: dict[str, str]) -> Any:
    if not raw or "json" not in headers.get("content-type", ""):
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return None


def _answer_late(state: EmulatorState, entry: dict, fault: dict, headers: dict, raw: bytes,
                 request_id: str) -> Response:  # fmt: skip
    """Handle the request for real, then hold or drop the answer (the client cannot tell)."""
    answer = serve_call(state, request.method, request.path, headers, raw, request_id)
    logged = None if isinstance(answer.body, bytes | bytearray) else answer.body
    kind = "after-drop" if fault["drop"] else "after-delay"
    state.requests.append({**entry, "status": answer.status, "response": logged, "fault": kind})
    if fault["delay"] > 0:
        time.sleep(fault["delay"])
    if fault["drop"]:
        return _drop(request)
    return _respond(answer, request_id)


def create_emulator_app(state: EmulatorState) -> Flask:
    """Build the Flask app serving the Messaging API and the `/_emulator/` control endpoints."""
    app = Flask("emulator")
    app.register_blueprint(control_blueprint(state))

    @app.route("/v2/<path:rest>", methods=["GET", "POST", "PUT", "DELETE", "PATCH"])
    @app.route("/bot/<path:rest>", methods=["GET", "POST", "PUT", "DELETE", "PATCH"])
    def messaging_api(rest: str) -> Response:
        request_id = str(uuid.uuid4())
        raw = request.get_data(cache=True)
        request.environ[KEEP_ALIVE] = True  # the body is read: LINE keeps connections alive
        headers = {name.lower(): value for name, value in request.headers.items()}
        entry = {"method": request.method, "path": request.path, "query": request.args.to_dict(),
                 "headers": headers, "body": _logged_body(raw, headers), "at": state.now(),
                 "requestId": request_id,
                 # The client's port: requests sharing it came over one kept-alive connection.
                 "peer": request.environ.get("REMOTE_PORT")}  # fmt: skip
        fault = state.faults.take(request.method, request.path)
        if fault and fault["after"]:
            return _answer_late(state, entry, fault, headers, raw, request_id)
        if fault and fault["delay"] > 0:
            time.sleep(fault["delay"])
        if fault and fault["drop"]:
            state.requests.append({**entry, "status": None, "response": None, "fault": "drop"})
            return _drop(request)
        if fault and fault["status"]:
            status = int(fault["status"])
            body = (
                fault["body"]
                if fault["body"] is not None
                else {"message": FAULT_MESSAGES.get(status, "Error")}
            )
            state.requests.append({**entry, "status": status, "response": body, "fault": "status"})
            return _respond(Answer(status, body, dict(fault["headers"])), request_id)
        answer = serve_call(state, request.method, request.path, headers, raw, request_id)
        logged = None if isinstance(answer.body, bytes | bytearray) else answer.body
        state.requests.append({**entry, "status": answer.status, "response": logged})
        return _respond(answer, request_id)

    @app.after_request
    def request_id_header(response: Response) -> Response:
        response.headers.setdefault("x-line-request-id", str(uuid.uuid4()))
        return response

    return app


class _QuietHandler(KeepAliveHandler):
    """Log each request at DEBUG instead of werkzeug's INFO lines."""

    def log_request(self, code: Any = "-", size: Any = "-") -> None:
        log.debug('"%s" %s %s', self.requestline, code, size)


class EmulatorServer:
    """Run the emulator app on a werkzeug threaded server in a daemon thread."""

    def __init__(self, state: EmulatorState, host: str = "127.0.0.1", port: int = 0,
                 quiet: bool = True) -> None:  # fmt: skip
        self.state = state
        self.host = host
        self.port = port
        self.quiet = quiet
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """Return the base URL, e.g. `http://127.0.0.1:40123`."""
        host = self.host if self.host not in ("0.0.0.0", "") else "127.0.0.1"
        return f"http://{host}:{self.port}"

    def bind(self) -> EmulatorServer:
        """Open the listening socket (port 0 picks a free port) and load the spec, once."""
        if self._server is None:
            handler = _QuietHandler if self.quiet else KeepAliveHandler
            app = create_emulator_app(self.state)
            self._server = make_server(
                self.host, self.port, app, threaded=True, request_handler=handler
            )
            self.port = self._server.server_port
            # One end of a pair nobody writes to: see emulator/keepalive.py.
            self._quiet_pair = socket.socketpair()
            quiet = never_readable_end(self._quiet_pair[0])
            self._server.never_readable = quiet  # type: ignore[attr-defined]
            self.state.spec  # noqa: B018 - load the spec now, not on the first request
        return self

    def start(self) -> EmulatorServer:
        """Bind and serve in a daemon thread."""
        server = self.bind()._server
        assert server is not None
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": POLL_INTERVAL},
            name="line-emulator",
            daemon=True,
        )
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Bind and serve in the calling thread until interrupted."""
        server = self.bind()._server
        assert server is not None
        try:
            server.serve_forever(poll_interval=POLL_INTERVAL)
        finally:
            server.server_close()
            for end in self._quiet_pair:
                end.close()
            self._server = None

    def stop(self) -> None:
        """Stop serving and release the port."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            for end in self._quiet_pair:
                end.close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None

    def __enter__(self) -> EmulatorServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
