"""`python -m emulator` as a standalone process."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]


def test_cli_serves_and_logs_where_it_listens():
    command = [sys.executable, "-m", "emulator", "--port", "0", "--channel-secret", "s",
               "--access-token", "t", "--webhook-url", "http://127.0.0.1:9/callback"]  # fmt: skip
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    try:
        deadline, url = time.monotonic() + 15, None
        while url is None and time.monotonic() < deadline:
            line = process.stderr.readline()
            if not line:
                break
            found = re.search(r"listening on (http://\S+)", line)
            url = found.group(1) if found else None
        assert url, "the emulator never said where it listens"
        answer = requests.get(
            f"{url}/v2/bot/message/quota", headers={"Authorization": "Bearer t"}, timeout=5
        )
        assert answer.json() == {"type": "limited", "value": 300}
        assert (
            requests.get(f"{url}/_emulator/", timeout=5).json()["webhookUrl"].endswith("/callback")
        )
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stderr.close()


def test_cli_requires_secrets():
    env = {k: v for k, v in os.environ.items() if not k.startswith("LINE_")}
    done = subprocess.run([sys.executable, "-m", "emulator", "--port", "0"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=30)  # fmt: skip
    assert done.returncode != 0 and "--channel-secret" in done.stderr
