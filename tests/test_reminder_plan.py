"""Reminder plans: read from text, dated in Bangkok time, never after the start or in the past."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.config import ConfigError, load_config
from storage.daytime import is_daytime
from storage.reminder_plan import DEFAULT_PLAN, PlanError, due_times, next_monthly, parse_plan
from tests.meetings import BANGKOK

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=BANGKOK)


def test_the_default_plan_dates_each_reminder_in_bangkok_time():
    start = datetime(2026, 12, 1, 13, 30, tzinfo=BANGKOK)
    assert due_times(DEFAULT_PLAN, start, NOW, BANGKOK) == [
        ("announcement", NOW),
        ("day_before", datetime(2026, 11, 30, 9, 0, tzinfo=BANGKOK)),
        ("hour_before", datetime(2026, 12, 1, 12, 30, tzinfo=BANGKOK)),
        ("rsvp_summary", datetime(2026, 11, 30, 18, 0, tzinfo=BANGKOK)),
    ]


def test_a_meeting_tomorrow_morning_gets_no_day_before_reminder_already_past():
    start = datetime(2026, 11, 25, 8, 30, tzinfo=BANGKOK)
    kinds = [kind for kind, _ in due_times(DEFAULT_PLAN, start, NOW, BANGKOK)]
    assert kinds == ["announcement", "hour_before", "rsvp_summary"]


def test_a_day_before_reminder_right_after_the_announcement_is_left_out():
    evening = datetime(2026, 11, 24, 8, 0, tzinfo=BANGKOK)  # 09:00 is only an hour away
    start = datetime(2026, 11, 25, 14, 0, tzinfo=BANGKOK)
    assert "day_before" not in dict(due_times(DEFAULT_PLAN, start, evening, BANGKOK))


@pytest.mark.parametrize(
    ("spec", "problem"),
    [
        ("announcement,weekly", "unknown reminder 'weekly'"),
        ("day_before@25:00", "not a time of day"),
        ("hour_before:0", "1 to 1440 minutes"),
        ("announcement,announcement", "announcement is planned twice"),
    ],
)
def test_a_broken_plan_is_refused_with_what_is_wrong(spec, problem):
    with pytest.raises(PlanError, match=problem):
        parse_plan(spec)
    with pytest.raises(ConfigError, match="MEETING_REMINDERS"):
        load_config({"MEETING_REMINDERS": spec})


def test_the_plan_and_the_clock_settings_come_from_the_environment():
    config = load_config({"MEETING_REMINDERS": "announcement,hour_before:30", "CLOCK_POLL_SECONDS": "5",
                          "REMINDER_GRACE_HOURS": "2", "DELIVERY_LEASE_SECONDS": "40"})  # fmt: skip
    assert (config.meeting_reminders, config.clock_poll_seconds) == (
        "announcement,hour_before:30",
        5,
    )
    assert (config.reminder_grace_hours, config.delivery_lease_seconds) == (2, 40)
    with pytest.raises(ConfigError, match="three attempts"):
        load_config({"DELIVERY_LEASE_SECONDS": "5"})


moments = st.datetimes(
    min_value=datetime(2025, 1, 1), max_value=datetime(2030, 12, 31), timezones=st.just(UTC)
)


@given(now=moments, ahead=st.integers(min_value=1, max_value=60 * 24 * 60))
def test_every_planned_reminder_lies_between_now_and_the_start(now, ahead):
    start = now + timedelta(minutes=ahead)
    planned = due_times(DEFAULT_PLAN, start, now, BANGKOK)
    kind, announced = planned[0]
    # At once, or, at night, at the 08:00 that ends it when the meeting is an hour after that.
    assert kind == "announcement"
    assert announced == now or (
        not is_daytime(now, BANGKOK)
        and announced.astimezone(BANGKOK).time() == time(8, 0)
        and timedelta(0) < announced - now <= timedelta(hours=12)
        and announced + timedelta(hours=1) <= start
    )
    for kind, due in planned[1:]:
        assert announced <= due < start
        if kind in ("day_before", "rsvp_summary"):
            local = due.astimezone(BANGKOK)
            assert local.date() == start.astimezone(BANGKOK).date() - timedelta(days=1)
            assert (local.hour, local.minute) == ((9, 0) if kind == "day_before" else (18, 0))


@given(after=moments, day=st.integers(min_value=1, max_value=31))
def test_the_next_monthly_occurrence_is_the_first_after_on_that_day_or_the_months_last(after, day):
    due = next_monthly(day, "18:00", after, BANGKOK)
    local = due.astimezone(BANGKOK)
    assert due > after and due - after <= timedelta(days=62)
    assert (local.hour, local.minute) == (18, 0)
    last = (local.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    assert local.day == min(day, last.day)
