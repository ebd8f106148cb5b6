"""Members answer meetings (เข้าร่วม / ไม่สะดวก / ยังไม่แน่ใจ) and list theirs (ประชุมของฉัน)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs

from linebot.v3.webhooks import PostbackEvent

from handlers import meeting_groups
from handlers.registry import command
from messages.builders import say, text_message
from messages.catalog import text, variants
from messages.meetings import ANSWERS, card, carousel, when
from storage import meetings
from storage.models.meetings import CANCELLED
from storage.models.members import CONSENT_GIVEN


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
    if meeting is None or value not in ANSWERS or not meeting_groups.invited(ctx, meeting, event):
        return [say("meeting.rsvp.unknown", language, menu=True)]
    return _record(meeting, value, ctx)


def _record(meeting, value: str, ctx) -> list[dict]:
    language = ctx.language
    if meeting.status == CANCELLED:
        return [say("meeting.rsvp.cancelled", language, menu=True, title=meeting.title)]
    if meeting.starts_at <= ctx.clock():
        return [say("meeting.rsvp.started", language, menu=True, title=meeting.title)]
    meetings.answer(ctx.session, meeting.id, ctx.member.id, value, ctx.clock())
    return [
        say(f"meeting.rsvp.saved_{value}", language, menu=True, title=meeting.title,
            when=when(meeting.starts_at, ctx.zone, language))
    ]  # fmt: skip


# A group card's buttons say "เข้าร่วม #12 · title" as the member (messages.meetings.said_answer):
# LINE names the user on message events in groups, not on postbacks. As folded by normalize().
SAID = r"(?:เข้าร่วม|ไม่สะดวก|ยังไม่แน่ใจ|coming|cantcome|notsureyet)#\d+(?:·.*)?"


def _said(words: str) -> tuple[int, str] | None:
    """The meeting number and answer a group card's button said."""
    found = re.match(r"\s*(.+?)\s*#(\d+)", words or "")
    if not found:
        return None
    label = found.group(1).strip().lower()
    for value in ANSWERS:
        if label in (v.lower() for v in variants(f"meeting.rsvp.{value}")):
            return int(found.group(2)), value
    return None


@command("rsvp_said", (), access="consented", in_groups=True, pattern=SAID)
def rsvp_said(event, ctx) -> list[dict]:
    """A group card's button: saved quietly (no reply: the group already sees the member's own
    "เข้าร่วม #12 · ..."); only an answer that could not be saved is said, in one free reply."""
    said = _said(getattr(event.message, "text", ""))
    meeting = meetings.get(ctx.session, said[0]) if said else None
    if meeting is None or not meeting_groups.invited(ctx, meeting, event):
        return [] if ctx.in_group else [say("meeting.rsvp.unknown", ctx.language, menu=True)]
    if not ctx.in_group:
        return _record(meeting, said[1], ctx)  # the same words typed (or forwarded) in private
    member = ctx.member
    language = member.language if member else "th"
    if meeting.status == CANCELLED or meeting.starts_at <= ctx.clock():
        return [text_message(text("meeting.group.rsvp_closed", language, title=meeting.title))]
    if ctx.user_id is None:  # the member's LINE settings keep their id from the bot
        return [text_message(text("meeting.group.rsvp_anonymous", language))]
    if member is None or member.consent_status != CONSENT_GIVEN or member.registered_at is None:
        # Nothing is kept about someone who has not agreed: they are told how to answer.
        return [text_message(text("meeting.group.rsvp_not_registered", language))]
    meetings.answer(ctx.session, meeting.id, member.id, said[1], ctx.clock())
    return []


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
    groups = meeting_groups.groups_of(ctx)
    found = _next_of_each_series(
        meetings.for_member(ctx.session, ctx.member, ctx.clock(), limit=50, groups=groups)
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
