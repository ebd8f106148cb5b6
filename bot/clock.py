"""The clock process: the only scheduler; web workers never start one."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from apscheduler.schedulers.blocking import BlockingScheduler

from bot.nudges import send_reflection_nudges
from bot.reminders import ReminderJob
from storage.types import utcnow

log = logging.getLogger(__name__)


def fake_clock(start: str | None) -> Callable[[], datetime]:
    """Return the clock's time source: real time, or (tests only) time starting at `start`.

    `start` is an ISO 8601 instant with its offset (CLOCK_FAKE_NOW, read by the clock's entry
    point only); from there time runs on at normal speed, so tests need not wait for 09:00.
    """
    if not start:
        return utcnow
    begin = datetime.fromisoformat(start)
    if begin.tzinfo is None:
        raise ValueError("CLOCK_FAKE_NOW needs an offset, e.g. 2026-12-01T08:59:58+07:00")
    offset = begin - utcnow()
    return lambda: utcnow() + offset


NUDGE_MINUTES = 15


def build_scheduler(
    bot, job: ReminderJob, now: Callable[[], datetime] = utcnow
) -> BlockingScheduler:
    """Make the scheduler in the bot's time zone: due reminders and the outbox, at once on start
    (catching up with what was missed) then every CLOCK_POLL_SECONDS; reflection nudges too."""
    config = bot.config
    scheduler = BlockingScheduler(timezone=config.zone)
    scheduler.add_job(
        job.tick,
        "interval",
        seconds=config.clock_poll_seconds,
        id="reminders-and-outbox",
        max_instances=1,
        coalesce=True,
        next_run_time=datetime.now(config.zone),
    )
    # Nudges are daytime-only and deduped per activity, so running them often is safe.
    scheduler.add_job(
        lambda: send_reflection_nudges(bot, now()),
        "interval",
        minutes=NUDGE_MINUTES,
        id="reflection-nudges",
        max_instances=1,
        coalesce=True,
    )
    return scheduler


def run_clock(bot, now: Callable[[], datetime] = utcnow) -> None:
    """Run until stopped; what to send lives in the database, so a restart loses nothing."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    bot.clock.set(now)  # the outbox and the handlers judge "due" by the reminders' time
    grace = timedelta(hours=bot.config.reminder_grace_hours)
    job = ReminderJob(bot.db, bot.sender, bot.config.zone, now, grace)
    scheduler = build_scheduler(bot, job, now)
    log.info("clock started (time zone %s, every %g s)", bot.config.timezone,
             bot.config.clock_poll_seconds)  # fmt: skip
    try:
        scheduler.start()
    except (KeyboardInterrupt, SystemExit):
        log.info("clock stopped")
