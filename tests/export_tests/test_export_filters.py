"""Dates staff type for --from/--to: ISO or D/M/YYYY, Common or Buddhist era, Arabic or Thai digits."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from exports.columns import format_date
from exports.filters import THAI_DIGITS, parse_date

DAYS = st.dates(min_value=date(1950, 1, 1), max_value=date(2200, 12, 31))
TO_THAI = {v: k for k, v in THAI_DIGITS.items()}


@given(DAYS)
def test_every_way_of_writing_a_day_reads_back_as_that_day(day):
    buddhist = format_date(day, buddhist_era=True)
    assert parse_date(buddhist) == day
    assert parse_date(buddhist.translate(TO_THAI)) == day
    assert parse_date(format_date(day, buddhist_era=False)) == day
    assert parse_date(f"{day.year + 543}-{day.month:02d}-{day.day:02d}") == day
