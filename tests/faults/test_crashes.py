"""Fault suite (issue 16, item 8): web processes killed mid-stream, then restarted or drained.

LINE answers every message call 0.2 s after it has delivered it, so a kill often lands between a
reply reaching the member and the bot recording it. Each scenario prints answered once / zero /
twice and what became of the replies (run with -s to see).
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest

from tests.faults.tally import (
    Web,
    answered,
    fates,
    leaked_lines,
    quiesce,
    redeliver,
    report,
    settle,
    stream,
)
from tests.members import join
from tests.processes import ROOT
from tests.waiting import wait_until

pytestmark = pytest.mark.slow

WORDS = "สวัสดีค่ะ"


def crash_mid_stream(
    web: Web, line, db, count: int, worker_only: bool = False
) -> tuple[list[str], list[dict], list]:
    """Stream one message from each of `count` members; SIGKILL the web and its worker (or the
    worker alone) once replies flow."""
    members = [join(line, db, f"สมาชิก{i}") for i in range(count)]
    web.start()
    events = [line.send_text(member, WORDS)["event"] for member in members]  # tokens from now
    statuses: list = []
    poster = threading.Thread(target=lambda: statuses.extend(stream(web.url, events, gap=0.08)))
    poster.start()
    # Kill while replies are in flight and more events wait in the inbox.
    wait_until(lambda: answered(line, members)["once"] >= count // 6, timeout=90, interval=0.1)
    if worker_only:
        web.kill_worker()
    else:
        web.kill()
    poster.join()
    return members, events, statuses


@pytest.mark.slow(seconds=42)
def test_web_killed_mid_stream_then_restarted_answers_everyone_once(web, line, db):
    members, events, statuses = crash_mid_stream(web, line, db, count=100)
    web.start()
    again = redeliver(web.url, events, statuses)  # LINE redelivers what got no 200
    counts = settle(line, members, timeout=45)
    idle = quiesce(db)  # replies a killed process held are retried (or found unknown) by now
    counts = answered(line, members)
    leaks = leaked_lines(web.output(), members, [WORDS])
    replies = fates(db, line)
    said = report("crash mid-stream, restart", counts, unacknowledged=len(again), idle=idle,
           responses_500=(statuses + again).count(500), leaked_lines=leaks,
           replies=replies)  # fmt: skip
    assert counts["twice"] == 0 and counts["once"] + counts["zero"] == len(members), said
    # A reply cut mid-send is retried with its own token after the restart, which tells whether
    # it left. Only on a machine so slow that the token expired first is it left unknown and,
    # like the drain below, never pushed: that member is the only one allowed no answer.
    assert counts["zero"] <= replies["unknown-never-reached-line"], said
    assert 500 not in statuses + again and set(again) <= {200}
    assert leaks == 0


@pytest.mark.slow(seconds=38)
def test_worker_killed_mid_batch_then_restarted_answers_everyone_once(web, line, db):
    members, events, statuses = crash_mid_stream(web, line, db, count=100, worker_only=True)
    assert set(statuses) == {200}  # the web never stopped acknowledging
    web.start_worker()
    counts = settle(line, members, timeout=45)
    idle = quiesce(db)
    counts = answered(line, members)
    replies = fates(db, line)
    said = report("worker killed mid-batch, restart", counts, idle=idle, replies=replies)
    assert counts["twice"] == 0 and counts["once"] + counts["zero"] == len(members), said
    # As after a crash of both: only a reply cut mid-send whose token then expired may be lost.
    assert counts["zero"] <= replies["unknown-never-reached-line"], said
    assert leaked_lines(web.output(), members, [WORDS]) == 0


@pytest.mark.slow(seconds=36)
def test_inbox_drain_after_a_crash_answers_everyone_once(web, line, db):
    members, events, statuses = crash_mid_stream(web, line, db, count=80)
    acknowledged = [m for m, s in zip(members, statuses, strict=True) if s == 200]
    # The operator drains a minute later, when every reply token has expired.
    line.advance_clock(61)
    time.sleep(6.5)  # the killed process's leases run out
    drain = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "bot", "inbox", "drain"],
        cwd=ROOT, env=web.env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    counts = settle(line, acknowledged, timeout=5)
    idle = quiesce(db, timeout=5)
    leaks = leaked_lines(web.output() + drain.stdout + drain.stderr, members, [WORDS])
    replies = fates(db, line)
    said = report("drain after crash", counts, acknowledged=len(acknowledged), idle=idle,
           responses_500=statuses.count(500), leaked_lines=leaks, drain=drain.stdout.strip(),
           replies=replies)  # fmt: skip
    assert drain.returncode == 0, drain.stderr[-2000:]
    assert counts["twice"] == 0 and counts["once"] + counts["zero"] == len(acknowledged), said
    # The one loss at-most-once allows: the kill landed inside a reply's send, after its
    # "started" mark, and its token expired before the drain. Nothing can tell whether such a
    # reply left, so it is never pushed. Every other member is answered once.
    assert counts["zero"] <= replies["unknown-never-reached-line"], said
    assert 500 not in statuses and leaks == 0
