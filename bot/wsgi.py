"""The web process's entry point (gunicorn 'bot.wsgi:app'): the app plus its inbox worker."""

from __future__ import annotations

import logging

from bot import create_app


def make_app():
    """Create the app and start handling events, including any left by a previous process."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    app = create_app()
    app.extensions["bot"].identity.refresh()  # who we are, before any request or transaction
    app.extensions["bot"].start()
    return app
