"""Say why typed text is not a date or a time, with a code a caller turns into a catalog hint."""

from __future__ import annotations

from typing import ClassVar


class ParseProblem(ValueError):
    """Typed text that could not be read; `code` says why, `catalog_key` names the hint to show."""

    area: ClassVar[str] = ""
    codes: ClassVar[tuple[str, ...]] = ()

    def __init__(self, code: str) -> None:
        if code not in self.codes:
            # A code without a catalog hint would reach members as a crash: refuse it here.
            raise ValueError(f"unknown {self.area} problem {code!r}")
        super().__init__(code)
        self.code = code

    @property
    def catalog_key(self) -> str:
        """Return the catalog key of the hint for this problem, e.g. date.problem.unreadable."""
        return f"{self.area}.problem.{self.code}"


class DateProblem(ParseProblem):
    """Not a date: nothing typed, unreadable, no such day (31/2), or words and numbers disagree."""

    area = "date"
    codes = ("empty", "unreadable", "impossible", "mismatch")


class TimeProblem(ParseProblem):
    """Not a time of day: nothing typed, unreadable, or no such time (25:00, 13.75 น.)."""

    area = "time"
    codes = ("empty", "unreadable", "impossible")


class DateTimeProblem(ParseProblem):
    """Not a date and a time; no_date / no_time say which part to ask for again."""

    area = "datetime"
    codes = (
        "empty",
        "unreadable",
        "no_date",
        "no_time",
        "impossible_date",
        "impossible_time",
        "mismatch",
    )


ALL_PROBLEMS: tuple[type[ParseProblem], ...] = (DateProblem, TimeProblem, DateTimeProblem)
