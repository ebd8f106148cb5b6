"""Answer politely for the main actions whose conversations are still being built."""

from __future__ import annotations

from handlers.registry import command
from messages.builders import say
from messages.catalog import text, variants


def _coming_soon(key: str):
    def handle(event, ctx) -> list[dict]:
        return [
            say("feature.coming_soon", ctx.language, menu=True, feature=text(key, ctx.language))
        ]

    handle.__doc__ = f"Say that {key} is coming soon."
    return handle


# Each is replaced by its own conversation module in a later issue.
log_activity = command("log_activity", [*variants("action.log_activity"), "กิจกรรม"])(
    _coming_soon("action.log_activity")
)
reflect = command("reflect", [*variants("action.reflect")])(_coming_soon("action.reflect"))
assess = command("assess", [*variants("action.assess"), "แบบประเมิน", "ประเมิน"])(
    _coming_soon("action.assess")
)
meeting = command("meeting", [*variants("action.meeting"), "ประชุม"])(_coming_soon("action.meeting"))
my_summary = command("my_summary", [*variants("action.my_summary"), "สรุป"])(
    _coming_soon("action.my_summary")
)
