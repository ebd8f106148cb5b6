"""Helpers for meeting tests: many members at once, a meeting, a clock job with a movable time."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import insert

from bot.gateway import LineGateway
from bot.reminders import ReminderJob
from bot.sender import DeliverySender
from storage import meetings
from storage.models import Member
from storage.models.members import CONSENT_GIVEN
from tests.conftest import TOKEN
from tests.members import DEFAULT_CLOCK

BANGKOK = ZoneInfo("Asia/Bangkok")


def many_members(db, count: int, network: str = "civil", language: str = "th", *,
                 clock: Callable[[], datetime] = DEFAULT_CLOCK) -> list[str]:  # fmt: skip
    """Store `count` consented, registered, following members (as of `clock`); return their ids."""
    now = clock()
    ids = ["U" + uuid.uuid4().hex for _ in range(count)]
    rows = [
        {"line_user_id": uid, "language": language, "following": True,
         "consent_status": CONSENT_GIVEN, "consent_version": "2026-11", "consent_decided_at": now,
         "display_name": f"สมาชิก {n}", "network": network, "organisation": "วัดบ้านดอย",
         "province": "เชียงราย", "registered_at": now, "created_at": now, "updated_at": now}
        for n, uid in enumerate(ids)
    ]  # fmt: skip
    with db.unit_of_work() as session:
        for start in range(0, len(rows), 500):
            session.execute(insert(Member), rows[start : start + 500])
    return ids


def schedule(db, starts_at: datetime, now: datetime, *, networks=("civil",), plan=None,
             organiser: str | None = None, title: str = "ประชุมเครือข่ายประจำเดือน", **extra) -> int:  # fmt: skip
    """Store a meeting planned at `now`; return its id."""
    with db.unit_of_work() as session:
        organiser_id = None
        if organiser:
            organiser_id = session.scalar(
                Member.__table__.select()
                .with_only_columns(Member.id)
                .where(Member.line_user_id == organiser)
            )
        fields = dict(link="https://zoom.us/j/123456", place=None, agenda=None, audience="networks",
                      networks=list(networks), group_id=None)  # fmt: skip
        fields.update(extra)
        meeting = meetings.create(
            session, title=title, starts_at=starts_at, organiser_id=organiser_id,
            plan=plan or "announcement,day_before@09:00,hour_before:60,rsvp_summary@18:00",
            now=now, zone=BANGKOK, **fields,
        )  # fmt: skip
        return meeting.id


class FakeTime:
    """A time the test moves by hand."""

    def __init__(self, start: datetime) -> None:
        self.at = start

    def __call__(self) -> datetime:
        return self.at

    def move_to(self, moment: datetime) -> None:
        self.at = moment

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)


def clock_job(db, emulator_url: str, time: FakeTime, grace_hours: float = 6) -> ReminderJob:
    """The clock's job as the clock process builds it, but in-process and on the test's time."""
    gateway = LineGateway(emulator_url, TOKEN, 3.0)
    sender = DeliverySender(db, gateway, clock=time, sleep=lambda s: None)
    return ReminderJob(db, sender, BANGKOK, time, timedelta(hours=grace_hours))


def feed(line, user_id: str) -> list[dict]:
    """What a member's phone shows from the bot."""
    return [m["message"] for m in line.messages(user_id, since=0)["messages"]]


def alt_texts(line, user_id: str) -> list[str]:
    """The alt text (cards) or text (notices) of each message a member received."""
    return [m.get("altText") or m.get("text", "") for m in feed(line, user_id)]


class Chat:
    """A member talking to the router directly (one unit of work per message), LINE = emulator."""

    def __init__(self, db, router, user_id: str, time: FakeTime, gateway=None, config=None) -> None:
        from bot.networks import DEFAULT_NETWORKS

        self.db, self.router, self.user_id, self.time = db, router, user_id, time
        self.gateway, self.config, self.networks = gateway, config, DEFAULT_NETWORKS

    def _send(self, payload: dict, group: str | None = None) -> list[dict]:
        from linebot.v3.webhooks import Event

        from handlers.context import Context
        from storage import members

        if group:
            # As LINE: in a group, the user's id comes on message events only.
            payload["source"] = {"type": "group", "groupId": group}
            if payload.get("type") == "message":
                payload["source"]["userId"] = self.user_id
        user_id = (payload.get("source") or {}).get("userId", self.user_id)  # as the inbox reads it
        with self.db.unit_of_work() as session:
            member = members.find(session, user_id) if user_id else None
            ctx = Context(session, member, member.language if member else "th", self.time,
                          BANGKOK, user_id, in_group=bool(group), gateway=self.gateway,
                          networks=self.networks, config=self.config)  # fmt: skip
            messages, _ = self.router.handle(Event.from_dict(payload), ctx)
        return messages

    def say(self, text: str, group: str | None = None) -> list[dict]:
        from tests.events import text_event

        return self._send(text_event(text, self.user_id), group)

    def press(self, data: str, params: dict | None = None, group: str | None = None) -> list[dict]:
        """Tap a postback button (a card's, a menu's) carrying `data`, in a group if given."""
        from tests.events import text_event

        event = text_event("", self.user_id)
        event.pop("message")
        event.update(
            type="postback", postback={"data": data, **({"params": params} if params else {})}
        )
        return self._send(event, group)

    def tap(self, message: dict, label: str, params: dict | None = None) -> list[dict]:
        """Tap the quick-reply item labelled `label` on `message`."""
        [item] = [i for i in message["quickReply"]["items"] if i["action"]["label"] == label]
        return self.press(item["action"]["data"], params)


def texts(messages: list[dict]) -> list[str]:
    """Each message's text (a card's alt text)."""
    return [m.get("text") or m.get("altText", "") for m in messages]


def labels(messages: list[dict]) -> list[str]:
    """The quick-reply labels on the last message."""
    return [i["action"]["label"] for i in messages[-1].get("quickReply", {}).get("items", [])]
