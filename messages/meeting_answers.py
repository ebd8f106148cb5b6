"""Say who answered what: the names behind each count, and the evening list of the day's declines."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from messages.catalog import text
from messages.meetings import day_when

ORDER = ("yes", "no", "maybe", "waiting")


def names_lines(names: dict[str, list[str]], language: str) -> list[str]:
    """ "   ไม่สะดวก ได้แก่ สมศรี, สมชาย", one line per answer that has names."""
    return [
        text("meeting.report.names", language,
             label=text(f"meeting.answer_label.{answer}", language), names=", ".join(names[answer]))
        for answer in ORDER
        if names.get(answer)
    ]  # fmt: skip


def declines_text(
    per_meeting: list[tuple[object, list[str]]], zone: ZoneInfo, language: str
) -> str:
    """The evening message: each meeting with the names of those who declined since yesterday."""
    lines = [text("meeting.declines.heading", language)]
    for meeting, names in per_meeting:
        lines.append(
            text("meeting.declines.line", language, title=meeting.title,
                 when=day_when(meeting.starts_at, zone, language), names=", ".join(names))
        )  # fmt: skip
    lines.append(text("meeting.declines.footer", language))
    return "\n".join(lines)[:4900]


def quota_told_text(notices: list, language: str) -> str:
    """Whether the organiser was told that LINE refused sends for the quota ("" if none was)."""
    if not notices:
        return ""
    if any(n.told_at is None for n in notices):
        return text("meeting.quota_notice.report_untold", language)
    via = text(f"meeting.quota_notice.via_{notices[-1].told_via}", language)
    return text("meeting.quota_notice.report_told", language, via=via)
