"""The clock process: the only scheduler; web workers never start one."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from apscheduler.schedulers.blocking import BlockingScheduler

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


def build_scheduler(bot, job: ReminderJob) -> BlockingScheduler:
    """Make the scheduler in the bot's time zone with one job: due reminders and the outbox,
    at once on start (catching up with what was missed), then every CLOCK_POLL_SECONDS."""
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
    return scheduler


def run_clock(bot, now: Callable[[], datetime] = utcnow) -> None:
    """Run until stopped; what to send lives in the database, so a restart loses nothing."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    bot.sender.clock = now  # the outbox must judge "due" by the same time as the reminders
    grace = timedelta(hours=bot.config.reminder_grace_hours)
    job = ReminderJob(bot.db, bot.sender, bot.config.zone, now, grace)
    scheduler = build_scheduler(bot, job)
    log.info("clock started (time zone %s, every %g s)", bot.config.timezone,
             bot.config.clock_poll_seconds)  # fmt: skip
    try:
        scheduler.start()
    except (KeyboardInterrupt, SystemExit):
        log.info("clock stopped")
