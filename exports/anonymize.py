"""What `--anonymize` removes so a file cannot be traced back to a person or a dashboard page.

Applied to every kind in one place, after the kind has built its row:
- times become dates (a consent or a message time to the minute can identify someone);
- record ids become pseudonyms (the same record keeps its code, but it matches no staff URL);
- free-text organisation and province are dropped (in a small network they name the person);
- roles keep the role but lose their network (a coordinator of one network is one person).
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from exports.columns import DATE, DATETIME, NUMBER, TEXT, Column

DROPPED = {"organisation", "province"}
_ROLE_NETWORK = re.compile(r"\s*\([^)]*\)")


def record_code(secret: str, key: str, value: object) -> str:
    """A short stable code for a record id (R-…), unrelated to its number."""
    digest = hmac.new(secret.encode(), f"{key}:{value}".encode(), hashlib.sha256).hexdigest()
    return "R-" + digest[:10].upper()


def _is_record_id(column: Column) -> bool:
    return column.kind == NUMBER and column.key.endswith("_id")


def columns(original: list[Column]) -> list[Column]:
    """The columns an anonymized file has: ids as text codes, times as dates, no free text places."""
    kept = []
    for column in original:
        if column.key in DROPPED:
            continue
        if _is_record_id(column):
            column = replace(column, kind=TEXT, width=14)
        elif column.kind == DATETIME:
            column = replace(column, kind=DATE)
        kept.append(column)
    return kept


def row_filter(original: list[Column], secret: str) -> Callable[[list], list]:
    """Return a function turning a kind's row into its anonymized row."""
    plan = [(c, c.key not in DROPPED) for c in original]

    def convert(row: list) -> list:
        out = []
        for (column, keep), value in zip(plan, row, strict=True):
            if not keep:
                continue
            if _is_record_id(column) and value is not None:
                value = record_code(secret, column.key, value)
            elif isinstance(value, datetime):
                value = value.date()
            elif column.key == "roles" and isinstance(value, str):
                value = _ROLE_NETWORK.sub("", value)
            out.append(value)
        return out

    return convert
