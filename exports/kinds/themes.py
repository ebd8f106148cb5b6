"""Themes export: per network, province and criterion, the words and phrases used most in
reflections (one row per term), for the academic team."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from exports.columns import NUMBER, Column, ExportContext
from exports.query import scoped
from exports.terms import Tally
from storage.models import Member
from storage.models.reflections import Reflection
from storage.reflections import ANSWERS

DIMENSIONS = ("network", "province", "criterion")
WORDS, PHRASES = 20, 10  # per group in the export


@dataclass
class Group:
    key: str | None
    label: str
    tally: Tally


def columns(ctx: ExportContext, session: Session | None = None) -> list[Column]:
    return [
        Column("theme_dimension", width=14),
        Column("theme_group", width=30),
        Column("theme_kind", width=10),
        Column("theme_rank", NUMBER, 8),
        Column("theme_term", width=24),
        Column("theme_uses", NUMBER, 10),
        Column("theme_reflections", NUMBER, 12),
    ]


def reflections(
    session: Session,
    ctx: ExportContext,
    *,
    province: str | None = None,
    criterion: str | None = None,
    limit: int | None = None,
) -> list[tuple]:
    """(network, province, criteria keys, text) of the reflections in the filters, newest first."""
    stmt = scoped(
        select(Reflection.network, Member.province, Reflection.criteria,
               *[getattr(Reflection, a) for a in ANSWERS]).join(
            Member, Member.id == Reflection.member_id),
        ctx, moment=Reflection.created_at, network=Reflection.network,
    )  # fmt: skip
    if province:
        stmt = stmt.where(Member.province == province)
    if criterion:
        stmt = stmt.where(("," + Reflection.criteria + ",").contains(f",{criterion},"))
    stmt = stmt.order_by(Reflection.created_at.desc(), Reflection.id.desc())
    if limit:
        stmt = stmt.limit(limit)
    found = []
    for network, where, criteria, *answers in session.execute(stmt):
        keys = [key for key in (criteria or "").split(",") if key]
        found.append((network, where, keys, " ".join(a for a in answers if a)))
    return found


def groups(ctx: ExportContext, rows: list[tuple], by: str | None) -> list[Group]:
    """Tally the rows as one group (by None) or per network, province or criterion."""
    tallies: dict[str | None, Tally] = {}
    for network, province, criteria, text in rows:
        keys = {"network": [network], "province": [province], "criterion": criteria}.get(
            by or "", [None]
        )
        for key in keys:
            tallies.setdefault(key, Tally()).add(text)
    return sorted(
        (Group(key, _label(ctx, by, key), tally) for key, tally in tallies.items()),
        key=lambda g: (-g.tally.texts, g.label),
    )


def _label(ctx: ExportContext, by: str | None, key: str | None) -> str:
    if by == "network":
        return ctx.network_name(key) or "–"
    if by == "criterion":
        return ctx.criterion_label(key) if key else "–"
    if by is None:
        return ctx.label("export.theme.all")
    return key or "–"


def rows(session: Session, ctx: ExportContext) -> Iterator[list]:
    found = reflections(session, ctx)
    for by in DIMENSIONS:
        if by == "province" and ctx.filters.anonymize:
            continue  # an anonymized file names no province
        dimension = ctx.label(f"export.theme.by_{by}")
        for group in groups(ctx, found, by):
            for kind, top in (("word", group.tally.top_words(WORDS)),
                              ("phrase", group.tally.top_phrases(PHRASES))):  # fmt: skip
                label = ctx.label(f"export.theme.{kind}")
                for rank, (term, uses, texts) in enumerate(top, start=1):
                    yield [dimension, group.label, label, rank, term, uses, texts]


def count(session: Session, ctx: ExportContext) -> int:
    return sum(1 for _ in rows(session, ctx))
