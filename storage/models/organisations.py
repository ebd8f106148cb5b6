"""Organisations: the schools, temples, communities and offices members belong to, as records."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base
from storage.types import UTCDateTime, utcnow

KINDS = ("school", "temple", "community", "government", "company", "other")


class Organisation(Base):
    """One organisation; `name_key` is its name normalised (spaces, รร.) for finding variants."""

    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="other")
    province: Mapped[str | None] = mapped_column(String(60))
    district: Mapped[str | None] = mapped_column(String(100))
    network: Mapped[str | None] = mapped_column(String(40))
    # Every spelling members typed that now points here (one per line): nothing typed is lost.
    original_names: Mapped[str | None] = mapped_column(Text)
    # Set when staff merged this record into another; its members moved there.
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
