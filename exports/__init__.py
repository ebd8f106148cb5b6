"""Staff exports: one module per kind in `exports.kinds`, streamed to CSV or XLSX.

`write(kind, fmt, out, filters, db=..., config=...)` is the one entry point for the CLI, the staff
web and the benchmarks.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from datetime import datetime
from functools import cache
from types import ModuleType
from typing import BinaryIO

from bot.config import Config
from bot.networks import load_networks
from exports import anonymize
from exports.columns import Column, ExportContext
from exports.filters import FilterError, Filters, make_filters
from exports.pseudonyms import PseudonymSecretMissing
from exports.writers import open_writer
from messages.catalog import text
from storage.db import Database

FORMATS = ("csv", "xlsx")
KIND_ORDER = ("reflections", "activities", "assessments", "members", "meetings", "themes")
PROGRESS_EVERY = 500

__all__ = [
    "FORMATS",
    "Column",
    "ExportPending",
    "FilterError",
    "Filters",
    "PseudonymSecretMissing",
    "count",
    "registry",
    "make_filters",
    "write",
]


class ExportPending(LookupError):
    """The kind exists but the data it exports is not in this version yet."""


@cache
def registry() -> dict[str, ModuleType]:
    """Every export kind by name (each module of exports.kinds), in the order staff see them."""
    package = importlib.import_module("exports.kinds")
    found = {
        m.name: importlib.import_module(f"{package.__name__}.{m.name}")
        for m in pkgutil.iter_modules(package.__path__)
        if not m.name.startswith("_")
    }
    return dict(sorted(found.items(), key=lambda item: _position(item[0])))


def _position(name: str) -> tuple[int, str]:
    return (KIND_ORDER.index(name) if name in KIND_ORDER else len(KIND_ORDER), name)


def kind(name: str) -> ModuleType:
    """Return the module of an export kind that can run now, or say why it cannot."""
    module = registry().get(name)
    if module is None:
        raise LookupError(f"unknown export {name!r} (one of: {', '.join(registry())})")
    if getattr(module, "PENDING", None):
        raise ExportPending(f"the {name} export is pending: {module.PENDING}")
    return module


def context(filters: Filters, config: Config, now: datetime | None = None) -> ExportContext:
    """Build what kinds read rows with, refusing an anonymized export without a stable secret."""
    if filters.anonymize and not config.pseudonym_secret:
        raise PseudonymSecretMissing(
            "set EXPORT_PSEUDONYM_SECRET to a long random string to export anonymized data"
        )
    networks = load_networks(config.networks_file)
    return ExportContext(
        filters, config.zone, networks, config.pseudonym_secret, config.questionnaire_file, now
    )


def count(name: str, filters: Filters, *, db: Database, config: Config) -> int:
    """How many rows `write` would write (for a progress bar)."""
    module = kind(name)
    with db.reading() as session:
        return module.count(session, context(filters, config))


def filename(name: str, fmt: str, filters: Filters) -> str:
    """A download name that says what is inside, e.g. reflections-civil-anon.xlsx."""
    parts = [name, filters.network, "anon" if filters.anonymize else None]
    return "-".join(p for p in parts if p) + f".{fmt}"


def write(
    name: str,
    fmt: str,
    out: BinaryIO,
    filters: Filters,
    *,
    db: Database,
    config: Config,
    progress: Callable[[int], None] | None = None,
    now: datetime | None = None,
) -> int:
    """Stream every row of export `name` to `out` as `fmt`; return the number of rows written."""
    module = kind(name)
    ctx = context(filters, config, now)
    title = text(f"export.kind.{name}", filters.lang)
    written = 0
    with db.reading() as session:
        columns: list[Column] = module.columns(ctx, session)
        convert = None
        if filters.anonymize:
            convert = anonymize.row_filter(columns, ctx.secret)
            columns = anonymize.columns(columns)
        writer = open_writer(fmt, out, columns, filters.lang, filters.buddhist_era, title)
        for row in module.rows(session, ctx):
            writer.write(convert(row) if convert else row)
            written += 1
            if progress and written % PROGRESS_EVERY == 0:
                progress(PROGRESS_EVERY)
        writer.close()
    if progress and written % PROGRESS_EVERY:
        progress(written % PROGRESS_EVERY)
    return written
