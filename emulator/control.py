"""Serve the `/_emulator/` control endpoints that tests and the console drive."""

from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, Response, jsonify, request

from emulator import webhooks
from emulator.ids import well_formed
from emulator.state import EmulatorState

USER_ID = re.compile(r"^U[0-9a-f]{32}$")


class ControlError(Exception):
    """A bad control request, answered as `{"message": ...}` with `status`."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def _json() -> dict[str, Any]:
    body = request.get_json(silent=True)
    if body is None and request.get_data():
        raise ControlError("the body must be JSON")
    if body is not None and not isinstance(body, dict):
        raise ControlError("the body must be a JSON object")
    return body or {}


def _since() -> int:
    try:
        return int(request.args.get("since", 0))
    except ValueError as exc:
        raise ControlError("since must be an integer") from exc


def _number(body: dict[str, Any], name: str) -> float:
    value = body.get(name)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ControlError(f"{name} must be a number")
    return value


def _known_user(state: EmulatorState, user_id: str) -> None:
    if state.get_user(user_id) is None:
        raise ControlError(f"unknown user {user_id}; add it with POST /_emulator/users", 404)


def control_blueprint(state: EmulatorState) -> Blueprint:
    """Build the blueprint of control endpoints bound to `state`."""
    bp = Blueprint("emulator_control", __name__, url_prefix="/_emulator")

    @bp.errorhandler(ControlError)
    def control_error(exc: ControlError) -> tuple[Response, int]:
        return jsonify({"message": str(exc)}), exc.status

    @bp.get("/")
    def info() -> Response:
        return jsonify(
            {"botUserId": state.bot_user_id, "webhookUrl": state.webhook_url, "now": state.now()}
        )

    @bp.get("/requests")
    def list_requests() -> Response:
        found, following = state.requests.since(_since())
        return jsonify({"requests": found, "next": following})

    @bp.delete("/requests")
    def clear_requests() -> Response:
        state.requests.clear()
        return jsonify({})

    @bp.get("/webhooks")
    def list_webhooks() -> Response:
        found, following = state.webhooks.since(_since())
        return jsonify({"webhooks": found, "next": following})

    @bp.post("/faults")
    def add_fault() -> Response:
        body = _json()
        if not any(body.get(k) for k in ("status", "drop", "delay", "limit")):
            raise ControlError("a fault needs status, limit, drop or delay")
        if body.get("after") and body.get("status"):
            raise ControlError("an `after` fault delays or drops the answer; it has no status")
        try:
            return jsonify(state.faults.add(body))
        except ValueError as exc:
            raise ControlError(str(exc)) from None

    @bp.get("/faults")
    def list_faults() -> Response:
        return jsonify({"faults": state.faults.list()})

    @bp.delete("/faults")
    def clear_faults() -> Response:
        state.faults.clear()
        return jsonify({})

    @bp.post("/users")
    def add_user() -> Response:
        body = _json()
        user_id = body.get("userId")
        if user_id is not None and not (isinstance(user_id, str) and USER_ID.match(user_id)):
            raise ControlError("userId must be U followed by 32 lower-case hex digits")
        if not isinstance(body.get("displayName"), str):
            raise ControlError("displayName is required")
        user = state.add_user(
            body["displayName"],
            user_id=user_id,
            language=body.get("language", "th"),
            picture_url=body.get("pictureUrl"),
            status_message=body.get("statusMessage"),
        )
        return jsonify(user)

    @bp.get("/users")
    def list_users() -> Response:
        with state.lock:
            users = [
                {**u, "following": state.following.get(uid, True)} for uid, u in state.users.items()
            ]
        return jsonify({"users": users})

    @bp.post("/users/<user_id>/send")
    def send(user_id: str) -> Response:
        _known_user(state, user_id)
        try:
            return jsonify(webhooks.send_event(state, user_id, _json()))
        except webhooks.WebhookError as exc:
            raise ControlError(str(exc)) from exc

    @bp.get("/users/<user_id>/messages")
    def messages(user_id: str) -> Response:
        found, following = state.messages_since(user_id, _since())
        return jsonify({"messages": found, "next": following})

    @bp.post("/webhook/events")
    def send_batch() -> Response:
        items = _json().get("events")
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise ControlError("events must be a list of objects with userId")
        events = []
        for item in items:
            _known_user(state, str(item.get("userId")))
            payload = {k: v for k, v in item.items() if k != "userId"}
            try:
                events.append(webhooks.build_event(state, item["userId"], payload))
            except webhooks.WebhookError as exc:
                raise ControlError(str(exc)) from exc
        return jsonify({**webhooks.post_events(state, events), "events": events})

    @bp.post("/reply-tokens")
    def issue_reply_tokens() -> Response:
        # For load tests that sign their own webhook bodies: tokens LINE would have put in them.
        user_ids = _json().get("userIds")
        if not isinstance(user_ids, list) or not all(
            isinstance(u, str) and USER_ID.match(u) for u in user_ids
        ):
            raise ControlError("userIds must be a list of LINE user ids")
        tokens = [state.issue_reply_token(u, u) for u in user_ids]
        return jsonify({"replyTokens": tokens})

    @bp.post("/webhook/redeliver")
    def redeliver() -> Response:
        event = _json().get("event")
        if not isinstance(event, dict) or "webhookEventId" not in event:
            raise ControlError("event must be an event the emulator sent")
        return jsonify(webhooks.redeliver(state, event))

    @bp.post("/webhook/verify")
    def verify() -> Response:
        return jsonify(webhooks.post_events(state, []))

    @bp.post("/quota")
    def set_quota() -> Response:
        body = _json()
        with state.lock:
            if "value" in body:
                state.quota = int(_number(body, "value"))
            if "totalUsage" in body:
                state.usage = int(_number(body, "totalUsage"))
            return jsonify({"type": "limited", "value": state.quota, "totalUsage": state.usage})

    @bp.post("/group-size")
    def set_group_size() -> Response:
        body = _json()
        with state.lock:
            state.group_sizes[str(body["groupId"])] = int(_number(body, "count"))
            return jsonify(
                {"groupId": body["groupId"], "count": state.group_sizes[body["groupId"]]}
            )

    @bp.post("/group")
    def set_group() -> Response:
        body = _json()
        group_id = str(body["groupId"])
        if not well_formed("groupId", group_id):
            return jsonify({"error": "groupId must be C and 32 lower-case hex digits"}), 400
        state.join_group(group_id, None, body.get("groupName"))
        for user_id in body.get("members") or []:
            state.join_group(group_id, str(user_id))
        found = state.group(group_id) or {}
        return jsonify({"groupId": group_id, "groupName": found.get("groupName"),
                        "members": sorted(found.get("members", ()))})  # fmt: skip

    @bp.post("/clock")
    def clock() -> Response:
        return jsonify({"now": state.advance_clock(_number(_json(), "advance"))})

    return bp
