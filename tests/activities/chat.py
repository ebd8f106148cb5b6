"""Helpers for activity tests: photo files, a clock the test moves, what was stored."""

from __future__ import annotations

import base64
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from storage import activities
from storage.activities import Details
from storage.media import MediaStore
from storage.models import Member
from storage.models.activities import Activity

# A Tuesday noon in Bangkok: "today" for every activity test that sets the bot's clock.
NOON = datetime(2026, 11, 24, 5, 0, tzinfo=UTC)


class Clock:
    """A clock the test moves: the bot reads it for "today" and the seven-day edit window."""

    def __init__(self, now: datetime = NOON) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def photo(folder: Path, n: int = 1, kind: str = "png") -> Path:
    """Write a small distinct image file (PNG or JPEG by its first bytes) and return its path."""
    head = b"\x89PNG\r\n\x1a\n" if kind == "png" else b"\xff\xd8\xff\xe0"
    path = folder / f"photo{n}.{kind}"
    path.write_bytes(head + f"photo number {n} ".encode() * 40)
    return path


def stored(db, user_id: str) -> list[Activity]:
    """Return the member's activities as stored, oldest first, with criteria and photos loaded."""
    with db.unit_of_work() as session:
        member = session.scalars(select(Member).where(Member.line_user_id == user_id)).one()
        query = select(Activity).where(Activity.member_id == member.id).order_by(Activity.id)
        return list(session.scalars(query))


def logged(db, media_dir: Path, user_id: str, *, title: str = "ปลูกป่าชุมชน",
           created_at: datetime = NOON, photos: int = 0, place: str | None = "วัดดอย",
           criteria: tuple[int, ...] = (2, 3), participants: int = 30) -> int:  # fmt: skip
    """Store an activity as if the member had logged it at `created_at`; return its id."""
    store = MediaStore(media_dir)
    with db.unit_of_work() as session:
        member = session.scalars(select(Member).where(Member.line_user_id == user_id)).one()
        files = [store.save_image(member.id, photo_bytes(f"{title}{n}")).as_dict()
                 for n in range(photos)]  # fmt: skip
        details = Details(title, date(2021, 8, 9), place is None, place, participants,
                          criteria, tuple(files))  # fmt: skip
        return activities.add(session, member, details, created_at).id


def photo_bytes(seed: str) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + seed.encode() * 20


def member_id(db, user_id: str) -> int:
    with db.unit_of_work() as session:
        return session.scalars(select(Member.id).where(Member.line_user_id == user_id)).one()


class Phone:
    """A member on their phone: one message at a time, reading each answer; counts what they sent."""

    def __init__(self, line, user_id: str) -> None:
        self.line, self.user_id = line, user_id
        self.sent = 0
        self.seen = line.messages(user_id)["next"]  # answers from here on are to this phone
        self.last: list[dict] = []

    def _send(self, payload: dict) -> list[dict]:
        self.sent += 1
        assert self.line.send(self.user_id, payload)["status"] == 200
        # Thirty seconds: with the whole suite on two cores one answer of a long journey (the
        # my-data summary) took twelve; the answer, not its speed, is what this checks.
        arrived = self.line.wait_for_messages(self.user_id, since=self.seen, count=1, timeout=30)
        assert arrived, f"no answer to {payload.get('type')}"
        self.seen = arrived[-1]["seq"] + 1
        self.last = [item["message"] for item in arrived]
        return self.last

    def say(self, text: str) -> list[dict]:
        return self._send({"type": "text", "text": text})

    def follow(self) -> list[dict]:
        """Add the bot as a friend (LINE sends a follow event)."""
        return self._send({"type": "follow"})

    def postback(self, data: str) -> list[dict]:
        return self._send({"type": "postback", "data": data})

    def image(self, path: Path) -> list[dict]:
        encoded = base64.b64encode(path.read_bytes()).decode()
        return self._send({"type": "image", "contentBase64": encoded})

    def tap(self, label: str) -> list[dict]:
        """Tap the button or quick reply called `label` in the last answer."""
        found = [a for a in _actions(self.last) if a.get("label") == label]
        assert found, f"no {label!r} among {[a.get('label') for a in _actions(self.last)]}"
        action = found[0]
        if action["type"] == "postback":
            return self.postback(action["data"])
        return self.say(action.get("text", label))


def _actions(node) -> list[dict]:
    """Every action in messages, Flex contents and quick replies, in order."""
    if isinstance(node, list):
        return [a for item in node for a in _actions(item)]
    if not isinstance(node, dict):
        return []
    own = [node["action"]] if isinstance(node.get("action"), dict) else []
    return own + [a for key, value in node.items() if key != "action" for a in _actions(value)]


def texts(messages: list[dict]) -> str:
    """Return what the messages say (text messages, Flex alt texts), one per line."""
    return "\n".join(m.get("text") or m.get("altText", "") for m in messages)
