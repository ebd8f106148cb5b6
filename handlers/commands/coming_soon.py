"""Answer politely for the main actions whose conversations are still being built."""

from __future__ import annotations

from handlers.registry import Command
from messages.builders import say
from messages.catalog import text, variants


def _coming_soon(key: str):
    def handle(event, ctx) -> list[dict]:
        feature = text(key, ctx.language)
        return [say("feature.coming_soon", ctx.language, menu=True, feature=feature)]

    handle.__doc__ = f"Say that {key} is coming soon."
    return handle


def _placeholder(name: str, key: str, *extra: str) -> Command:
    return Command(name, _coming_soon(key), (*variants(key), *extra))


# Registered only while no feature module claims the name: a feature replaces its placeholder
# just by existing, without editing this file.
PLACEHOLDERS = (
    _placeholder("log_activity", "action.log_activity", "กิจกรรม"),
    _placeholder("reflect", "action.reflect"),
    _placeholder("assess", "action.assess", "แบบประเมิน", "ประเมิน"),
    _placeholder("meeting", "action.meeting", "ประชุม"),
    _placeholder("my_summary", "action.my_summary", "สรุป"),
)
