"""POST /callback: check the signature on the raw body, store every event once, answer 200."""

from __future__ import annotations

import json
import logging

from flask import Blueprint, Response, current_app, request
from linebot.v3.webhook import SignatureValidator

from storage import inbox

log = logging.getLogger(__name__)
blueprint = Blueprint("webhook", __name__)


def _plain(status: int, text: str) -> Response:
    return Response(text, status=status, mimetype="text/plain")


@blueprint.post("/callback")
def callback() -> Response:
    """Verify, store and acknowledge; handling happens afterwards on the inbox worker."""
    bot = current_app.extensions["bot"]
    signature = request.headers.get("X-Line-Signature", "")
    # Reading the body enforces MAX_CONTENT_LENGTH (413) before we look at it.
    raw = request.get_data(cache=False)
    if not signature:
        return _plain(400, "missing signature")
    try:
        body = raw.decode("utf-8")
    except UnicodeDecodeError:
        return _plain(400, "body is not UTF-8")
    if not SignatureValidator(bot.config.channel_secret).validate(body, signature):
        log.warning("webhook refused: bad signature")
        return _plain(400, "invalid signature")
    try:
        payload = json.loads(body)
    except ValueError:
        return _plain(400, "body is not JSON")
    events = payload.get("events") if isinstance(payload, dict) else None
    if not isinstance(events, list) or not all(isinstance(e, dict) for e in events):
        return _plain(400, "no events list")
    if events:
        with bot.db.unit_of_work() as session:
            new = inbox.store_events(session, events)
        log.info("webhook: %d event(s), %d new", len(events), new)
        if new:
            bot.notify_inbox()
    return _plain(200, "OK")
