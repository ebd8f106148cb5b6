"""Handlers: a router, the conversation engine, and `handlers.commands` (one module per feature)."""

from __future__ import annotations

import pkgutil


def handler_modules() -> list[str]:
    """Name every module of handlers.commands, so adding a feature touches no shared list."""
    from handlers import commands

    return sorted(f"{commands.__name__}.{m.name}" for m in pkgutil.iter_modules(commands.__path__))
