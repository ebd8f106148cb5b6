"""Which LINE groups a member is in, as LINE says (its group-member endpoint), for group meetings.

A tap on a card in a group proves its sender is in that group; elsewhere (ประชุมของฉัน, a tap on
a group meeting's card in the private chat) LINE is asked, one call per group with an upcoming
meeting (at most MAX_GROUPS), so a member who left a group no longer sees its meetings.
"""

from __future__ import annotations

import logging

from storage import meetings
from storage.models.meetings import Meeting

log = logging.getLogger(__name__)
MAX_GROUPS = 10


def in_group(ctx, group_id: str) -> bool:
    """True when LINE says this member is in the group (False when it cannot be asked)."""
    check = getattr(ctx.gateway, "in_group", None)
    if check is None or not ctx.user_id:
        return False
    try:
        return bool(check(group_id, ctx.user_id))
    except Exception as exc:  # noqa: BLE001 - unknown is "not shown", never an error to the member
        log.warning("group member check failed: %s", type(exc).__name__)
        return False


def groups_of(ctx) -> frozenset[str]:
    """The groups with an upcoming meeting that this member is in."""
    candidates = meetings.upcoming_group_ids(ctx.session, ctx.clock())[:MAX_GROUPS]
    return frozenset(g for g in candidates if in_group(ctx, g))


def source_group(event) -> str | None:
    """The group an event came from (None in a private chat or a room)."""
    return getattr(getattr(event, "source", None), "group_id", None)


def invited(ctx, meeting: Meeting, event=None) -> bool:
    """True if the member may answer this meeting, from where the event came."""
    if meeting.audience != "group":
        return ctx.member is not None and meetings.is_invited(meeting, ctx.member)
    here = source_group(event) if event is not None else None
    if here is not None:
        return here == meeting.group_id  # tapped in the group itself: they are in it
    return bool(meeting.group_id) and in_group(ctx, meeting.group_id)
