"""Run the inbox processor in the web process: woken by the webhook and by a periodic sweep."""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from bot.inbox_processor import InboxProcessor
from storage import inbox

log = logging.getLogger(__name__)


class InboxWorker:
    """Run the processor on a small thread pool, woken by the webhook and by a periodic sweep."""

    def __init__(
        self, processor: InboxProcessor, threads: int = 4, poll_seconds: float = 2.0
    ) -> None:
        self.processor = processor
        self.poll_seconds = poll_seconds
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="inbox")
        self._wake = threading.Event()
        self._news = threading.Event()  # set with _wake when there is more to handle
        self._stop = threading.Event()
        self._active: set[str] = set()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._sending_due = False

    def start(self) -> None:
        """Start the sweep thread (once); it first handles whatever was left by a previous run."""
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="inbox-sweep", daemon=True)
                self._thread.start()

    def notify(self) -> None:
        """Wake the sweep: new events were stored."""
        self._news.set()
        self._wake.set()

    def stop(self, wait: bool = True) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None and wait:
            self._thread.join(timeout=10)
        self._pool.shutdown(wait=wait, cancel_futures=True)

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
        self._news.clear()
        self.processor.holdback.forget()
        with self.processor.db.unit_of_work() as session:
            keys = inbox.pending_lanes(session)
        for key in keys:
            with self._lock:
                if key in self._active:
                    continue
                self._active.add(key)
            self._pool.submit(self._run_lane, key)
        with self._lock:
            if self._sending_due:
                return
            self._sending_due = True
        self._pool.submit(self._send_due)

    def _run_lane(self, key: str) -> None:
        handled = 0
        try:
            handled = self.processor.process_lane(key)
        except Exception as exc:  # noqa: BLE001
            log.error("lane failed: %s", type(exc).__name__)
            handled = 1  # look again soon, as after any change
        finally:
            with self._lock:
                self._active.discard(key)
            if handled:
                self._news.set()  # an event may have arrived while this lane was finishing
            self._wake.set()  # either way: a hold-back may now end sooner than the next poll

    def _send_due(self) -> None:
        try:
            self.processor.sender.send_due()
            # A disk cleanup deferred by busy readers is tried again on every sweep.
            self.processor.db.forget_erased()
        except Exception as exc:  # noqa: BLE001
            log.error("sending due deliveries failed: %s", type(exc).__name__)
        finally:
            with self._lock:
                self._sending_due = False
