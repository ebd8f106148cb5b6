"""Check that the webhook strategies follow webhook.yml and that the SDK accepts their output."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, Phase, find, given, settings
from linebot.v3 import WebhookParser
from linebot.v3.models.events import UnknownEvent

from tests.strategies import callback_bodies, event_types, unknown_events, webhook_spec_path
from tests.strategies.jsonschema_conv import validator_for
from tests.strategies.spec import (
    Schema,
    component_schemas,
    discriminator_mapping,
    flatten,
    ref_name,
)

SECRET = "selfcheck-channel-secret"
FAST = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
ROOT = Path(__file__).resolve().parents[1]


def sign(body: str) -> str:
    """Return the X-Line-Signature of a body for SECRET."""
    digest = hmac.new(SECRET.encode(), body.encode("utf-8"), hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def parse(body: dict[str, Any]) -> list[Any]:
    """Serialise, sign and parse a body with the SDK's WebhookParser."""
    text = json.dumps(body, ensure_ascii=False)
    return WebhookParser(SECRET).parse(text, sign(text))


def walk(schema: Schema, value: Any, seen: set[str], schemas: dict[str, Schema]) -> None:
    """Record every discriminator value met while following value through schema."""
    if "$ref" in schema:
        name = ref_name(schema["$ref"])
        schema = schemas[name]
        if "discriminator" in schema and isinstance(value, dict):
            key = value.get(schema["discriminator"]["propertyName"])
            seen.add(f"{name}:{key}")
            target = discriminator_mapping(schemas, name).get(key)
            schema = schemas[target] if target else schema
    if isinstance(value, dict):
        properties, _, extra = flatten(schema, schemas)
        for key, item in value.items():
            sub = properties.get(key, extra)
            if sub:
                walk(sub, item, seen, schemas)
    elif isinstance(value, list) and "items" in schema:
        for item in value:
            walk(schema["items"], item, seen, schemas)


def strings_in(value: Any) -> list[str]:
    """Return every string value nested in value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in strings_in(item)]
    if isinstance(value, list):
        return [s for item in value for s in strings_in(item)]
    return []


def labels(body: dict[str, Any]) -> set[str]:
    """Return the coverage labels one body shows."""
    seen: set[str] = set()
    walk({"$ref": "#/components/schemas/CallbackRequest"}, body, seen, component_schemas())
    for event in body["events"]:
        source = event.get("source")
        if source:
            seen.add(f"source:{source['type']}:userId={'userId' in source}")
        if event["type"] == "postback":
            params = event["postback"].get("params") or {}
            picked = [key for key in ("date", "time", "datetime") if key in params]
            seen.update(f"postback:{key}" for key in picked or ["no-date-time"])
    text = "".join(strings_in(body))
    seen.update(
        name
        for name, found in (
            ("text:thai", any("\u0e01" <= c <= "\u0e4f" for c in text)),
            ("text:thai-digit", any("\u0e50" <= c <= "\u0e59" for c in text)),
            ("text:astral-emoji", any(ord(c) >= 0x1F000 for c in text)),
        )
        if found
    )
    return seen


def expected_labels() -> set[str]:
    """Return every label the strategies must eventually produce."""
    schemas = component_schemas()
    wanted = {
        f"{name}:{key}"
        for name, schema in schemas.items()
        if "discriminator" in schema
        for key in discriminator_mapping(schemas, name)
    }
    wanted |= {
        f"source:{kind}:userId={flag}"
        for kind in ("user", "group", "room")
        for flag in (True, False)
    }
    wanted |= {f"postback:{key}" for key in ("date", "time", "datetime", "no-date-time")}
    return wanted | {"text:thai", "text:thai-digit", "text:astral-emoji"}


@FAST
@given(callback_bodies())
def test_bodies_validate_against_callback_request(body: dict[str, Any]) -> None:
    """Check that every body validates against CallbackRequest and has unique event ids."""
    validator_for("CallbackRequest").validate(body)
    ids = [event["webhookEventId"] for event in body["events"]]
    assert len(ids) == len(set(ids)) and len(ids) <= 5


@pytest.mark.filterwarnings("ignore:Generating overly large repr")
def test_every_discriminator_value_and_variant_is_generated() -> None:
    """Check that every mapped type, source and postback variant and script turns up."""
    seen: set[str] = set()

    @settings(FAST, max_examples=400, derandomize=True)
    @given(callback_bodies())
    def collect(body: dict[str, Any]) -> None:
        seen.update(labels(body))

    collect()
    for label in sorted(expected_labels() - seen):
        quick = settings(FAST, max_examples=6000, phases=[Phase.generate])
        find(callback_bodies(), lambda body, label=label: label in labels(body), settings=quick)
        seen.add(label)
    assert expected_labels() <= seen


@FAST
@given(callback_bodies())
def test_sdk_parses_every_body_into_the_mapped_classes(body: dict[str, Any]) -> None:
    """Check that WebhookParser returns the spec-mapped event and message classes."""
    schemas = component_schemas()
    events = discriminator_mapping(schemas, "Event")
    messages = discriminator_mapping(schemas, "MessageContent")
    parsed = parse(body)
    assert len(parsed) == len(body["events"])
    for raw, event in zip(body["events"], parsed, strict=True):
        assert type(event).__name__ == events[raw["type"]], raw
        if raw["type"] == "message":
            assert type(event.message).__name__ == messages[raw["message"]["type"]], raw


@FAST
@given(unknown_events())
def test_unknown_events_fit_the_spec_leniently_and_the_sdk_accepts_them(event: dict) -> None:
    """Check that unknown events fit Event leniently and the SDK parses them as it should."""
    validator_for("Event", strict=False).validate(event)
    (parsed,) = parse({"destination": "U" + "0" * 32, "events": [event]})
    if event["type"] not in event_types():
        assert isinstance(parsed, UnknownEvent)
    elif validator_for("Event").is_valid(event):
        target = discriminator_mapping(component_schemas(), "Event")[event["type"]]
        assert type(parsed).__name__ == target, event


@FAST
@given(unknown_events())
def test_unknown_events_really_are_unknown(event: dict[str, Any]) -> None:
    """Check that each unknown event has an unmapped type or a field its schema lacks."""
    schemas = component_schemas()
    target = discriminator_mapping(schemas, "Event").get(event["type"])
    if target is not None:
        assert set(event) - set(flatten(schemas[target], schemas)[0])


def test_spec_path_defaults_to_shared_and_honours_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Check the default spec path (the vendored copy) and the LINE_OPENAPI_DIR override."""
    monkeypatch.delenv("LINE_OPENAPI_DIR", raising=False)
    assert webhook_spec_path() == ROOT / "emulator" / "line-openapi" / "webhook.yml"
    monkeypatch.setenv("LINE_OPENAPI_DIR", "/elsewhere")
    assert webhook_spec_path() == Path("/elsewhere") / "webhook.yml"


def test_event_types_come_from_the_mapping() -> None:
    """Check that event_types() lists the Event mapping once each, everyday types included."""
    types = event_types()
    assert {"message", "follow", "unfollow", "postback", "join", "leave"} <= set(types)
    assert len(types) == len(set(types))


def test_a_type_added_to_the_spec_is_generated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Check that the strategies follow the spec file rather than a hand-written list."""
    spec = yaml.safe_load(webhook_spec_path().read_text(encoding="utf-8"))
    schemas = spec["components"]["schemas"]
    schemas["Event"]["discriminator"]["mapping"]["sparkle"] = "#/components/schemas/SparkleEvent"
    extra = {"type": "object", "required": ["sparkle"], "properties": {"sparkle": {"enum": [7]}}}
    schemas["SparkleEvent"] = {"allOf": [{"$ref": "#/components/schemas/Event"}, extra]}
    (tmp_path / "webhook.yml").write_text(yaml.safe_dump(spec), encoding="utf-8")
    monkeypatch.setenv("LINE_OPENAPI_DIR", str(tmp_path))
    assert "sparkle" in event_types()
    quick = settings(FAST, max_examples=3000, phases=[Phase.generate])
    found = find(callback_bodies(), lambda b: "Event:sparkle" in labels(b), settings=quick)
    validator_for("CallbackRequest").validate(found)
    assert all(e["sparkle"] == 7 for e in found["events"] if e["type"] == "sparkle")


def test_importing_the_strategies_reads_nothing() -> None:
    """Check that importing and building the strategies reads no spec file."""
    code = (
        "import tests.strategies as s, tests.strategies.spec as spec;"
        "s.callback_bodies(); s.unknown_events();"
        "assert spec.load_spec_at.cache_info().currsize == 0"
    )
    env = {**os.environ, "LINE_OPENAPI_DIR": "/nonexistent"}
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)
