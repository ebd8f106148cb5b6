"""Members answer meetings (เข้าร่วม / ไม่สะดวก / ยังไม่แน่ใจ) and list theirs (ประชุมของฉัน)."""

from __future__ import annotations

from urllib.parse import parse_qs

from linebot.v3.webhooks import PostbackEvent

from handlers import meeting_groups
from handlers.registry import command
from messages.builders import say, text_message
from messages.catalog import text
from messages.meetings import ANSWERS, card, carousel, when
from storage import meetings
from storage.models.meetings import CANCELLED
from storage.models.members import CONSENT_GIVEN


def _fields(event) -> dict[str, str]:
    if not isinstance(event, PostbackEvent):
        return {}
    return {k: v[0] for k, v in parse_qs(event.postback.data or "").items()}


# Any group member may tap (the router lets in_groups postbacks through); the handler checks
# consent itself, since the router's access rules do not run in groups.
@command("rsvp", (), access="consented", in_groups=True)
def rsvp(event, ctx) -> list[dict]:
    """Record the member's answer from a meeting card's button."""
    if ctx.in_group:
        return _in_group(event, ctx)
    fields, language = _fields(event), ctx.language
    value = fields.get("a")
    meeting = meetings.get(ctx.session, int(fields["m"])) if fields.get("m", "").isdigit() else None
    if meeting is None or value not in ANSWERS or not meeting_groups.invited(ctx, meeting, event):
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


def _in_group(event, ctx) -> list[dict]:
    """A tap on a group's card: saved quietly (no reply, the group sees the member's own
    "เข้าร่วม" already); only an answer that could not be saved is said, as a free reply."""
    fields, member = _fields(event), ctx.member
    value = fields.get("a")
    meeting = meetings.get(ctx.session, int(fields["m"])) if fields.get("m", "").isdigit() else None
    if meeting is None or value not in ANSWERS or not meeting_groups.invited(ctx, meeting, event):
        return []  # a card from elsewhere, or a forged tap: nothing to say to the whole group
    language = member.language if member else "th"
    if meeting.status == CANCELLED or meeting.starts_at <= ctx.clock():
        return [text_message(text("meeting.group.rsvp_closed", language, title=meeting.title))]
    if member is None or member.consent_status != CONSENT_GIVEN or member.registered_at is None:
        # Nothing is kept about someone who has not agreed: they are told how to answer.
        return [text_message(text("meeting.group.rsvp_not_registered", language))]
    meetings.answer(ctx.session, meeting.id, member.id, value, ctx.clock())
    return []


@command("my_meetings", ("ประชุมของฉัน", "my meetings", "นัดของฉัน"))
def my_meetings(event, ctx) -> list[dict]:
    """Show the member's upcoming meetings with their answer and buttons to change it."""
    language = ctx.language
    groups = meeting_groups.groups_of(ctx)
    found = meetings.for_member(ctx.session, ctx.member, ctx.clock(), limit=10, groups=groups)
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
