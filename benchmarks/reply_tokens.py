"""Reply tokens issued by the emulator ahead of the load, so replies in a benchmark are real ones."""

from __future__ import annotations

import threading
from collections.abc import Callable

Issue = Callable[[list[str]], list[str]]


class TokenSupply:
    """Keep a stock of emulator-issued tokens for the next users, refilled by a background thread.

    The load generator must never wait on the emulator, so tokens are asked for ahead of need;
    `token_for` only falls back to asking inline when the stock ran dry (and counts that).
    """

    def __init__(self, issue: Issue, user_id: Callable[[int], str], chunk: int = 2000) -> None:
        self._issue, self._user_id, self._chunk = issue, user_id, chunk
        self._stock: dict[int, str] = {}
        self._next = 0  # the first index with no token yet
        self._lock = threading.Lock()
        self._wanted = threading.Event()
        self._stopping = False
        self.inline_fills = 0
        self.owner: dict[str, str] = {}  # token -> user id, to count answers by reply
        self._fill()
        self._thread = threading.Thread(target=self._refill, name="reply-tokens", daemon=True)
        self._thread.start()

    def token_for(self, index: int) -> str:
        """Return the token issued for the user of event `index`."""
        with self._lock:
            token = self._stock.pop(index, None)
            low = len(self._stock) < self._chunk
        if low:
            self._wanted.set()
        if token is None:
            self.inline_fills += 1
            while token is None:
                self._fill()
                with self._lock:
                    token = self._stock.pop(index, None)
        return token

    def close(self) -> None:
        """Stop the refill thread."""
        self._stopping = True
        self._wanted.set()
        self._thread.join(timeout=5)

    def _fill(self) -> None:
        with self._lock:
            first, self._next = self._next, self._next + self._chunk
        users = [self._user_id(i) for i in range(first, first + self._chunk)]
        tokens = self._issue(users)
        with self._lock:
            for offset, (user, token) in enumerate(zip(users, tokens, strict=True)):
                self._stock[first + offset] = token
                self.owner[token] = user

    def _refill(self) -> None:
        while True:
            self._wanted.wait()
            self._wanted.clear()
            if self._stopping:
                return
            self._fill()
