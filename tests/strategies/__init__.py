"""Re-export the webhook strategies generated from LINE's OpenAPI spec."""

from .webhook import callback_bodies, event_types, unknown_events, webhook_spec_path

__all__ = ["callback_bodies", "event_types", "unknown_events", "webhook_spec_path"]
