"""Texts of dates and periods: short month names, a year."""

_MONTHS = (
    ("ม.ค.", "Jan"), ("ก.พ.", "Feb"), ("มี.ค.", "Mar"), ("เม.ย.", "Apr"), ("พ.ค.", "May"),
    ("มิ.ย.", "Jun"), ("ก.ค.", "Jul"), ("ส.ค.", "Aug"), ("ก.ย.", "Sep"), ("ต.ค.", "Oct"),
    ("พ.ย.", "Nov"), ("ธ.ค.", "Dec"),
)  # fmt: skip

ENTRIES = {
    **{f"period.month.{n}": {"th": th, "en": en} for n, (th, en) in enumerate(_MONTHS, 1)},
    "period.year": {"th": "ปี {year}", "en": "{year}"},
}
