"""Demo meetings: monthly network meetings on Zoom, reminders already sent for past ones, RSVPs."""

from __future__ import annotations

import json
import random
import uuid
from collections import defaultdict
from datetime import datetime, time, timedelta

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from demo import thai
from demo.plan import SeedPlan, chunks
from storage import meetings
from storage.deliveries import FAILED, SENT
from storage.models import Delivery, Member, MemberRole
from storage.models.meetings import QUEUED, SKIPPED, Reminder, Rsvp
from storage.models.members import CONSENT_GIVEN
from storage.reminders import key_prefix

PLAN = "announcement,day_before@09:00,hour_before:60,rsvp_summary@18:00"
CHUNK = 500


Person = tuple[int, str, datetime]  # member id, LINE id, registered at


def _invitees(session: Session) -> dict[str, list[Person]]:
    """Members a network meeting reaches (consented, following), with when each registered."""
    by_network: dict[str, list[Person]] = defaultdict(list)
    stmt = select(Member.network, Member.id, Member.line_user_id, Member.registered_at).where(
        Member.consent_status == CONSENT_GIVEN, Member.registered_at.is_not(None),
        Member.following.is_(True),
    )  # fmt: skip
    for network, member_id, line_id, registered_at in session.execute(stmt):
        by_network[network].append((member_id, line_id, registered_at))
    return by_network


def _reached(people: list[Person], by: datetime, organiser_id: int | None) -> list[Person]:
    """Who a reminder sent at `by` reached: registered by then, the organiser aside (as the
    clock sends it and as the meeting page counts the invited)."""
    return [p for p in people if p[2] <= by and p[0] != organiser_id]


def _row(reminder: Reminder, index: int, people: list[str], failed: bool) -> dict:
    return {
        "kind": "multicast", "retry_key": str(uuid.uuid4()),
        "dedupe_key": f"{key_prefix(reminder)}{index}", "recipients": json.dumps(people),
        "messages": "[]", "recipient_count": len(people), "status": FAILED if failed else SENT,
        "attempts": 4 if failed else 1, "created_at": reminder.due_at,
        "next_attempt_at": reminder.due_at, "sent_at": None if failed else reminder.due_at,
        "sent_via": None if failed else "multicast",
        # As the sender writes a multicast it gave up on: a code the report words, and LINE's error.
        "reason": "expired" if failed else None,
        "last_error": "retry: HTTP 500: Internal Server Error" if failed else None,
    }  # fmt: skip


def _deliver(session: Session, reminder: Reminder, people: list[str], rng: random.Random) -> None:
    """Store the deliveries a sent reminder made: all sent, now and then a few failed."""
    failing = rng.randint(1, min(3, len(people))) if people and rng.random() < 0.08 else 0
    rows = [_row(reminder, 0, people[:failing], True)] if failing else []
    rest = people[failing:]
    for index, start in enumerate(range(0, len(rest), CHUNK), start=1):
        rows.append(_row(reminder, index, rest[start : start + CHUNK], False))
    if rows:
        session.execute(insert(Delivery), rows)


def seed_meetings(session: Session, plan: SeedPlan, rng: random.Random) -> int:
    """Schedule `plan.meetings` meetings over the past months and the next few weeks."""
    invitees = _invitees(session)
    if not invitees:
        return 0
    coordinators: dict[str, list[int]] = defaultdict(list)
    for member_id, network in session.execute(
        select(MemberRole.member_id, MemberRole.network).where(MemberRole.role == "coordinator")
    ):
        coordinators[network].append(member_id)
    organisers = {row[0]: row[1] for row in session.execute(select(Member.id, Member.line_user_id))}
    networks = sorted(key for key in invitees if key in ("civil", "youth")) or sorted(invitees)
    rsvps = []
    for _ in range(plan.meetings):
        network = rng.choice(networks)
        day = (plan.now - timedelta(days=rng.randint(-30, min(plan.days, 240)))).date()
        starts = datetime.combine(day, time(rng.choice((9, 13, 14, 19)), rng.choice((0, 30))))
        starts = starts.replace(tzinfo=plan.zone)
        meeting = meetings.create(
            session, title=f"{rng.choice(thai.MEETING_TOPICS)} ({rng.choice(thai.DISTRICTS)})",
            starts_at=starts, link=f"https://zoom.us/j/{rng.randint(10**9, 10**10 - 1)}",
            place=None, agenda="1. ทบทวนกิจกรรมเดือนที่ผ่านมา\n2. ถอดบทเรียน\n3. วางแผนเดือนหน้า",
            audience="networks", networks=[network], group_id=None,
            organiser_id=rng.choice(coordinators[network]) if coordinators[network] else None,
            plan=PLAN, now=starts - timedelta(days=10), zone=plan.zone,
        )  # fmt: skip
        organiser_id = meeting.organiser_id
        people = _reached(invitees[network], starts, organiser_id)
        if starts > plan.now:
            continue
        sent = session.scalars(select(Reminder).where(Reminder.meeting_id == meeting.id)).all()
        for reminder in sent:
            to = [p[1] for p in _reached(invitees[network], reminder.due_at, organiser_id)]
            if reminder.kind == "rsvp_summary":
                # The summary goes to the organiser alone (none: the clock skips it).
                to = [organisers[organiser_id]] if organiser_id in organisers else []
                if not to:
                    session.execute(update(Reminder).where(Reminder.id == reminder.id)
                                    .values(status=SKIPPED, reason="no_organiser"))  # fmt: skip
                    continue
            session.execute(
                update(Reminder)
                .where(Reminder.id == reminder.id)
                .values(status=QUEUED, queued_at=reminder.due_at, recipient_count=len(to))
            )
            _deliver(session, reminder, to, rng)
        for member_id, *_ in rng.sample(people, k=min(len(people), rng.randint(5, 60))):
            answer = rng.choices(("yes", "no", "maybe"), (70, 15, 15))[0]
            rsvps.append({"meeting_id": meeting.id, "member_id": member_id, "answer": answer,
                          "answered_at": starts - timedelta(days=rng.randint(1, 9))})  # fmt: skip
    for batch in chunks(rsvps):
        session.execute(insert(Rsvp), batch)
    return plan.meetings
