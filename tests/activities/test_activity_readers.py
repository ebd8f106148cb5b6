"""What members type about an activity is read the same however it is written."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlers.activities.readers import (
    parse_line,
    read_criteria,
    read_date,
    read_participants,
    read_title,
)
from handlers.flow import Invalid

TODAY = date(2026, 11, 24)
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
THAI_MONTHS = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
               "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]  # fmt: skip
TITLES = st.lists(
    st.sampled_from(
        [
            "ปลูกป่าชุมชน",
            "ค่ายคุณธรรม",
            "ทำบุญตักบาตร",
            "เก็บขยะ",
            "Youth camp",
            "ประชุมเครือข่าย",
            "อบรมจิตอาสา",
            "รุ่นที่",
        ]
    ),  # fmt: skip
    min_size=1,
    max_size=3,
).map(" ".join)
PAST_DAYS = st.dates(min_value=date(2000, 1, 1), max_value=TODAY)


def written(day: date, form: int, thai_digits: bool) -> str:
    """Write a day the ways members do."""
    forms = [
        f"{day.day}/{day.month}/{day.year + 543}",
        f"{day.day} {THAI_MONTHS[day.month - 1]} {day.year + 543}",
        day.isoformat(),
        f"{day.day}/{day.month}/{day.year}",
    ]
    said = forms[form]
    return said.translate(THAI_DIGITS) if thai_digits else said


@given(
    title=TITLES,
    day=PAST_DAYS,
    form=st.integers(0, 3),
    thai=st.booleans(),
    people=st.integers(1, 10_000),
    online=st.booleans(),
    order=st.permutations(["date", "people", "online"]),
)
def test_a_line_gives_back_its_title_date_people_and_online(
    title, day, form, thai, people, online, order
):
    count = f"{people:,} คน" if people % 2 else f"{people} people"
    pieces = {"date": written(day, form, thai), "people": count,
              "online": "ออนไลน์" if online else ""}  # fmt: skip
    line = " ".join([title, *(pieces[k] for k in order)])
    parts = parse_line(line, TODAY)
    assert (parts.title, parts.held_on, parts.participants, parts.online) == (
        title, day, people, online,
    )  # fmt: skip


@given(title=TITLES, day=PAST_DAYS, people=st.integers(1, 10_000),
       place=st.sampled_from(["ห้องประชุมโรงเรียน", "ที่วัดดอยหลวง", "ศาลาหมู่บ้าน"]),
       order=st.permutations(["date", "people"]))  # fmt: skip
def test_what_follows_the_date_and_count_is_the_place(title, day, people, place, order):
    # Session 10's walk: "อบรมจิตอาสาพี่สอนน้อง ๓/๑๒/๒๕๖๙ ๔๐ คน ห้องประชุมโรงเรียน" put the place
    # into the title, and the place was asked for all the same.
    pieces = {"date": written(day, 1, True), "people": f"{people} คน"}
    parts = parse_line(" ".join([title, *(pieces[k] for k in order), place]), TODAY)
    assert (parts.title, parts.held_on, parts.participants, parts.place) == (
        title, day, people, place,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("line", "title", "place"),
    [
        ("12/9/2564 ปลูกป่าชุมชน", "ปลูกป่าชุมชน", None),  # opens with the date: all title
        ("ปลูกป่า 30 คน ออนไลน์ ที่บ้าน", "ปลูกป่า ที่บ้าน", None),  # online: no place
        ("ปลูกป่า 30 คน ก", "ปลูกป่า ก", None),  # too short for a place
        # The second walk: words between the date and the count, and a particle after คน.
        ("เก็บขยะริมน้ำกก ๒๘ พ.ย. ๖๙ นร. ๒๕ คนค่ะ ที่ริมแม่น้ำกก", "เก็บขยะริมน้ำกก นร.", "ที่ริมแม่น้ำกก"),
    ],
)
def test_a_line_says_no_place_when_none_can_be_told(line, title, place):
    parts = parse_line(line, TODAY)
    assert (parts.title, parts.place) == (title, place)


@given(day=st.dates(min_value=TODAY + timedelta(days=1), max_value=date(2100, 1, 1)))
def test_a_line_with_a_future_date_keeps_it_aside_with_its_hint(day):
    parts = parse_line(f"ปลูกป่า {written(day, 0, False)} 30 คน", TODAY)
    assert parts.held_on is None and parts.refused == ("activity.date_future", day)
    assert (parts.title, parts.participants) == ("ปลูกป่า", 30)


@pytest.mark.parametrize(
    ("line", "opened", "title"),
    [
        ("กิจกรรม: ปลูกป่าชุมชน 12/9/2564 30 คน", False, "ปลูกป่าชุมชน"),
        ("กิจกรรม ปลูกป่าชุมชน 12/9/2564 30 คน", True, "ปลูกป่าชุมชน"),
        ("กิจกรรม ปลูกป่าชุมชน", False, "กิจกรรม ปลูกป่าชุมชน"),  # a title that starts so
        ("Activity day 12/9/2021", False, "Activity day"),
        ("activity: Activity day 12/9/2021", True, "Activity day"),
        ("ค่ายคุณธรรม รุ่นที่ 2 เมื่อวาน", False, "ค่ายคุณธรรม รุ่นที่ 2"),  # a bare number stays
    ],
)
def test_the_opening_word_is_not_part_of_the_title(line, opened, title):
    assert parse_line(line, TODAY, opened=opened).title == title


def test_criteria_in_a_line():
    assert parse_line("ประชุม 9 ส.ค. 64 หลัก ๑, ๓ และ 5", TODAY).criteria == [1, 3, 5]
    assert parse_line("Meeting criteria 2/4", TODAY).criteria == [2, 4]


@given(people=st.integers(1, 10_000), thai=st.booleans(), unit=st.sampled_from(["", " คน", "คน",
       " people", " ท่าน"]), about=st.sampled_from(["", "ประมาณ ", "about "]))  # fmt: skip
def test_participants_written_any_way(people, thai, unit, about):
    number = f"{people:,}" if people > 999 and people % 2 else str(people)
    said = f"{about}{number}{unit}"
    assert read_participants(said.translate(THAI_DIGITS) if thai else said) == people


@pytest.mark.parametrize(("said", "people"), [("สามสิบ", 30), ("ยี่สิบคนค่ะ", 20), ("ประมาณห้าสิบคน", 50)])
def test_participants_spelled_in_thai(said, people):
    assert read_participants(said) == people


@pytest.mark.parametrize(
    ("said", "hint"),
    [
        ("หลายคน", "activity.participants_not_number"),
        ("30-40", "activity.participants_not_number"),
        ("0", "activity.participants_range"),
        ("10001", "activity.participants_range"),
    ],
)
def test_participants_that_are_not_a_sensible_number(said, hint):
    with pytest.raises(Invalid) as refused:
        read_participants(said)
    assert refused.value.key == hint


@given(chosen=st.sets(st.integers(1, 5), min_size=1), joiner=st.sampled_from([" ", ",", ", ", " และ ", ""]),
       thai=st.booleans())  # fmt: skip
def test_criteria_typed_as_numbers(chosen, joiner, thai):
    said = joiner.join(str(n) for n in sorted(chosen))
    assert read_criteria(said.translate(THAI_DIGITS) if thai else said) == sorted(chosen)


def test_criteria_out_of_range_or_words():
    with pytest.raises(Invalid):
        read_criteria("1 6")
    assert read_criteria("หลักที่สอง") is None


def test_dates_are_checked_for_the_future_and_typos():
    assert read_date("เมื่อวาน", TODAY, "th") == TODAY - timedelta(days=1)
    with pytest.raises(Invalid) as refused:
        read_date("พรุ่งนี้", TODAY, "th")
    assert refused.value.key == "activity.date_future"
    assert refused.value.params == {"date": "25 พ.ย. 2569", "today": "24 พ.ย. 2569"}
    with pytest.raises(Invalid) as refused:
        read_date("9/8/1964", TODAY, "en")
    assert refused.value.key == "activity.date_too_old"
    with pytest.raises(Invalid) as refused:
        read_date("ไม่รู้", TODAY, "th")
    assert refused.value.key.startswith("date.problem.")


def test_titles_are_tidied_and_bounded():
    assert read_title("  ปลูกป่า   ชุมชน ") == "ปลูกป่า ชุมชน"
    assert read_title("กิจกรรม: ปลูกป่า") == "ปลูกป่า"
    for bad in ("ก", "ก" * 101):
        with pytest.raises(Invalid):
            read_title(bad)
