"""Drive a running emulator through its `/_emulator/` control endpoints."""

from __future__ import annotations

import time
from typing import Any

import requests


class EmulatorClient:
    """A thin `requests` wrapper over the emulator's control endpoints."""

    def __init__(self, base_url: str, timeout: float = 15) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()

    def _call(self, method: str, path: str, json: Any = None, params: dict | None = None) -> Any:
        response = self.session.request(
            method,
            f"{self.base_url}/_emulator{path}",
            json=json,
            params=params,
            timeout=self.timeout,
        )
        response.raise_for_status()
        return response.json()

    # Request log and faults
    def requests(self, since: int = 0) -> dict[str, Any]:
        """Return `{"requests": [...], "next": M}`: Messaging API calls with seq >= since."""
        return self._call("GET", "/requests", params={"since": since})

    def clear_requests(self) -> None:
        """Forget the logged Messaging API calls."""
        self._call("DELETE", "/requests")

    def webhooks(self, since: int = 0) -> dict[str, Any]:
        """Return `{"webhooks": [...], "next": M}`: webhook deliveries with seq >= since."""
        return self._call("GET", "/webhooks", params={"since": since})

    def add_fault(self, **fault: Any) -> dict[str, Any]:
        """Inject a fault: path, method, status, body, headers, delay, drop, times.

        `after=True` handles the request first, then delays or drops the answer; `limit` (rate,
        concurrency, monthly, additional) answers 429 in LINE's words; `retryAfter` adds the header.
        """
        return self._call("POST", "/faults", json=fault)

    def clear_faults(self) -> None:
        """Remove every injected fault."""
        self._call("DELETE", "/faults")

    # Users and webhooks
    def add_user(
        self, display_name: str, user_id: str | None = None, language: str = "th"
    ) -> dict[str, Any]:
        """Create a user (an id is made when none is given) and return it."""
        body: dict[str, Any] = {"displayName": display_name, "language": language}
        if user_id is not None:
            body["userId"] = user_id
        return self._call("POST", "/users", json=body)

    def users(self) -> list[dict[str, Any]]:
        """Return every known user (with a `following` flag)."""
        return self._call("GET", "/users")["users"]

    def send(self, user_id: str, payload: dict[str, Any]) -> dict[str, Any]:
        """Send a webhook event from a user; return `{"status", "event", "elapsed"}`."""
        return self._call("POST", f"/users/{user_id}/send", json=payload)

    def send_text(self, user_id: str, text: str) -> dict[str, Any]:
        """Send a text message event from a user."""
        return self.send(user_id, {"type": "text", "text": text})

    def send_postback(
        self, user_id: str, data: str, params: dict[str, str] | None = None
    ) -> dict[str, Any]:
        """Send a postback event from a user."""
        payload: dict[str, Any] = {"type": "postback", "data": data}
        if params:
            payload["params"] = params
        return self.send(user_id, payload)

    def send_events(self, items: list[dict[str, Any]]) -> dict[str, Any]:
        """Send several events in one webhook request; each item is a send payload plus `userId`."""
        return self._call("POST", "/webhook/events", json={"events": items})

    def issue_reply_tokens(self, user_ids: list[str]) -> list[str]:
        """Have the emulator issue one reply token per user, as LINE does for each event."""
        return self._call("POST", "/reply-tokens", json={"userIds": user_ids})["replyTokens"]

    def redeliver(self, event: dict[str, Any]) -> dict[str, Any]:
        """Send an event again with isRedelivery true and the same webhookEventId."""
        return self._call("POST", "/webhook/redeliver", json={"event": event})

    def verify_webhook(self) -> dict[str, Any]:
        """Send the console's Verify request (`events: []`)."""
        return self._call("POST", "/webhook/verify")

    # What users see
    def messages(self, user_id: str, since: int = 0) -> dict[str, Any]:
        """Return `{"messages": [...], "next": M}`: what the bot showed this user, seq >= since."""
        return self._call("GET", f"/users/{user_id}/messages", params={"since": since})

    def wait_for_messages(
        self, user_id: str, since: int = 0, count: int = 1, timeout: float = 10
    ) -> list[dict[str, Any]]:
        """Poll until at least `count` messages with seq >= since arrive; return what arrived.

        On timeout the (shorter) list received so far is returned; callers assert on its length.
        """
        deadline = time.monotonic() + timeout
        while True:
            found = self.messages(user_id, since)["messages"]
            if len(found) >= count or time.monotonic() >= deadline:
                return found
            time.sleep(0.05)

    # Quota and clock
    def set_quota(self, value: int, total_usage: int | None = None) -> dict[str, Any]:
        """Set the monthly quota (and optionally this month's usage)."""
        body: dict[str, Any] = {"value": value}
        if total_usage is not None:
            body["totalUsage"] = total_usage
        return self._call("POST", "/quota", json=body)

    def set_group_size(self, group_id: str, count: int) -> dict[str, Any]:
        """Set how many users LINE reports in a group (its member-count endpoint)."""
        return self._call("POST", "/group-size", json={"groupId": group_id, "count": count})

    def set_group(self, group_id: str, name: str, members: tuple[str, ...] = ()) -> dict[str, Any]:
        """Put the bot in a named group with these members (LINE's summary and member endpoints)."""
        body = {"groupId": group_id, "groupName": name, "members": list(members)}
        return self._call("POST", "/group", json=body)

    def advance_clock(self, seconds: float) -> float:
        """Move the emulator's clock forward; return its new time."""
        return self._call("POST", "/clock", json={"advance": seconds})["now"]

    def info(self) -> dict[str, Any]:
        """Return the bot user id, webhook URL and the emulator's time."""
        return self._call("GET", "/")
