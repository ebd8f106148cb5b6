"""The web process's entry points (gunicorn): `make_web()` for the Procfile, `make_app()` alone."""

from __future__ import annotations

import logging

from bot import create_app
from bot.config import load_config


def make_web():
    """Create the app that verifies, stores and acknowledges; the `worker:` process handles."""
    _log_to_stderr()
    app = create_app(load_config().with_changes(start_inbox_worker=False))
    app.extensions["bot"].identity.refresh()  # who we are, before any request or transaction
    return app


def make_app():
    """Create the app and handle events in it too (one process, no `worker:`), left ones included."""
    _log_to_stderr()
    app = create_app()
    app.extensions["bot"].identity.refresh()
    app.extensions["bot"].start()
    return app


def _log_to_stderr() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
