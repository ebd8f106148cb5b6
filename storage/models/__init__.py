"""Typed ORM models, one module per area; importing this package registers them all on Base."""

from storage.models.base import Base
from storage.models.conversations import Conversation
from storage.models.core import Delivery, InboxEvent, Lane
from storage.models.members import Member

__all__ = ["Base", "Conversation", "Delivery", "InboxEvent", "Lane", "Member"]
