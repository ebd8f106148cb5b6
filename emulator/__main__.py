"""Run the emulator as a standalone process: `python -m emulator --port 8001 ...`."""

from __future__ import annotations

import argparse
import logging
import os
from pathlib import Path

from emulator.server import EmulatorServer
from emulator.state import DEFAULT_QUOTA, EmulatorState

log = logging.getLogger("emulator")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Parse the command line (secrets may also come from LINE_CHANNEL_SECRET/_ACCESS_TOKEN)."""
    parser = argparse.ArgumentParser(prog="python -m emulator", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8001, help="0 picks a free port")
    parser.add_argument("--webhook-url", default=None, help="where to POST webhook events")
    parser.add_argument("--channel-secret", default=None)
    parser.add_argument("--access-token", default=None)
    parser.add_argument(
        "--spec", type=Path, default=None, help="messaging-api.yml (or its directory)"
    )
    parser.add_argument("--quota", type=int, default=DEFAULT_QUOTA, help="monthly message quota")
    parser.add_argument(
        "--webhook-timeout", type=float, default=10.0, help="seconds to wait for the bot"
    )
    parser.add_argument("--verbose", action="store_true", help="log every request")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    """Serve the emulator until interrupted."""
    args = parse_args(argv)
    secret = args.channel_secret or os.environ.get("LINE_CHANNEL_SECRET")
    token = args.access_token or os.environ.get("LINE_CHANNEL_ACCESS_TOKEN")
    if not secret or not token:
        raise SystemExit(
            "--channel-secret and --access-token (or LINE_CHANNEL_SECRET/_ACCESS_TOKEN) are required"
        )
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(name)s %(message)s",
    )
    state = EmulatorState(secret, token, args.webhook_url, spec_path=args.spec, quota=args.quota,
                          webhook_timeout=args.webhook_timeout)  # fmt: skip
    server = EmulatorServer(state, host=args.host, port=args.port, quiet=not args.verbose)
    server.bind()
    log.info("LINE emulator listening on %s (webhook: %s, bot user %s)", server.url,
             args.webhook_url, state.bot_user_id)  # fmt: skip
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        log.info("stopped")


if __name__ == "__main__":
    main()
