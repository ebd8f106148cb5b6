"""Members answer a meeting in their own words: "ไปไม่ได้ค่ะ ติดธุระ", "เข้าร่วมค่ะ", "รับทราบ".

Answered through the registry's pattern (only a whole short message of answer words, never inside
a conversation): the latest meeting announced to the member in the last two weeks gets the answer.
"รับทราบ" (noted) or two meetings open at once are not guessed: the member taps which, on buttons
that are the cards' own (cmd=rsvp), so nothing is recorded until they choose.
"""

from __future__ import annotations

from handlers import meeting_groups, meeting_words
from handlers.commands import help as help_handler
from handlers.parsing.formatting import format_date
from handlers.registry import command
from messages.builders import main_menu, say, text_message
from messages.catalog import text
from messages.meetings import rsvp_data, when
from storage import meetings
from storage.models.members import CONSENT_GIVEN

ASKED = 4  # meetings offered at most when more than one is open
LABEL_LIMIT = 20  # LINE's quick-reply label


def _button(label: str, data: str) -> dict:
    return {"type": "action", "action": {"type": "postback", "label": label[:20], "data": data,
            "displayText": label[:300]}}  # fmt: skip


def labels_of(found, zone, language: str) -> list[str]:
    """One distinct label per meeting, each carrying its date: "ประชุมประจำสัปดาห์ 7 ธ.ค."."""

    def label(meeting, with_time: bool) -> str:
        local = meeting.starts_at.astimezone(zone)
        day = format_date(local.date(), language).rsplit(" ", 1)[0]  # "7 ธ.ค." without the year
        if with_time:
            day = f"{day} {local:%H:%M}"
        room = LABEL_LIMIT - len(day) - 1
        title = meeting.title if len(meeting.title) <= room else meeting.title[: room - 1] + "…"
        return f"{title} {day}"

    names = [label(m, False) for m in found]
    if len(set(names)) < len(names):  # the same title twice on one day: the time tells them apart
        names = [label(m, True) for m in found]
    if len(set(names)) < len(names):
        names = [f"{n[: LABEL_LIMIT - 3]} {i}" for i, n in enumerate(names, 1)]
    return names


@command("meeting_words", (), pattern=meeting_words.PATTERN, in_groups=True)
def answer_in_words(event, ctx) -> list[dict]:
    """Record (or, when it is not clear, ask to confirm) an RSVP typed in the member's words."""
    language, now = ctx.language, ctx.clock()
    said = meeting_words.answer_of(getattr(event.message, "text", ""))
    if ctx.in_group:
        return _in_group(event, ctx, said)
    if said is None:
        return help_handler.not_understood(event, ctx)
    value, unsure = said
    found = meeting_words.candidates(ctx.session, ctx.member, now, meeting_groups.groups_of(ctx))
    if not found:
        return [say("meeting.words.none", language, menu=True)]
    answer = text(f"meeting.rsvp.{value}", language)
    if not unsure:
        # "เข้าร่วมค่ะ": a meeting already answered so is not offered again.
        member_id = ctx.member.id
        waiting = [m for m in found if meetings.rsvp_of(ctx.session, m.id, member_id) != value]
        if not waiting:
            meeting = found[0]
            return [say("meeting.words.already", language, menu=True, title=meeting.title,
                        answer=answer, when=when(meeting.starts_at, ctx.zone, language))]  # fmt: skip
        found = waiting
    if len(found) > 1:
        offered = found[:ASKED]
        names = labels_of(offered, ctx.zone, language)
        items = [_button(n, rsvp_data(m.id, value)) for m, n in zip(offered, names, strict=True)]
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


def _in_group(event, ctx, said) -> list[dict]:
    """Typed in a group: an answer to the meeting last announced to this group, said back in one
    free reply (the words name no meeting). Silent otherwise: it may be chat among members."""
    member, group_id = ctx.member, meeting_groups.source_group(event)
    if said is None or said[1] or group_id is None or ctx.user_id is None:
        return []  # "รับทราบ" in a group is said to the organiser, not an RSVP
    if member is None or member.consent_status != CONSENT_GIVEN or member.registered_at is None:
        return []  # nothing is kept about someone who has not agreed
    now = ctx.clock()
    found = [
        m for m in meeting_words.candidates(ctx.session, member, now, frozenset({group_id}))
        if m.audience == "group" and m.group_id == group_id
    ]  # fmt: skip
    if not found:
        return []
    meeting, value, language = found[0], said[0], member.language or "th"
    meetings.answer(ctx.session, meeting.id, member.id, value, now)
    return [text_message(text("meeting.group.words_saved", language,
                              name=member.display_name or "", title=meeting.title,
                              answer=text(f"meeting.answer_label.{value}", language),
                              when=when(meeting.starts_at, ctx.zone, language)))]  # fmt: skip
