"""Keep the emulator's Messaging API connections alive, as LINE does, and answer without delay.

Werkzeug's development server closes every connection and, after each response, waits up to 10 ms
for body bytes the app left unread. The handler below keeps connections alive for the Messaging
API routes (they read every body) and points that wait at a socket that never has anything to
read; the selector below knows that socket and does not wait on it. Without both, every call took
about 11 ms longer than the emulator's work, as no real server does.
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import types
import weakref

import werkzeug.serving
from werkzeug.serving import WSGIRequestHandler

# Set on a request whose body was read whole: its connection may stay open for the next one.
KEEP_ALIVE = "emulator.keep_alive"
IDLE_SECONDS = 30  # an idle kept-alive connection is closed after this, as servers do
_NEVER_READABLE: weakref.WeakSet = weakref.WeakSet()


class _DrainSelector(selectors.DefaultSelector):
    """The selector werkzeug drains unread bodies with: no wait when only a quiet end is watched."""

    def select(self, timeout=None):
        watched = [key.fileobj for key in self.get_map().values()]
        if watched and all(fileobj in _NEVER_READABLE for fileobj in watched):
            return []
        return super().select(timeout)


def never_readable_end(end: socket.socket) -> socket.socket:
    """Mark one end of a socket pair nobody writes to; werkzeug's drain will not wait on it."""
    _NEVER_READABLE.add(end)
    # werkzeug.serving reads `selectors.DefaultSelector` and `selectors.EVENT_READ` only; every
    # other socket is selected as before.
    werkzeug.serving.selectors = types.SimpleNamespace(
        DefaultSelector=_DrainSelector, EVENT_READ=selectors.EVENT_READ
    )
    return end


class KeepAliveHandler(WSGIRequestHandler):
    """Keep a Messaging API call's connection alive, as LINE does (werkzeug closes every one).

    Werkzeug closes because it cannot skip a body the app left unread, and after each response it
    drains what the client sends next. The Messaging API routes read every body, so for them the
    close is left out and the drain is pointed at a socket that never has anything to read.
    """

    timeout = IDLE_SECONDS

    def setup(self) -> None:
        super().setup()
        # Werkzeug sends the headers and the body in two writes. On a kept-alive connection
        # Nagle's algorithm holds the body until the client acknowledges the headers, which the
        # client delays by up to 40 ms: every call would take 40 ms more than LINE takes.
        with contextlib.suppress(OSError):
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def run_wsgi(self) -> None:
        self._socket = self.connection
        try:
            super().run_wsgi()
        finally:
            self.connection = self._socket

    def make_environ(self) -> dict:
        environ = super().make_environ()
        environ["werkzeug.socket"] = getattr(self, "_socket", self.connection)
        return environ

    def send_header(self, keyword: str, value: str) -> None:
        environ = getattr(self, "environ", None) or {}
        if keyword.lower() == "connection" and value == "close" and environ.get(KEEP_ALIVE):
            quiet = getattr(self.server, "never_readable", None)
            if quiet is not None and quiet.fileno() != -1:  # -1: the emulator is stopping
                self.connection = quiet
                return
        super().send_header(keyword, value)
