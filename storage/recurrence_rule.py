"""A repeating meeting's rule: weekly (every n weeks) or monthly, at a local time; its dates.

Stored as RRULE text (RFC 5545); dates come from python-dateutil's rrule on local wall-clock
times in the bot's zone. Read from what members type by handlers/parsing/recurrence.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import FR, MO, MONTHLY, SA, SU, TH, TU, WE, WEEKLY, rrule

WEEKDAYS = (MO, TU, WE, TH, FR, SA, SU)
CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
THAI_DAYS = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์")
ENGLISH_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_THAI_ORDINAL = {1: "แรก", 2: "ที่สอง", 3: "ที่สาม", 4: "ที่สี่", -1: "สุดท้าย"}
_ENGLISH_ORDINAL = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}
HORIZON = timedelta(days=92)  # about three months of occurrences are planned ahead
MOST_OCCURRENCES = 20


@dataclass(frozen=True)
class Recurrence:
    """How a meeting repeats: weekly (every `interval` weeks) or monthly, at a local time."""

    freq: str  # "weekly" or "monthly"
    weekday: int | None  # 0 = Monday
    at: time | None
    interval: int = 1
    ordinal: int | None = None  # monthly: 1-4, or -1 for the last
    monthday: int | None = None  # monthly: a day of the month instead of a weekday
    until: time | None = None  # the end of a range ("13.30-16.30 น.")

    def rule(self) -> str:
        """The RRULE text (RFC 5545) kept with the series, e.g. "FREQ=MONTHLY;BYDAY=+1TU"."""
        parts = [f"FREQ={self.freq.upper()}"]
        if self.interval > 1:
            parts.append(f"INTERVAL={self.interval}")
        if self.monthday:
            parts.append(f"BYMONTHDAY={self.monthday}")
        elif self.weekday is not None:
            parts.append(f"BYDAY={self.ordinal:+d}" if self.ordinal else "BYDAY=")
            parts[-1] += CODES[self.weekday]
        return ";".join(parts)

    @classmethod
    def from_rule(cls, rule: str, at: time, until: time | None = None) -> Recurrence:
        """Read back what rule() wrote."""
        fields = dict(part.split("=", 1) for part in rule.split(";"))
        byday = fields.get("BYDAY", "")
        found = re.fullmatch(r"([+-]?\d)?([A-Z]{2})", byday)
        return cls(
            freq=fields["FREQ"].lower(), interval=int(fields.get("INTERVAL", 1)),
            weekday=CODES.index(found.group(2)) if found else None,
            ordinal=int(found.group(1)) if found and found.group(1) else None,
            monthday=int(fields["BYMONTHDAY"]) if "BYMONTHDAY" in fields else None,
            at=at, until=until,
        )  # fmt: skip

    def with_time(self, at: time, until: time | None = None) -> Recurrence:
        return Recurrence(self.freq, self.weekday, at, self.interval, self.ordinal,
                          self.monthday, until)  # fmt: skip

    def occurrences(self, after: datetime, until: datetime, zone: ZoneInfo, anchor: date | None = None) -> list[datetime]:  # fmt: skip
        """Starts strictly after `after` up to `until`, as aware local times (at most 20).

        `anchor` is the series' first day: every other week counts from it.
        """
        assert self.at is not None
        local_after = after.astimezone(zone)
        first_day = anchor or local_after.date()
        if anchor is None and self.freq == "weekly":
            # Start at the first such weekday still ahead: rrule counts every other week from
            # the week of its start, which would skip this week's Friday.
            first_day += timedelta(days=(self.weekday - first_day.weekday()) % 7)
            if datetime.combine(first_day, self.at) <= local_after.replace(tzinfo=None):
                first_day += timedelta(days=7)
        start = datetime.combine(first_day, self.at)  # naive wall-clock time in `zone`
        if self.monthday:
            by = {"bymonthday": self.monthday}
        else:
            day = WEEKDAYS[self.weekday]
            by = {"byweekday": day(self.ordinal) if self.ordinal else day}
        freq = WEEKLY if self.freq == "weekly" else MONTHLY
        rule = rrule(freq, dtstart=start, interval=self.interval, **by)
        found: list[datetime] = []
        end = until.astimezone(zone).replace(tzinfo=None)
        for naive in rule.xafter(local_after.replace(tzinfo=None), inc=False):  # dtstart included
            if naive > end or len(found) >= MOST_OCCURRENCES:
                break
            found.append(naive.replace(tzinfo=zone))
        return found

    def describe(self, language: str) -> str:
        """ "ทุกวันอังคารแรกของเดือน เวลา 13:30 น." / "the first Tuesday of every month, 13:30"."""
        clock = ""
        if self.at:
            end = f"–{self.until:%H:%M}" if self.until else ""
            clock = (
                f" {self.at:%H:%M}{end}" if language == "en" else f" เวลา {self.at:%H:%M}{end} น."
            )
        if language == "en":
            if self.monthday:
                return f"on day {self.monthday} of every month,{clock}"
            name = ENGLISH_DAYS[self.weekday].capitalize()
            if self.ordinal:
                return f"the {_ENGLISH_ORDINAL[self.ordinal]} {name} of every month,{clock}"
            return f"every {'other ' if self.interval == 2 else ''}{name},{clock}"
        if self.monthday:
            return f"ทุกวันที่ {self.monthday} ของเดือน{clock}"
        name = THAI_DAYS[self.weekday]
        if self.ordinal:
            return f"ทุกวัน{name}{_THAI_ORDINAL[self.ordinal]}ของเดือน{clock}"
        return f"ทุกสองสัปดาห์ วัน{name}{clock}" if self.interval == 2 else f"ทุกวัน{name}{clock}"
