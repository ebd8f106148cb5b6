"""Count what members got, post signed bodies, and read the web's log, for the fault scenarios."""

from __future__ import annotations

import contextlib
import json
import signal
import statistics
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import requests
from sqlalchemy import func, select

from storage.models import Delivery, InboxEvent
from tests.conftest import sign
from tests.events import body
from tests.processes import Processes, gunicorn, inbox_worker
from tests.waiting import wait_until


def post(url: str, raw: bytes, timeout: float = 15) -> int | None:
    """POST a signed body; return the status, or None when no answer came (process gone)."""
    headers = {"X-Line-Signature": sign(raw), "Content-Type": "application/json"}
    try:
        return requests.post(url, data=raw, headers=headers, timeout=timeout).status_code
    except requests.RequestException:
        return None


def post_timed(session: requests.Session, url: str, raw: bytes) -> tuple[int | None, float]:
    """POST a signed body on a kept-alive session; return the status and the seconds it took."""
    headers = {"X-Line-Signature": sign(raw), "Content-Type": "application/json"}
    started = time.perf_counter()
    try:
        status = session.post(url, data=raw, headers=headers, timeout=15).status_code
    except requests.RequestException:
        status = None
    return status, time.perf_counter() - started


def stream(url: str, events: list[dict], threads: int = 4, gap: float = 0.0) -> list[int | None]:
    """Post each event in its own body, `threads` at a time; return each one's status."""

    def one(event: dict) -> int | None:
        if gap:
            time.sleep(gap)
        return post(url, body(event), timeout=5)

    with ThreadPoolExecutor(threads) as pool:
        return list(pool.map(one, events))


def redeliver(url: str, events: list[dict], statuses: list[int | None]) -> list[int | None]:
    """Send again, as LINE's redelivery does, every event that got no 200; return the new statuses."""
    again = []
    for event, status in zip(events, statuses, strict=True):
        if status != 200:
            copy = {**event, "deliveryContext": {"isRedelivery": True}}
            again.append(post(url, body(copy)))
    return again


def answered(line, members: list[str]) -> Counter:
    counts = Counter()
    for member in members:
        n = len(line.messages(member, since=0)["messages"])
        counts["once" if n == 1 else "zero" if n == 0 else "twice"] += 1
    return counts


def settle(line, members: list[str], timeout: float = 30, quiet: float = 1.0) -> Counter:
    """Wait until every member has an answer (or `timeout`), then a little longer for a second."""
    # On timeout the count below says how many were never answered.
    with contextlib.suppress(AssertionError):
        wait_until(lambda: answered(line, members)["zero"] == 0, timeout=timeout, interval=0.3)
    time.sleep(quiet)  # proving that no second answer comes takes waiting for one
    return answered(line, members)


def quiesce(db, timeout: float = 40) -> bool:
    """Wait until no event and no delivery is left pending (a retry could still bring a second)."""

    def idle() -> bool:
        with db.unit_of_work() as session:
            events = session.scalar(select(func.count()).where(InboxEvent.status == "pending"))
            sends = session.scalar(select(func.count()).where(Delivery.status == "pending"))
        return events == 0 and sends == 0

    try:
        wait_until(idle, timeout=timeout, interval=0.5)
    except AssertionError:
        return False
    return True


def fates(db, line) -> dict:
    """What became of the replies: sent (how), unknown, failed; and unknowns LINE never took."""
    with db.unit_of_work() as session:
        rows = session.execute(
            select(Delivery.status, Delivery.sent_via, Delivery.reason, func.count()).group_by(
                Delivery.status, Delivery.sent_via, Delivery.reason
            )
        ).all()
        unknown_tokens = set(session.scalars(
            select(Delivery.reply_token).where(Delivery.status == "unknown")))  # fmt: skip
    taken = {r["body"].get("replyToken") for r in line.requests(since=0)["requests"]
             if r["path"] == "/v2/bot/message/reply" and r["status"] == 200}  # fmt: skip
    summary = {"/".join(str(p) for p in row[:3] if p): row[3] for row in rows}
    summary["unknown-never-reached-line"] = len(unknown_tokens - taken)
    return summary


def leaked_lines(log: str, members: list[str], words: list[str]) -> int:
    """Count log lines naming a member or quoting what one wrote."""
    needles = [*members, *words]
    return sum(1 for line in log.splitlines() if any(n in line for n in needles))


def p99_ms(seconds: list[float]) -> float:
    """Return the 99th percentile in milliseconds (within what was measured, never beyond)."""
    if len(seconds) < 2:
        return max(seconds, default=0.0) * 1000
    return statistics.quantiles(seconds, n=100, method="inclusive")[98] * 1000


def report(name: str, counts: Counter, **extra) -> str:
    """Print (and return, for assertion messages) one scenario's line of counts."""
    more = "".join(f" · {k} {v}" for k, v in extra.items())
    line = (f"[fault] {name}: answered once {counts['once']} / zero {counts['zero']} "
            f"/ twice {counts['twice']}{more}")  # fmt: skip
    print("\n" + line)
    return line


def destination_body(event: dict, destination: str) -> bytes:
    return json.dumps({"destination": destination, "events": [event]}).encode()


class Web:
    """The web processes on one port: started, SIGKILLed, started again; every log kept."""

    def __init__(self, env: dict, logs) -> None:
        self.port = env["PORT"]
        self.env, self.logs, self.runs = env, logs, []
        self.url = f"http://127.0.0.1:{self.port}/callback"

    def start(self) -> None:
        log_path = self.logs / f"web-{len(self.runs)}.log"
        # A loaded CI machine (or eight engineers on two cores) can take a while to import it all.
        self.runs.append(gunicorn(int(self.port), self.env, log_path, workers=2, ready_timeout=90))

    def kill(self) -> None:
        self.runs[-1].stop(signal.SIGKILL)

    def kill_worker(self) -> None:
        """SIGKILL only the worker (mid-batch); the web goes on storing and acknowledging."""
        self.runs[-1].parts[-1].stop(signal.SIGKILL)

    def start_worker(self) -> None:
        """Start a new worker beside the running web, as a supervisor would."""
        log_path = self.logs / f"worker-{len(self.runs)}.log"
        self.runs.append(Processes(inbox_worker(self.env, log_path)))

    def stop(self) -> None:
        for run in reversed(self.runs):
            run.stop()

    def output(self) -> str:
        return "".join(run.output() for run in self.runs)
