"""Members' own words as an RSVP: "ไปไม่ได้ค่ะ ติดธุระ", "เข้าร่วมค่ะ", "รับทราบ".

A matcher the router (or the natural-language step) can consult before its command registry:
`match(session, member, text, now)` returns which meeting and which answer the words mean, or
None when they are not an RSVP or no meeting was announced to the member lately. "รับทราบ"
(noted) is ambiguous: it is returned with `ambiguous=True`, so the caller asks to confirm.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage import meetings
from storage.models import Member
from storage.models.meetings import PENDING, QUEUED, Meeting, Reminder

# Only after an announcement: words typed weeks later are not an answer to an old card.
RECENT = timedelta(days=14)
_POLITE = re.compile(r"(ค่ะ|คะ|ครับ|คับ|จ้า|จ้ะ|นะ|น้า|ค่า|ฮะ|เลย|ด้วย|ขอบคุณ|[\s!.~😊🙏]+)")
_NO = (
    "ไปไม่ได้",
    "ไปประชุมไม่ได้",
    "เข้าประชุมไม่ได้",
    "ไม่สะดวก",
    "ไม่ว่าง",
    "ติดธุระ",
    "ไม่ได้ไป",
    "เข้าร่วมไม่ได้",
    "ขอลา",
    "ติดภารกิจ",
)
_YES = ("เข้าร่วม", "ไปได้", "ไปค่ะ", "ไปครับ", "ยินดีเข้าร่วม", "จะไป", "ว่าง", "สะดวก")
_MAYBE = ("ยังไม่แน่ใจ", "ไม่แน่ใจ", "อาจจะไป", "อาจไป", "น่าจะไป")
_NOTED = ("รับทราบ", "ทราบแล้ว", "โอเค", "ok", "okay")


@dataclass(frozen=True)
class RsvpWords:
    meeting: Meeting
    answer: str  # yes, no or maybe
    ambiguous: bool = False  # ask "เข้าร่วมใช่ไหมคะ?" before recording


def answer_of(text: str) -> tuple[str, bool] | None:
    """The RSVP short words say, and whether it needs a confirm; None if they are not one."""
    folded = re.sub(r"\s+", "", (text or "").strip().lower())  # "ไป ค่ะ" is "ไปค่ะ"
    if not folded or len(folded) > 80:
        return None
    if any(word in folded for word in _MAYBE):
        return "maybe", False
    if any(word in folded for word in _NO):
        return "no", False
    if any(word in folded for word in _YES):
        return "yes", False
    bare = _POLITE.sub("", folded)
    if bare in ("ไป", "ไปแน่นอน", "ไปประชุม"):
        return "yes", False
    if bare in _NOTED:
        return "yes", True
    return None


def latest_meeting(session: Session, member: Member, now: datetime) -> Meeting | None:
    """The upcoming meeting the member was last announced to or reminded of (within RECENT)."""
    found = candidates(session, member, now)
    return found[0] if found else None


# What members are sent about a meeting: its announcement, reminders and change notices.
_TOLD = ("announcement", "day_before", "hour_before", "change")


def _last_told(session: Session, meeting_ids: list[int], now: datetime) -> dict[int, datetime]:
    """When each meeting was last announced or reminded to members (sent, or due and on its way).

    A series' later occurrences are planned months ahead with their announcements due a week
    before: until then nobody was told of them, so they are not what a member's words answer.
    """
    if not meeting_ids:
        return {}
    stmt = select(Reminder.meeting_id, Reminder.due_at, Reminder.queued_at).where(
        Reminder.meeting_id.in_(meeting_ids),
        Reminder.kind.in_(_TOLD),
        Reminder.status.in_((PENDING, QUEUED)),
        Reminder.due_at <= now,
    )
    told: dict[int, datetime] = {}
    for meeting_id, due_at, queued_at in session.execute(stmt):
        moment = queued_at or due_at
        if meeting_id not in told or moment > told[meeting_id]:
            told[meeting_id] = moment
    return told


def candidates(
    session: Session, member: Member, now: datetime, groups: frozenset[str] = frozenset()
) -> list[Meeting]:
    """Upcoming meetings announced or reminded to the member within RECENT: the one she was
    told of last first, then the sooner."""
    invited = meetings.for_member(session, member, now, limit=200, groups=groups)
    told = _last_told(session, [m.id for m in invited], now)
    found = [m for m in invited if m.id in told and told[m.id] >= now - RECENT]
    return sorted(found, key=lambda m: (-told[m.id].timestamp(), m.starts_at, m.id))


# The registry's pattern (handlers.commands.meeting_answer_words): the WHOLE message, as
# handlers.keywords.normalize folds it (no spaces, lower case, a trailing particle dropped), is an
# answer word (a yes may be said twice: "ไปค่ะ เข้าร่วมนะคะ"), polite particles, and for "no"/"maybe" an optional short reason ("ติดธุระ",
# "เพราะติดสอน"). Anything longer or different is left to the understanding step.
_PARTICLES = r"(?:ค่ะ|คะ|ครับผม|ครับ|คับ|จ้า|จ้ะ|นะคะ|นะครับ|นะ|น้า|ค่า|ฮะ|เลย|ด้วย|แน่นอน|ขอบคุณ)*"
_END = r"[\U0001F000-\U0001FFFF\u2600-\u27BF~!.^_]*"
_REASON = r"(?:(?:ติด|เพราะ|มี|ต้อง|ขอ)[^\s]{0,30})?"
_NO_WORDS = (
    r"(?:ไปไม่ได้|ไปประชุมไม่ได้|เข้าประชุมไม่ได้|ไม่สะดวก|ไม่ว่าง|เข้าร่วมไม่ได้|ไม่ได้ไป|ขอลา|ติดธุระ|ติดภารกิจ)"
)
_MAYBE_WORDS = r"(?:ยังไม่แน่ใจ|ไม่แน่ใจ|อาจจะไป|อาจไป|น่าจะไป)"
_YES_WORDS = r"(?:ยินดีเข้าร่วม|เข้าร่วม|ไปได้|จะไป|ไป)"
_NOTED_WORDS = r"(?:รับทราบ|ทราบแล้ว)"
_MEETING = r"(?:เข้าร่วม|ไป)?(?:ประชุม|นัด)?(?:นี้)?"
PATTERN = (
    rf"(?:(?:{_NO_WORDS}|{_MAYBE_WORDS}){_MEETING}{_PARTICLES}{_REASON}"
    rf"|(?:{_YES_WORDS}{_MEETING}(?:แน่นอน)?{_PARTICLES})+|{_NOTED_WORDS}){_PARTICLES}{_END}"
)


def match(session: Session, member: Member, text: str, now: datetime) -> RsvpWords | None:
    """What the member's words answer, if they answer the latest meeting announced to them."""
    said = answer_of(text)
    if said is None:
        return None
    meeting = latest_meeting(session, member, now)
    if meeting is None:
        return None
    return RsvpWords(meeting, said[0], said[1])
