"""Members answer meetings (เข้าร่วม / ไม่สะดวก / ยังไม่แน่ใจ) and list theirs (ประชุมของฉัน)."""

from __future__ import annotations

from urllib.parse import parse_qs

from linebot.v3.webhooks import PostbackEvent

from handlers.registry import command
from messages.builders import say
from messages.catalog import text
from messages.meetings import ANSWERS, card, carousel, when
from storage import meetings
from storage.models.meetings import CANCELLED


def _fields(event) -> dict[str, str]:
    if not isinstance(event, PostbackEvent):
        return {}
    return {k: v[0] for k, v in parse_qs(event.postback.data or "").items()}


@command("rsvp", (), access="consented")
def rsvp(event, ctx) -> list[dict]:
    """Record the member's answer from a meeting card's button."""
    fields, language = _fields(event), ctx.language
    value = fields.get("a")
    meeting = meetings.get(ctx.session, int(fields["m"])) if fields.get("m", "").isdigit() else None
    if meeting is None or value not in ANSWERS or not meetings.is_invited(meeting, ctx.member):
        return [say("meeting.rsvp.unknown", language, menu=True)]
    if meeting.status == CANCELLED:
        return [say("meeting.rsvp.cancelled", language, menu=True, title=meeting.title)]
    if meeting.starts_at <= ctx.clock():
        return [say("meeting.rsvp.started", language, menu=True, title=meeting.title)]
    meetings.answer(ctx.session, meeting.id, ctx.member.id, value, ctx.clock())
    return [
        say(f"meeting.rsvp.saved_{value}", language, menu=True, title=meeting.title,
            when=when(meeting.starts_at, ctx.zone, language))
    ]  # fmt: skip


def _next_of_each_series(found: list) -> list:
    """A weekly meeting would fill the carousel: show only the next occurrence of a series."""
    seen: set[int] = set()
    kept = []
    for meeting in found:
        if meeting.series_id in seen:
            continue
        if meeting.series_id:
            seen.add(meeting.series_id)
        kept.append(meeting)
    return kept


@command("my_meetings", ("ประชุมของฉัน", "my meetings", "นัดของฉัน"))
def my_meetings(event, ctx) -> list[dict]:
    """Show the member's upcoming meetings with their answer and buttons to change it."""
    language = ctx.language
    found = _next_of_each_series(
        meetings.for_member(ctx.session, ctx.member, ctx.clock(), limit=50)
    )[:10]
    if not found:
        return [say("meeting.mine.none", language, menu=True)]
    from bot.meeting_calendar import links_for  # the web serves the file; handlers only link

    header = text("meeting.header.mine", language)
    cards = [
        card(m, ctx.zone, language, header, answer=meetings.rsvp_of(ctx.session, m.id, ctx.member.id),
             calendar=links_for(ctx.config, m))
        for m in found
    ]  # fmt: skip
    alt = text("meeting.mine.alt", language, count=len(found))
    return [carousel(cards, alt), say("meeting.mine.lead", language, menu=True)]
