"""Load LINE's webhook OpenAPI spec and answer structural questions about it."""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

import yaml

Schema = dict[str, Any]
REF_PREFIX = "#/components/schemas/"


def webhook_spec_path() -> Path:
    """Return the path of webhook.yml, honouring the LINE_OPENAPI_DIR override."""
    override = os.environ.get("LINE_OPENAPI_DIR")
    if override:
        return Path(override) / "webhook.yml"
    return Path(__file__).resolve().parents[2] / "emulator" / "line-openapi" / "webhook.yml"


@functools.cache
def load_spec_at(path: Path) -> dict[str, Any]:
    """Parse the YAML document at path once per path."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open("rb") as handle:
        return yaml.load(handle, Loader=loader)


def load_spec() -> dict[str, Any]:
    """Return the parsed webhook spec."""
    return load_spec_at(webhook_spec_path())


def component_schemas(spec: dict[str, Any] | None = None) -> dict[str, Schema]:
    """Return components/schemas of the spec."""
    return (spec or load_spec())["components"]["schemas"]


def ref_name(ref: str) -> str:
    """Return the schema name a local $ref points to."""
    if not ref.startswith(REF_PREFIX):
        raise ValueError(f"only local component refs are supported: {ref!r}")
    return ref[len(REF_PREFIX) :]


def discriminator_mapping(schemas: dict[str, Schema], name: str) -> dict[str, str]:
    """Return discriminator value -> target schema name for a parent schema."""
    disc = schemas[name].get("discriminator") or {}
    return {key: ref_name(target) for key, target in disc.get("mapping", {}).items()}


def event_types() -> list[str]:
    """Return the event type names in the Event discriminator mapping."""
    return list(discriminator_mapping(component_schemas(), "Event"))


def subtype_constants(schemas: dict[str, Schema], name: str) -> dict[str, list[str]]:
    """Return property -> allowed discriminator values that a subtype inherits from parents."""
    constants: dict[str, list[str]] = {}
    for part in schemas[name].get("allOf", []):
        parent = part.get("$ref")
        if not parent or "discriminator" not in schemas[ref_name(parent)]:
            continue
        prop = schemas[ref_name(parent)]["discriminator"]["propertyName"]
        mapping = discriminator_mapping(schemas, ref_name(parent))
        keys = [key for key, target in mapping.items() if target == name]
        if keys:
            constants[prop] = keys
    return constants


def flatten(
    schema: Schema, schemas: dict[str, Schema]
) -> tuple[dict[str, Schema], list[str], Schema | None]:
    """Merge a schema and its allOf parents into (properties, required, additionalProperties)."""
    properties: dict[str, Schema] = {}
    required: list[str] = []
    extra: Schema | None = None
    if "$ref" in schema:
        schema = schemas[ref_name(schema["$ref"])]
    for part in schema.get("allOf", []):
        part_props, part_required, part_extra = flatten(part, schemas)
        properties.update(part_props)
        required.extend(key for key in part_required if key not in required)
        extra = part_extra or extra
    properties.update(schema.get("properties", {}))
    required.extend(key for key in schema.get("required", []) if key not in required)
    if isinstance(schema.get("additionalProperties"), dict):
        extra = schema["additionalProperties"]
    return properties, required, extra
