"""Every reason code the clock and the sender can store has words in Thai and English."""

from __future__ import annotations

import re
from pathlib import Path

from messages import report_reasons
from messages.catalog import catalog

ROOT = Path(__file__).resolve().parent.parent
WRITTEN = (
    re.compile(r'\bskip\(\s*\w+,\s*f?"([a-z_]+)'),  # reminders.skip(reminder, "started")
    re.compile(r'\breason="([a-z_]+)"'),  # withdrawn in bulk
    re.compile(r'_withdraw_pending\(\s*\w+,\s*[\w.]+,\s*"([a-z_]+)"'),
    re.compile(r'mark_(?:failed|unknown)\(.*"([a-z_]+)"\)\s*$', re.M),
    re.compile(r'^[A-Z_]+ = "([a-z_]+)"  # the reason of a delivery', re.M),  # deliveries.QUOTA
    re.compile(r'\blost = "([a-z_]+)"(?: if .* else "([a-z_]+)")?'),  # a reply LINE never answered
)


def _codes_in_source() -> set[str]:
    found = set()
    for folder in ("bot", "storage"):
        for path in (ROOT / folder).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            source = path.read_text(encoding="utf-8")
            for pattern in WRITTEN:
                for hit in pattern.findall(source):
                    found.update([hit] if isinstance(hit, str) else [h for h in hit if h])
    return found


def test_every_code_the_code_writes_is_known():
    written = _codes_in_source()
    assert {"missed", "started", "changed", "expired", "rejected", "quota", "timeout"} <= written
    known = set(report_reasons.SKIP_CODES) | set(report_reasons.FAILURE_CODES)
    assert written - known == set()


def test_every_known_code_has_thai_and_english_words():
    entries = catalog()
    for code in report_reasons.SKIP_CODES:
        assert {"th", "en"} <= set(entries[f"meeting.skip.{code}"]), code
    for code in report_reasons.FAILURE_CODES:
        assert {"th", "en"} <= set(entries[f"meeting.failure.{code}"]), code
    for language in ("th", "en"):
        for code in ("missed:0.5:6", *report_reasons.SKIP_CODES[1:]):
            said = report_reasons.skip_text(code, language)
            assert said != report_reasons.skip_text("no-such-code", language).replace(
                "no-such-code", code
            ), said
        for code in report_reasons.FAILURE_CODES:
            said = report_reasons.failure_text(code, language)
            assert said != report_reasons.failure_text("no-such-code", language).replace(
                "no-such-code", code
            ), said
    assert report_reasons.skip_text("missed:0.5:6", "th") == (
        "เลยเวลาส่งมาแล้ว 30 นาที (ส่งช้าได้ไม่เกิน 6 ชั่วโมง)"
    )


def test_an_unknown_code_gets_a_generic_thai_phrase_with_the_code():
    assert report_reasons.skip_text("moon_phase", "th") == "เหตุอื่น (รหัส moon_phase)"
    assert report_reasons.failure_text("503 busy", "th") == "เหตุอื่น (รหัส 503 busy)"
    assert report_reasons.skip_text("moon_phase", "en") == "other reason (code moon_phase)"


def test_a_whole_series_change_reads_as_the_old_start_like_a_single_change():
    from datetime import datetime

    from messages.report_reasons import note_text

    def when(moment: datetime) -> str:
        return moment.strftime("%H:%M")

    one = note_text("was:2026-12-08T06:30:00+00:00", "th", when)
    series = note_text("was_all:2026-12-08T06:30:00+00:00", "th", when)
    assert one == series and "06:30" in series and "was" not in series
