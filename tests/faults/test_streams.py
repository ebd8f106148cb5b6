"""Fault suite (issue 16, item 8): database connections cut during a stream; LINE answering late.

Each scenario prints answered once / zero / twice per member (run with -s to see).
"""

from __future__ import annotations

import statistics
import threading
from collections import Counter

import pytest
import requests
from sqlalchemy import create_engine, text

from tests.events import body
from tests.faults.tally import (
    answered,
    fates,
    leaked_lines,
    p99_ms,
    post_timed,
    quiesce,
    redeliver,
    report,
    settle,
    stream,
)
from tests.members import join

pytestmark = pytest.mark.slow

WORDS = "สวัสดีครับ"
APP_NAME = "bot-web-faults"


@pytest.fixture
def named_web_env(web_env, database_url):
    """The web's connections carry an application name, so the test can cut exactly those."""
    if not database_url.startswith("postgresql"):
        pytest.skip("cutting live connections is a PostgreSQL scenario (SQLite has none)")
    web_env["DATABASE_URL"] = f"{database_url}?application_name={APP_NAME}"
    return web_env


@pytest.mark.slow(seconds=37)
def test_database_connections_cut_every_300_ms_lose_and_double_nothing(
    named_web_env, web, line, db, database_url
):
    members = [join(line, db, f"สมาชิก{i}") for i in range(100)]
    events = [line.send_text(member, WORDS)["event"] for member in members]
    web.start()
    stop, cuts = threading.Event(), []
    admin = create_engine(database_url.replace("postgresql://", "postgresql+psycopg://"),
                          isolation_level="AUTOCOMMIT")  # fmt: skip

    def cut() -> None:
        with admin.connect() as connection:
            while not stop.wait(0.3):
                killed = connection.execute(
                    text("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                         "WHERE application_name = :name"), {"name": APP_NAME},
                ).scalar()  # fmt: skip
                cuts.append(killed)

    cutter = threading.Thread(target=cut)
    cutter.start()
    try:
        statuses = stream(web.url, events, gap=0.04)
        settle(line, members, timeout=20, quiet=0)
    finally:
        stop.set()
        cutter.join()
        admin.dispose()
    again = redeliver(web.url, events, statuses)  # LINE redelivers what got no 200
    counts = settle(line, members, timeout=30)
    idle = quiesce(db)
    counts = answered(line, members)
    leaks = leaked_lines(web.output(), members, [WORDS])
    said = report("connections cut", counts, cuts=len(cuts), connections_killed=sum(cuts),
           statuses=dict(Counter(statuses)), redelivered=len(again), idle=idle,
           leaked_lines=leaks)  # fmt: skip
    assert sum(cuts) > 0
    assert counts == Counter(once=len(members)), said
    assert 500 not in statuses + again and leaks == 0


def acks(url: str, events: list[dict]) -> tuple[list[int | None], list[float]]:
    """Post each event on one kept-alive connection; return the statuses and the seconds taken."""
    with requests.Session() as session:
        post_timed(session, url.replace("/callback", "/healthz"), b"")  # open the connection
        timed = [post_timed(session, url, body(event)) for event in events]
    return [s for s, _ in timed], [t for _, t in timed]


@pytest.mark.slow(seconds=27)
def test_line_answering_after_5_s_keeps_acks_fast_and_sends_nothing_twice(web, line, db):
    # The bot waits for LINE as in production (10 s), so a 5 s answer is an answer, not a timeout.
    web.env.update(LINE_REQUEST_TIMEOUT="10", DELIVERY_LEASE_SECONDS="60")
    web.start()
    # The same stream while LINE answers in 0.2 s: what this machine's load alone costs an ack.
    before = [join(line, db, f"ก่อน{i}") for i in range(20)]
    _, usual = acks(web.url, [line.send_text(m, WORDS)["event"] for m in before])
    settle(line, before, timeout=30, quiet=0)
    line.clear_faults()
    # LINE delivers each message at once but answers the call only 5 s later.
    line.add_fault(path="/v2/bot/message/*", after=True, delay=5.0, times=1_000_000)
    members = [join(line, db, f"สมาชิก{i}") for i in range(24)]
    statuses, seconds = acks(web.url, [line.send_text(m, WORDS)["event"] for m in members])
    counts = settle(line, members, timeout=60)
    idle = quiesce(db)
    counts = answered(line, members)
    leaks = leaked_lines(web.output(), members, [WORDS])
    p99, usual_p99 = p99_ms(seconds), p99_ms(usual)
    said = report("slow answers (5 s)", counts, webhook_p99_ms=round(p99, 1),
           webhook_p50_ms=round(statistics.median(seconds) * 1000, 1),
           webhook_max_ms=round(max(seconds) * 1000, 1),
           p99_when_line_is_quick_ms=round(usual_p99, 1), idle=idle, replies=fates(db, line),
           responses_500=statuses.count(500), leaked_lines=leaks)  # fmt: skip
    assert set(statuses) == {200}
    assert counts == Counter(once=len(members)) and leaks == 0, said
    # Waiting on LINE would cost 5,000 ms. On a quiet machine the p99 is ~25 ms; with the suite
    # on every core it swings past a second even while LINE is quick (printed above), so the
    # bound is what tells "never waits for LINE" from "waits".
    assert max(seconds) * 1000 < 4000, said
