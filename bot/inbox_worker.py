"""Run the inbox processor in the web process: woken by the webhook and by a periodic sweep."""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from bot.inbox_batch import FORGET_PAUSE, Batch, finish_batch, take_batch
from bot.inbox_processor import InboxProcessor
from storage.db import SQLITE_LOCK_POLL_MAX

log = logging.getLogger(__name__)
# Pause between two batches on SQLite: a little longer than a waiting writer's poll.
BATCH_GAP_SQLITE = 2 * SQLITE_LOCK_POLL_MAX


class InboxWorker:
    """Handle batches on the sweep thread and send them on a small pool; woken by the webhook."""

    def __init__(
        self, processor: InboxProcessor, threads: int = 4, poll_seconds: float = 2.0
    ) -> None:
        self.processor = processor
        self.poll_seconds = poll_seconds
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="inbox")
        self._wake = threading.Event()
        self._news = threading.Event()  # set with _wake when there is more to handle
        self._stop = threading.Event()
        self._threads = threads
        self._active: set[str] = set()  # lanes of batches being sent or handled alone
        self._in_flight = 0
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._sending_due = False

    def start(self) -> None:
        """Start the sweep thread (once); it first handles whatever was left by a previous run."""
        with self._lock:
            if self._thread is None:
                # The Thai tokenizer loads here, once, not on a member's first message, and only
                # in a process that handles events: the web's processes start a second sooner.
                self.processor.router.warm()
                self._thread = threading.Thread(target=self._loop, name="inbox-sweep", daemon=True)
                self._thread.start()

    @property
    def busy(self) -> bool:
        """True while a batch is under way: when it is done, the sweep looks for more itself."""
        return self._in_flight > 0

    def notify(self) -> None:
        """Wake the sweep: new events were stored."""
        self._news.set()
        self._wake.set()

    def stop(self, wait: bool = True) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None and wait:
            self._thread.join(timeout=10)
        # Waiting, batches already taken are still sent (their events are finished and their
        # replies held for this process); not waiting, they are left to their leases.
        self._pool.shutdown(wait=wait, cancel_futures=not wait)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                self._sweep()
            except Exception as exc:  # noqa: BLE001 - the sweep must survive a database hiccup
                log.error("inbox sweep failed: %s", type(exc).__name__)
            self._sleep()

    def _sleep(self) -> None:
        """Wait for news, the next poll, or the moment a held-back event becomes ready."""
        deadline = time.monotonic() + self.poll_seconds
        while not self._stop.is_set():
            timeout = deadline - time.monotonic()
            held = self.processor.holdback.seconds_until_ready(self.processor.clock())
            if held is not None:
                timeout = min(timeout, held)
            if timeout <= 0 or not self._wake.wait(timeout):
                return
            self._wake.clear()
            if self._news.is_set():
                return
            # Only a lane noting a hold-back: look again at how long to sleep.

    def _sweep(self) -> None:
        """Handle batches here while the pool sends earlier batches' replies (a few at a time)."""
        self._news.clear()
        self.processor.holdback.forget()
        while not self._stop.is_set():
            with self._lock:
                if self._in_flight >= self._threads:
                    break  # LINE is slow: the batch being sent wakes the sweep when it is done
                busy = frozenset(self._active)
            batch = take_batch(self.processor, exclude=busy)
            if not batch.lanes:
                break
            with self._lock:
                self._active.update(batch.lanes)
                self._in_flight += 1
            self._pool.submit(self._finish, batch)
            if self.processor.db.dialect == "sqlite":
                # Let a webhook waiting for the write lock (it looks every few ms) go first.
                time.sleep(BATCH_GAP_SQLITE)
        with self._lock:
            if self._sending_due:
                return
            self._sending_due = True
        self._pool.submit(self._send_due)

    def _finish(self, batch: Batch) -> None:
        try:
            finish_batch(self.processor, batch)
        except Exception as exc:  # noqa: BLE001
            log.error("sending a batch failed: %s", type(exc).__name__)
        finally:
            with self._lock:
                self._active.difference_update(batch.lanes)
                self._in_flight -= 1
            self._news.set()  # its lanes are free again; more may have arrived meanwhile
            self._wake.set()

    def _send_due(self) -> None:
        try:
            self.processor.sender.send_due()
            # A disk cleanup deferred (busy readers, or one ran a moment ago) is tried again on
            # every sweep; one comes at least every poll.
            self.processor.db.forget_erased(pause=FORGET_PAUSE)
        except Exception as exc:  # noqa: BLE001
            log.error("sending due deliveries failed: %s", type(exc).__name__)
        finally:
            with self._lock:
                self._sending_due = False
