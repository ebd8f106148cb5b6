"""Build what members see of a meeting: a card with its details and RSVP buttons, notices, times."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from handlers.parsing.formatting import format_date, format_time
from handlers.parsing.thai_datetime import format_datetime
from messages import report_reasons
from messages.builders import text_message
from messages.catalog import text

ALT_TEXT_LIMIT = 1500
ANSWERS = ("yes", "no", "maybe")


def fit_alt(alt: str) -> str:
    """Cut alt text to LINE's 1,500, which counts UTF-16 units (an emoji such as 📅 counts 2)."""
    units = alt.encode("utf-16-le")[: 2 * ALT_TEXT_LIMIT]
    return units.decode("utf-16-le", errors="ignore")


def when(moment: datetime, zone: ZoneInfo, language: str) -> str:
    """Say a date and time the way members read it, in the bot's time zone."""
    return format_datetime(moment.astimezone(zone), language)


THAI_WEEKDAYS = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์")
ENGLISH_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def weekday_name(moment: datetime, language: str) -> str:
    """ "วันจันทร์" / "Monday" for a (local) moment."""
    if language == "en":
        return ENGLISH_WEEKDAYS[moment.weekday()]
    return f"วัน{THAI_WEEKDAYS[moment.weekday()]}"


def day_when(moment: datetime, zone: ZoneInfo, language: str, until: datetime | None = None) -> str:
    """Say a meeting's day with its weekday: "วันอาทิตย์ที่ 6 ธ.ค. 2569 เวลา 09:00–12:00 น."."""
    local = moment.astimezone(zone)
    day = format_date(local.date(), language)
    end = f"–{until.astimezone(zone):%H:%M}" if until else ""
    if language == "en":
        return f"{ENGLISH_WEEKDAYS[local.weekday()]} {day}, {local:%H:%M}{end}"
    clock = f"{local:%H:%M}{end} น." if end else format_time(local, language)
    return f"วัน{THAI_WEEKDAYS[local.weekday()]}ที่ {day} เวลา {clock}"


def send_time(due: datetime, now: datetime, zone: ZoneInfo, language: str) -> str:
    """Say when a send held for the morning goes: "เวลา 08:00 น. พรุ่งนี้"."""
    local, today = due.astimezone(zone), now.astimezone(zone).date()
    days = (local.date() - today).days
    key = {0: "meeting.held.today", 1: "meeting.held.tomorrow"}.get(days, "meeting.held.on")
    return text(key, language, time=f"{local:%H:%M}", date=format_date(local.date(), language))


def where(meeting, language: str) -> str:
    """Say where a meeting happens: its place, its link, or both."""
    parts = []
    if meeting.place:
        parts.append(text("meeting.card.place", language, place=meeting.place))
    if meeting.link:
        parts.append(text("meeting.card.link", language, link=meeting.link))
    return "\n".join(parts)


def summary_text(meeting, zone: ZoneInfo, language: str, header: str | None = None) -> str:
    """The meeting's details as plain text (previews, alt text, notices)."""
    lines = [header] if header else []
    lines += [
        meeting.title,
        text(
            "meeting.card.when",
            language,
            when=day_when(meeting.starts_at, zone, language, meeting.ends_at),
        ),
    ]
    lines.append(where(meeting, language))
    if meeting.agenda:
        lines.append(text("meeting.card.agenda", language, agenda=meeting.agenda))
    return "\n".join(line for line in lines if line)


def _text(value: str, **style: Any) -> dict[str, Any]:
    return {"type": "text", "text": value, "wrap": True, **style}


def rsvp_data(meeting_id: int, value: str) -> str:
    return f"cmd=rsvp&m={meeting_id}&a={value}"


def said_answer(meeting, value: str, language: str) -> str:
    """What a group card's button says in the group for the member: "เข้าร่วม #12 · title"."""
    label = text(f"meeting.rsvp.{value}", language)
    return f"{label} #{meeting.id} · {meeting.title}"[:300]


def _rsvp_button(meeting, value: str, language: str, chosen: bool, said: bool) -> dict[str, Any]:
    label = text(f"meeting.rsvp.{value}", language)
    if said:
        # In a group LINE names the user only on message events: the tap says the answer.
        action = {"type": "message", "label": label, "text": said_answer(meeting, value, language)}
        return {"type": "button", "style": "secondary", "height": "sm", "action": action}
    meeting_id = meeting.id
    return {
        "type": "button",
        "style": "primary" if chosen else "secondary",
        "height": "sm",
        "action": {"type": "postback", "label": label, "data": rsvp_data(meeting_id, value),
                   "displayText": label},
    }  # fmt: skip


def repeat_line(meeting, language: str) -> str | None:
    """ "🔁 ประชุมประจำทุกวันพุธ เวลา 09:00 น." for an occurrence of a repeating meeting."""
    series = getattr(meeting, "series", None) if getattr(meeting, "series_id", None) else None
    if series is None:
        return None
    from storage.meeting_series import recurrence_of

    return text("meeting.card.repeats", language, rule=recurrence_of(series).describe(language))


def _calendar_buttons(calendar: dict[str, str], language: str) -> list[dict[str, Any]]:
    """The bot's .ics file (any calendar app) and Google Calendar, as two link buttons."""
    return [
        {"type": "button", "style": "link", "height": "sm",
         "action": {"type": "uri", "label": text(f"meeting.card.{label}", language), "uri": uri}}
        for label, uri in (("add_calendar", calendar["ics"]), ("google_calendar", calendar["google"]))
    ]  # fmt: skip


def card(
    meeting, zone: ZoneInfo, language: str, header: str, *, buttons: bool = True,
    answer: str | None = None, note: str | None = None, said: bool = False,
    calendar: dict[str, str] | None = None,
) -> dict[str, Any]:  # fmt: skip
    """A Flex bubble with the meeting's details and, when members can answer, RSVP buttons.

    `calendar` ({"ics": ..., "google": ...}, see bot/meeting_calendar.py) adds the two
    add-to-calendar links.
    """
    body = [_text(header, size="sm", weight="bold", color="#1E7B4F"),
            _text(meeting.title, size="lg", weight="bold"),
            _text(text("meeting.card.when", language, when=day_when(meeting.starts_at, zone, language, meeting.ends_at)), size="sm")]  # fmt: skip
    if place_or_link := where(meeting, language):
        body.append(_text(place_or_link, size="sm"))
    if repeats := repeat_line(meeting, language):
        body.append(_text(repeats, size="xs", color="#1E7B4F"))
    if meeting.agenda:
        body.append(
            _text(
                text("meeting.card.agenda", language, agenda=meeting.agenda),
                size="sm",
                color="#555555",
            )
        )
    if answer:
        yours = text(f"meeting.rsvp.{answer}", language)
        body.append(
            _text(
                text("meeting.card.your_answer", language, answer=yours), size="sm", weight="bold"
            )
        )
    if note:
        body.append(_text(note, size="xs", color="#777777"))
    bubble: dict[str, Any] = {
        "type": "bubble",
        "body": {"type": "box", "layout": "vertical", "spacing": "sm", "contents": body},
    }
    footer = []
    if buttons:
        footer = [
            _rsvp_button(meeting, value, language, value == answer, said) for value in ANSWERS
        ]
    if meeting.link and meeting.link.startswith(("https://", "http://")):
        footer.append({"type": "button", "style": "link", "height": "sm",
                       "action": {"type": "uri", "label": text("meeting.card.open_link", language),
                                  "uri": meeting.link}})  # fmt: skip
    if calendar:
        footer += _calendar_buttons(calendar, language)
    if footer:
        bubble["footer"] = {
            "type": "box",
            "layout": "vertical",
            "spacing": "sm",
            "contents": footer,
        }
    alt = "\n".join(filter(None, [summary_text(meeting, zone, language, header), note]))
    return {"type": "flex", "altText": fit_alt(alt), "contents": bubble}


def carousel(cards: list[dict[str, Any]], alt: str) -> dict[str, Any]:
    """Several meeting cards side by side (at most 12)."""
    return {
        "type": "flex",
        "altText": fit_alt(alt),
        "contents": {"type": "carousel", "contents": [c["contents"] for c in cards[:12]]},
    }


def notice(meeting, zone: ZoneInfo, language: str, key: str, **params: object) -> dict[str, Any]:
    """A plain-text notice about a meeting (cancelled, summary), with its details below."""
    return text_message(summary_text(meeting, zone, language, text(key, language, **params)))


def reason_text(reason: str | None, language: str) -> str:
    """Say why a reminder was not sent (reasons are stored as codes, e.g. "missed:7.5:6")."""
    return report_reasons.skip_text(reason, language)


def report_text(report, zone: ZoneInfo, language: str, now: datetime | None = None) -> str:
    """The delivery report of one meeting: each reminder's fate, then the RSVP counts; a
    reminder still unsent after its time (`now` from the bot's clock) is said to be overdue."""
    meeting = report.meeting
    lines = [text("meeting.report.heading", language, title=meeting.title,
                  when=when(meeting.starts_at, zone, language))]  # fmt: skip
    if meeting.status == "cancelled":
        lines.append(text("meeting.report.is_cancelled", language))
    for line in report.lines:
        label = text(f"meeting.kind.{line.kind}", language)
        due = when(line.due_at, zone, language)
        if line.status == "pending":
            late = now is not None and line.due_at <= now
            key = "meeting.report.overdue" if late else "meeting.report.pending"
            lines.append(text(key, language, label=label, when=due))
            continue
        if line.status == "skipped":
            reason = reason_text(line.reason, language)
            lines.append(
                text("meeting.report.skipped", language, label=label, when=due, reason=reason)
            )
            continue
        lines.append(text("meeting.report.queued", language, label=label, when=due, sent=line.sent,
                          failed=line.failed, waiting=line.waiting))  # fmt: skip
        if line.left_out:
            details = ", ".join(
                f"{text(f'meeting.left_out.{why}', language)} {count}"
                for why, count in sorted(line.left_out.items())
            )
            lines.append(text("meeting.report.left_out", language, details=details))
        for why, count in sorted(line.failures.items()):
            said = report_reasons.failure_text(why, language)
            lines.append(text("meeting.report.failure", language, reason=said, count=count))
    counts = report.rsvps
    waiting = max(report.invited - sum(counts.values()), 0)
    lines.append(text("meeting.report.rsvps", language, waiting=waiting, **counts))
    for answer in ("yes", "no", "maybe", "waiting"):
        names = (getattr(report, "names", None) or {}).get(answer)
        if names:
            label = text(f"meeting.answer_label.{answer}", language)
            lines.append(
                text("meeting.report.names", language, label=label, names=", ".join(names))
            )
    return "\n".join(lines)[:4900]
