"""What an export covers and how it reads: dates, network, anonymity, language, era."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.networks import Network
from storage.scope import Scope

BUDDHIST_ERA_OFFSET = 543
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


class FilterError(ValueError):
    """A filter value that cannot be understood; the message says which and why.

    `problem` (bad_date, bad_network, from_after_to, bad_language, bad_format) and `value` let the
    staff web say it in the page's language; the message is the CLI's English wording.
    """

    def __init__(self, message: str, problem: str = "bad_filter", value: str = "") -> None:
        super().__init__(message)
        self.problem, self.value = problem, value


@dataclass(frozen=True)
class Filters:
    """The same filters for the CLI, the staff web and the benchmark; dates are inclusive."""

    date_from: date | None = None
    date_to: date | None = None
    network: str | None = None  # a network key
    anonymize: bool = False
    lang: str = "th"
    buddhist_era: bool = False
    scope: Scope | None = None  # a staff account's provinces/networks; None (the CLI): everything

    def bounds(self, zone: ZoneInfo) -> tuple[datetime | None, datetime | None]:
        """Return [start, end) in UTC: whole days in the bot's time zone."""
        start = end = None
        if self.date_from:
            start = datetime.combine(self.date_from, time(), zone).astimezone(UTC)
        if self.date_to:
            end = datetime.combine(self.date_to + timedelta(days=1), time(), zone).astimezone(UTC)
        return start, end


def parse_date(raw: str | None, today: date | None = None) -> date | None:
    """Read 2021-08-09, 2564-08-09 or 9/8/2564 (Thai digits too); years over 2400 are Buddhist era.

    With `today`, every other form the chat accepts is read too (9 ส.ค. 2564, 9/8/64, เมื่อวาน),
    by the same parser, so staff may write a date the way members do.
    """
    if raw is None or not raw.strip():
        return None
    value = raw.strip().translate(THAI_DIGITS)
    if match := _ISO.match(value):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DMY.match(value):
        day, month, year = (int(part) for part in match.groups())
    elif today is not None:
        return _as_members_write(raw, today)
    else:
        raise FilterError(f"not a date: {raw!r} (use YYYY-MM-DD or D/M/YYYY)", "bad_date", raw)
    if year > 2400:
        year -= BUDDHIST_ERA_OFFSET
    try:
        return date(year, month, day)
    except ValueError:
        raise FilterError(f"not a date: {raw!r}", "bad_date", raw) from None


def _as_members_write(raw: str, today: date) -> date:
    from handlers.parsing.dates import parse_date as parse_chat_date
    from handlers.parsing.problems import DateProblem

    try:
        return parse_chat_date(raw, today)
    except DateProblem:
        raise FilterError(
            f"not a date: {raw!r} (e.g. 2021-08-09, 9/8/2564, 9/8/64 or 9 ส.ค. 2564)",
            "bad_date",
            raw,
        ) from None


def find_network(raw: str | None, networks: tuple[Network, ...]) -> str | None:
    """Return the key of the network named by key, Thai or English name, or label."""
    if raw is None or not raw.strip():
        return None
    wanted = " ".join(raw.split()).casefold()
    for network in networks:
        names = (network.key, network.name_th, network.name_en, network.label_th, network.label_en)
        if wanted in {name.casefold() for name in names}:
            return network.key
    known = ", ".join(n.key for n in networks)
    raise FilterError(f"unknown network {raw!r} (one of: {known})", "bad_network", raw)


def make_filters(
    networks: tuple[Network, ...],
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    network: str | None = None,
    anonymize: bool = False,
    lang: str = "th",
    buddhist_era: bool = False,
    today: date | None = None,
    scope: Scope | None = None,
) -> Filters:
    """Build filters from what a person typed (CLI options or the staff web's form).

    `today` (from the bot's one clock) lets dates be written every way the chat reads them.
    """
    start, end = parse_date(date_from, today), parse_date(date_to, today)
    if start and end and start > end:
        raise FilterError("--from is after --to", "from_after_to")
    if lang not in ("th", "en"):
        raise FilterError(f"unknown language {lang!r} (th or en)", "bad_language", lang)
    network_key = find_network(network, networks)
    return Filters(start, end, network_key, anonymize, lang, buddhist_era, scope)
