"""Columns of an export and the context every kind reads its rows with."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.networks import Network
from exports.filters import BUDDHIST_ERA_OFFSET, Filters
from exports.pseudonyms import pseudonym
from handlers.questionnaire import Questionnaire, default_questionnaire, load_questionnaire
from messages.catalog import text

TEXT, DATE, DATETIME, NUMBER = "text", "date", "datetime", "number"


@dataclass(frozen=True)
class Column:
    """One column: its catalog header key (export.col.<key>), its kind and its width in Excel."""

    key: str
    kind: str = TEXT
    width: int = 18
    header: str | None = None  # set for columns named at run time (e.g. one per question)

    def title(self, lang: str) -> str:
        return self.header or text(f"export.col.{self.key}", lang)


@dataclass(frozen=True)
class ExportContext:
    """What a kind needs to turn records into rows: filters, time zone, networks, the secret."""

    filters: Filters
    zone: ZoneInfo
    networks: tuple[Network, ...]
    secret: str | None = None
    questionnaire_file: Path | None = None
    now: datetime | None = None  # the bot's clock: a past meeting is labelled past, not scheduled

    def questionnaire(self) -> Questionnaire:
        """The five-criteria questionnaire the bot asks (its questions become columns)."""
        return _questionnaire(self.questionnaire_file)

    def criterion_label(self, key: str) -> str:
        found = self.questionnaire().criterion(key)
        return found.label(self.filters.lang) if found else key

    def network_name(self, key: str | None) -> str:
        for network in self.networks:
            if network.key == key:
                return network.name(self.filters.lang)
        return key or ""

    def who(self, line_user_id: str) -> str:
        """The member's pseudonym (anonymized exports)."""
        return pseudonym(self.secret, line_user_id)

    def local(self, moment: datetime | None) -> datetime | None:
        """The moment as a naive wall-clock time in the bot's zone (Excel has no time zones)."""
        if moment is None:
            return None
        return moment.astimezone(self.zone).replace(tzinfo=None, microsecond=0)

    def label(self, key: str, **params: object) -> str:
        return text(key, self.filters.lang, **params)


@lru_cache(maxsize=4)
def _questionnaire(path: Path | None) -> Questionnaire:
    # Read once per file: labels are looked up for every row of a 100,000-row export.
    return default_questionnaire() if path is None else load_questionnaire(path)


def format_date(value: date | datetime, buddhist_era: bool) -> str:
    """Text for CSV: ISO dates, or D/M/YYYY in the Buddhist era (what Thai readers write)."""
    with_time = isinstance(value, datetime)
    if buddhist_era:
        day = f"{value.day}/{value.month}/{value.year + BUDDHIST_ERA_OFFSET}"
        return f"{day} {value:%H:%M}" if with_time else day
    return f"{value:%Y-%m-%d %H:%M}" if with_time else f"{value:%Y-%m-%d}"


RowFactory = Callable[..., list]
