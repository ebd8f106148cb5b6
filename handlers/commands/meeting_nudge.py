"""เตือนคนที่ยังไม่ตอบ: the organiser reminds those who have not answered, once, after seeing the cost.

The first tap shows who would be reminded, what it costs and what remains of the month's quota;
only the second tap ("ส่งเตือนเลย") plans the send, which the clock makes as one multicast (one
push of the card for a group meeting, which LINE counts once per group member).
"""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import parse_qs

from linebot.v3.webhooks import PostbackEvent

from handlers import quota_month
from handlers.registry import command
from messages.builders import main_menu, say, text_message
from messages.catalog import text
from messages.meetings import send_time
from storage import meetings
from storage.models.meetings import SCHEDULED

# A second "send" within this time is a double tap, not a second reminder.
AGAIN_AFTER = timedelta(hours=1)
NAMES_SHOWN = 15
NUDGE = "meeting_nudge"


def nudge_data(meeting_id: int, confirmed: bool = False) -> str:
    return f"cmd={NUDGE}&m={meeting_id}" + ("&ok=1" if confirmed else "")


def nudge_button(meeting_id: int, label: str) -> dict:
    """A quick-reply item that asks to remind those who have not answered this meeting."""
    return {"type": "action", "action": {"type": "postback", "label": label[:20],
            "data": nudge_data(meeting_id), "displayText": label[:300]}}  # fmt: skip


def _fields(event) -> dict[str, str]:
    if not isinstance(event, PostbackEvent):
        return {}
    return {k: v[0] for k, v in parse_qs(event.postback.data or "").items()}


def _meeting(event, ctx):
    raw = _fields(event).get("m", "")
    if raw.isdigit():
        found = meetings.get(ctx.session, int(raw))
        return found if found is not None and meetings.may_manage(ctx.member, found) else None
    # Typed: the soonest meeting they manage (the report's buttons name one).
    return next(iter(meetings.manageable(ctx.session, ctx.member, ctx.clock(), limit=1)), None)


def _cost(ctx, meeting) -> tuple[int, list[str]]:
    """Messages the reminder costs, and the names it goes to (none known for a group)."""
    if meeting.audience == "group":
        return quota_month.group_size(ctx.gateway, meeting.group_id), []
    waiting = meetings.not_answered(ctx.session, meeting)
    members = {m.id: m for m in meetings.audience_members(ctx.session, meeting)}
    names = [members[r.member_id].display_name or f"#{r.member_id}" for r in waiting]
    return len(waiting), names


@command(NUDGE, ("เตือนคนที่ยังไม่ตอบ", "remind those who have not answered"), access="coordinator")
def remind_waiting(event, ctx) -> list[dict]:
    """Show who would be reminded and the quota; on the confirm tap, plan the one send."""
    language, now = ctx.language, ctx.clock()
    meeting = _meeting(event, ctx)
    if meeting is None or meeting.status != SCHEDULED or meeting.starts_at <= now:
        return [say("meeting.nudge.none", language, menu=True)]
    messages, names = _cost(ctx, meeting)
    if meeting.audience != "group" and not names:
        return [say("meeting.nudge.all_answered", language, menu=True, title=meeting.title)]
    # Sent now: set against this month's quota, as every screen reckons it.
    quota = quota_month.month_quota(ctx.session, ctx.gateway, now, now, ctx.zone, language)
    if quota.left is not None and messages > quota.left:
        return [say("meeting.nudge.over", language, menu=True, messages=messages,
                    month=quota.label(language), left=quota.left)]  # fmt: skip
    if _fields(event).get("ok") != "1":
        return [_preview(meeting, names, messages, quota, language)]
    if meetings.nudged_since(ctx.session, meeting.id, now - AGAIN_AFTER):
        return [say("meeting.nudge.already", language, menu=True, title=meeting.title)]
    planned = meetings.nudge(ctx.session, meeting, now, ctx.zone)
    if planned.due_at > now:  # held for the morning: say when it goes
        held = send_time(planned.due_at, now, ctx.zone, language)
        return [say("meeting.nudge.planned_held", language, menu=True, title=meeting.title,
                    messages=messages, when=held)]  # fmt: skip
    return [say("meeting.nudge.planned", language, menu=True, title=meeting.title,
                messages=messages)]  # fmt: skip


def _preview(meeting, names, messages, quota, language) -> dict:
    if names:
        shown = ", ".join(names[:NAMES_SHOWN])
        more = len(names) - NAMES_SHOWN
        if more > 0:
            shown += text("meeting.nudge.more", language, count=more)
        who = text("meeting.nudge.who", language, count=len(names), names=shown)
    else:
        who = text("meeting.nudge.who_group", language)
    cost = text("meeting.nudge.cost", language, messages=messages) + "\n" + quota.line(language)
    body = "\n".join([text("meeting.nudge.ask", language, title=meeting.title), who, cost])
    send = {"type": "action", "action": {"type": "postback",
            "label": text("meeting.nudge.send", language), "data": nudge_data(meeting.id, True),
            "displayText": text("meeting.nudge.send", language)}}  # fmt: skip
    return text_message(body, [send, *main_menu(language)])
