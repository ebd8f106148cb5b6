"""Members export: one row per consented member, profile, roles and when they consented."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from exports.columns import DATETIME, NUMBER, Column, ExportContext
from exports.query import count_of, scoped, stream
from storage.models import Member

PROFILE = [
    Column("network", width=30),
    Column("organisation", width=32),
    Column("province", width=14),
    Column("language", width=10),
    Column("roles", width=24),
    Column("consent_version", width=12),
    Column("consent_at", DATETIME, width=18),
    Column("registered_at", DATETIME, width=18),
]


def columns(ctx: ExportContext) -> list[Column]:
    if ctx.filters.anonymize:
        return [Column("pseudonym", width=14), *PROFILE]
    who = [
        Column("member_id", NUMBER, 10),
        Column("line_user_id", width=36),
        Column("name", width=24),
    ]
    return [*who, *PROFILE]


def _query(ctx: ExportContext) -> Select:
    stmt = select(Member)
    return scoped(stmt, ctx, moment=Member.registered_at).order_by(Member.id)


def count(session: Session, ctx: ExportContext) -> int:
    return count_of(session, _query(ctx))


def _roles(member: Member, ctx: ExportContext) -> str:
    held = []
    for role in member.roles:
        name = (
            ctx.label(f"export.role.{role.role}")
            if role.role in ("coordinator", "staff")
            else role.role
        )
        held.append(f"{name} ({ctx.network_name(role.network)})" if role.network else name)
    return ", ".join(held)


def rows(session: Session, ctx: ExportContext) -> Iterator[list]:
    for (member,) in stream(session, _query(ctx)):
        if ctx.filters.anonymize:
            who = [ctx.who(member.line_user_id)]
        else:
            who = [member.id, member.line_user_id, member.display_name]
        yield [
            *who,
            ctx.network_name(member.network),
            member.organisation,
            member.province,
            ctx.label(f"export.language.{member.language}")
            if member.language in ("th", "en")
            else member.language,
            _roles(member, ctx),
            member.consent_version,
            ctx.local(member.consent_decided_at),
            ctx.local(member.registered_at),
        ]
