"""GET /healthz: 200 when the process is up and the database answers."""

from __future__ import annotations

from flask import Blueprint, current_app
from sqlalchemy import text

blueprint = Blueprint("health", __name__)


@blueprint.get("/healthz")
def healthz():
    """Answer 200 with a short status, or 503 when the database cannot be reached."""
    bot = current_app.extensions["bot"]
    try:
        with bot.db.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception:  # noqa: BLE001
        return {"status": "database unavailable"}, 503
    return {"status": "ok", "mode": "local" if bot.config.local_mode else "line"}
