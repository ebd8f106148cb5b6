"""The only code that talks to LINE: one attempt per call, its outcome classified for the sender."""

from __future__ import annotations

import enum
import json
import logging
from dataclasses import dataclass
from typing import Any

import urllib3
from linebot.v3.messaging import (
    ApiClient,
    ApiException,
    ApiResponse,
    Configuration,
    MessagingApi,
    MessagingApiBlob,
    RichMenuRequest,
)

log = logging.getLogger(__name__)
MULTICAST_LIMIT = 500
MESSAGES_LIMIT = 5  # messages in one reply, push or multicast
LINE_API_HOST = "https://api.line.me"
# LINE serves content and rich-menu images only from its data host (api.line.me answers 404).
LINE_DATA_HOST = "https://api-data.line.me"


def data_host(api_base_url: str) -> str:
    """The host for content and images: LINE's data host, or the one stand-in (the emulator)."""
    return LINE_DATA_HOST if api_base_url.rstrip("/") == LINE_API_HOST else api_base_url


# LINE's words for the 429s that a pause cannot cure (the month's messages, or the extra ones, used up).
QUOTA_MESSAGES = ("monthly limit", "target limit")


class Outcome(enum.Enum):
    SENT = "sent"
    RETRY = "retry"  # 5xx, timeout, connection lost: try again with the same retry key
    RATE_LIMITED = "rate_limited"  # 429 for rate or concurrency: back off (Retry-After) and retry
    QUOTA = "quota"  # 429 "You have reached your monthly limit.": retrying cannot help this month
    BAD_REPLY_TOKEN = "bad_reply_token"  # used or expired: push instead (only if nothing is unsure)
    FAILED = "failed"  # any other 4xx: retrying cannot help


@dataclass(frozen=True)
class SendResult:
    outcome: Outcome
    status: int | None = None
    detail: str = ""
    request_id: str | None = None
    # True when the request may have reached LINE and been handled (read timeout, connection lost
    # after sending): a reply in that state must never be followed by a push.
    uncertain: bool = False
    # Seconds LINE asked us to wait (a 429's Retry-After), when it said.
    retry_after: float | None = None


def _retry_after(headers: Any) -> float | None:
    value = _header(headers, "retry-after")
    try:
        seconds = float(value) if value is not None else None
    except ValueError:
        return None  # an HTTP date: rare from an API; the sender's own backoff applies
    return max(0.0, seconds) if seconds is not None else None


def _header(headers: Any, name: str) -> str | None:
    if not headers:
        return None
    for key, value in dict(headers).items():
        if key.lower() == name:
            return value
    return None


def _error_message(body: Any) -> str:
    try:
        data = json.loads(body) if body else {}
    except (TypeError, ValueError):
        return ""
    if not isinstance(data, dict):
        return ""
    message = str(data.get("message", ""))
    details = data.get("details") or []
    if details and isinstance(details[0], dict):
        first = details[0]
        message += f" ({first.get('property', '')}: {first.get('message', '')})"
    return message


def classify_error(exc: ApiException, *, with_retry_key: bool) -> SendResult:
    """Turn an API error into what the sender should do next."""
    status = exc.status or 0
    message = _error_message(exc.body)
    if status == 409 and with_retry_key:
        return SendResult(
            Outcome.SENT,
            409,
            "already accepted",
            _header(exc.headers, "x-line-accepted-request-id"),
        )
    if status == 429:
        if any(words in message.lower() for words in QUOTA_MESSAGES):
            return SendResult(Outcome.QUOTA, 429, message)
        return SendResult(
            Outcome.RATE_LIMITED,
            429,
            message or "rate limited",
            retry_after=_retry_after(exc.headers),
        )
    if status == 0 or status >= 500:
        return SendResult(Outcome.RETRY, status or None, message or (exc.reason or "no response"))
    if status == 400 and "reply token" in message.lower():
        return SendResult(Outcome.BAD_REPLY_TOKEN, 400, message)
    return SendResult(Outcome.FAILED, status, message or f"HTTP {status}")


def _configuration(host: str, access_token: str, pool_size: int) -> Configuration:
    configuration = Configuration(host=host, access_token=access_token)
    # The sender owns retries (with the same retry key); urllib3 must not retry on its own.
    configuration.retries = False
    # One keep-alive connection per concurrent sender thread, so none waits for a socket.
    configuration.connection_pool_maxsize = pool_size
    return configuration


def failure_of(exc: BaseException) -> SendResult:
    """Classify a transport error: sure it never reached LINE, or unsure whether LINE handled it."""
    if isinstance(exc, urllib3.exceptions.ConnectTimeoutError):
        # No connection was made (refused, or no answer to connect): nothing was sent.
        return SendResult(Outcome.RETRY, None, type(exc).__name__)
    # A read timeout or a connection lost mid-exchange: the request may have been handled.
    return SendResult(Outcome.RETRY, None, type(exc).__name__, uncertain=True)


class LineGateway:
    """Send and fetch through line-bot-sdk v3, with a timeout on every call.

    One gateway per process: its ApiClient (a urllib3 PoolManager, which is thread-safe) keeps
    connections alive and is shared by every sending thread.
    """

    def __init__(
        self, api_base_url: str, access_token: str, timeout: float = 10.0, pool_size: int = 8
    ) -> None:
        self.timeout = timeout
        self.pool_size = pool_size
        self._client = ApiClient(_configuration(api_base_url, access_token, pool_size))
        self._data_client = ApiClient(
            _configuration(data_host(api_base_url), access_token, pool_size)
        )
        self._api = MessagingApi(self._client)
        self._blob = MessagingApiBlob(self._data_client)

    def _call(self, send, *, with_retry_key: bool) -> SendResult:
        try:
            response = send()
        except ApiException as exc:
            return classify_error(exc, with_retry_key=with_retry_key)
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            return failure_of(exc)
        return SendResult(
            Outcome.SENT, response.status_code, "", _header(response.headers, "x-line-request-id")
        )

    def reply(self, reply_token: str, messages: list[dict]) -> SendResult:
        """Answer an event with its reply token (free, once, within about a minute)."""
        body = {"replyToken": reply_token, "messages": messages}
        return self._call(lambda: self._post("/v2/bot/message/reply", body), with_retry_key=False)

    def push(self, to: str, messages: list[dict], retry_key: str) -> SendResult:
        """Push messages to one user, group or room, idempotent by the retry key."""
        body = {"to": to, "messages": messages}
        return self._call(
            lambda: self._post("/v2/bot/message/push", body, retry_key), with_retry_key=True
        )

    def multicast(self, to: list[str], messages: list[dict], retry_key: str) -> SendResult:
        """Send to at most 500 users in one request, idempotent by the retry key."""
        if not 1 <= len(to) <= MULTICAST_LIMIT:
            raise ValueError(f"multicast takes 1 to {MULTICAST_LIMIT} recipients, got {len(to)}")
        body = {"to": to, "messages": messages}
        return self._call(
            lambda: self._post("/v2/bot/message/multicast", body, retry_key), with_retry_key=True
        )

    def _post(self, path: str, body: dict, retry_key: str | None = None) -> ApiResponse:
        """POST a stored JSON body through the SDK's client, as its send methods would.

        The messages were built from the catalog and stored as JSON: turning them into the SDK's
        models and back cost about a millisecond a reply, more than the rest of sending. LINE
        (and the emulator, checked against LINE's spec) still refuses a malformed one with a 400.
        """
        if not 1 <= len(body["messages"]) <= MESSAGES_LIMIT:
            # A bug of ours, refused here as the SDK's models would: it never leaves.
            raise ValueError(f"a request takes 1 to {MESSAGES_LIMIT} messages")
        headers = {"Accept": "application/json", "Content-Type": "application/json"}
        if retry_key is not None:
            headers["X-Line-Retry-Key"] = retry_key
        return self._client.call_api(
            path,
            "POST",
            header_params=headers,
            body=body,
            response_types_map={},  # only the status and headers are kept
            auth_settings=["Bearer"],
            _return_http_data_only=False,
            _request_timeout=self.timeout,
        )

    def get_profile(self, user_id: str) -> dict[str, Any] | None:
        """Return the user's LINE profile, or None when LINE does not know them."""
        try:
            profile = self._api.get_profile(user_id, _request_timeout=self.timeout)
        except ApiException as exc:
            if exc.status == 404:
                return None
            raise
        return {
            "user_id": profile.user_id,
            "display_name": profile.display_name,
            "picture_url": profile.picture_url,
            "language": profile.language,
        }

    def group_name(self, group_id: str) -> str | None:
        """Return a group's name (LINE's group summary), or None when the bot is not in it."""
        try:
            summary = self._api.get_group_summary(group_id, _request_timeout=self.timeout)
        except ApiException as exc:
            if exc.status in (400, 403, 404):
                return None
            raise
        return summary.group_name

    def group_member_count(self, group_id: str) -> int:
        """How many users LINE counts in a group (the bot not included)."""
        found = self._api.get_group_member_count(group_id, _request_timeout=self.timeout)
        return int(found.count)

    def in_group(self, group_id: str, user_id: str) -> bool:
        """True when LINE says the user is in the group (its member-profile endpoint answers)."""
        try:
            self._api.get_group_member_profile(group_id, user_id, _request_timeout=self.timeout)
        except ApiException as exc:
            if exc.status in (400, 403, 404):
                return False
            raise
        return True

    def get_content(self, message_id: str) -> bytes:
        """Download what a user sent (an image) from the data host."""
        data = self._blob.get_message_content(message_id, _request_timeout=self.timeout)
        return bytes(data)

    def quota(self) -> tuple[int | None, int]:
        """Return this month's message limit (None when unlimited) and how much is used."""
        limit = self._api.get_message_quota(_request_timeout=self.timeout)
        used = self._api.get_message_quota_consumption(_request_timeout=self.timeout)
        return (limit.value if limit.type == "limited" else None), used.total_usage

    # Rich menus (`flask richmenu`): errors raise ApiException for the command to report.
    def create_rich_menu(self, menu: dict[str, Any]) -> str:
        """Create a rich menu from its JSON object and return its id."""
        request = RichMenuRequest.from_dict(menu)
        response = self._api.create_rich_menu(request, _request_timeout=self.timeout)
        return response.rich_menu_id

    def upload_rich_menu_image(
        self, rich_menu_id: str, image: bytes, content_type: str = "image/png"
    ) -> None:
        """Attach the image (PNG or JPEG, at most 1 MB) to a rich menu, through the data host."""
        self._blob.set_rich_menu_image(
            rich_menu_id,
            body=image,
            _headers={"Content-Type": content_type},
            _request_timeout=self.timeout,
        )

    def set_default_rich_menu(self, rich_menu_id: str) -> None:
        """Show this rich menu to every user who has no menu of their own."""
        self._api.set_default_rich_menu(rich_menu_id, _request_timeout=self.timeout)

    def get_default_rich_menu_id(self) -> str | None:
        """Return the default rich menu's id, or None when there is none."""
        try:
            response = self._api.get_default_rich_menu_id(_request_timeout=self.timeout)
        except ApiException as exc:
            if exc.status == 404:
                return None
            raise
        return response.rich_menu_id

    def list_rich_menus(self) -> list[dict[str, Any]]:
        """Return every rich menu of the channel as the API's JSON objects."""
        response = self._api.get_rich_menu_list(_request_timeout=self.timeout)
        return [menu.to_dict() for menu in response.richmenus]

    def delete_rich_menu(self, rich_menu_id: str) -> None:
        """Delete a rich menu (LINE unlinks it wherever it was shown)."""
        self._api.delete_rich_menu(rich_menu_id, _request_timeout=self.timeout)

    def close(self) -> None:
        self._client.close()
        self._data_client.close()
