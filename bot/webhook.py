"""POST /callback: check the signature on the raw body, store every event once, answer 200."""

from __future__ import annotations

import logging

from flask import Blueprint, Response, current_app, request
from linebot.v3.webhook import SignatureValidator
from sqlalchemy.exc import SQLAlchemyError

from bot import webhook_schema
from storage import inbox
from storage.rejected import store_rejected

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
        payload = webhook_schema.parse(body)
    except webhook_schema.TooDeep as exc:
        # Signed by LINE's secret yet unusable: acknowledge (a 4xx/5xx only brings it back) and
        # keep a receipt of why.
        return _store(bot, [], [(webhook_schema.body_receipt_id(raw), str(exc))])
    except ValueError:
        return _plain(400, "body is not JSON")
    events = payload.get("events") if isinstance(payload, dict) else None
    if isinstance(payload, dict) and not bot.identity.accepts(payload.get("destination")):
        # Signed with our secret but addressed to another bot: LINE redelivers on any non-2xx and
        # counts it as our failure, yet no retry can make it ours; acknowledge and drop it.
        log.warning("webhook: body for another destination ignored")
        return _plain(200, "OK")
    if not isinstance(events, list):
        return _store(bot, [], [(webhook_schema.body_receipt_id(raw), "no events list")])
    good, rejected = [], []
    for event in events:
        problem = webhook_schema.problem_of(event) if isinstance(event, dict) else "not an object"
        if problem:
            rejected.append((webhook_schema.receipt_id(event), problem))
        else:
            good.append(event)
    return _store(bot, good, rejected)


def _store(bot, events: list[dict], rejected: list[tuple[str, str]]) -> Response:
    """Store good events and receipts of rejected ones in one transaction; 503 if the DB fails."""
    if not events and not rejected:
        return _plain(200, "OK")
    # One event and nothing refused (nearly every request): one statement on a connection of its
    # own, outside any transaction on PostgreSQL (two round trips fewer, and no ORM session).
    single = len(events) + len(rejected) == 1
    try:
        with bot.db.one_statement() if single else bot.db.unit_of_work() as session:
            if not single:
                # Arrival is stamped once the transaction has begun (on SQLite: holds the write
                # lock, as a single statement's connection already does), so the hold-back counts
                # from close to when the event becomes visible, not from before a wait for it.
                session.connection()
            new = inbox.store_events(session, events, bot.clock()) if events else 0
            refused = store_rejected(session, rejected) if rejected else 0
    except SQLAlchemyError as exc:
        # The type only: the statement's text is ours, but the driver's message may quote values.
        log.error("webhook: database unavailable (%s); LINE will redeliver", type(exc).__name__)
        return _plain(503, "database unavailable")
    # Only what is out of the ordinary at INFO: a line for every request cost a tenth of the
    # web's time under load.
    level = logging.DEBUG if new == len(events) and not rejected else logging.INFO
    log.log(level, "webhook: %d event(s), %d new, %d rejected", len(events), new, refused)
    if new:
        bot.notify_inbox()
    return _plain(200, "OK")
