"""The real processes: gunicorn as the Procfile starts it, and `make run`'s local mode with the console."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest
import requests

from tests.conftest import sign
from tests.events import body
from tests.members import join
from tests.processes import ROOT, Process, answers, base_env, bot_env, free_port, gunicorn
from tests.waiting import sent_requests, wait_until

pytestmark = pytest.mark.slow


def test_simultaneous_copies_on_two_gunicorn_workers_are_answered_once(
    emulator, line, database_url, db, tmp_path
):
    port = free_port()
    env = bot_env(emulator.url, database_url, port, INBOX_POLL_SECONDS="0.3")
    web = gunicorn(port, env, tmp_path / "web.log", workers=2)
    try:
        member = join(line, db, "สมศรี")
        event = line.send_text(member, "สวัสดี")["event"]  # not delivered: no webhook URL yet
        raw = body(dict(event, webhookEventId="01SIMULTANEOUS0000000000000"))
        barrier = threading.Barrier(6)
        statuses: list[int] = []

        def post() -> None:
            session = requests.Session()  # one connection each, spread over both workers
            barrier.wait()
            response = session.post(
                f"http://127.0.0.1:{port}/callback",
                data=raw,
                headers={"X-Line-Signature": sign(raw), "Content-Type": "application/json"},
                timeout=10,
            )
            statuses.append(response.status_code)

        threads = [threading.Thread(target=post) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert statuses == [200] * 6
        wait_until(lambda: sent_requests(line), timeout=15)
        time.sleep(1.0)  # proving that no second reply comes takes waiting for one
        assert len(sent_requests(line)) == 1
        assert len(line.messages(member, since=0)["messages"]) == 1
    finally:
        web.stop()


@pytest.mark.slow(seconds=20)
def test_make_run_in_local_mode_answers_sawasdee_in_the_chat_console(tmp_path):
    port, emulator_port, env, runner = make_run(tmp_path)
    try:
        assert "make chat" in runner.output()
        script = tmp_path / "chat.txt"
        # Hello, agree to the privacy notice, register (LINE name, network, organisation,
        # province, Thai, save), then hello again.
        inputs = ["สวัสดี", "1", "1", "1", "โรงเรียนบ้านดอย", "1", "1", "1", "สวัสดี"]
        script.write_text("\n".join(inputs) + "\n", encoding="utf-8")
        chat = subprocess.run(
            [
                sys.executable,
                "-m",
                "emulator.console",
                "--emulator-url",
                f"http://127.0.0.1:{emulator_port}",
                "--name",
                "สมศรี",
                "--script",
                str(script),
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert chat.returncode == 0, chat.stderr
        transcript = chat.stdout
        assert "> สวัสดี" in transcript and "ยินยอม" in transcript
        assert "ลงทะเบียนเรียบร้อย" in transcript
        after = transcript.rsplit("> สวัสดี", 1)[1]
        assert "บันทึกกิจกรรม" in after and "ถอดบทเรียน" in after
        health = requests.get(f"http://127.0.0.1:{port}/healthz", timeout=5).json()
        assert health == {"status": "ok", "mode": "local"}
    finally:
        runner.stop()


@pytest.mark.slow(seconds=13)
def test_an_event_stored_by_a_process_killed_with_sigkill_is_answered_after_restart(
    emulator, line, database_url, db, tmp_path
):
    port = free_port()
    env = bot_env(emulator.url, database_url, port, INBOX_LEASE_SECONDS="2")
    # The first web process stores events but dies (SIGKILL) before any worker handles them.
    doomed = gunicorn(port, env, tmp_path / "doomed.log", workers=1, worker=False)
    emulator.state.webhook_url = f"http://127.0.0.1:{port}/callback"
    member = join(line, db, "สมศรี")
    assert line.send_text(member, "สวัสดี")["status"] == 200
    doomed.stop(signal.SIGKILL)
    assert line.messages(member, since=0)["messages"] == []

    revived = gunicorn(port, env, tmp_path / "revived.log", workers=1)
    try:
        [answer] = line.wait_for_messages(member, since=0, count=1, timeout=20)
        assert "บันทึกกิจกรรม" in answer["message"]["text"]
        assert answer["via"] == "reply"  # still within the token's minute: the free reply is used
    finally:
        revived.stop()


def _group_alive(runner: Process) -> bool:
    runner.popen.poll()  # reap the runner itself: a zombie would still count as alive
    try:
        os.killpg(runner.popen.pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.slow(seconds=14)
@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM], ids=["terminal closed", "TERM"])
def test_make_run_leaves_nothing_running_when_its_terminal_closes(tmp_path, sig):
    port, _, _, runner = make_run(tmp_path)
    try:
        # A closing terminal sends SIGHUP to the whole foreground group: gunicorn alone would
        # take it as "reload" and live on, holding the port.
        os.killpg(runner.popen.pid, sig)
        wait_until(lambda: not _group_alive(runner), timeout=30)
        assert not answers(f"http://127.0.0.1:{port}/healthz")
    finally:
        runner.stop(signal.SIGKILL)


def make_run(tmp_path):
    """Start `make run`'s runner in local mode; return its ports, environment and process."""
    port, emulator_port = free_port(), free_port()
    env = base_env(
        PORT=str(port),
        EMULATOR_PORT=str(emulator_port),
        DATABASE_URL=f"sqlite:///{tmp_path}/local.sqlite3",
        WEB_CONCURRENCY="1",
    )
    runner = Process([sys.executable, "-m", "bot.local"], env, tmp_path / "run.log")
    try:
        wait_until(lambda: answers(f"http://127.0.0.1:{port}/healthz"), timeout=40)
    except AssertionError:
        runner.stop()
        raise
    return port, emulator_port, env, runner
