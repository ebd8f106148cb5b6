"""The clock process: the only scheduler; web workers never start one."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from apscheduler.schedulers.blocking import BlockingScheduler

from bot.meeting_calendar import CalendarLinks
from bot.nudges import send_reflection_nudges
from bot.reminders import ReminderJob
from bot.story_asks import send_story_asks
from bot.story_digest import send_story_digests
from bot.timekeeping import running_from, scheduler_time

log = logging.getLogger(__name__)


def fake_clock(start: str | None) -> Callable[[], datetime]:
    """Return the clock's time source (see bot.timekeeping.running_from)."""
    return running_from(start)


NUDGE_MINUTES = 15


def build_scheduler(
    bot, job: ReminderJob, now: Callable[[], datetime] | None = None
) -> BlockingScheduler:
    """Make the scheduler in the bot's time zone: due reminders and the outbox, at once on start
    (catching up with what was missed) then every CLOCK_POLL_SECONDS; reflection nudges too."""
    config = bot.config
    now = now or bot.clock
    scheduler = BlockingScheduler(timezone=config.zone)
    scheduler.add_job(
        job.tick,
        "interval",
        seconds=config.clock_poll_seconds,
        id="reminders-and-outbox",
        max_instances=1,
        coalesce=True,
        next_run_time=scheduler_time(config.zone),
    )
    # Daytime-only and each deduped (per activity, per approved digest, per story), so running
    # them often is safe: reflection nudges; a digest staff approved having seen the quota;
    # permission requests marked at night, which wait for the morning like every other nudge.
    daytime = {
        "reflection-nudges": send_reflection_nudges,
        "story-digests": send_story_digests,
        "story-asks": send_story_asks,
    }
    for job_id, send in daytime.items():
        scheduler.add_job(
            lambda send=send: send(bot, now()),
            "interval",
            minutes=NUDGE_MINUTES,
            id=job_id,
            max_instances=1,
            coalesce=True,
        )
    return scheduler


def run_clock(bot, now: Callable[[], datetime] | None = None) -> None:
    """Run until stopped; what to send lives in the database, so a restart loses nothing."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    if now is not None:
        bot.clock.set(now)  # the outbox and the handlers judge "due" by the reminders' time
    now = bot.clock
    grace = timedelta(hours=bot.config.reminder_grace_hours)
    calendar = CalendarLinks.from_config(bot.config)
    job = ReminderJob(bot.db, bot.sender, bot.config.zone, now, grace, calendar)
    scheduler = build_scheduler(bot, job, now)
    log.info("clock started (time zone %s, every %g s)", bot.config.timezone,
             bot.config.clock_poll_seconds)  # fmt: skip
    try:
        scheduler.start()
    except (KeyboardInterrupt, SystemExit):
        log.info("clock stopped")
