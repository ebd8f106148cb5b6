"""Broadcast: a meeting reminder to every member, through the outbox and the sender to the emulator."""

from __future__ import annotations

import math
import time
import uuid
from collections import Counter

from sqlalchemy import insert, select

from benchmarks import databases
from benchmarks.child import Probe, run_measured
from benchmarks.events import SECRET, TOKEN
from benchmarks.report import Check, Section
from benchmarks.runner import Run
from emulator.client import EmulatorClient
from storage.db import Database
from storage.models import Member

ORDER = 20
TITLE = "Broadcast: a reminder to every member"
COLUMNS = ["Database", "Members", "Requests", "Minimum", "Enqueue s", "Send s", "Wall s",
           "CPU s", "Peak RSS MB", "Rise MB", "Members reached once"]  # fmt: skip
REMINDER = "เตือนความจำ: ประชุมเครือข่ายคุณธรรม พรุ่งนี้ 13.30 น. ทาง Zoom ค่ะ"
WALL_TARGET = 2.0


def seed_members(url: str, count: int) -> None:
    """Store `count` following members with valid LINE user ids (untimed set-up)."""
    db = Database(url)
    salt = uuid.uuid4().hex[:8]
    rows = [{"line_user_id": "U" + uuid.uuid5(uuid.NAMESPACE_OID, f"{salt}{n}").hex,
             "language": "th", "following": True} for n in range(count)]  # fmt: skip
    with db.unit_of_work() as session:
        for start in range(0, count, 2_000):
            session.execute(insert(Member), rows[start : start + 2_000])
    db.dispose()


def send_reminder(probe: Probe, db_url: str, api_url: str) -> dict:
    """Child side: select the members, enqueue the multicast chunks, send each; measured."""
    from bot.gateway import LineGateway
    from bot.sender import DeliverySender
    from messages.builders import text_message
    from storage import deliveries
    from storage.types import utcnow

    db = Database(db_url)
    sender = DeliverySender(db, LineGateway(api_url, TOKEN, timeout=10.0))
    with db.engine.connect():
        pass  # a running process has its pool open already
    with probe:
        with db.unit_of_work() as session:
            to = list(session.scalars(
                select(Member.line_user_id).where(Member.following.is_(True)).order_by(Member.id)
            ))  # fmt: skip
            ids = deliveries.enqueue_multicast(
                session, to, [text_message(REMINDER)], utcnow(), dedupe_key=uuid.uuid4().hex
            )
        enqueued = time.perf_counter()
        statuses = Counter(sender.send(delivery_id) for delivery_id in ids)
        send_seconds = time.perf_counter() - enqueued
    db.dispose()
    return {**probe.result(), "send": send_seconds, "enqueue": probe.wall - send_seconds,
            "recipients": len(to), "statuses": dict(statuses)}  # fmt: skip


def _one(run: Run, kind: str, line: EmulatorClient, api: str) -> tuple[list, list[Check]]:
    members = run.settings.broadcast_members
    with databases.database(kind, run.workdir, run.settings.pg_admin_url) as url:
        seed_members(url, members)
        line.clear_requests()
        run.check_time(30, f"broadcast on {kind}")
        result = run_measured("benchmarks.suites.broadcast:send_reminder",
                              {"db_url": url, "api_url": api}, run.workdir,
                              timeout=min(120.0, run.remaining()))  # fmt: skip
    calls = [r for r in line.requests()["requests"] if r["path"] == "/v2/bot/message/multicast"]
    reached = Counter(to for r in calls if r["status"] == 200 for to in r["body"]["to"])
    once = sum(1 for n in reached.values() if n == 1)
    minimum = math.ceil(members / 500)
    row = [kind, members, len(calls), minimum, result["enqueue"], result["send"],
           result["wall"], result["cpu"], result["peak_mb"], result["rise_mb"],
           f"{once:,}/{members:,}"]  # fmt: skip
    checks = [
        Check(f"{kind}: exactly the minimum number of requests, ceil({members:,}/500)",
              f"{len(calls)} (minimum {minimum}); statuses {result['statuses']}",
              len(calls) == minimum and once == members),
        Check(f"{kind}: under {WALL_TARGET:g} s for {members:,} members",
              f"{result['wall']:.2f} s", result["wall"] < WALL_TARGET),
    ]  # fmt: skip
    return row, checks


def run(run: Run) -> Section:
    """Send the reminder on each database, in a child process measured on its own."""
    from benchmarks.procs import start_emulator

    section = Section(TITLE, COLUMNS)
    emulator, api = start_emulator(SECRET, TOKEN, None, run.workdir, "emulator-broadcast")
    with emulator:
        line = EmulatorClient(api)
        for kind in run.settings.databases:
            try:
                row, checks = _one(run, kind, line, api)
            except databases.Unavailable as exc:
                section.notes.append(f"{kind} not measured: {exc}")
                continue
            section.add(*row)
            section.checks += checks
    section.notes += [
        "Timed in a fresh process from selecting the following members to the last chunk sent: "
        "one transaction stores every chunk (at most 500 recipients each) with its retry key, "
        "then the sender sends them one after another. Wall time includes the emulator's own "
        "checks of each 500-recipient request on the same cores.",
        "Peak RSS: the sending process's high-water mark (imports included); rise: how far it "
        "went above the memory in use when the timed part began.",
    ]
    return section
