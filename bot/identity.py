"""The bot's own LINE user id (GET /v2/bot/info), to check each webhook's `destination`."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import requests

log = logging.getLogger(__name__)
RETRY_SECONDS = 60.0


def fetch_bot_user_id(api_base_url: str, access_token: str, timeout: float) -> str:
    """Ask LINE (or the emulator) who this bot is; raises when it cannot say."""
    response = requests.get(
        f"{api_base_url.rstrip('/')}/v2/bot/info",
        headers={"Authorization": f"Bearer {access_token}"},
        timeout=min(timeout, 5.0),
    )
    response.raise_for_status()
    user_id = response.json().get("userId")
    if not isinstance(user_id, str) or not user_id:
        raise ValueError("bot info without a userId")
    return user_id


class BotIdentity:
    """Know the bot's user id, fetched at start and, while unknown, again at most once a minute."""

    def __init__(self, fetch: Callable[[], str], monotonic: Callable[[], float] = time.monotonic):
        self._fetch = fetch
        self._monotonic = monotonic
        self._user_id: str | None = None
        self._next_try = 0.0
        self._tried = False  # only a web process asks at start; elsewhere nothing is checked
        self._lock = threading.Lock()

    def refresh(self) -> str | None:
        """Try to learn the id now (never inside a database transaction: it is a network call)."""
        with self._lock:
            if self._user_id is None and self._monotonic() >= self._next_try:
                self._tried = True
                self._next_try = self._monotonic() + RETRY_SECONDS
                try:
                    self._user_id = self._fetch()
                except (requests.RequestException, ValueError) as exc:
                    log.warning("bot info unavailable (%s): destination unchecked for now",
                                type(exc).__name__)  # fmt: skip
            return self._user_id

    def accepts(self, destination: object) -> bool:
        """False only when we know our id and the body names another bot; never waits on LINE."""
        own = self._user_id
        if own is None and self._tried:
            self._refresh_in_background()
        return own is None or destination == own

    def _refresh_in_background(self) -> None:
        # Off the webhook's path: a LINE slow to answer must never hold any webhook's 200.
        if self._monotonic() >= self._next_try and not self._lock.locked():
            threading.Thread(target=self.refresh, name="bot-info", daemon=True).start()
