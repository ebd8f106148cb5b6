"""The emulator answers a kept-alive connection at once, as LINE's servers do."""

from __future__ import annotations

import http.client
import json
import socket
import time
from urllib.parse import urlparse

from emulator.keepalive import _DrainSelector, never_readable_end


def test_the_drain_after_a_response_never_waits_on_the_quiet_socket():
    quiet, other = socket.socketpair()
    try:
        never_readable_end(quiet)
        selector = _DrainSelector()
        selector.register(quiet, 1)
        began = time.monotonic()
        assert selector.select(timeout=5) == []
        assert time.monotonic() - began < 1  # werkzeug's drain would wait the whole timeout
        selector.close()
    finally:
        quiet.close()
        other.close()


def test_a_socket_with_unread_bytes_is_still_drained():
    one, two = socket.socketpair()
    try:
        two.sendall(b"left unread")
        selector = _DrainSelector()
        selector.register(one, 1)
        assert len(selector.select(timeout=5)) == 1
        selector.close()
    finally:
        one.close()
        two.close()


def test_twenty_replies_on_one_connection_each_take_milliseconds_not_tens(emulator, line):
    users = [line.add_user(f"สมาชิก{n}")["userId"] for n in range(20)]
    tokens = [line.send_text(user, "สวัสดี")["event"]["replyToken"] for user in users]
    address = urlparse(emulator.url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=5)
    headers = {
        "Authorization": "Bearer " + emulator.state.access_token,
        "Content-Type": "application/json",
    }
    took = []
    for token in tokens:
        body = json.dumps({"replyToken": token, "messages": [{"type": "text", "text": "ค่ะ"}]})
        began = time.monotonic()
        connection.request("POST", "/v2/bot/message/reply", body, headers)
        response = connection.getresponse()
        response.read()
        took.append(time.monotonic() - began)
        assert response.status == 200
        assert response.getheader("Connection", "").lower() != "close"
    connection.close()
    # Before, each call waited 10 ms for unread body bytes and up to 40 ms for Nagle's algorithm:
    # the median was 11 ms at best. A busy machine may slow a few calls, not most of them.
    assert sorted(took)[len(took) // 2] < 0.008, took
