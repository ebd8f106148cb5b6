"""Start the processes a benchmark needs on 127.0.0.1 and make sure every one of them stops."""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
BOT_APP = "bot.wsgi:make_web()"
PR_SET_PDEATHSIG = 1
_VARIABLE = re.compile(r"\$\{(\w+)(?::-([^}]*))?\}")
_running: list[Child] = []


def free_port() -> int:
    """Return a TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _die_with_parent():
    """Return a pre-exec hook asking Linux to SIGTERM the child if the runner is killed outright."""
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl  # looked up before fork, called after
    except (OSError, AttributeError):
        return None
    return lambda: prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


class Child:
    """A child process in its own session, so stopping it stops everything it started."""

    def __init__(
        self, name: str, args: list[str], env: dict[str, str], log_path: Path,
        stop_signal: int = signal.SIGTERM,
    ) -> None:  # fmt: skip
        self.name = name
        self.stop_signal = stop_signal
        self.log_path = log_path
        self._log = open(log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.popen = subprocess.Popen(
            args, cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True, preexec_fn=_die_with_parent(),
        )  # fmt: skip
        _running.append(self)

    def alive(self) -> bool:
        return self.popen.poll() is None

    def tail(self, lines: int = 15) -> str:
        """Return the end of the child's output, to explain a failure."""
        text = self.log_path.read_text(errors="replace").splitlines()
        return "\n".join(text[-lines:])

    def stop(self) -> None:
        """Signal the child (only: it stops its own workers), then kill whatever is left."""
        if self.alive():
            self.popen.send_signal(self.stop_signal)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.popen.wait(timeout=10)
        # Anything still in the child's process group (a stuck worker, a grandchild) goes too.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.popen.pid, signal.SIGKILL)
        self.popen.wait(timeout=5)
        if not self._log.closed:
            self._log.close()
        if self in _running:
            _running.remove(self)

    def wait_http(self, url: str, timeout: float = 30.0) -> None:
        """Wait until `url` answers; fail at once (with the log) if the child died."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.alive():
                raise RuntimeError(f"{self.name} exited early:\n{self.tail()}")
            try:
                requests.get(url, timeout=1)
                return
            except requests.RequestException:
                time.sleep(0.1)
        raise RuntimeError(f"{self.name} did not answer {url} within {timeout} s:\n{self.tail()}")

    def __enter__(self) -> Child:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def stop_all() -> None:
    """Stop every child still running (on the way out, also after Ctrl-C or a failure)."""
    for child in list(reversed(_running)):
        child.stop()


def _expand(command: str, env: dict[str, str]) -> str:
    return _VARIABLE.sub(lambda m: env.get(m.group(1)) or (m.group(2) or ""), command)


def procfile_web(env: dict[str, str], app: str = BOT_APP) -> list[str]:
    """Return the Procfile's `web:` command with env expanded, bound to 127.0.0.1, serving `app`."""
    line = next(
        line for line in (ROOT / "Procfile").read_text().splitlines() if line.startswith("web:")
    )
    args = shlex.split(_expand(line.removeprefix("web:").strip(), env))
    if args[0] != "gunicorn" or args.count(BOT_APP) != 1:
        raise RuntimeError(f"unexpected Procfile web command: {line}")
    args = [sys.executable, "-m", "gunicorn", *args[1:]]
    args[args.index(BOT_APP)] = app
    # The Procfile listens on every interface; a benchmark touches the loopback only.
    bind = args.index("--bind") + 1
    args[bind] = "127.0.0.1:" + args[bind].rsplit(":", 1)[1]
    return args


def start_web(name: str, env: dict[str, str], log_dir: Path, app: str = BOT_APP) -> Child:
    """Start gunicorn as the Procfile does (PORT from env) and wait for /healthz."""
    # SIGINT is gunicorn's quick shutdown: the benchmark has waited for the backlog already,
    # and a graceful one would add seconds to every case.
    child = Child(name, procfile_web(env, app), env, log_dir / f"{name}.log", signal.SIGINT)
    try:
        child.wait_http(f"http://127.0.0.1:{env['PORT']}/healthz")
    except BaseException:
        child.stop()
        raise
    return child


def start_worker(name: str, env: dict[str, str], log_dir: Path) -> Child:
    """Start the Procfile's `worker:` (it handles what the web stores)."""
    line = next(
        line for line in (ROOT / "Procfile").read_text().splitlines() if line.startswith("worker:")
    )
    args = shlex.split(line.removeprefix("worker:").strip())
    if args[:3] != ["flask", "--app", "bot"]:
        raise RuntimeError(f"unexpected Procfile worker command: {line}")
    return Child(name, [sys.executable, "-m", *args], env, log_dir / f"{name}.log")


def start_emulator(
    secret: str, token: str, webhook_url: str | None, log_dir: Path, name: str = "emulator"
) -> tuple[Child, str]:
    """Start the LINE emulator with a quota no benchmark reaches; return it and its URL."""
    port = free_port()
    args = [sys.executable, "-m", "emulator", "--port", str(port), "--channel-secret", secret,
            "--access-token", token, "--quota", str(10**9)]  # fmt: skip
    if webhook_url:
        args += ["--webhook-url", webhook_url]
    child = Child(name, args, base_env(), log_dir / f"{name}.log")
    url = f"http://127.0.0.1:{port}"
    try:
        child.wait_http(f"{url}/_emulator/")
    except BaseException:
        child.stop()
        raise
    return child, url


def base_env(**extra: str) -> dict[str, str]:
    """Return this environment without the bot's settings, plus `extra`."""
    own = ("LINE_", "DATABASE_URL", "PORT", "WEB_CONCURRENCY", "INBOX_", "EMULATOR_PORT")
    env = {k: v for k, v in os.environ.items() if not k.startswith(own)}
    env.update(extra)
    return env
