"""A server that answers every request with 200 at once: the load generator's own ceiling."""

from __future__ import annotations

import argparse
import asyncio

RESPONSE = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nOK"


async def _serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            if length:
                await reader.readexactly(length)
            writer.write(RESPONSE)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


async def _main(port: int) -> None:
    server = await asyncio.start_server(_serve, "127.0.0.1", port)
    async with server:
        await server.serve_forever()


def main(argv: list[str] | None = None) -> None:
    """Serve on 127.0.0.1:PORT until stopped."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.trivial_server")
    parser.add_argument("--port", type=int, required=True)
    asyncio.run(_main(parser.parse_args(argv).port))


if __name__ == "__main__":
    main()
