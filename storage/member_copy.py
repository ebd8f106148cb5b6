"""A member's copy of everything kept about them (PDPA right of access), as plain data.

Rows are copied column by column, so a column added later is in the copy without a change here.
Values stay Python values (dates, aware datetimes); `as_json` writes them for the file.
"""

from __future__ import annotations

import json
from datetime import date, datetime, tzinfo
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Member
from storage.models.activities import Activity
from storage.models.assessments import Assessment
from storage.models.invites import Invite
from storage.models.meeting_series import MeetingSeries
from storage.models.meetings import LinkedGroup, Meeting, Rsvp
from storage.models.reflections import Reflection
from storage.models.stories import SharedStory, StoryDigestOptOut

# An invite's hashed code is the bot's, not the member's; which staff account picked a story is
# the staff's.
SECRET_COLUMNS = {"code_hash", "marked_by"}


def row(item: Any) -> dict[str, Any]:
    """Every column of an ORM row."""
    return {
        column.name: getattr(item, column.key, None)
        for column in item.__table__.columns
        if column.name not in SECRET_COLUMNS
    }


def _all(session: Session, stmt) -> list:
    return list(session.scalars(stmt))


def _roles(member: Member) -> list[dict[str, Any]]:
    """The roles as chat names them: "member" from registration (no row of its own), then each
    role row."""
    held = [row(role) for role in member.roles]
    if member.registered_at is None:
        return held
    own = {"role": "member", "network": member.network, "granted_at": member.registered_at}
    return [own, *held]


def member_copy(session: Session, member: Member) -> dict[str, Any]:
    """Return everything kept about the member, grouped as "my data" shows it."""
    mid = member.id
    activities = []
    for activity in _all(session, select(Activity).where(Activity.member_id == mid)):
        activities.append(
            {
                **row(activity),
                "criteria": activity.criteria,
                "photos": [row(photo) for photo in activity.photos],
            }
        )
    assessments = [
        {**row(a), "answers": [row(answer) for answer in a.answers]}
        for a in _all(session, select(Assessment).where(Assessment.member_id == mid))
    ]
    rsvps = [
        {**row(r), "meeting_title": title}
        for r, title in session.execute(
            select(Rsvp, Meeting.title)
            .join(Meeting, Meeting.id == Rsvp.meeting_id)
            .where(Rsvp.member_id == mid)
        )
    ]
    return {
        "profile": row(member),
        "roles": _roles(member),
        "activities": activities,
        "reflections": [
            row(r) for r in _all(session, select(Reflection).where(Reflection.member_id == mid))
        ],
        "assessments": assessments,
        "rsvps": rsvps,
        "meetings_organised": [
            row(m) for m in _all(session, select(Meeting).where(Meeting.organiser_id == mid))
        ],
        "groups_linked": [
            row(g) for g in _all(session, select(LinkedGroup).where(LinkedGroup.linked_by == mid))
        ],
        "invites_used": [
            row(i) for i in _all(session, select(Invite).where(Invite.used_by == mid))
        ],
        "stories": [
            row(s) for s in _all(session, select(SharedStory).where(SharedStory.member_id == mid))
        ],
        "story_digest_opt_out": [
            row(o)
            for o in _all(
                session, select(StoryDigestOptOut).where(StoryDigestOptOut.member_id == mid)
            )
        ],
        "meeting_series_organised": [
            row(m)
            for m in _all(session, select(MeetingSeries).where(MeetingSeries.organiser_id == mid))
        ],
    }


def photo_paths(copy: dict[str, Any]) -> list[str]:
    """The media paths of every photo in a copy, in order."""
    return [photo["path"] for activity in copy["activities"] for photo in activity["photos"]]


def as_json(copy: dict[str, Any], zone: tzinfo) -> str:
    """The copy as a JSON document; times in `zone` with their offset (e.g. +07:00)."""

    def plain(value: Any) -> Any:
        if isinstance(value, datetime):
            return value.astimezone(zone).isoformat(timespec="seconds")
        if isinstance(value, date):
            return value.isoformat()
        raise TypeError(f"{type(value).__name__} is not JSON")

    return json.dumps(copy, ensure_ascii=False, indent=2, default=plain)
