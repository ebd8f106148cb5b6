"""Read and show dates and times as Thai members type them; pure (callers pass today/now)."""

from handlers.parsing.thai_datetime import (
    DateProblem,
    DateTimeProblem,
    TimeProblem,
    format_date,
    format_datetime,
    format_thai_date,
    format_thai_datetime,
    format_thai_time,
    format_time,
    from_picker,
    parse_date,
    parse_datetime,
    parse_time,
)

__all__ = [
    "DateProblem",
    "DateTimeProblem",
    "TimeProblem",
    "format_date",
    "format_datetime",
    "format_thai_date",
    "format_thai_datetime",
    "format_thai_time",
    "format_time",
    "from_picker",
    "parse_date",
    "parse_datetime",
    "parse_time",
]
