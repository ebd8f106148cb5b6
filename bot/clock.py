"""The clock process: the only scheduler; web workers never start one."""

from __future__ import annotations

import logging

from apscheduler.schedulers.blocking import BlockingScheduler

log = logging.getLogger(__name__)
SEND_DUE_SECONDS = 15


def build_scheduler(bot) -> BlockingScheduler:
    """Make the scheduler, in the bot's time zone, with the outbox sweep as its first job."""
    scheduler = BlockingScheduler(timezone=bot.config.zone)
    scheduler.add_job(
        bot.sender.send_due,
        "interval",
        seconds=SEND_DUE_SECONDS,
        id="send-due",
        max_instances=1,
        coalesce=True,
    )
    return scheduler


def run_clock(bot) -> None:
    """Run until stopped; what to send lives in the database, so a restart loses nothing."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    scheduler = build_scheduler(bot)
    log.info("clock started (time zone %s)", bot.config.timezone)
    try:
        scheduler.start()
    except (KeyboardInterrupt, SystemExit):
        log.info("clock stopped")
