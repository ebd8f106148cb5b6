"""Run one Messaging API call through LINE's checks and route it to its handler."""

from __future__ import annotations

import json
import re
from typing import Any

from emulator import channel, limits, messaging, openapi, richmenu
from emulator.calls import Answer, Call, LineError
from emulator.ids import check_path_ids
from emulator.state import AcceptedRetry, EmulatorState

UUID_RE = re.compile(
    r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
)
AUTH_FAILED = (
    "Authentication failed. Confirm that the access token in the authorization header is valid."
)


def _compile(template: str) -> re.Pattern[str]:
    return re.compile("^" + re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(template)) + "$")


ROUTES = [
    (m, _compile(t), t.count("{"), h, k, r)
    for m, t, h, k, r in messaging.ROUTES + channel.ROUTES + richmenu.ROUTES
]


def _route(method: str, path: str) -> tuple[tuple, dict[str, str]]:
    found = [(route, match) for route in ROUTES if (match := route[1].match(path))]
    if not found:
        raise LineError(404, "Not found")
    allowed = [(route, match) for route, match in found if route[0] == method]
    if not allowed:
        raise LineError(405, "Method Not Allowed")
    route, match = min(allowed, key=lambda rm: rm[0][2])
    return route, match.groupdict()


def _parse_json(raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise LineError(
            400, "The request body could not be parsed as JSON (line: 1, column: 1)"
        ) from exc
    except json.JSONDecodeError as exc:
        where = f"(line: {exc.lineno}, column: {exc.colno})"
        raise LineError(400, f"The request body could not be parsed as JSON {where}") from exc


def _check_body(state: EmulatorState, method: str, path: str, kind: str | None, body: Any) -> None:
    schema = state.spec.request_schema(method, path)
    details = state.spec.errors(schema, body) if schema else []
    if kind == "richmenu":
        details += limits.check_richmenu(body)
    elif kind:
        details += limits.check_request(kind, body)
    details = openapi.dedupe_details(details)
    if details:
        raise LineError(400, f"The request body has {len(details)} error(s)", details)


def _retry_key(state: EmulatorState, headers: dict[str, str], allowed: bool) -> str | None:
    key = headers.get("x-line-retry-key")
    if key is None:
        return None
    if not allowed:
        raise LineError(400, "X-Line-Retry-Key header is not allowed")
    if not UUID_RE.match(key):
        raise LineError(400, "The value of the X-Line-Retry-Key header must be a UUID")
    return key


def _conflict(path: str, accepted: AcceptedRetry) -> Answer:
    extra = {}
    if path.endswith("/push") and isinstance(accepted.response, dict):
        extra["sentMessages"] = accepted.response.get("sentMessages", [])
    error = LineError(409, "The retry key is already accepted", **extra)
    return Answer(409, error.body, {"x-line-accepted-request-id": accepted.request_id})


def _checked_body(state: EmulatorState, method: str, path: str, kind: str | None,
                  headers: dict[str, str], raw: bytes) -> Any:  # fmt: skip
    if kind is None and not state.spec.request_schema(method, path):
        return None
    content_type = headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/json":
        raise LineError(415, f"The content type, {content_type or 'none'}, is not supported")
    body = _parse_json(raw)
    _check_body(state, method, path, kind, body)
    return body


def serve_call(state: EmulatorState, method: str, path: str, headers: dict[str, str], raw: bytes,
               request_id: str) -> Answer:  # fmt: skip
    """Run one Messaging API call through LINE's checks and its handler."""
    key: str | None = None
    answer: Answer | None = None
    try:
        if len(raw) > limits.MAX_BODY_BYTES:
            raise LineError(413, "Request Entity Too Large")
        if headers.get("authorization", "") != f"Bearer {state.access_token}":
            raise LineError(401, AUTH_FAILED)
        (_, _, _, handler, kind, retry_allowed), params = _route(method, path)
        check_path_ids(params)  # every route: a userId, groupId or roomId LINE would refuse
        key = _retry_key(state, headers, retry_allowed)
        if key and (accepted := state.claim_retry_key(key, request_id)):
            key = None  # held by an earlier request: not ours to settle
            answer = _conflict(path, accepted)
            return answer
        body = _checked_body(state, method, path, kind, headers, raw)
        answer = handler(Call(state, method, path, params, body, raw, headers, request_id))
        return answer
    except LineError as exc:
        answer = Answer(exc.status, exc.body)
        return answer
    finally:
        if key:  # only a successful request consumes its retry key
            ok = answer is not None and 200 <= answer.status < 300
            state.settle_retry_key(key, ok, answer.body if ok and answer else None)
