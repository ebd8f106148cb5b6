"""The catalog: each key holds the Thai and the English text, with the same {placeholders}.

Entries live in one module per feature (every module of this package, found at start-up, each
with an ENTRIES dict); a key defined twice stops start-up.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from functools import cache

LANGUAGES = ("th", "en")
DEFAULT_LANGUAGE = "th"


class MissingText(KeyError):
    """A catalog key that does not exist: a bug, caught by the catalog test."""


class DuplicateText(RuntimeError):
    """Two catalog modules define the same key."""


@cache
def catalog() -> Mapping[str, Mapping[str, str]]:
    """Merge the entries of every part, refusing a key defined twice."""
    merged: dict[str, Mapping[str, str]] = {}
    parts = sorted(f"{__name__}.{m.name}" for m in pkgutil.iter_modules(__path__))
    for name in parts:
        for key, entry in importlib.import_module(name).ENTRIES.items():
            if key in merged:
                raise DuplicateText(f"catalog key {key!r} is defined twice (again in {name})")
            merged[key] = entry
    return merged


def text(key: str, language: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """Return the text for `key` in `language` (Thai when unknown), with placeholders filled."""
    try:
        entry = catalog()[key]
    except KeyError:
        raise MissingText(key) from None
    template = entry.get(language) or entry[DEFAULT_LANGUAGE]
    return template.format(**params) if params else template


def variants(key: str) -> list[str]:
    """Return the text of `key` in every language (for matching what members type)."""
    return [catalog()[key][language] for language in LANGUAGES]
