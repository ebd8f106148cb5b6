"""Calendar periods in the bot's time zone (month, quarter, half, year) and how they read."""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from messages.catalog import text

MONTHS_IN = {"month": 1, "quarter": 3, "half": 6, "year": 12}
BUDDHIST_ERA = 543


def period_bounds(kind: str, moment: datetime, zone: tzinfo) -> tuple[datetime, datetime]:
    """Return the start (inclusive) and end (exclusive) of the `kind` period holding `moment`."""
    months = MONTHS_IN[kind]
    local = moment.astimezone(zone)
    first = (local.month - 1) // months * months + 1
    start = datetime(local.year, first, 1, tzinfo=zone)
    year, month = divmod(first - 1 + months, 12)
    end = datetime(local.year + year, month + 1, 1, tzinfo=zone)
    return start, end


def _year(moment: date, language: str) -> int:
    # Thai readers count years in the Buddhist era (2569 = 2026).
    return moment.year + (BUDDHIST_ERA if language == "th" else 0)


def month_name(month: int, language: str) -> str:
    """Return the short name of a month (1-12): พ.ย. / Nov."""
    return text(f"period.month.{month}", language)


def period_label(kind: str, start: datetime, language: str) -> str:
    """Name the period that begins at `start`: "ต.ค.–ธ.ค. 2569", "Nov 2026", "ปี 2569"."""
    year = _year(start, language)
    if kind == "year":
        return text("period.year", language, year=year)
    first = month_name(start.month, language)
    if kind == "month":
        return f"{first} {year}"
    last = month_name(start.month + MONTHS_IN[kind] - 1, language)
    return f"{first}–{last} {year}"


def short_date(moment: date, zone: tzinfo, language: str) -> str:
    """Write a date (or a moment, in `zone`) as members read it: "24 พ.ย. 2569" / "24 Nov 2026"."""
    local = moment.astimezone(zone) if isinstance(moment, datetime) else moment
    return f"{local.day} {month_name(local.month, language)} {_year(local, language)}"


def day_and_month(day: date, language: str) -> str:
    """Write a day briefly, for a button: "17 พ.ย." / "17 Nov"."""
    return f"{day.day} {month_name(day.month, language)}"
