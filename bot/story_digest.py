"""The monthly digest of newly shared stories: which month, who gets it, and sending it once."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, tzinfo

from sqlalchemy.orm import Session

from handlers.periods import period_bounds, period_label
from handlers.questionnaire import Questionnaire, default_questionnaire, load_questionnaire
from messages.stories import digest_message
from storage import deliveries, stories
from storage.daytime import is_daytime

log = logging.getLogger(__name__)
KEY = "story-digest"


def last_month(now: datetime, zone: tzinfo) -> tuple[str, datetime, datetime]:
    """The calendar month before `now` (its key "2026-11", start and end): the digest's month."""
    this_start, _ = period_bounds("month", now, zone)
    start, end = period_bounds("month", this_start - timedelta(days=1), zone)
    return f"{start:%Y-%m}", start, end


def month_bounds(month: str, zone: tzinfo) -> tuple[datetime, datetime]:
    year, number = (int(part) for part in month.split("-"))
    return period_bounds("month", datetime(year, number, 15, 12, tzinfo=zone), zone)


def new_stories(session: Session, month: str, zone: tzinfo, questionnaire: Questionnaire):
    """Stories first shared in that month and still shared now."""
    start, end = month_bounds(month, zone)
    keys = [c.key for c in questionnaire.criteria]
    return stories.granted(session, keys, since=start, until=end)


def queue_digests(
    session: Session, now: datetime, zone: tzinfo, questionnaire: Questionnaire | None = None
) -> int:
    """Store each approved, unsent digest in the outbox (once per language); return recipients."""
    if not is_daytime(now, zone):
        return 0
    questionnaire = questionnaire or default_questionnaire()
    total = 0
    for digest in stories.digests_to_send(session):
        found = new_stories(session, digest.month, zone, questionnaire)
        people = stories.digest_recipients(session)
        start, _ = month_bounds(digest.month, zone)
        for language in ("th", "en"):
            to = [m.line_user_id for m in people if (m.language or "th") == language]
            if not found or not to:
                continue
            labels = {c.key: c.label(language) for c in questionnaire.criteria}
            month = period_label("month", start, language)
            message = digest_message(found, month, labels, language)
            key = f"{KEY}:{digest.month}:{language}"
            deliveries.enqueue_multicast(session, to, [message], now, dedupe_key=key)
            total += len(to)
        digest.sent_at, digest.recipients = now, total
    return total


def send_story_digests(bot, now: datetime | None = None) -> int:
    """Queue the approved digests and send them; the clock calls this."""
    questionnaire = load_questionnaire(bot.config.questionnaire_file)
    with bot.db.unit_of_work() as session:
        queued = queue_digests(session, now or bot.clock(), bot.config.zone, questionnaire)
    if queued:
        bot.sender.send_due()
    log.info("story digest recipients queued: %s", queued)
    return queued
