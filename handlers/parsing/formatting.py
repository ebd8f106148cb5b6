"""Show dates and times the way members read them: Buddhist-era Thai, or plain English."""

from __future__ import annotations

from datetime import date, datetime, time

from handlers.parsing.dates import BUDDHIST_ERA_OFFSET
from handlers.parsing.vocabulary import (
    ENGLISH_MONTHS_LONG,
    ENGLISH_MONTHS_SHORT,
    THAI_MONTHS_LONG,
    THAI_MONTHS_SHORT,
)

STYLES = ("short", "long")


def format_thai_date(day: date, style: str = "short") -> str:
    """Return "9 ส.ค. 2564" (short) or "9 สิงหาคม 2564" (long), in the Buddhist era."""
    months = THAI_MONTHS_SHORT if _style(style) == "short" else THAI_MONTHS_LONG
    return f"{day.day} {months[day.month - 1]} {day.year + BUDDHIST_ERA_OFFSET}"


def format_thai_time(moment: time | datetime) -> str:
    """Return "13:30 น."."""
    return f"{moment:%H:%M} น."


def format_thai_datetime(moment: datetime, style: str = "short") -> str:
    """Return "9 ส.ค. 2564 13:30 น." for the wall time of `moment` (convert the zone first)."""
    return f"{format_thai_date(moment.date(), style)} {format_thai_time(moment)}"


def format_date(day: date, language: str = "th", style: str = "short") -> str:
    """Return the date in `language`: Thai as format_thai_date, English "9 Aug 2021"."""
    if language != "en":
        return format_thai_date(day, style)
    months = ENGLISH_MONTHS_SHORT if _style(style) == "short" else ENGLISH_MONTHS_LONG
    return f"{day.day} {months[day.month - 1]} {day.year}"


def format_time(moment: time | datetime, language: str = "th") -> str:
    """Return "13:30 น." in Thai, "13:30" in English."""
    return format_thai_time(moment) if language != "en" else f"{moment:%H:%M}"


def format_datetime(moment: datetime, language: str = "th", style: str = "short") -> str:
    """Return the date and the time of `moment` in `language`."""
    return f"{format_date(moment.date(), language, style)} {format_time(moment, language)}"


def _style(style: str) -> str:
    if style not in STYLES:
        raise ValueError(f"style must be one of {STYLES}")
    return style
