"""Read what members type about an activity: title, place, participants, criteria, a whole line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from handlers.flow import Answer, Invalid
from handlers.keywords import THAI_DIGITS, normalize
from handlers.labels import check_label, tidy
from handlers.parsing.thai_datetime import DateProblem, format_date, parse_date
from handlers.understanding.answers import spelled_numbers, without_particles
from handlers.understanding.words import PARTICLES
from storage.models.activities import CRITERIA, MAX_PARTICIPANTS

TITLE_LENGTH = (2, 100)
PLACE_LENGTH = (2, 200)
EARLIEST = date(2000, 1, 1)  # older than the networks themselves: surely a mistyped year
ONLINE_WORDS = {"ออนไลน์", "online", "ทางออนไลน์", "zoom"}
TAKEN = "\x00"  # stands in a line where a date, a count or criteria were taken out
# "ทางซูมค่ะ", "ผ่าน Google Meet": held online, through whichever service.
_ONLINE = re.compile(
    r"^(?:จัด|ประชุม)?(?:ผ่านทาง|ผ่าน|ทาง|on|via)?\s*(?:ออนไลน์|online|zoom|ซูม|google\s*meet|meet|"
    r"กูเกิ้?ลมีท|teams|ทีมส์|ไลน์|line|วิดีโอคอล|video\s*call|facebook\s*live|เฟซบุ๊กไลฟ์|ไลฟ์สด)$",
    re.IGNORECASE,
)
# Words that open a one-line entry; the title step drops them too ("กิจกรรม: ปลูกป่า ...").
LINE_OPENERS = ("บันทึกกิจกรรม", "กิจกรรม", "log activity", "activity")
_DIGIT = "0-9๐-๙"
_COUNT = re.compile(
    rf"(?<![{_DIGIT}/.\-])([{_DIGIT}][{_DIGIT},]*)\s*(คน|ท่าน|people|persons?|participants?)(?![a-z])",
    re.IGNORECASE,
)
_CRITERIA = re.compile(
    r"(?:หลักที่|หลัก|criteria|criterion)\s*:?\s*([1-5๑-๕](?:\s*(?:,|/|และ|and|\s)\s*[1-5๑-๕])*)",
    re.IGNORECASE,
)
_CRITERIA_FILLER = re.compile(
    r"(ข้อที่|ข้อ|หลักที่|หลัก|และ|กับ|แล้วก็|ก็|with|and|criteria|criterion|[\s,/&+.])+"
)
_OPENERS = "^(" + "|".join(re.escape(w) for w in LINE_OPENERS) + ")"
_OPENER = re.compile(_OPENERS + r"\s*[:：]\s*", re.IGNORECASE)  # "กิจกรรม: ..." as a title
_OPENER_OR_SPACE = re.compile(_OPENERS + r"(\s*[:：]\s*|\s+)", re.IGNORECASE)  # a command line


def words(*said: str) -> frozenset[str]:
    """Return the words, folded the way `said` compares them."""
    return frozenset(normalize(w) for w in said)


DONE_WORDS = words("เสร็จ", "เสร็จแล้ว", "done", "ok", "โอเค", "ตกลง")


def clean(text: str | None) -> str:
    """Collapse runs of spaces and trim."""
    return " ".join((text or "").split())


def said(answer: Answer, among: frozenset[str]) -> bool:
    """True when the member typed one of the words (spaces, case and polite endings aside)."""
    return answer.kind == "text" and normalize(answer.text or "") in among


def typed(answer: Answer) -> str:
    """Return the text the member typed, or raise Invalid for a sticker, photo or nothing."""
    if answer.kind != "text" or not clean(answer.text):
        raise Invalid("flow.want_text")
    return clean(answer.text)


def read_title(text: str) -> str:
    """Return a tidy activity title, or raise Invalid."""
    title = without_particles(clean(_OPENER.sub("", tidy(text))).strip(" ,;-–:"))
    low, high = TITLE_LENGTH
    return check_label(
        title, low, high, empty="activity.bad_title_no_letters", length="activity.bad_title"
    )


def read_place(text: str) -> str:
    """Return a place name, or raise Invalid."""
    place = without_particles(clean(text))  # "ที่วัดป่าอ้อ ค่ะ" is ที่วัดป่าอ้อ
    low, high = PLACE_LENGTH
    if not low <= len(place) <= high:
        raise Invalid("activity.bad_place")
    return place


def is_online(text: str) -> bool:
    said = clean(text).lower()
    return said in ONLINE_WORDS or bool(_ONLINE.match(without_particles(said)))


def read_date(text: str, today: date, language: str) -> date:
    """Return the day typed ("เมื่อวาน", "9 ส.ค. 64", "2021-08-09"), or raise Invalid with a hint."""
    try:
        day = parse_date(text, today)
    except DateProblem as problem:
        raise Invalid(f"date.problem.{problem.code}") from None
    return check_held_on(day, today, language)


def check_held_on(day: date, today: date, language: str) -> date:
    """Return `day` if an activity can have been held then: not in the future, not absurdly old."""
    shown = {"date": format_date(day, language), "today": format_date(today, language)}
    if day > today:
        raise Invalid("activity.date_future", **shown)
    if day < EARLIEST:
        raise Invalid("activity.date_too_old", date=shown["date"])
    return day


def read_participants(text: str) -> int:
    """Return how many took part ("30", "๓๐ คน", "ประมาณ 1,200 คน"), or raise Invalid."""
    folded = clean(text).translate(THAI_DIGITS)
    if _CRITERIA.search(folded):
        # "หลัก ๑ ค่ะ": a criterion, meant for the next question, is never a count.
        raise Invalid("activity.participants_not_number")
    if not re.search(r"\d", folded):
        folded = spelled_numbers(folded)  # "ยี่สิบคน"
    folded = re.sub(r"(?<=\d),(?=\d{3})", "", folded)
    numbers = re.findall(r"\d+", folded)
    groups = re.findall(r"(\d+)\s*(?:คน|ท่าน|people|persons?)", folded)
    if len(numbers) > 1 and groups == numbers and len(folded) <= 40:
        # "นร. ๓๒ คน ครู ๔ คนค่ะ": each group counted, so the whole is their sum (the card shows it).
        numbers = [str(sum(int(n) for n in numbers))]
    if len(numbers) != 1 or len(folded) > 40:
        raise Invalid("activity.participants_not_number")
    count = int(numbers[0])
    if not 1 <= count <= MAX_PARTICIPANTS:
        raise Invalid("activity.participants_range", most=f"{MAX_PARTICIPANTS:,}")
    return count


def read_criteria(text: str) -> list[int] | None:
    """Return the criteria typed as numbers ("1 3", "๑,๓", "13"); None if no number; else Invalid."""
    folded = without_particles(clean(text)).translate(THAI_DIGITS).lower()
    if not re.search(r"\d", folded):
        folded = without_particles(spelled_numbers(folded))  # "หนึ่งกับสาม"
    if not re.search(r"\d", folded):
        return None
    if _CRITERIA_FILLER.sub("", folded).strip("0123456789"):
        return None  # words besides the numbers: not a list of criteria
    digits = {int(d) for d in re.sub(r"\D", "", folded)}
    if not digits <= set(CRITERIA):
        raise Invalid("activity.criteria_bad")
    return sorted(digits)


@dataclass
class LineParts:
    """What one line said about an activity; None for what it did not say."""

    title: str | None = None
    held_on: date | None = None
    refused: tuple[str, date] | None = None  # a date given but refused: (catalog hint, the date)
    online: bool = False
    participants: int | None = None
    criteria: list[int] = field(default_factory=list)
    place: str | None = None


def parse_line(text: str, today: date, *, opened: bool = False) -> LineParts:
    """Pick the date, "N คน", ออนไลน์ and "หลัก 1 3" out of one line; the rest is the title, and
    what follows them the place ("อบรมจิตอาสา ๓/๑๒/๒๕๖๙ ๔๐ คน ห้องประชุมโรงเรียน").

    `opened`: the line began with its opening word (กิจกรรม ...), which is not part of the title.
    """
    parts = LineParts()
    rest = (_OPENER_OR_SPACE if opened else _OPENER).sub("", clean(text), count=1)
    found = _COUNT.search(rest)
    if found:
        count = int(found.group(1).translate(THAI_DIGITS).replace(",", ""))
        if 1 <= count <= MAX_PARTICIPANTS:
            parts.participants = count
            rest = f"{rest[: found.start()]} {TAKEN} {rest[found.end() :]}"
    found = _CRITERIA.search(rest)
    if found:
        digits = re.sub(r"\D", "", found.group(1).translate(THAI_DIGITS))
        parts.criteria = sorted({int(d) for d in digits})
        rest = f"{rest[: found.start()]} {TAKEN} {rest[found.end() :]}"
    words = [w for w in rest.split() if w.lower() not in ONLINE_WORDS]
    parts.online = len(words) < len(rest.split())
    title, place = _title_and_place(_take_date(words, today, parts), parts.online)
    parts.title = " ".join(title).strip(" ,;-–:") or None
    parts.place = place
    return parts


def _title_and_place(words: list[str], online: bool) -> tuple[list[str], str | None]:
    """The words before the first one taken out are the title, those after the last one the
    place; any between stay with the title ("เก็บขยะ ๒๘ พ.ย. ๖๙ นร. ๒๕ คนค่ะ ที่ริมน้ำกก"). A line
    that opens with its date or count has its title after them, and says no place."""
    taken = [n for n, word in enumerate(words) if word == TAKEN]
    if not taken:
        return words, None
    title = [w for w in words[: taken[-1]] if w != TAKEN]
    # "๒๕ คนค่ะ": the count takes "คน", leaving the particle to open what follows.
    after = [w for w in words[taken[-1] + 1 :] if w not in PARTICLES]
    if online or not words[: taken[0]] or not after:
        return title + after, None
    try:
        return title, read_place(" ".join(after))
    except Invalid:  # too long or too short for a place: part of the title, as before
        return title + after, None


def _take_date(words: list[str], today: date, parts: LineParts) -> list[str]:
    """Find the longest run of words that is a date (up to 4: "9 สิงหาคม พ.ศ. 2564"); drop it."""
    for size in (4, 3, 2, 1):
        for start in range(len(words) - size + 1):
            run = words[start : start + size]
            if not any(ch.isdigit() for ch in "".join(run)) and size > 1:
                continue  # several words without a digit are a title, not a date
            if size == 1 and run[0].translate(THAI_DIGITS).isdigit():
                continue  # a bare number is not a day
            try:
                day = parse_date(" ".join(run), today)
            except DateProblem:
                continue
            try:
                parts.held_on = check_held_on(day, today, "th")
            except Invalid as problem:
                parts.refused = (problem.key, day)
            return [*words[:start], TAKEN, *words[start + size :]]
    return words
