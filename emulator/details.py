"""Format validation problems the way LINE reports them: `{"message", "property"}` entries."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from typing import Any

from jsonschema import ValidationError

_REQUIRED_RE = re.compile(r"^(.*) is a required property$")


def property_path(path: Iterable[Any]) -> str:
    """Format a JSON path like LINE does: `messages[0].quickReply.items`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _bounds(schema: dict, low: str, high: str) -> tuple[Any, Any]:
    return schema.get(low, 0), schema.get(high)


def error_detail(error: ValidationError) -> dict[str, str]:
    """Turn one jsonschema error into a LINE-style `{"message", "property"}` entry."""
    path = list(error.absolute_path)
    kind, schema = error.validator, error.schema if isinstance(error.schema, dict) else {}
    message = error.message
    if kind == "required":
        match = _REQUIRED_RE.match(error.message)
        if match:
            try:
                path.append(ast.literal_eval(match.group(1)))
            except (ValueError, SyntaxError):
                path.append(match.group(1).strip("'\""))
        message = "must be specified"
    elif kind in ("minLength", "maxLength"):
        low, high = _bounds(schema, "minLength", "maxLength")
        message = (
            f"Length must be between {low} and {high}"
            if high is not None
            else f"Length must be at least {low}"
        )
    elif kind in ("minItems", "maxItems"):
        low, high = _bounds(schema, "minItems", "maxItems")
        message = (
            f"Size must be between {low} and {high}"
            if high is not None
            else f"Size must be at least {low}"
        )
    elif kind == "enum":
        message = (
            "must be one of the following values: ["
            + ", ".join(map(str, schema.get("enum", [])))
            + "]"
        )
    elif kind == "type":
        message = f"must be of type {error.validator_value}"
    elif kind == "minimum":
        message = f"must be greater than or equal to {error.validator_value}"
    elif kind == "maximum":
        message = f"must be less than or equal to {error.validator_value}"
    return {"message": message, "property": property_path(path)}


def dedupe_details(details: Iterable[dict[str, str]]) -> list[dict[str, str]]:
    """Drop repeated details, keeping the first per (property, message)."""
    seen: set[tuple[str, str]] = set()
    out = []
    for detail in details:
        key = (detail.get("property", ""), detail.get("message", ""))
        if key not in seen:
            seen.add(key)
            out.append(detail)
    return out
