"""The CSV guard quotes only what a spreadsheet evaluates, never ordinary Thai text."""

from __future__ import annotations

import pytest

from exports.writers import is_evaluated


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://x")', "@SUM(A1)", "\\tx", "\\rx", "+1", "-1", "-5+5", "+(1)", "-=1",
        "+A1", "-$B$2", "+SUM(A1:A3)", "-cmd|' /C calc'!A0", "- 3", "--1", "+.5",
    ],
)  # fmt: skip
def test_what_a_spreadsheet_would_run_is_guarded(text):
    assert is_evaluated(text.replace("\\t", "\t").replace("\\r", "\r"))


@pytest.mark.parametrize(
    "text",
    ["-ดีขึ้นมาก", "+ เพิ่มเติม", "- ทำความสะอาดวัด", "-", "+", "ดีมาก", "-นายสมชาย", "—ok", "-ok"],
)
def test_ordinary_thai_text_is_left_as_written(text):
    assert not is_evaluated(text)


@pytest.mark.parametrize(
    "written", ["9 ส.ค. 2564", "9/8/64", "๙ ส.ค. ๒๕๖๔", "9 สิงหาคม 2564", "2021-08-09"]
)
def test_exports_read_every_date_form_the_chat_does(written):
    from datetime import date

    from exports.filters import make_filters

    filters = make_filters((), date_from=written, today=date(2026, 11, 20))
    assert filters.date_from == date(2021, 8, 9)
