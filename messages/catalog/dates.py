"""Hints shown when a typed date or time cannot be read, one per problem code of handlers.parsing."""

# Every example is read by handlers.parsing (a test checks), so a member can copy it.
EXAMPLES = {
    "date": {
        "th": ["9/8/2564", "9 ส.ค. 64", "เมื่อวาน"],
        "en": ["9/8/2021", "9 Aug 2021", "yesterday"],
    },
    "time": {"th": ["13.30 น.", "บ่ายสองโมงครึ่ง", "1 ทุ่ม"], "en": ["13:30", "1.30 pm", "9 am"]},
    "datetime": {
        "th": ["9 ส.ค. 64 13.30 น.", "พรุ่งนี้ 9 โมง", "วันจันทร์หน้า บ่ายสองโมง"],
        "en": ["9 Aug 2021 13:30", "tomorrow 9 am", "next Monday 2 pm"],
    },
}


def _examples(area: str, language: str) -> str:
    first, second, third = EXAMPLES[area][language]
    return (
        f"{first} หรือ {second} หรือ {third}" if language == "th" else f"{first}, {second} or {third}"
    )


_DATE_EXAMPLES_TH = _examples("date", "th")
_DATE_EXAMPLES_EN = _examples("date", "en")
_TIME_EXAMPLES_TH = _examples("time", "th")
_TIME_EXAMPLES_EN = _examples("time", "en")
_BOTH_EXAMPLES_TH = _examples("datetime", "th")
_BOTH_EXAMPLES_EN = _examples("datetime", "en")

ENTRIES = {
    "date.problem.empty": {
        "th": f"กรุณาพิมพ์วันที่ด้วยนะคะ เช่น {_DATE_EXAMPLES_TH} ค่ะ",
        "en": f"Please type a date, for example {_DATE_EXAMPLES_EN}.",
    },
    "date.problem.unreadable": {
        "th": f"ขออภัยค่ะ อ่านวันที่ไม่ออก ลองพิมพ์แบบ {_DATE_EXAMPLES_TH} ค่ะ",
        "en": f"Sorry, I couldn't read that date. Try {_DATE_EXAMPLES_EN}.",
    },
    "date.problem.impossible": {
        "th": (
            "ขออภัยค่ะ ไม่มีวันที่นี้ในปฏิทิน (เช่น 31 ก.พ. หรือเดือนที่ 13) "
            f"ลองตรวจวันและเดือนอีกครั้ง แล้วพิมพ์แบบ {_DATE_EXAMPLES_TH} ค่ะ"
        ),
        "en": (
            "Sorry, that day is not in the calendar (like 31 Feb or a 13th month). "
            f"Please check the day and month, e.g. {_DATE_EXAMPLES_EN}."
        ),
    },
    "date.problem.mismatch": {
        "th": (
            "ขออภัยค่ะ ชื่อวันกับวันที่ไม่ตรงกัน (เช่น วันอังคารที่ 9 ส.ค. 64 แต่วันนั้นเป็นวันจันทร์) "
            "ลองพิมพ์เฉพาะวันที่ เช่น 9/8/2564 หรือ 9 ส.ค. 64 ค่ะ"
        ),
        "en": (
            "Sorry, the weekday and the date don't match (like Tuesday 9 Aug 2021, which was a "
            "Monday). Please type just the date, e.g. 9/8/2021 or 9 Aug 2021."
        ),
    },
    "time.problem.empty": {
        "th": f"กรุณาพิมพ์เวลาด้วยนะคะ เช่น {_TIME_EXAMPLES_TH} ค่ะ",
        "en": f"Please type a time, for example {_TIME_EXAMPLES_EN}.",
    },
    "time.problem.unreadable": {
        "th": f"ขออภัยค่ะ อ่านเวลาไม่ออก ลองพิมพ์แบบ {_TIME_EXAMPLES_TH} ค่ะ",
        "en": f"Sorry, I couldn't read that time. Try {_TIME_EXAMPLES_EN}.",
    },
    "time.problem.impossible": {
        "th": (
            "ขออภัยค่ะ ไม่มีเวลานี้ (ชั่วโมง 0-23 นาที 0-59 เช่น 25.00 น. หรือ 13.75 น. ใช้ไม่ได้) "
            f"ลองพิมพ์แบบ {_TIME_EXAMPLES_TH} ค่ะ"
        ),
        "en": (
            "Sorry, there is no such time (hours 0-23, minutes 0-59; 25:00 or 13:75 won't do). "
            f"Try {_TIME_EXAMPLES_EN}."
        ),
    },
    "datetime.problem.empty": {
        "th": f"กรุณาพิมพ์วันและเวลาด้วยนะคะ เช่น {_BOTH_EXAMPLES_TH} ค่ะ",
        "en": f"Please type a date and a time, for example {_BOTH_EXAMPLES_EN}.",
    },
    "datetime.problem.unreadable": {
        "th": f"ขออภัยค่ะ อ่านวันและเวลาไม่ออก ลองพิมพ์แบบ {_BOTH_EXAMPLES_TH} ค่ะ",
        "en": f"Sorry, I couldn't read that date and time. Try {_BOTH_EXAMPLES_EN}.",
    },
    "datetime.problem.no_date": {
        "th": "ได้เวลาแล้วค่ะ ขอวันที่ด้วยนะคะ เช่น พรุ่งนี้ 9 โมง หรือ 9 ส.ค. 64 13.30 น. ค่ะ",
        "en": "Got the time. Which day, please? For example tomorrow 9 am or 9 Aug 2021 13:30.",
    },
    "datetime.problem.no_time": {
        "th": "ได้วันที่แล้วค่ะ ขอเวลาด้วยนะคะ เช่น 9 ส.ค. 64 13.30 น. หรือ พรุ่งนี้ บ่ายสองโมง ค่ะ",
        "en": "Got the day. What time, please? For example 9 Aug 2021 13:30 or tomorrow 2 pm.",
    },
    "datetime.problem.impossible_date": {
        "th": (
            "ขออภัยค่ะ ไม่มีวันที่นี้ในปฏิทิน (เช่น 31 ก.พ.) ลองตรวจวันและเดือนอีกครั้ง เช่น 9 ส.ค. 64 13.30 น. ค่ะ"
        ),
        "en": (
            "Sorry, that day is not in the calendar (like 31 Feb). Please check the day and "
            "month, e.g. 9 Aug 2021 13:30."
        ),
    },
    "datetime.problem.impossible_time": {
        "th": (
            "ขออภัยค่ะ ไม่มีเวลานี้ (ชั่วโมง 0-23 นาที 0-59) ลองพิมพ์แบบ 9 ส.ค. 64 13.30 น. "
            "หรือ พรุ่งนี้ บ่ายสองโมงครึ่ง ค่ะ"
        ),
        "en": (
            "Sorry, there is no such time (hours 0-23, minutes 0-59). Try 9 Aug 2021 13:30 "
            "or tomorrow 2.30 pm."
        ),
    },
    "datetime.problem.mismatch": {
        "th": ("ขออภัยค่ะ ชื่อวันกับวันที่ไม่ตรงกัน ลองพิมพ์เฉพาะวันที่กับเวลา เช่น 9 ส.ค. 64 13.30 น. ค่ะ"),
        "en": (
            "Sorry, the weekday and the date don't match. Please type just the date and the "
            "time, e.g. 9 Aug 2021 13:30."
        ),
    },
}
