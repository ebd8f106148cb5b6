"""Commands declared where they live (a decorator) and collected once at start-up, no duplicates."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from handlers.flow import Flow
from handlers.keywords import normalize

Handler = Callable[[Any, Any], list[dict]]


@dataclass(frozen=True)
class Command:
    name: str
    handler: Handler | None
    keywords: tuple[str, ...]
    in_groups: bool = False
    flow: Flow | None = None  # a conversation: started by the engine instead of a handler
    # Who may use it: "anyone", "consented", "member" (registered), "coordinator" or "staff";
    # "always": the member's own rights, which work with or without consent, even mid-conversation.
    access: str = "member"
    # Also answers texts that fully match this regex (on the normalised text), e.g. an invite code.
    pattern: re.Pattern[str] | None = None


class DuplicateCommand(RuntimeError):
    """Two commands claim the same name or keyword: refuse to start rather than shadow one."""


def command(
    name: str,
    keywords: Iterable[str],
    *,
    in_groups: bool = False,
    access: str = "member",
    pattern: str | None = None,
):
    """Mark a `handle(event, ctx)` function as the command `name`, answering to `keywords`."""

    def mark(handler: Handler) -> Handler:
        regex = re.compile(pattern) if pattern else None
        cmd = Command(name, handler, tuple(keywords), in_groups, access=access, pattern=regex)
        handler._commands = (*getattr(handler, "_commands", ()), cmd)  # type: ignore[attr-defined]
        return handler

    return mark


@dataclass
class Registry:
    by_name: dict[str, Command] = field(default_factory=dict)
    by_keyword: dict[str, Command] = field(default_factory=dict)

    @property
    def flows(self) -> dict[str, Flow]:
        return {name: cmd.flow for name, cmd in self.by_name.items() if cmd.flow is not None}

    def add(self, cmd: Command) -> None:
        """Add a command, refusing a name or keyword that is already taken."""
        if cmd.name in self.by_name:
            raise DuplicateCommand(f"command {cmd.name!r} is declared twice")
        self.by_name[cmd.name] = cmd
        for keyword in cmd.keywords:
            key = normalize(keyword)
            other = self.by_keyword.get(key)
            if other is not None:
                raise DuplicateCommand(
                    f"keyword {keyword!r} belongs to both {other.name!r} and {cmd.name!r}"
                )
            self.by_keyword[key] = cmd

    def match(self, text: str, *, patterns: bool = True) -> Command | None:
        """Find the command whose keyword is exactly what the member typed (spaces ignored),
        else (unless `patterns` is False) the first whose pattern the whole text matches."""
        folded = normalize(text)
        found = self.by_keyword.get(folded)
        if found is not None or not patterns:
            return found
        return next(
            (c for c in self.by_name.values() if c.pattern and c.pattern.fullmatch(folded)), None
        )


def build_registry(module_names: Iterable[str]) -> Registry:
    """Import the handler modules and collect their commands; placeholders fill what is left."""
    registry = Registry()
    placeholders: list[Command] = []
    for module_name in module_names:
        module = importlib.import_module(module_name)
        placeholders.extend(getattr(module, "PLACEHOLDERS", ()))
        for value in vars(module).values():
            if isinstance(value, Flow):
                registry.add(
                    Command(value.name, None, value.keywords, flow=value, access=value.access)
                )
                continue
            if getattr(value, "__module__", None) != module.__name__:
                continue  # imported from elsewhere: its own module registers it
            for cmd in getattr(value, "_commands", ()):
                registry.add(cmd)
    for placeholder in placeholders:
        if placeholder.name not in registry.by_name:
            registry.add(placeholder)
    return registry
