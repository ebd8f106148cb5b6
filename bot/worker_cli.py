"""`flask worker`, the Procfile's `worker:`: handle stored events and send what is due, until stopped.

The web process only verifies, stores and acknowledges. This process takes the stored events in
batches (bot/inbox_batch.py), so one slow LINE or a busy handler never delays a webhook's 200.
Several workers, on one machine or several, may share one PostgreSQL database: each batch takes
its lanes with SKIP LOCKED, and a lane is held by one worker at a time.
"""

from __future__ import annotations

import logging
import signal
import threading
import time

import click
from flask import current_app

from storage import inbox

log = logging.getLogger(__name__)
# How often the worker looks for newly stored events: one read (no write lock on SQLite).
NEWS_POLL_SECONDS = 0.02


class InboxNews:
    """Tell when events were stored since the last look, by the newest id and the waiting count."""

    def __init__(self, db) -> None:
        self.db = db
        self.seen: tuple[int, int] | None = None
        self._connection = None

    def arrived(self) -> bool:
        """Return True if an event was stored since the last call (or on the first call)."""
        now = self._look()
        arrived, self.seen = now != self.seen, now
        return arrived

    def close(self) -> None:
        """Close the connection kept for looking (PostgreSQL); the next look opens another."""
        if self._connection is not None:
            connection, self._connection = self._connection, None
            connection.close()

    def _look(self) -> tuple[int, int]:
        if self.db.dialect != "postgresql":
            with self.db.reading() as session:
                return inbox.arrivals(session.connection())
        # PostgreSQL: one round trip per look, on a connection kept for it. Through the pool each
        # look also cost a ping, a BEGIN and a ROLLBACK, 50 times a second per worker.
        if self._connection is None:
            self._connection = self.db.engine.connect().execution_options(
                isolation_level="AUTOCOMMIT"
            )
        try:
            return inbox.arrivals(self._connection)
        except Exception:
            self.close()  # the next look connects again
            raise


def run_worker(bot, stopping: threading.Event, poll: float = NEWS_POLL_SECONDS) -> None:
    """Handle events until `stopping` is set, then finish the batches in hand and return."""
    news = InboxNews(bot.db)
    bot.worker.start()  # its first sweep takes whatever a previous run left
    log.info("worker started")
    try:
        # A sleep, not `stopping.wait(poll)`: the signal handler sets `stopping` in this thread,
        # and had the signal come while `wait` held the event's lock, `set` would wait for that
        # lock forever (a worker that ignored SIGTERM until it was killed, seen under load).
        while not stopping.is_set():
            time.sleep(poll)
            if stopping.is_set():
                break
            if bot.worker.busy:
                # No need to look (a read, 50 times a second): the sweep will, after the batch.
                continue
            try:
                if news.arrived():
                    bot.worker.notify()
            except Exception as exc:  # noqa: BLE001 - the periodic sweep goes on meanwhile
                log.error("looking for new events failed: %s", type(exc).__name__)
    finally:
        # Batches in hand are sent and their lanes given back; a SIGKILL instead leaves them to
        # their leases, which the next worker waits out (replies marked started stay unknown).
        bot.worker.stop(wait=True)
        news.close()
        log.info("worker stopped")


@click.command("worker")
def worker_command() -> None:
    """Handle stored webhook events and send due deliveries until SIGTERM or Ctrl-C."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    stopping = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, lambda *_: stopping.set())
    bot = current_app.extensions["bot"]
    try:
        run_worker(bot, stopping)
    finally:
        bot.close()
