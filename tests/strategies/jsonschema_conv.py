"""Convert webhook.yml's OpenAPI 3.0 schemas to JSON Schema 2020-12 and validate with them."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from .spec import (
    Schema,
    component_schemas,
    discriminator_mapping,
    load_spec_at,
    ref_name,
    subtype_constants,
    webhook_spec_path,
)
from .values import FORMAT_BOUNDS

DROPPED = {"discriminator", "externalDocs", "example", "nullable", "xml"}
BASE_SUFFIX = "__base"


def _ref(name: str) -> dict[str, str]:
    """Return a JSON Schema $ref to a definition."""
    return {"$ref": f"#/$defs/{name}"}


def _convert(node: Any, schemas: dict[str, Schema], in_all_of: bool = False) -> Any:
    """Convert one OpenAPI schema node; allOf parents point at their base definition."""
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        name = ref_name(node["$ref"])
        base = in_all_of and "discriminator" in schemas[name]
        return _ref(name + BASE_SUFFIX if base else name)
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in DROPPED:
            continue
        if key == "properties":
            out[key] = {k: _convert(v, schemas) for k, v in value.items()}
        elif key == "allOf":
            out[key] = [_convert(part, schemas, in_all_of=True) for part in value]
        elif key in ("oneOf", "anyOf"):
            out[key] = [_convert(part, schemas) for part in value]
        elif key in ("items", "additionalProperties", "not"):
            out[key] = _convert(value, schemas)
        else:
            out[key] = value
    if node.get("format") in FORMAT_BOUNDS and node.get("type") == "integer":
        low, high = FORMAT_BOUNDS[node["format"]]
        out.setdefault("minimum", low)
        out.setdefault("maximum", high)
    if node.get("nullable") and "type" in out:
        out["type"] = [out["type"], "null"]
        if "enum" in out:
            out["enum"] = [*out["enum"], None]
    return out


def _dispatch(schemas: dict[str, Schema], name: str, strict: bool) -> list[dict[str, Any]]:
    """Return if/then branches choosing a subtype by the discriminator property."""
    prop = schemas[name]["discriminator"]["propertyName"]
    mapping = discriminator_mapping(schemas, name)
    branches: list[dict[str, Any]] = [
        {
            "if": {"properties": {prop: {"const": key}}, "required": [prop]},
            "then": _ref(target),
        }
        for key, target in mapping.items()
    ]
    if strict:
        branches.append({"properties": {prop: {"enum": list(mapping)}}})
    return branches


def to_json_schema(schemas: dict[str, Schema], root: str, strict: bool = True) -> dict[str, Any]:
    """Return a JSON Schema 2020-12 document for one component schema."""
    defs: dict[str, Any] = {}
    for name, schema in schemas.items():
        converted = _convert(schema, schemas)
        constants = subtype_constants(schemas, name)
        if constants:
            pinned = {prop: {"enum": keys} for prop, keys in constants.items()}
            converted = {"allOf": [converted, {"properties": pinned}]}
        if "discriminator" in schema:
            defs[name + BASE_SUFFIX] = converted
            converted = {"allOf": [_ref(name + BASE_SUFFIX), *_dispatch(schemas, name, strict)]}
        defs[name] = converted
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$defs": defs,
        **_ref(root),
    }


@functools.cache
def _validator_at(path: Path, root: str, strict: bool) -> Draft202012Validator:
    """Build and cache a validator for one spec file and root schema."""
    document = to_json_schema(component_schemas(load_spec_at(path)), root, strict)
    Draft202012Validator.check_schema(document)
    return Draft202012Validator(document, format_checker=Draft202012Validator.FORMAT_CHECKER)


def validator_for(root: str = "CallbackRequest", strict: bool = True) -> Draft202012Validator:
    """Return a validator; strict rejects discriminator values the spec does not map."""
    return _validator_at(webhook_spec_path(), root, strict)
