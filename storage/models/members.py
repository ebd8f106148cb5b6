"""Members: the people who chat with the bot, their consent, profile and roles."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, UniqueConstraint, and_
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base
from storage.types import UTCDateTime, utcnow

CONSENT_GIVEN, CONSENT_DECLINED, CONSENT_WITHDRAWN = "given", "declined", "withdrawn"


class Member(Base):
    """A person known by their LINE user id; until consent only the decision itself is kept."""

    __tablename__ = "members"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    line_user_id: Mapped[str] = mapped_column(String(64), unique=True)
    language: Mapped[str] = mapped_column(String(8), default="th")
    following: Mapped[bool] = mapped_column(Boolean, default=True)
    consent_status: Mapped[str | None] = mapped_column(String(16))
    consent_version: Mapped[str | None] = mapped_column(String(16))
    consent_decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    display_name: Mapped[str | None] = mapped_column(String(100))
    network: Mapped[str | None] = mapped_column(String(40))
    organisation: Mapped[str | None] = mapped_column(String(200))  # as typed (kept when linked)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"), index=True)
    province: Mapped[str | None] = mapped_column(String(60))
    registered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    roles: Mapped[list[MemberRole]] = relationship(
        back_populates="member", cascade="all, delete-orphan", lazy="selectin"
    )

    # Never hand a deleted member's id (and so their media folder) to someone else.
    __table_args__ = {"sqlite_autoincrement": True}

    @property
    def consented(self) -> bool:
        return self.consent_status == CONSENT_GIVEN

    @property
    def reachable(self) -> bool:
        """True if the bot may push to this member: consent given and still following."""
        return self.consent_status == CONSENT_GIVEN and bool(self.following)

    @property
    def registered(self) -> bool:
        return self.consented and self.registered_at is not None

    def has_role(self, role: str, network: str | None = None) -> bool:
        """True if the member holds `role` (for `network`, when given); staff hold every role."""
        for held in self.roles:
            if held.role == "staff":
                return True
            if held.role == role and (network is None or held.network in (None, network)):
                return True
        return role == "member" and self.registered


def reachable_clause():
    """The SQL form of Member.reachable, for queries that pick push recipients."""
    return and_(Member.consent_status == CONSENT_GIVEN, Member.following.is_(True))


class MemberRole(Base):
    """A role beyond plain member: coordinator of a network, or staff."""

    __tablename__ = "member_roles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    network: Mapped[str | None] = mapped_column(String(40))
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    member: Mapped[Member] = relationship(back_populates="roles")

    __table_args__ = (UniqueConstraint("member_id", "role", "network"),)
