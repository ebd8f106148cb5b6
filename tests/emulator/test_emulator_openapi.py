"""The OpenAPI → JSON Schema conversion: discriminators, nullable, paths, spec loading."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from emulator import details, openapi


def test_discriminator_dispatches_on_type_and_rejects_unknown_types():
    spec = openapi.messaging_spec()
    ok = {"to": "U" + "0" * 32, "messages": [{"type": "text", "text": "สวัสดี"}]}
    assert spec.errors("PushMessageRequest", ok) == []
    bad = {"to": "x", "messages": [{"type": "txt", "text": "a"}, {"type": "text"}]}
    details = spec.errors("PushMessageRequest", bad)
    assert {"property": "messages[1].text", "message": "must be specified"} in details
    unknown = [d for d in details if d["property"] == "messages[0].type"]
    assert unknown and "text" in unknown[0]["message"]


def test_nested_discriminators_reach_flex_components_and_actions():
    spec = openapi.messaging_spec()
    bubble = {
        "type": "bubble",
        "body": {
            "type": "box",
            "layout": "vertical",
            "contents": [
                {"type": "text", "text": "hi"},
                {"type": "button", "action": {"type": "postback", "data": "x" * 301}},
                {"type": "gizmo"},
            ],
        },
    }
    message = {
        "type": "flex",
        "altText": "a",
        "contents": {"type": "carousel", "contents": [bubble]},
    }
    details = spec.errors("ValidateMessageRequest", {"messages": [message]})
    properties = {d["property"] for d in details}
    base = "messages[0].contents.contents[0].body.contents"
    assert properties == {f"{base}[1].action.data", f"{base}[2].type"}


def test_property_named_like_a_keyword_is_kept_as_a_property():
    spec = openapi.messaging_spec()
    # AppTypeDemographicFilter has a property called "oneOf"; it must stay a property.
    body = {
        "messages": [{"type": "text", "text": "a"}],
        "filter": {"demographic": {"type": "appType", "oneOf": ["ios", "blackberry"]}},
    }
    details = spec.errors("NarrowcastRequest", body)
    assert [d["property"] for d in details] == ["filter.demographic.oneOf[1]"]


def test_nullable_and_exclusive_bounds_are_converted():
    schemas = {
        "A": {"type": "string", "nullable": True, "enum": ["x"]},
        "B": {"type": "integer", "minimum": 1, "exclusiveMinimum": True},
    }
    defs = openapi.convert_components(schemas)
    assert defs["A"] == {"type": ["string", "null"], "enum": ["x", None]}
    assert defs["B"] == {"type": "integer", "exclusiveMinimum": 1}


def test_request_schema_lookup_prefers_literal_paths():
    spec = openapi.messaging_spec()
    assert spec.request_schema("POST", "/v2/bot/message/reply") == "ReplyMessageRequest"
    assert spec.request_schema("POST", "/v2/bot/richmenu/validate") == "RichMenuRequest"
    assert spec.request_schema("POST", "/v2/bot/richmenu/richmenu-1/content") is None
    assert spec.request_schema("GET", "/v2/bot/profile/U1") is None


def test_spec_is_loaded_once_per_process():
    assert openapi.messaging_spec() is openapi.messaging_spec()
    assert openapi.webhook_spec() is openapi.webhook_spec()


def test_spec_directory_can_be_overridden(monkeypatch, tmp_path):
    source = openapi.default_spec_dir() / openapi.WEBHOOK_SPEC
    (tmp_path / openapi.WEBHOOK_SPEC).write_bytes(source.read_bytes())
    monkeypatch.setenv("LINE_OPENAPI_DIR", str(tmp_path))
    assert openapi.default_spec_dir() == tmp_path
    assert "CallbackRequest" in openapi.webhook_spec().defs


def test_property_path_formats_like_line():
    assert details.property_path(["messages", 0, "quickReply", "items", 13]) == (
        "messages[0].quickReply.items[13]"
    )
    assert details.property_path([]) == ""


def test_the_discriminator_keyword_is_not_registered_globally():
    from jsonschema import Draft202012Validator, validators

    found = validators.validator_for({"$schema": "https://json-schema.org/draft/2020-12/schema"})
    assert found is Draft202012Validator


def test_vendored_specs_match_the_reference_copy_when_present():
    import pytest

    reference = Path(__file__).resolve().parents[3] / "shared" / "line-openapi"
    if not reference.is_dir():
        pytest.skip("no reference copy of LINE's specs beside the repo")
    vendored = Path(openapi.__file__).resolve().parent / "line-openapi"
    for name in ("messaging-api.yml", "webhook.yml"):
        assert (vendored / name).read_bytes() == (reference / name).read_bytes(), name


def _sorted(found: list[dict]) -> list[tuple[str, str]]:
    return sorted((d["property"], d["message"]) for d in found)


MESSAGE_SHAPES = [
    {"type": "text", "text": "สวัสดีค่ะ"},
    {"type": "text"},
    {"type": "text", "text": ""},
    {"type": "txt", "text": "a"},
    {"type": "text", "text": "a", "quickReply": {"items": [
        {"type": "action", "action": {"type": "message", "label": "ใช่", "text": "ใช่"}},
        {"type": "action", "action": {"type": "postback", "label": "x" * 21, "data": "a=1"}},
        {"type": "action", "action": {"type": "uri"}},
    ]}},
    {"type": "flex", "altText": "a", "contents": {"type": "bubble", "body": {
        "type": "box", "layout": "vertical", "contents": [{"type": "gizmo"}]}}},
    {"type": "sticker", "packageId": 1, "stickerId": "2"},
]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["ReplyMessageRequest", "PushMessageRequest", "MulticastRequest"]),
    st.lists(st.sampled_from(MESSAGE_SHAPES), min_size=0, max_size=7),
    st.sampled_from(["x" * 32, 5, None]),
)
def test_checking_messages_one_at_a_time_finds_exactly_what_the_whole_body_check_finds(
    name, messages, recipient
):
    # Each message's verdict is remembered (the bot sends the same notice to many members): the
    # details must be the very ones a check of the whole body gives, however often it is seen.
    spec = openapi.messaging_spec()
    body = {"messages": messages, "replyToken": recipient, "to": recipient}
    whole = spec._errors(name, body)
    assert _sorted(spec.errors(name, body)) == _sorted(whole)
    assert _sorted(spec.errors(name, body)) == _sorted(whole)  # remembered this time
