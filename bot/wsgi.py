"""The web process's entry point (gunicorn 'bot.wsgi:make_web()'): verify, store, acknowledge."""

from __future__ import annotations

import logging

from bot import create_app
from bot.config import load_config


def make_web():
    """Create the app that verifies, stores and acknowledges; the `worker:` process handles."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    app = create_app(load_config().with_changes(start_inbox_worker=False))
    app.extensions["bot"].identity.refresh()  # who we are, before any request or transaction
    return app
