"""What a staff account may see: everything, or some provinces and/or networks. One rule, here."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, false, or_, true

from storage.models import Member
from storage.models.members import CONSENT_GIVEN


@dataclass(frozen=True)
class Scope:
    """Provinces and networks an account covers; both empty means the whole country."""

    provinces: frozenset[str] = frozenset()
    networks: frozenset[str] = frozenset()

    @property
    def everything(self) -> bool:
        return not self.provinces and not self.networks

    @classmethod
    def of(cls, provinces: str | None, networks: str | None) -> Scope:
        """Read the comma-separated lists a staff account stores."""
        split = lambda raw: frozenset(p.strip() for p in (raw or "").split(",") if p.strip())  # noqa: E731
        return cls(split(provinces), split(networks))

    def covers(self, province: str | None, network: str | None) -> bool:
        """True if a row of this province and network is inside the scope (for one record)."""
        return self.everything or province in self.provinces or network in self.networks


NOTHING = Scope(frozenset({"\0"}))  # fail closed: a scope nobody's province matches


def in_scope(scope: Scope | None, province=None, network=None) -> ColumnElement[bool]:
    """SQL: the row's province or network (the member's by default) lies inside `scope`."""
    if scope is None or scope.everything:
        return true()
    province = Member.province if province is None else province
    network = Member.network if network is None else network
    parts = []
    if scope.provinces:
        parts.append(province.in_(sorted(scope.provinces)))
    if scope.networks:
        parts.append(network.in_(sorted(scope.networks)))
    return or_(*parts) if parts else false()


def visible_members(scope: Scope | None) -> ColumnElement[bool]:
    """SQL on Member: consented, and inside the staff account's scope (None: the CLI, everything)."""
    return and_(Member.consent_status == CONSENT_GIVEN, in_scope(scope))
