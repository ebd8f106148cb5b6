"""An anonymized export of each kind holds no time finer than a day, no record id, no place text."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

import exports
from tests.exporting import read_csv, read_xlsx, run_export
from tests.meetings import schedule
from tests.members import registered
from tests.records import activity, assessment, reflection

SOMSRI = "U" + "a" * 32
NOW = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
TIME = re.compile(r"\d{1,2}:\d{2}")


@pytest.fixture
def everything(db, config):
    registered(db, SOMSRI, roles=(("coordinator", "civil"),))
    activity_id = activity(db, SOMSRI, config.media_dir)
    reflection(db, SOMSRI, activity_id=activity_id)
    assessment(db, SOMSRI)
    schedule(db, NOW + timedelta(days=2), NOW, organiser=SOMSRI)
    return activity_id


KINDS = ("members", "activities", "reflections", "assessments", "meetings", "themes")


@pytest.mark.parametrize("kind", KINDS)
def test_an_anonymized_export_cannot_be_traced_back(app, everything, kind):
    rows = read_csv(run_export(app, kind, "--anonymize", "--format", "csv"))
    header, body = rows[0], rows[1:]
    assert body, kind
    cells = [cell for row in body for cell in row]
    assert not any(TIME.search(cell) for cell in cells), (kind, body)
    assert "โรงเรียนบ้านดอย" not in cells and "เชียงราย" not in cells
    assert SOMSRI not in cells and "สมศรี" not in " ".join(cells)
    for index, title in enumerate(header):
        if title in {text for text in _id_titles()}:
            assert all(row[index].startswith("R-") or row[index] == "" for row in body), title
    if kind == "members":
        roles = body[0][header.index("บทบาท")] if "บทบาท" in header else ""
        assert "(" not in roles


def _id_titles() -> set[str]:
    from messages.catalog import text

    keys = ("member_id", "activity_id", "reflection_id", "assessment_id", "meeting_id")
    return {text(f"export.col.{key}", "th") for key in keys}


def test_kinds_are_all_covered():
    """Each kind staff can export is checked above: a new kind must join the list."""
    assert set(exports.registry()) == set(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_an_anonymized_excel_file_holds_no_time_of_day_either(app, everything, kind, tmp_path):
    out = tmp_path / f"{kind}.xlsx"
    run_export(app, kind, "--anonymize", "--format", "xlsx", "-o", str(out))
    _, rows = read_xlsx(out)
    cells = [cell for row in rows[1:] for cell in row]
    assert rows[1:], kind
    timed = [
        c for c in cells if isinstance(c, datetime) and (c.hour, c.minute, c.second) != (0, 0, 0)
    ]
    assert timed == [], kind
    assert not any(isinstance(c, str) and TIME.search(c) for c in cells), kind
