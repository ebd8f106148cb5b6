"""The words members use for days, months and times of day, in Thai and English."""

from __future__ import annotations

# Month names, January first. The short Thai forms are written with their dots; the tokenizer
# drops dots after letters, so ส.ค., สค and ส. ค. all read the same.
THAI_MONTHS_LONG = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
THAI_MONTHS_SHORT = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
# What people say aloud and type in chat: the name without its -คม/-ยน/-พันธ์ ending.
THAI_MONTHS_SPOKEN = (
    "มกรา",
    "กุมภา",
    "มีนา",
    "เมษา",
    "พฤษภา",
    "มิถุนา",
    "กรกฎา",
    "สิงหา",
    "กันยา",
    "ตุลา",
    "พฤศจิกา",
    "ธันวา",
)
# Common misspellings (ฏ for ฎ, a missing ์) still name the month.
THAI_MONTH_MISSPELLINGS = {"กุมภาพันธ": 2, "กรกฏาคม": 7, "กรกฏา": 7}
ENGLISH_MONTHS_LONG = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
ENGLISH_MONTHS_SHORT = tuple(name[:3] for name in ENGLISH_MONTHS_LONG)

# Weekdays, Monday first (date.weekday() order).
THAI_WEEKDAYS = (
    ("จันทร์",),
    ("อังคาร",),
    ("พุธ",),
    ("พฤหัสบดี", "พฤหัส"),
    ("ศุกร์",),
    ("เสาร์",),
    ("อาทิตย์",),
)
ENGLISH_WEEKDAYS = (
    ("monday", "mon"),
    ("tuesday", "tues", "tue"),
    ("wednesday", "wed"),
    ("thursday", "thurs", "thur", "thu"),
    ("friday", "fri"),
    ("saturday", "sat"),
    ("sunday", "sun"),
)

# Days named relative to today, as an offset in days.
RELATIVE_DAYS = {
    "วันนี้": 0,
    "คืนนี้": 0,
    "เมื่อวาน": -1,
    "เมื่อวานนี้": -1,
    "วานนี้": -1,
    "เมื่อวานซืน": -2,
    "วานซืน": -2,
    "พรุ่งนี้": 1,
    "มะรืน": 2,
    "มะรืนนี้": 2,
    "today": 0,
    "tonight": 0,
    "yesterday": -1,
    "day before yesterday": -2,
    "tomorrow": 1,
    "day after tomorrow": 2,
}

# Which occurrence of a weekday: see handlers.parsing.dates for the rules.
WEEKDAY_WHEN = {
    "นี้": "this",
    "สัปดาห์นี้": "this",
    "ที่จะถึงนี้": "this",
    "ที่จะถึง": "this",
    "this": "this",
    "this week": "this",
    "หน้า": "next",
    "สัปดาห์หน้า": "next",
    "สัปดาห์ถัดไป": "next",
    "next": "next",
    "next week": "next",
    "ที่แล้ว": "last",
    "ก่อน": "last",
    "สัปดาห์ที่แล้ว": "last",
    "สัปดาห์ก่อน": "last",
    "last week": "last",
    "ที่ผ่านมา": "past",
    "last": "past",
}

# Every other word, by the kind of token it becomes.
WORDS_BY_KIND: dict[str, dict[str, object]] = {
    "era": {"พ.ศ.": "be", "b.e.": "be", "ค.ศ.": "ce", "a.d.": "ce", "c.e.": "ce"},
    "ago": {"วันก่อน": None, "วันที่แล้ว": None, "วันที่ผ่านมา": None, "days ago": None, "day ago": None},
    "ahead": {"อีก": None, "in": None},
    "unit_day": {"วัน": None, "days": None, "day": None},
    "past_marker": {"เมื่อ": None},
    # Words that only frame a date: วันที่ 9, เดือนสิงหาคม, ปี 2564, the 9th of August.
    "date_filler": {
        w: None for w in ("วันที่", "ที่", "เดือน", "ปี", "ณ", "the", "of", "on", "st", "nd", "rd", "th")
    },
    "mong": {"โมง": None},
    "thum": {"ทุ่ม": None},
    "tee": {"ตี": None},
    "period": {"เช้า": "morning", "บ่าย": "afternoon", "เย็น": "evening", "ค่ำ": "evening"},
    # เที่ยงวัน is read as เที่ยง + วัน, so เที่ยงวันนี้ stays "noon today".
    "noon": {"เที่ยง": None, "noon": None, "midday": None},
    "midnight": {"เที่ยงคืน": None, "สองยาม": None, "midnight": None},
    "half": {"ครึ่ง": None},
    "minute": {"นาที": None},
    "clock": {"น.": None, "นาฬิกา": None, "hrs": None, "hr": None, "oclock": None},
    "ampm": {"a.m.": "am", "p.m.": "pm"},
    # Words around a time that change nothing: เวลา 13.30 น., ตอนบ่ายสอง, 9 โมงตรง, at 9.
    "time_filler": {w: None for w in ("เวลา", "ตอน", "ตรง", "ประมาณ", "at")},
    "polite": {
        w: None
        for w in ("ค่ะ", "คะ", "ค่า", "ครับ", "ครับผม", "นะ", "นะคะ", "นะครับ", "จ้ะ", "จ้า", "please")
    },
}

# Thai number words for spoken times (บ่ายสองโมง, สามทุ่ม, เก้าโมงสิบห้านาที).
THAI_NUMBER_UNITS = {
    "ศูนย์": 0,
    "หนึ่ง": 1,
    "นึง": 1,
    "เอ็ด": 1,
    "สอง": 2,
    "ยี่": 2,
    "สาม": 3,
    "สี่": 4,
    "ห้า": 5,
    "หก": 6,
    "เจ็ด": 7,
    "แปด": 8,
    "เก้า": 9,
}


def thai_number(word: str) -> int:
    """Return the value of a Thai number word below 100 (สิบห้า → 15, ยี่สิบ → 20)."""
    if "สิบ" not in word:
        return THAI_NUMBER_UNITS[word]
    tens, _, units = word.partition("สิบ")
    return (THAI_NUMBER_UNITS[tens] if tens else 1) * 10 + (
        THAI_NUMBER_UNITS[units] if units else 0
    )


def vocabulary() -> dict[str, tuple[str, object]]:
    """Return every word as (kind, value), written as it is typed (the tokenizer folds it)."""
    words: dict[str, tuple[str, object]] = {}
    for kind, table in WORDS_BY_KIND.items():
        words.update({word: (kind, value) for word, value in table.items()})
    for names in (THAI_MONTHS_LONG, THAI_MONTHS_SHORT, THAI_MONTHS_SPOKEN):
        words.update({name: ("month", number) for number, name in enumerate(names, start=1)})
    words.update({name: ("month", number) for name, number in THAI_MONTH_MISSPELLINGS.items()})
    for names in (ENGLISH_MONTHS_LONG, ENGLISH_MONTHS_SHORT):
        words.update({name: ("month", number) for number, name in enumerate(names, start=1)})
    words["sept"] = ("month", 9)
    for index, names in enumerate(THAI_WEEKDAYS):
        for name in names:
            # "อาทิตย์" alone also means "week" (อาทิตย์หน้า = next week); "วันอาทิตย์" never does.
            words[name] = ("weekday", (index, False))
            words["วัน" + name] = ("weekday", (index, True))
    for index, names in enumerate(ENGLISH_WEEKDAYS):
        words.update({name: ("weekday", (index, True)) for name in names})
    words.update({word: ("day", offset) for word, offset in RELATIVE_DAYS.items()})
    words.update({word: ("when", when) for word, when in WEEKDAY_WHEN.items()})
    return words
