"""Typed ORM models, one module per area; importing this package registers them all on Base."""

import importlib
import pkgutil

from storage.models.base import Base
from storage.models.conversations import Conversation
from storage.models.core import Delivery, InboxEvent, Lane
from storage.models.members import Member, MemberRole

# Feature modules added later register themselves on Base just by being here.
for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")

__all__ = ["Base", "Conversation", "Delivery", "InboxEvent", "Lane", "Member", "MemberRole"]
