"""Turn OpenAPI schemas from webhook.yml into Hypothesis strategies by walking them."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from . import values
from .spec import Schema, discriminator_mapping, flatten, ref_name, subtype_constants

FUTURE_NAMES = ["futureThing", "reaction", "poll", "square", "chatCreated"]


def _merge(pair: tuple[dict, dict]) -> dict:
    """Merge (known, extra) dicts so known keys win."""
    known, extra = pair
    return {**extra, **known}


class SchemaStrategies:
    """Build strategies for the component schemas of one spec."""

    def __init__(
        self, schemas: dict[str, Schema], future_subtypes: bool = False, extra_fields: bool = False
    ) -> None:
        """Remember the schemas; the flags add unknown discriminator values and unknown fields."""
        self.schemas = schemas
        self.future_subtypes = future_subtypes
        self.extra_fields = extra_fields
        self._named: dict[str, SearchStrategy[Any]] = {}

    def named(self, name: str) -> SearchStrategy[Any]:
        """Return the strategy for components/schemas/<name>, every subtype included."""
        if name not in self._named:
            self._named[name] = st.deferred(lambda: self._build_named(name))
        return self._named[name]

    def _build_named(self, name: str) -> SearchStrategy[Any]:
        """Build the strategy for a named schema."""
        schema = self.schemas[name]
        if "discriminator" in schema:
            targets = dict.fromkeys(discriminator_mapping(self.schemas, name).values())
            known = st.one_of([self.named(target) for target in targets])
            if not self.future_subtypes:
                return known
            future = self.future_variant(name)
            return st.booleans().flatmap(lambda invent: future if invent else known)
        if _is_object(schema):
            fixed = {
                prop: st.sampled_from(keys)
                for prop, keys in subtype_constants(self.schemas, name).items()
            }
            return self.object_strategy(schema, fixed=fixed)
        return self.for_schema(schema)

    def for_schema(self, schema: Schema, prop: str | None = None) -> SearchStrategy[Any]:
        """Return a strategy for an inline schema; prop names the property it sits in."""
        if "$ref" in schema:
            return self.named(ref_name(schema["$ref"]))
        strategy = self._plain(schema, prop)
        return st.none() | strategy if schema.get("nullable") else strategy

    def _plain(self, schema: Schema, prop: str | None) -> SearchStrategy[Any]:
        """Return a strategy for a schema that is not a bare $ref, ignoring nullable."""
        if "enum" in schema:
            return st.sampled_from(schema["enum"])
        if _is_object(schema):
            return self.object_strategy(schema, prop=prop)
        kind = schema.get("type")
        if kind == "array":
            low = schema.get("minItems", 0)
            high = max(low, min(schema.get("maxItems", values.LIST_MAX), values.LIST_MAX))
            items = self.for_schema(schema.get("items", {}), prop)
            return st.lists(items, min_size=low, max_size=high)
        if kind == "integer":
            return values.integers(schema, prop)
        if kind == "number":
            return values.numbers(schema, prop)
        if kind == "boolean":
            return st.booleans()
        if kind == "string":
            return values.strings(schema, prop)
        return values.json_values()

    def object_strategy(
        self,
        schema: Schema,
        prop: str | None = None,
        fixed: dict[str, SearchStrategy[Any]] | None = None,
        overrides: dict[str, SearchStrategy[Any]] | None = None,
    ) -> SearchStrategy[dict]:
        """Return dicts with required keys always and optional keys sometimes."""
        properties, required, extra = flatten(schema, self.schemas)
        fixed = fixed or {}
        strategies = {key: self.for_schema(sub, key) for key, sub in properties.items()}
        for key in required:
            strategies.setdefault(key, values.strings({}, key))
        strategies.update(fixed)
        strategies.update(overrides or {})
        must = {k: s for k, s in strategies.items() if k in required or k in fixed}
        maybe = {k: s for k, s in strategies.items() if k not in must}
        objects = st.fixed_dictionaries(must, optional=maybe)
        if self.extra_fields and extra is None:
            unknown = st.just({}) | values.extra_fields(set(strategies))
            objects = st.tuples(objects, unknown).map(_merge)
        if extra is None:
            return objects
        if prop in values.MAP_KEYS:
            keys = [key for key in values.MAP_KEYS[prop] if key not in strategies]
            entries = st.fixed_dictionaries(
                {}, optional={k: self.for_schema(extra, k) for k in keys}
            )
        else:
            names = values.field_names().filter(lambda key: key not in strategies)
            entries = st.dictionaries(names, self.for_schema(extra), max_size=values.LIST_MAX)
        return st.tuples(objects, entries).map(_merge)

    def future_variant(self, name: str) -> SearchStrategy[dict]:
        """Return a parent's common fields with an unknown discriminator value and extra fields."""
        prop = self.schemas[name]["discriminator"]["propertyName"]
        known = set(discriminator_mapping(self.schemas, name))
        invented = values.field_names().filter(lambda value: value not in known)
        names = st.sampled_from([n for n in FUTURE_NAMES if n not in known]) | invented
        return self.with_extras(name, fixed={prop: names})

    def with_extras(
        self, name: str, fixed: dict[str, SearchStrategy[Any]] | None = None
    ) -> SearchStrategy[dict]:
        """Return a named schema's objects (or its common fields when fixed) plus unknown fields."""
        schema = self.schemas[name]
        objects = self.object_strategy(schema, fixed=fixed) if fixed else self.named(name)
        declared = set(flatten(schema, self.schemas)[0])
        return st.tuples(objects, values.extra_fields(declared)).map(_merge)


def _is_object(schema: Schema) -> bool:
    """Tell whether a schema describes a JSON object."""
    keys = ("allOf", "properties", "additionalProperties")
    return schema.get("type") == "object" or any(key in schema for key in keys)
