"""What every handler receives besides the event: session, member, language and clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from storage.models import Member


@dataclass
class Context:
    session: Session
    member: Member | None
    language: str
    clock: Callable[[], datetime]
    zone: ZoneInfo
    user_id: str | None = None
    in_group: bool = False
    # The LINE gateway (profiles, content downloads) and the configured networks.
    gateway: Any = None
    networks: tuple = field(default_factory=tuple)
    # The bot's settings (bot.config.Config), for features with configurable defaults.
    config: Any = None
    # The five-criteria questionnaire loaded at start-up (None: the file shipped with the bot).
    questionnaire: Any = None
    # Where members' photos are kept (storage.media.MediaStore); None where no files are needed.
    media: Any = None

    def now(self) -> datetime:
        """Return the current time in the bot's time zone."""
        return self.clock().astimezone(self.zone)
