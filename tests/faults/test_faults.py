"""Fault suite (issue 16): real gunicorn and the emulator on this run's database (SQLite or PostgreSQL).

Each scenario prints how many members were answered once, zero times and twice (run with -s to see).
"""

from __future__ import annotations

import json
import time
from collections import Counter

import pytest
from sqlalchemy import select, text

from storage.models import InboxEvent
from tests.events import BOT_USER_ID, body
from tests.faults.malformed import BREAKAGES, deep_body
from tests.faults.tally import answered, post, report, settle
from tests.members import join
from tests.processes import bot_env, free_port, gunicorn

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def platform():
    """One emulator for the whole suite (each scenario uses its own members)."""
    from emulator.server import EmulatorServer
    from emulator.state import EmulatorState
    from tests.conftest import SECRET, TOKEN

    state = EmulatorState(channel_secret=SECRET, access_token=TOKEN, webhook_url=None)
    with EmulatorServer(state) as server:
        yield server


@pytest.fixture
def line(platform):
    from emulator.client import EmulatorClient

    return EmulatorClient(platform.url)


@pytest.fixture(scope="module")
def web(platform, database_url, tmp_path_factory):
    """One gunicorn (2 workers) for the suite: starting it is most of the suite's time."""
    port = free_port()
    env = bot_env(platform.url, database_url, port, INBOX_POLL_SECONDS="0.3")
    log_path = tmp_path_factory.mktemp("faults") / "web.log"
    process = gunicorn(port, env, log_path, workers=2, ready_timeout=90)  # a loaded machine
    process.url = f"http://127.0.0.1:{port}/callback"
    yield process
    process.stop()


@pytest.mark.slow(seconds=20)
def test_malformed_signed_bodies_get_no_500_and_good_events_beside_them_are_answered(web, line, db):
    members = [join(line, db, f"สมาชิก{i}") for i in range(3)]
    statuses = []
    for member in members:
        good = line.send_text(member, "สวัสดี")["event"]  # no webhook URL: we deliver it
        for name, breakage in BREAKAGES.items():
            bad = {**good, **breakage, "webhookEventId": f"01BAD{name}{member}"[:200]}
            statuses.append(post(web.url, json.dumps({"destination": BOT_USER_ID,
                                                      "events": [bad]}).encode()))  # fmt: skip
        statuses.append(post(web.url, deep_body()))
        statuses.append(post(web.url, body(good)))
    counts = settle(line, members)
    report("malformed bodies", counts, responses_500=statuses.count(500), bodies=len(statuses))
    assert set(statuses) == {200}
    assert counts == Counter(once=len(members))


@pytest.mark.slow(seconds=15)
def test_database_cut_mid_webhook_logs_no_member_data_and_loses_no_event(web, line, db):
    members = [join(line, db, f"สมาชิก{i}") for i in range(4)]
    words = [f"ข้อความลับที่{i}" for i in range(4)]
    events = [line.send_text(m, w)["event"] for m, w in zip(members, words, strict=True)]
    with db.engine.begin() as connection:
        if db.dialect == "postgresql":
            connection.execute(text("SET lock_timeout = '10s'"))
        connection.execute(text("ALTER TABLE inbox_events RENAME TO inbox_events_away"))
    try:
        cut = [post(web.url, body(event)) for event in events]
        time.sleep(0.8)  # let the workers' sweeps fail too, and log it
    finally:
        with db.engine.begin() as connection:
            connection.execute(text("ALTER TABLE inbox_events_away RENAME TO inbox_events"))
    redelivered = [post(web.url, body(event)) for event in events]  # LINE's redelivery
    counts = settle(line, members)
    log = web.output()
    leaks = sum(1 for line_ in log.splitlines() if any(s in line_ for s in members + words))
    report("database cut", counts, statuses_while_cut=sorted(set(cut)), leaked_lines=leaks)
    assert set(cut) == {503} and set(redelivered) == {200}
    assert "database unavailable" in log and leaks == 0 and "[parameters" not in log
    assert counts == Counter(once=len(members))


def test_a_poison_event_ends_at_once_and_the_log_barely_grows(web, line, db):
    healthy = join(line, db, "สมชาย")
    poison = {**line.send_text(healthy, "สวัสดี")["event"], "webhookEventId": "01POISON"}
    poison["source"] = "user"  # the adversarial run's poison: a string where an object belongs
    before = len(web.output().splitlines())
    assert post(web.url, body(poison)) == 200
    assert post(web.url, body(poison)) == 200  # redelivered: recognised, still not handled
    good = line.send_text(healthy, "สวัสดี")["event"]
    assert post(web.url, body(good)) == 200
    counts = settle(line, [healthy])
    time.sleep(1.0)
    grown = len(web.output().splitlines()) - before
    with db.unit_of_work() as session:
        status = session.scalar(
            select(InboxEvent.status).where(InboxEvent.webhook_event_id == "01POISON")
        )
    report("poison event", counts, poison_status=status, log_lines_added=grown)
    assert status == "rejected" and grown <= 10
    assert counts == Counter(once=1)


def test_a_body_for_another_bot_is_acknowledged_and_never_answered(web, line, db):
    member, ours = join(line, db, "สมหญิง"), join(line, db, "สมปอง")
    foreign = line.send_text(member, "สวัสดี")["event"]
    raw = json.dumps({"destination": "U" + "f" * 32, "events": [foreign]}).encode()
    assert post(web.url, raw) == 200
    assert post(web.url, body(line.send_text(ours, "สวัสดี")["event"])) == 200
    settle(line, [ours])
    counts = answered(line, [member])
    report("another destination", counts)
    assert counts == Counter(zero=1) and answered(line, [ours]) == Counter(once=1)
