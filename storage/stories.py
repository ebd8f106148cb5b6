"""Good practice shared back: staff mark a record, its author answers, members read granted ones."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.erasure import Fact, Subject, describer, eraser
from storage.models import Delivery, Member
from storage.models.activities import Activity, ActivityCriterion
from storage.models.members import CONSENT_GIVEN, reachable_clause
from storage.models.reflections import Reflection
from storage.models.stories import (
    ASKED,
    GRANTED,
    REFUSED,
    WITHDRAWN,
    SharedStory,
    StoryDigest,
    StoryDigestOptOut,
)

ANSWERS = ("yes", "no", "named", "anonymous")


@dataclass(frozen=True)
class Story:
    """A granted story as members see it: never the author's name unless they allowed it."""

    id: int
    kind: str  # "activity" or "reflection"
    title: str
    body: str
    criteria: tuple[str, ...]  # questionnaire keys
    author: str | None  # None: the author did not allow their name
    organisation: str | None  # shown only with the name (a small place could name the author)
    network: str | None
    held_on: date | None
    shared_at: datetime
    place: str | None = None  # an activity's place and head count
    participants: int | None = None


def find(session: Session, story_id: int) -> SharedStory | None:
    return session.get(SharedStory, story_id)


def of_record(session: Session, kind: str, record_id: int) -> SharedStory | None:
    """The story made of this activity or reflection, if staff marked it."""
    column = SharedStory.activity_id if kind == "activity" else SharedStory.reflection_id
    return session.scalars(select(SharedStory).where(column == record_id)).first()


def mark(
    session: Session, kind: str, record_id: int, author_id: int, staff_id: int | None, now: datetime
) -> tuple[SharedStory, bool]:
    """Mark a record as good practice (once); return the story and whether it is new."""
    found = of_record(session, kind, record_id)
    if found is not None:
        return found, False
    story = SharedStory(
        member_id=author_id, status=ASKED, marked_by=staff_id, marked_at=now,
        activity_id=record_id if kind == "activity" else None,
        reflection_id=record_id if kind == "reflection" else None,
    )  # fmt: skip
    session.add(story)
    session.flush()
    return story, True


def answer(session: Session, story: SharedStory, value: str, now: datetime) -> str:
    """Apply the author's answer; return the story's new status.

    yes / anonymous: shared without the name; named: shared with it; no: refused, or withdrawn
    when it had been shared (it disappears from เรื่องเล่าดีๆ at once).
    """
    if value not in ANSWERS:
        raise ValueError(value)
    if value == "no":
        story.status = WITHDRAWN if story.status == GRANTED else REFUSED
        story.show_name = False
        story.answered_at = now
    else:
        if story.status != GRANTED:
            story.answered_at = now  # a story is "new" from the day it was (again) shared
        story.status = GRANTED
        story.show_name = value == "named"
    session.flush()
    return story.status


def ask_key(story: SharedStory) -> str:
    """The outbox dedupe key of the push asking the story's author for permission."""
    return f"story-ask:{story.id}"


def asked_yet(session: Session, story: SharedStory) -> bool:
    """True once the permission request is in the outbox (it waits for 08:00 when marked at night)."""
    stmt = select(Delivery.id).where(Delivery.dedupe_key == ask_key(story))
    return session.scalars(stmt.limit(1)).first() is not None


def asks_waiting(session: Session, marked_since: datetime) -> list[SharedStory]:
    """Stories marked since then, still unanswered, whose request is not in the outbox yet."""
    stmt = select(SharedStory).where(
        SharedStory.status == ASKED, SharedStory.marked_at >= marked_since
    )
    found = list(session.scalars(stmt.order_by(SharedStory.id)))
    keys = [ask_key(story) for story in found]
    sent = set(session.scalars(select(Delivery.dedupe_key).where(Delivery.dedupe_key.in_(keys))))
    return [story for story in found if ask_key(story) not in sent]


def of_member(session: Session, member_id: int) -> list[SharedStory]:
    stmt = select(SharedStory).where(SharedStory.member_id == member_id)
    return list(session.scalars(stmt.order_by(SharedStory.marked_at.desc())))


def titles(session: Session, stories: list[SharedStory]) -> dict[int, str]:
    """A short title of each story's record, for the author's own list and staff pages."""
    found: dict[int, str] = {}
    for story in stories:
        if story.activity_id is not None:
            activity = session.get(Activity, story.activity_id)
            found[story.id] = activity.title if activity else ""
        else:
            reflection = session.get(Reflection, story.reflection_id)
            found[story.id] = _reflection_title(session, reflection) if reflection else ""
    return found


def _reflection_title(session: Session, reflection: Reflection) -> str:
    if reflection.activity_id is not None:
        activity = session.get(Activity, reflection.activity_id)
        if activity is not None:
            return activity.title
    return _clip(reflection.set_out, 60)


def _clip(text: str | None, limit: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def granted(
    session: Session,
    criteria_keys: list[str],
    *,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[Story]:
    """Every story its author allowed (and still consents), newest first; optionally those first
    shared in [since, until)."""
    stmt = (
        select(SharedStory, Member)
        .join(Member, Member.id == SharedStory.member_id)
        .where(SharedStory.status == GRANTED, Member.consent_status == CONSENT_GIVEN)
    )
    if since is not None:
        stmt = stmt.where(SharedStory.answered_at >= since)
    if until is not None:
        stmt = stmt.where(SharedStory.answered_at < until)
    stmt = stmt.order_by(SharedStory.answered_at.desc(), SharedStory.id.desc())
    return [
        _story(session, story, member, criteria_keys) for story, member in session.execute(stmt)
    ]


def _story(session: Session, story: SharedStory, member: Member, keys: list[str]) -> Story:
    named = story.show_name
    common = {
        "id": story.id, "author": member.display_name if named else None,
        "organisation": member.organisation if named else None, "shared_at": story.answered_at,
    }  # fmt: skip
    if story.activity_id is not None:
        activity = session.get(Activity, story.activity_id)
        numbers = session.scalars(
            select(ActivityCriterion.criterion).where(ActivityCriterion.activity_id == activity.id)
        ).all()
        criteria = tuple(keys[n - 1] for n in sorted(numbers) if 0 < n <= len(keys))
        return Story(kind="activity", title=activity.title, body="", criteria=criteria,
                     network=activity.network, held_on=activity.held_on, place=activity.place,
                     participants=activity.participants, **common)  # fmt: skip
    reflection = session.get(Reflection, story.reflection_id)
    body = _clip(f"{reflection.worked} — {reflection.lesson}", 300)
    return Story(kind="reflection", title=_reflection_title(session, reflection), body=body,
                 criteria=tuple(reflection.criteria_keys), network=reflection.network,
                 held_on=None, **common)  # fmt: skip


def by_criterion(stories: list[Story], keys: list[str]) -> dict[str, list[Story]]:
    """Group stories under each criterion they serve (a story may appear under several)."""
    grouped: dict[str, list[Story]] = {key: [] for key in keys}
    for story in stories:
        for key in story.criteria:
            if key in grouped:
                grouped[key].append(story)
    return grouped


# The monthly digest ---------------------------------------------------------------------------


def opted_out(session: Session, member_id: int) -> bool:
    return session.get(StoryDigestOptOut, member_id) is not None


def set_digest(session: Session, member_id: int, wanted: bool, now: datetime) -> None:
    """Turn the member's monthly digest on or off."""
    row = session.get(StoryDigestOptOut, member_id)
    if wanted and row is not None:
        session.delete(row)
    elif not wanted and row is None:
        session.add(StoryDigestOptOut(member_id=member_id, since=now))
    session.flush()


def digest_recipients(session: Session) -> list[Member]:
    """Members who may get the digest: consented, following, not opted out."""
    stmt = select(Member).where(
        reachable_clause(), Member.id.not_in(select(StoryDigestOptOut.member_id))
    )
    return list(session.scalars(stmt.order_by(Member.id)))


def digest(session: Session, month: str) -> StoryDigest | None:
    return session.scalars(select(StoryDigest).where(StoryDigest.month == month)).first()


def approve_digest(session: Session, month: str, staff_id: int | None, now: datetime) -> bool:
    """Record that staff approved the month's digest (once); the clock sends it."""
    if digest(session, month) is not None:
        return False
    session.add(StoryDigest(month=month, approved_by=staff_id, approved_at=now))
    session.flush()
    return True


def digests_to_send(session: Session) -> list[StoryDigest]:
    return list(session.scalars(select(StoryDigest).where(StoryDigest.sent_at.is_(None))))


# What a member's data holds ------------------------------------------------------------------


@eraser("shared_stories", order=20, tables=("shared_stories", "story_digest_optouts"))
def erase_stories(session: Session, subject: Subject) -> int:
    """Delete the member's shared stories (no longer shown) and their digest choice."""
    if subject.member_id is None:
        return 0
    session.execute(
        delete(StoryDigestOptOut).where(StoryDigestOptOut.member_id == subject.member_id)
    )
    stmt = delete(SharedStory).where(SharedStory.member_id == subject.member_id)
    return session.execute(stmt).rowcount or 0


@describer("shared_stories", tables=("shared_stories", "story_digest_optouts"))
def describe_stories(session: Session, subject: Subject) -> list[Fact]:
    """Say which of the member's records staff marked, and what they answered; the digest."""
    if subject.member_id is None:
        return []
    facts = []
    stories = of_member(session, subject.member_id)
    if stories:
        facts.append(Fact("mydata.stories", {"count": len(stories)}))
        names = titles(session, stories)
        for story in stories:
            facts.append(Fact(f"mydata.story_item.{story.status}", {"title": names[story.id]}))
    if opted_out(session, subject.member_id):
        facts.append(Fact("mydata.story_digest_off", {}))
    return facts


__all__ = ["ASKED", "GRANTED", "REFUSED", "WITHDRAWN", "Story"]
