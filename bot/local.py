"""`make run`: migrate, then serve; without LINE credentials, start the emulator beside the bot."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from bot.config import ConfigError, load_config
from storage.migrate import upgrade

BANNER_TH = """
น้องคุณธรรมพร้อมแล้ว (โหมดทดลองในเครื่อง: ใช้ LINE จำลอง ไม่ต้องมีบัญชี LINE)
  บอท:        http://127.0.0.1:{port}/callback
  LINE จำลอง: http://127.0.0.1:{emulator_port}
เปิดอีกหน้าต่างหนึ่งแล้วพิมพ์  make chat  เพื่อคุยกับบอท แล้วลองพิมพ์ สวัสดี
"""
BANNER_EN = """The bot runs in local mode (a LINE emulator stands in for LINE).
Open another terminal and type  make chat  to talk to it; try typing สวัสดี.
Set LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN to serve a real LINE channel instead.
"""


def bind_host(env=None) -> str:
    """Listen on this machine only unless HOST says otherwise: a laptop on café Wi-Fi stays private.

    The Procfile binds 0.0.0.0 itself (a platform's router must reach the web process there).
    """
    env = os.environ if env is None else env
    return env.get("HOST", "").strip() or "127.0.0.1"


def gunicorn_command(port: int, host: str | None = None) -> list[str]:
    """Return the web process's command, like the Procfile's `web:` but bound to `host`."""
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "--bind",
        f"{host or bind_host()}:{port}",
        "--workers",
        os.environ.get("WEB_CONCURRENCY", "2"),
        "--worker-class",
        "gthread",
        "--threads",
        "4",
        "bot.wsgi:make_web()",
    ]


def worker_command() -> list[str]:
    """Return the worker process's command, the Procfile's `worker:`."""
    return [sys.executable, "-m", "flask", "--app", "bot", "worker"]


def wait_for(url: str, seconds: float = 20.0) -> bool:
    """Poll a URL until it answers, for at most `seconds`."""
    import requests

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            requests.get(url, timeout=1)
            return True
        except requests.RequestException:
            time.sleep(0.2)
    return False


def _stop_on_hangup_or_term() -> None:
    # A closed terminal (SIGHUP) or a plain kill (SIGTERM) must stop the children too: by default
    # either ends this process at once, and gunicorn takes SIGHUP as "reload" and lives on.
    def stop(signum, _frame):
        raise KeyboardInterrupt

    for sig in (signal.SIGHUP, signal.SIGTERM):
        signal.signal(sig, stop)


def main() -> int:
    """Run the bot (and in local mode the emulator) until interrupted."""
    try:
        config = load_config()
    except ConfigError as exc:
        print(f"config error: {exc}", file=sys.stderr)
        return 2
    upgrade(config.database_url)
    _stop_on_hangup_or_term()
    children: list[subprocess.Popen] = []
    env = dict(os.environ)
    if config.local_mode:
        emulator = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "emulator",
                "--port",
                str(config.emulator_port),
                "--webhook-url",
                f"http://127.0.0.1:{config.port}/callback",
                "--channel-secret",
                config.channel_secret,
                "--access-token",
                config.access_token,
            ]
        )
        children.append(emulator)
        if not wait_for(f"http://127.0.0.1:{config.emulator_port}/_emulator/requests"):
            print("the LINE emulator did not start", file=sys.stderr)
            emulator.terminate()
            return 1
        print(BANNER_TH.format(port=config.port, emulator_port=config.emulator_port))
        print(BANNER_EN)
    web = subprocess.Popen(gunicorn_command(config.port), env=env)
    children.append(web)
    children.append(subprocess.Popen(worker_command(), env=env))
    try:
        return web.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        for child in reversed(children):
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        for child in children:
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()


if __name__ == "__main__":
    sys.exit(main())
