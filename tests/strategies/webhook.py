"""Offer Hypothesis strategies for LINE webhook bodies, generated from webhook.yml."""

from __future__ import annotations

import functools
from pathlib import Path

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from .generate import SchemaStrategies
from .spec import (
    component_schemas,
    discriminator_mapping,
    event_types,
    flatten,
    load_spec_at,
    webhook_spec_path,
)

__all__ = ["callback_bodies", "event_types", "unknown_events", "webhook_spec_path"]


@functools.cache
def _generators(path: Path) -> tuple[SchemaStrategies, SchemaStrategies, SchemaStrategies]:
    """Return (strict, with unknown fields, with unknown fields and types) generators."""
    schemas = component_schemas(load_spec_at(path))
    return (
        SchemaStrategies(schemas),
        SchemaStrategies(schemas, extra_fields=True),
        SchemaStrategies(schemas, future_subtypes=True, extra_fields=True),
    )


def _strict() -> SchemaStrategies:
    """Return the generator of spec-exact values."""
    return _generators(webhook_spec_path())[0]


def _bodies(max_events: int) -> SearchStrategy[dict]:
    """Build the CallbackRequest strategy with unique webhookEventIds."""
    gen = _strict()
    request = gen.schemas["CallbackRequest"]
    item = flatten(request, gen.schemas)[0]["events"]["items"]
    events = st.lists(
        gen.for_schema(item),
        max_size=max_events,
        unique_by=lambda event: event["webhookEventId"],
    )
    return gen.object_strategy(request, overrides={"events": events})


def callback_bodies(max_events: int = 5) -> SearchStrategy[dict]:
    """Return whole webhook bodies valid against CallbackRequest."""
    return st.deferred(lambda: _bodies(max_events))


def _unknown() -> SearchStrategy[dict]:
    """Build the strategy of events a bot must tolerate without knowing them."""
    _, extra, future = _generators(webhook_spec_path())
    targets = dict.fromkeys(discriminator_mapping(extra.schemas, "Event").values())
    groups = [
        future.future_variant("Event"),
        st.one_of([extra.with_extras(target) for target in targets]),
        st.one_of([future.with_extras(target) for target in targets]),
    ]
    # flatmap keeps Hypothesis from flattening the groups into one 39-way choice.
    return st.sampled_from(groups).flatmap(lambda group: group)


def unknown_events() -> SearchStrategy[dict]:
    """Return future event types, known events with unknown fields, and unknown nested types."""
    return st.deferred(_unknown)
