"""Reason codes of the delivery report (skips, failures, notes) in words, Thai and English."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from messages.catalog import catalog, text

# Every code storage/ and bot/ write into reminders.reason (skipped or withdrawn reminders) and
# deliveries.reason (failed or lost deliveries); tests/test_report_reasons.py keeps this list whole.
SKIP_CODES = ("missed", "deleted", "cancelled", "started", "day_passed", "no_organiser",
              "prompt_stopped", "changed")  # fmt: skip
# A reply whose fate LINE never told (status unknown) keeps why: interrupted, timeout, connection.
FAILURE_CODES = ("quota", "expired", "rejected", "interrupted", "timeout", "connection")
# A change notice carries the old start: "was:<ISO time>" ("was_all:" when a series moved).
NOTE_CODES = ("was", "was_all")


def _other(code: str, language: str) -> str:
    return text("meeting.reason.other", language, code=code)


def _late(hours: float, language: str) -> str:
    """How late, in minutes under two hours and in whole hours above."""
    minutes = round(hours * 60)
    if minutes < 120:
        return text("meeting.reason.minutes", language, count=minutes)
    return text("meeting.reason.hours", language, count=round(hours))


def skip_text(reason: str | None, language: str) -> str:
    """Why a reminder was not sent; stored as a code, e.g. "missed:135.9:6" (hours late, grace)."""
    code, _, rest = (reason or "").partition(":")
    if code == "missed":
        late, _, grace = rest.partition(":")
        try:
            return text("meeting.skip.missed", language, late=_late(float(late), language),
                        grace=_late(float(grace or 0), language))  # fmt: skip
        except ValueError:
            return _other(reason or "", language)
    key = f"meeting.skip.{code}"
    return text(key, language) if code and key in catalog() else _other(reason or "-", language)


def failure_text(reason: str, language: str) -> str:
    """Why deliveries failed: a code from deliveries.reason, or an older row's raw error."""
    key = f"meeting.failure.{reason}"
    return text(key, language) if reason in FAILURE_CODES else _other(reason, language)


def note_text(reason: str | None, language: str, when: Callable[[datetime], str]) -> str | None:
    """A reminder's note that is not a skip (a change notice's old start), or None."""
    code, _, rest = (reason or "").partition(":")
    if code not in NOTE_CODES:
        return None
    try:
        return text("meeting.reason.was", language, when=when(datetime.fromisoformat(rest)))
    except ValueError:
        return _other(reason or "", language)


def pending_text(due_at: datetime, now: datetime, language: str) -> str:
    """A reminder the clock has not sent: not due yet, or due and still unsent (an honest warning)."""
    if due_at <= now:
        return text("meeting.reason.overdue", language)
    return text("meeting.reason.not_yet_due", language)
