"""Asking an author whether their marked record may be shared: at once by day, at 08:00 if at night."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, tzinfo

from sqlalchemy.orm import Session

from messages.stories import permission_question
from storage import deliveries, stories
from storage.daytime import is_daytime
from storage.models import Member
from storage.models.stories import SharedStory

log = logging.getLogger(__name__)
# A request waits at most one night; older unsent ones (e.g. the author did not follow) stay unsent.
WAITS_AT_MOST = timedelta(hours=24)


def ask_author(session: Session, story: SharedStory, now: datetime, zone: tzinfo) -> bool:
    """Store the permission request in the outbox if it is daytime and the author can be reached;
    return whether it was queued (at night it waits for the clock at 08:00)."""
    if not is_daytime(now, zone):
        return False
    author = session.get(Member, story.member_id)
    if author is None or not author.reachable:
        return False
    title = stories.titles(session, [story])[story.id]
    question = permission_question(story.id, story_kind(story), title, author.language or "th")
    key = stories.ask_key(story)
    return bool(deliveries.enqueue_push(session, author.line_user_id, [question], now, key))


def story_kind(story: SharedStory) -> str:
    return "activity" if story.activity_id is not None else "reflection"


def queue_story_asks(session: Session, now: datetime, zone: tzinfo) -> int:
    """Queue the requests held back overnight; return how many."""
    if not is_daytime(now, zone):
        return 0
    waiting = stories.asks_waiting(session, now - WAITS_AT_MOST)
    return sum(ask_author(session, story, now, zone) for story in waiting)


def send_story_asks(bot, now: datetime | None = None) -> int:
    """Queue the held-back requests and send them; the clock calls this."""
    with bot.db.unit_of_work() as session:
        queued = queue_story_asks(session, now or bot.clock(), bot.config.zone)
    if queued:
        bot.sender.send_due()
    log.info("story permission requests queued: %s", queued)
    return queued
