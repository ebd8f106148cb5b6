"""The webhook inbox, per-source lanes and the delivery outbox."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base
from storage.types import UTCDateTime, utcnow


class InboxEvent(Base):
    """One webhook event, stored before LINE gets its 200; stripped to a receipt once handled."""

    __tablename__ = "inbox_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    webhook_event_id: Mapped[str] = mapped_column(String(255), unique=True)
    event_type: Mapped[str] = mapped_column(String(64))
    event_timestamp: Mapped[int] = mapped_column(BigInteger)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    is_redelivery: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    # The lane (one per user, group or room) orders handling; cleared once handled.
    lane_key: Mapped[str | None] = mapped_column(String(80))
    # The raw event JSON holds the member's words; it is dropped once the event is handled.
    payload: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str | None] = mapped_column(String(120))
    handled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_inbox_pending", "status", "lane_key", "event_timestamp"),)


class Lane(Base):
    """A lease that lets one thread of one process handle a source's events, in order."""

    __tablename__ = "lanes"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    holder: Mapped[str | None] = mapped_column(String(80))
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Delivery(Base):
    """One request to LINE (reply, push or multicast chunk), stored before its first attempt."""

    __tablename__ = "deliveries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    # What makes a delivery unique in the world (e.g. a reminder's chunk): created once only.
    dedupe_key: Mapped[str | None] = mapped_column(String(160), unique=True)
    retry_key: Mapped[str] = mapped_column(String(36), unique=True)
    reply_token: Mapped[str | None] = mapped_column(String(255))
    recipients: Mapped[str] = mapped_column(Text)
    # How many it goes to: kept after sending, when the recipients themselves are cleared.
    recipient_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    messages: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Write-ahead mark: committed right before a reply is handed to LINE. A sender that died
    # holding a reply without it never sent the request, so the token (or a push) is still safe.
    reply_started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sent_via: Mapped[str | None] = mapped_column(String(16))
    request_id: Mapped[str | None] = mapped_column(String(64))
    last_error: Mapped[str | None] = mapped_column(String(300))
    # Why it ended unsent, as a word to query by: quota, rejected, expired (failed), or how an
    # unknown reply was lost: timeout, connection (status unknown).
    reason: Mapped[str | None] = mapped_column(String(16))

    __table_args__ = (Index("ix_deliveries_due", "status", "next_attempt_at"),)
