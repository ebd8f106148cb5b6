"""Conversation: messages a second through a whole flow (router, engine, storage; no HTTP)."""

from __future__ import annotations

import time
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import Column, Integer, MetaData, String, Table, select, update

from benchmarks import databases
from benchmarks.events import EventFactory
from benchmarks.report import Section
from benchmarks.runner import Run
from handlers import handler_modules
from handlers.consent import NOTICE_VERSION
from handlers.context import Context
from handlers.registry import build_registry
from handlers.router import Router, parse_event
from storage import members
from storage.db import Database
from storage.models.members import CONSENT_GIVEN
from storage.types import utcnow

ORDER = 40
MEMBERS = 200
TITLE = "Conversation: messages per second through a whole flow"
COLUMNS = ["Database", "Flows", "Messages", "Messages/s", "ms per message", "CPU ms per message",
           "Baseline transactions/s", "vs baseline"]  # fmt: skip
ZONE = ZoneInfo("Asia/Bangkok")
_baseline = MetaData()
BASELINE_TABLE = Table(
    "bench_baseline", _baseline,
    Column("key", String(64), primary_key=True), Column("step", String(32)), Column("n", Integer),
)  # fmt: skip


class Member:
    """One member talking to the router, one unit of work per message, as the inbox worker does."""

    def __init__(self, db: Database, router: Router, user: str, clock) -> None:
        self.db, self.router, self.user, self.clock = db, router, user, clock

    def send(self, payload: dict) -> list[dict]:
        with self.db.unit_of_work() as session:
            member = members.find(session, self.user)
            ctx = Context(session, member, "th", self.clock, ZONE, self.user)
            messages, _ = self.router.handle(parse_event(payload), ctx)
        return messages

    def say(self, factory: EventFactory, text: str) -> list[dict]:
        event = factory.event()
        event["source"]["userId"] = self.user
        event["message"]["text"] = text
        return self.send(event)

    def tap(self, factory: EventFactory, message: dict, index: int) -> list[dict]:
        event = factory.event()
        event["source"]["userId"] = self.user
        event.pop("message")
        data = message["quickReply"]["items"][index]["action"]["data"]
        return self.send({**event, "type": "postback", "postback": {"data": data}})


def _flow(member: Member, factory: EventFactory) -> None:
    member.say(factory, "ทดลองบันทึกกิจกรรม")
    member.say(factory, "ปลูกป่าชายเลน")
    criterion = member.say(factory, "30")
    member.tap(factory, criterion[-1], 1)
    [done] = member.say(factory, "เด็ก ๆ ได้เรียนรู้การทำงานเป็นทีม")
    if not done["text"].startswith("บันทึกแล้ว"):
        raise AssertionError(f"the flow did not finish: {done['text'][:40]!r}")


def _conversations(url: str, seconds: float) -> tuple[int, float, float]:
    router = Router(build_registry([*handler_modules(), "benchmarks.activity_flow"]))
    db, factory = Database(url), EventFactory()
    now: datetime = utcnow()
    users = [factory.user_id(10**6 + n) for n in range(MEMBERS)]
    _register(db, users, now)  # before the clock starts: members consent and register once
    flows = 0
    cpu, began = time.process_time(), time.perf_counter()
    while flows == 0 or time.perf_counter() - began < seconds:
        _flow(Member(db, router, users[flows % MEMBERS], lambda: now), factory)
        flows += 1
    elapsed, cpu = time.perf_counter() - began, time.process_time() - cpu
    db.dispose()
    return flows, elapsed, cpu


def _register(db: Database, users: list[str], now: datetime) -> None:
    """Store members who consented and registered, as the flow requires."""
    with db.unit_of_work() as session:
        for user in users:
            member = members.get_or_create(session, user)
            member.consent_status, member.consent_version, member.consent_decided_at = (
                CONSENT_GIVEN, NOTICE_VERSION, now,
            )  # fmt: skip
            member.display_name, member.network, member.organisation = "สมาชิก", "civil", "ชุมชน"
            member.province, member.registered_at = "เชียงราย", now


def _bare_transactions(url: str, count: int) -> float:
    """Time `count` read-then-write transactions, five per key, with plain SQLAlchemy Core."""
    db = Database(url)
    _baseline.create_all(db.engine)
    table = BASELINE_TABLE
    try:
        began = time.perf_counter()
        for n in range(count):
            key = f"k{n // 5}"
            with db.engine.begin() as connection:
                row = connection.execute(select(table.c.n).where(table.c.key == key)).first()
                if row is None:
                    connection.execute(table.insert().values(key=key, step="s0", n=1))
                else:
                    connection.execute(update(table).where(table.c.key == key)
                                       .values(step=f"s{row.n}", n=row.n + 1))  # fmt: skip
        return time.perf_counter() - began
    finally:
        _baseline.drop_all(db.engine)
        db.dispose()


def run(run: Run) -> Section:
    """Drive complete flows for a few seconds per database, then the same count of bare ones."""
    section = Section(TITLE, COLUMNS)
    seconds = run.settings.conversation_seconds
    for kind in run.settings.databases:
        run.check_time(3 * seconds + 10, f"conversation on {kind}")
        try:
            with databases.database(kind, run.workdir, run.settings.pg_admin_url) as url:
                flows, elapsed, cpu = _conversations(url, seconds)
                messages = flows * 5
                bare = _bare_transactions(url, messages)
        except databases.Unavailable as exc:
            section.notes.append(f"{kind} not measured: {exc}")
            continue
        rate, base = messages / elapsed, messages / bare
        section.add(kind, flows, messages, rate, 1000 * elapsed / messages,
                    1000 * cpu / messages, base, f"{rate / base:.0%}")  # fmt: skip
    section.notes += [
        "Each flow: the keyword, a name, a head count, a criterion tapped (postback), a note: "
        "five messages, each in its own unit of work as the inbox worker runs it (member "
        "lookup, router, engine, conversation state), members taking turns from a pool of registered members.",
        "Baseline: the same number of transactions, each one SELECT and one INSERT or UPDATE "
        "of a row by key with SQLAlchemy Core on the same database, in the same run.",
    ]
    return section
