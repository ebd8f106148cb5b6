"""Start the bot's real processes (gunicorn, the local runner, the console) for tests."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from storage.daytime import is_daytime, next_morning
from storage.types import utcnow
from tests.waiting import wait_until

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    """Return a TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers(url: str) -> bool:
    """Return True when the URL answers at all."""
    import requests

    try:
        requests.get(url, timeout=0.5)
    except requests.RequestException:
        return False
    return True


# Every process a test started and has not stopped: `stop_leftovers` ends them after the test.
_RUNNING: list[Process] = []


def running() -> list[Process]:
    """The processes started and not yet stopped."""
    return list(_RUNNING)


def stop_leftovers(kept: list[Process]) -> None:
    """Stop what a test left running but `kept` (a module's own web, say): a clock or a worker a
    failed test left behind would go on handling the next tests' rows in the database they share."""
    for process in [p for p in _RUNNING if p not in kept]:
        process.stop(signal.SIGKILL)


class Process:
    """A child process in its own process group, stopped (or killed) with everything it started."""

    def __init__(self, args: list[str], env: dict[str, str], log_path: Path) -> None:
        _RUNNING.append(self)
        self.log_path = log_path
        self._log = open(log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.popen = subprocess.Popen(
            args,
            cwd=ROOT,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def output(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.popen.poll() is None:
            os.killpg(self.popen.pid, sig)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.popen.wait(timeout=15)
        # Whatever of the group outlived its leader goes too: a stray worker or clock would go on
        # handling the next tests' rows in the database they share.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.popen.pid, signal.SIGKILL)
        self.popen.wait(timeout=5)
        self._log.close()
        if self in _RUNNING:
            _RUNNING.remove(self)


def base_env(**extra: str) -> dict[str, str]:
    """Return this environment without LINE settings, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LINE_", "DATABASE_URL"))}
    # A real LINE channel also needs the staff web's session key.
    env["STAFF_SECRET_KEY"] = "process-test-staff-secret-key-0123456789abcdef"
    env.update(extra)
    return env


def bot_env(emulator_url: str, database_url: str, port: int, **extra: str) -> dict[str, str]:
    """Return the environment of a bot process talking to the emulator as its LINE."""
    from tests.conftest import SECRET, TOKEN

    return base_env(
        LINE_CHANNEL_SECRET=SECRET, LINE_CHANNEL_ACCESS_TOKEN=TOKEN, LINE_API_BASE_URL=emulator_url,
        DATABASE_URL=database_url, PORT=str(port), **extra,
    )  # fmt: skip


class Processes:
    """The web process and its worker, started and stopped (or killed) together."""

    def __init__(self, *parts: Process) -> None:
        self.parts = parts

    def output(self) -> str:
        return "".join(part.output() for part in self.parts)

    def stop(self, sig: int = signal.SIGTERM) -> None:
        for part in reversed(self.parts):
            part.stop(sig)


def gunicorn(
    port: int,
    env: dict[str, str],
    log_path: Path,
    workers: int = 2,
    ready_timeout: float = 90,
    worker: bool = True,
) -> Processes:
    """Start the web process exactly as the Procfile does, and its `worker:`; wait until it answers.

    Without `worker`, events are stored and acknowledged but nobody handles them.
    """
    procfile = (ROOT / "Procfile").read_text()
    assert "'bot.wsgi:make_web()'" in procfile
    args = [
        sys.executable,
        "-m",
        "gunicorn",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "gthread",
        "--threads",
        "4",
        "bot.wsgi:make_web()",
    ]
    web = Process(args, env, log_path)
    started = (
        Processes(web, inbox_worker(env, log_path.with_suffix(".worker.log"), ready_timeout=0))
        if worker
        else Processes(web)
    )
    try:
        wait_until(lambda: answers(f"http://127.0.0.1:{port}/healthz"), timeout=ready_timeout)
        if worker:
            # A busy machine can take seconds more to start the worker than the web: a test that
            # waits ten seconds for an answer must not spend them on the worker's start.
            worker_ready(started.parts[-1], ready_timeout)
    except AssertionError:
        started.stop()  # never leave a half-started web behind
        raise
    return started


def inbox_worker(env: dict[str, str], log_path: Path, ready_timeout: float = 90) -> Process:
    """Start the worker exactly as the Procfile's `worker:` does; return once it handles events
    (with `ready_timeout=0`, at once)."""
    procfile = (ROOT / "Procfile").read_text()
    assert "worker: flask --app bot worker" in procfile
    process = Process([sys.executable, "-m", "flask", "--app", "bot", "worker"], env, log_path)
    if ready_timeout:
        worker_ready(process, ready_timeout)
    return process


def worker_ready(process: Process, timeout: float = 90) -> None:
    """Wait until a worker says it has started (it loaded the app and the Thai tokenizer)."""
    wait_until(lambda: "worker started" in process.output() or process.popen.poll() is not None,
               timeout=timeout)  # fmt: skip
    assert process.popen.poll() is None, process.output()[-2000:]


def clock(env: dict[str, str], log_path: Path) -> Process:
    """Start the clock exactly as the Procfile's `clock:` does."""
    procfile = (ROOT / "Procfile").read_text()
    assert "clock: flask --app bot clock" in procfile
    return Process([sys.executable, "-m", "flask", "--app", "bot", "clock"], env, log_path)


def by_day() -> timedelta:
    """How far to move a clock process so that it runs by day: at night an announcement waits
    for 08:00 (storage.daytime). Zero by day; at night the clock runs from 08:30 on."""
    now, bangkok = utcnow(), ZoneInfo("Asia/Bangkok")
    if is_daytime(now, bangkok) and is_daytime(now + timedelta(minutes=5), bangkok):
        return timedelta(0)
    return next_morning(now + timedelta(minutes=5), bangkok) + timedelta(minutes=30) - now


def day_clock(env: dict[str, str], log_path: Path, shift: timedelta) -> Process:
    """Start a clock process whose time is real time moved by `shift` (see `by_day`)."""
    moved = {**env, "CLOCK_FAKE_NOW": (utcnow() + shift).isoformat()} if shift else env
    return clock(moved, log_path)


def by_day_env(env: dict[str, str]) -> dict[str, str]:
    """`env` for processes whose wall clock runs by day: libfaketime moves it by `by_day()`, on
    top of any shift the whole suite already runs under (the year-ahead pass's FAKETIME)."""
    shift = by_day()
    if not shift:
        return env
    import libfaketime  # a test dependency (requirements-dev.txt), loaded only when needed

    library = Path(libfaketime.__file__).parent / "vendor/libfaketime/src/libfaketime.so.1"
    offset = _faked_seconds(os.environ.get("FAKETIME", "")) + shift.total_seconds()
    faked = {"LD_PRELOAD": str(library), "FAKETIME": f"+{int(offset)}"}
    # Monotonic time stays real, so the "monotonic fix" (costly at every GIL hand-over) is off.
    real_monotonic = {"FAKETIME_DONT_FAKE_MONOTONIC": "1", "FAKETIME_FORCE_MONOTONIC_FIX": "0"}
    return {**env, **faked, **real_monotonic}


def _faked_seconds(faketime: str) -> float:
    """Seconds of a relative FAKETIME offset such as "+365d" (none: 0)."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400, "y": 365 * 86400}
    if not faketime.startswith(("+", "-")):
        return 0.0
    number, unit = (faketime[:-1], faketime[-1]) if faketime[-1] in units else (faketime, "s")
    return float(number) * units[unit]
