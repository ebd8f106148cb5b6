"""Turn LINE's OpenAPI 3.0 specs into JSON Schema (Draft 2020-12) validators."""

from __future__ import annotations

import functools
import json
import os
import re
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, ValidationError, validators

from emulator import message_verdicts
from emulator.details import dedupe_details, error_detail

COMPONENT_PREFIX = "#/components/schemas/"
DEFS_PREFIX = "#/$defs/"
BASE_SUFFIX = "__base"
MESSAGING_SPEC = "messaging-api.yml"
WEBHOOK_SPEC = "webhook.yml"

_SUBSCHEMA_MAPS = ("properties", "patternProperties", "dependentSchemas")
_SUBSCHEMAS = ("items", "additionalProperties", "not", "if", "then", "else", "contains")
_SUBSCHEMA_LISTS = ("anyOf", "oneOf", "prefixItems")
_DROPPED = {"nullable", "example", "externalDocs", "xml", "readOnly", "writeOnly", "deprecated"}
_METHODS = {"get", "post", "put", "delete", "patch"}
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def default_spec_dir() -> Path:
    """Return the directory of LINE's OpenAPI files (LINE_OPENAPI_DIR, else the vendored copy)."""
    env = os.environ.get("LINE_OPENAPI_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent / "line-openapi"


def _discriminator(validator: Any, disc: dict, instance: Any, schema: dict) -> Iterable:
    """Validate an object against the subtype its discriminator property names."""
    if not validator.is_type(instance, "object"):
        return
    prop = disc.get("propertyName", "type")
    mapping = disc.get("mapping") or {}
    if prop not in instance:
        yield ValidationError("must be specified", path=[prop])
        return
    value = instance[prop]
    target = mapping.get(value) if isinstance(value, str) else None
    if target is None:
        allowed = ", ".join(mapping)
        yield ValidationError(f"must be one of the following values: [{allowed}]", path=[prop])
        return
    yield from validator.descend(instance, {"$ref": target})


# No `version=`: that would register this class globally for the 2020-12 meta-schema.
OpenApiValidator = validators.extend(Draft202012Validator, {"discriminator": _discriminator})


def _ref(ref: str, base: bool = False) -> str:
    if ref.startswith(COMPONENT_PREFIX):
        return DEFS_PREFIX + ref[len(COMPONENT_PREFIX) :] + (BASE_SUFFIX if base else "")
    return ref


def _convert(node: Any, discriminated: set[str]) -> Any:
    """Rewrite one OpenAPI schema object as JSON Schema, walking only schema positions."""
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _DROPPED or key.startswith("x-"):
            continue
        if key == "$ref":
            out[key] = _ref(value)
        elif key in _SUBSCHEMA_MAPS and isinstance(value, dict):
            out[key] = {name: _convert(sub, discriminated) for name, sub in value.items()}
        elif key in _SUBSCHEMAS and isinstance(value, dict):
            out[key] = _convert(value, discriminated)
        elif key == "allOf" and isinstance(value, list):
            # allOf: [{$ref: Base}] is inheritance: check the base without dispatching again.
            out[key] = [
                {"$ref": _ref(sub["$ref"], base=True)}
                if isinstance(sub, dict)
                and sub.get("$ref", "").removeprefix(COMPONENT_PREFIX) in discriminated
                else _convert(sub, discriminated)
                for sub in value
            ]
        elif key in _SUBSCHEMA_LISTS and isinstance(value, list):
            out[key] = [_convert(sub, discriminated) for sub in value]
        elif key == "discriminator" and isinstance(value, dict):
            mapping = {k: _ref(v) for k, v in (value.get("mapping") or {}).items()}
            out[key] = {"propertyName": value.get("propertyName", "type"), "mapping": mapping}
        else:
            out[key] = value
    if node.get("nullable") is True:
        if isinstance(out.get("type"), str):
            out["type"] = [out["type"], "null"]
        if isinstance(out.get("enum"), list):
            out["enum"] = [*out["enum"], None]
    for bound in ("Minimum", "Maximum"):
        flag = out.get("exclusive" + bound)
        if isinstance(flag, bool):
            del out["exclusive" + bound]
            if flag and bound.lower() in out:
                out["exclusive" + bound] = out.pop(bound.lower())
    return out


def convert_components(schemas: dict[str, Any]) -> dict[str, Any]:
    """Convert `components.schemas` into `$defs`, adding `X__base` for discriminated schemas."""
    discriminated = {
        name for name, s in schemas.items() if isinstance(s, dict) and "discriminator" in s
    }
    defs: dict[str, Any] = {}
    for name, schema in schemas.items():
        defs[name] = _convert(schema, discriminated)
        if name in discriminated:
            plain = {k: v for k, v in schema.items() if k != "discriminator"}
            defs[name + BASE_SUFFIX] = _convert(plain, discriminated)
    return defs


class OpenApiSpec:
    """One loaded OpenAPI document with cached validators per schema and operation."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        schemas = document.get("components", {}).get("schemas", {})
        self.defs = convert_components(schemas)
        self._discriminated = {n for n, d in schemas.items() if "discriminator" in (d or {})}
        self._validators: dict[str, Any] = {}
        self._operations: list[tuple[re.Pattern[str], str, dict[str, Any]]] = []
        self._lock = threading.Lock()
        self._message_errors = message_verdicts.remembered(
            lambda text: self._errors(message_verdicts.MESSAGE, json.loads(text))
        )
        for template, item in (document.get("paths") or {}).items():
            pattern = re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$")
            for method, op in (item or {}).items():
                if isinstance(op, dict) and method.lower() in _METHODS:
                    self._operations.append((pattern, method.upper(), op))

    def validator(self, name: str) -> Any:
        """Return a (cached) validator for `#/components/schemas/<name>` or an inline def."""
        with self._lock:
            found = self._validators.get(name)
            if found is None:
                if name not in self.defs:
                    raise KeyError(f"unknown schema {name!r}")
                root = {"$schema": Draft202012Validator.META_SCHEMA["$id"], "$defs": self.defs}
                found = OpenApiValidator({**root, "$ref": DEFS_PREFIX + name})
                self._validators[name] = found
            return found

    def errors(self, name: str, instance: Any) -> list[dict[str, str]]:
        """Validate `instance` against schema `name`; return LINE-style details (empty if valid)."""
        if not message_verdicts.holds_messages(self.defs, name, instance):
            return self._errors(name, instance)
        details = self._errors(name, message_verdicts.with_stand_ins(instance))
        details += message_verdicts.message_errors(self._message_errors, instance["messages"])
        return dedupe_details(details)

    def _errors(self, name: str, instance: Any) -> list[dict[str, str]]:
        found = self.validator(name).iter_errors(instance)
        return dedupe_details(error_detail(e) for e in found)

    def operation(self, method: str, path: str) -> dict[str, Any] | None:
        """Return the OpenAPI operation serving `method path`, preferring the most literal path."""
        candidates = [
            (pat.pattern.count("[^/]+"), index, op)
            for index, (pat, m, op) in enumerate(self._operations)
            if m == method.upper() and pat.match(path)
        ]
        return min(candidates, key=lambda c: c[:2])[2] if candidates else None

    def request_schema(self, method: str, path: str) -> str | None:
        """Return the name of the JSON request body schema of `method path`, if any."""
        op = self.operation(method, path)
        if op is None:
            return None
        content = (op.get("requestBody") or {}).get("content") or {}
        schema = (content.get("application/json") or {}).get("schema")
        if not isinstance(schema, dict):
            return None
        ref = schema.get("$ref", "")
        if ref.startswith(COMPONENT_PREFIX):
            return ref[len(COMPONENT_PREFIX) :]
        inline = "__inline__" + str(op.get("operationId", path))
        with self._lock:
            self.defs.setdefault(inline, _convert(schema, self._discriminated))
        return inline


@functools.lru_cache(maxsize=8)
def _load_cached(path: str) -> OpenApiSpec:
    with open(path, encoding="utf-8") as handle:
        return OpenApiSpec(yaml.load(handle, Loader=_Loader))  # noqa: S506 - safe loader


def load_spec(path: Path | str) -> OpenApiSpec:
    """Load (once per process) the OpenAPI file at `path`."""
    return _load_cached(str(Path(path).resolve()))


def spec_file(name: str, spec_path: Path | str | None = None) -> Path:
    """Locate `name` (e.g. webhook.yml) beside `spec_path` (a file or dir) or in the default dir."""
    if spec_path is None:
        return default_spec_dir() / name
    spec_path = Path(spec_path)
    return spec_path / name if spec_path.is_dir() else spec_path.parent / name


def messaging_spec(spec_path: Path | str | None = None) -> OpenApiSpec:
    """Load messaging-api.yml (`spec_path` may name the file itself or its directory)."""
    if spec_path is not None and Path(spec_path).is_file():
        return load_spec(spec_path)
    return load_spec(spec_file(MESSAGING_SPEC, spec_path))


def webhook_spec(spec_path: Path | str | None = None) -> OpenApiSpec:
    """Load webhook.yml from beside `spec_path` or from the default directory."""
    return load_spec(spec_file(WEBHOOK_SPEC, spec_path))
