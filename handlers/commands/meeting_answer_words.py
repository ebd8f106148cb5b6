"""Members answer a meeting in their own words: "ไปไม่ได้ค่ะ ติดธุระ", "เข้าร่วมค่ะ", "รับทราบ".

Answered through the registry's pattern (only a whole short message of answer words, never inside
a conversation): the latest meeting announced to the member in the last two weeks gets the answer.
"รับทราบ" (noted) or two meetings open at once are not guessed: the member taps which, on buttons
that are the cards' own (cmd=rsvp), so nothing is recorded until they choose.
"""

from __future__ import annotations

from handlers import meeting_groups, meeting_words
from handlers.commands import help as help_handler
from handlers.registry import command
from messages.builders import main_menu, say, text_message
from messages.catalog import text
from messages.meetings import rsvp_data, when
from storage import meetings

ASKED = 4  # meetings offered at most when more than one is open


def _button(label: str, data: str) -> dict:
    return {"type": "action", "action": {"type": "postback", "label": label[:20], "data": data,
            "displayText": label[:300]}}  # fmt: skip


@command("meeting_words", (), pattern=meeting_words.PATTERN)
def answer_in_words(event, ctx) -> list[dict]:
    """Record (or, when it is not clear, ask to confirm) an RSVP typed in the member's words."""
    language, now = ctx.language, ctx.clock()
    said = meeting_words.answer_of(getattr(event.message, "text", ""))
    if said is None:
        return help_handler.not_understood(event, ctx)
    value, unsure = said
    found = meeting_words.candidates(ctx.session, ctx.member, now, meeting_groups.groups_of(ctx))
    if not found:
        return [say("meeting.words.none", language, menu=True)]
    answer = text(f"meeting.rsvp.{value}", language)
    if len(found) > 1:
        items = [_button(m.title, rsvp_data(m.id, value)) for m in found[:ASKED]]
        lines = [text("meeting.words.which", language, answer=answer)]
        lines += [f"• {m.title} ({when(m.starts_at, ctx.zone, language)})" for m in found[:ASKED]]
        return [text_message("\n".join(lines), [*items, *main_menu(language)][:13])]
    meeting = found[0]
    moment = when(meeting.starts_at, ctx.zone, language)
    if unsure:
        items = [
            _button(text(f"meeting.rsvp.{v}", language), rsvp_data(meeting.id, v))
            for v in ("yes", "no", "maybe")
        ]
        body = text("meeting.words.confirm", language, title=meeting.title, when=moment)
        return [text_message(body, [*items, *main_menu(language)][:13])]
    meetings.answer(ctx.session, meeting.id, ctx.member.id, value, now)
    return [
        say(f"meeting.rsvp.saved_{value}", language, menu=True, title=meeting.title, when=moment)
    ]
