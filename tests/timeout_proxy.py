"""A tiny reverse proxy that, like a hosting platform's router, cuts any request the app takes
longer than `limit` seconds to answer in full (504). Records how long each request took."""

from __future__ import annotations

import http.client
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade"}


class TimeoutProxy:
    """Forward 127.0.0.1:<port> to `upstream`; give up (504) after `limit` seconds."""

    def __init__(self, upstream: str, limit: float = 30.0) -> None:
        self.limit = limit
        self.cut: list[str] = []  # requests the proxy gave up on
        self.took: list[tuple[str, float]] = []  # (method path, seconds) of every request
        target = urlsplit(upstream)
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # quiet test output
                pass

            def _forward(self) -> None:
                started = time.monotonic()
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
                upstream_conn = http.client.HTTPConnection(
                    target.hostname, target.port, timeout=proxy.limit
                )
                try:
                    upstream_conn.request(self.command, self.path, body=body, headers=headers)
                    response = upstream_conn.getresponse()
                    chunks = []
                    while chunk := response.read(65536):
                        chunks.append(chunk)
                        if time.monotonic() - started > proxy.limit:
                            raise TimeoutError
                except TimeoutError:
                    proxy.cut.append(f"{self.command} {self.path}")
                    self.send_response(504)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                finally:
                    upstream_conn.close()
                    proxy.took.append((f"{self.command} {self.path}", time.monotonic() - started))
                data = b"".join(chunks)
                self.send_response(response.status)
                for key, value in response.getheaders():
                    if key.lower() not in HOP_BY_HOP and key.lower() != "content-length":
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _forward

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
