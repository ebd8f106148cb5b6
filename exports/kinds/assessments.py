"""Five-criteria assessments export: one row per assessment, a score and a note column per question."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from exports.columns import DATETIME, NUMBER, Column, ExportContext
from exports.query import count_of, scoped, stream, who_columns, who_values
from storage.models import Member
from storage.models.assessments import Assessment, AssessmentAnswer


def question_keys(session: Session, ctx: ExportContext) -> list[str]:
    """The questionnaire's questions in order, then any key only older versions asked."""
    keys = [question.key for question in ctx.questionnaire().questions]
    stored = session.scalars(select(AssessmentAnswer.question_key).distinct())
    return keys + sorted(set(stored) - set(keys))


def _title(ctx: ExportContext, key: str) -> str:
    question = ctx.questionnaire().question(key)
    return question.label(ctx.filters.lang) if question else key


def columns_for(ctx: ExportContext, keys: list[str]) -> list[Column]:
    note = ctx.label("export.col.note_suffix")
    per_question = [Column(f"score_{k}", NUMBER, 16, header=_title(ctx, k)) for k in keys]
    notes = [Column(f"note_{k}", width=40, header=f"{_title(ctx, k)} – {note}") for k in keys]
    return [
        Column("assessment_id", NUMBER, 10), *who_columns(ctx), Column("network", width=30),
        Column("organisation", width=30), Column("questionnaire_version", width=12),
        Column("submitted_at", DATETIME, 18), *per_question, *notes,
    ]  # fmt: skip


def columns(ctx: ExportContext, session: Session | None = None) -> list[Column]:
    if session is None:
        return columns_for(ctx, [question.key for question in ctx.questionnaire().questions])
    return columns_for(ctx, question_keys(session, ctx))


def query(ctx: ExportContext) -> Select:
    """The assessments this export holds (one per row), with what staff figures group them by."""
    stmt = select(Assessment.id, Assessment.network, Assessment.submitted_at).join(
        Member, Member.id == Assessment.member_id
    )
    return scoped(stmt, ctx, moment=Assessment.submitted_at, network=Assessment.network)


def count(session: Session, ctx: ExportContext) -> int:
    return count_of(session, query(ctx))


def rows(session: Session, ctx: ExportContext) -> Iterator[list]:
    keys = question_keys(session, ctx)
    # The same rows `query` counts, widened to their answers.
    stmt = query(ctx).with_only_columns(
        Assessment.id, Assessment.member_id, Member.line_user_id, Member.display_name,
        Assessment.network, Assessment.organisation, Assessment.questionnaire_version,
        Assessment.submitted_at, AssessmentAnswer.question_key, AssessmentAnswer.score,
        AssessmentAnswer.note,
    ).join(AssessmentAnswer, AssessmentAnswer.assessment_id == Assessment.id)  # fmt: skip
    stmt = stmt.order_by(Assessment.submitted_at, Assessment.id, AssessmentAnswer.position)
    # One query, answers ordered by assessment: grouping them makes one row without a second query.
    for _, answers in groupby(stream(session, stmt), key=lambda row: row.id):
        answers = list(answers)
        first = answers[0]
        scores = {a.question_key: a.score for a in answers}
        notes = {a.question_key: a.note for a in answers}
        yield [
            first.id, *who_values(ctx, first.member_id, first.line_user_id, first.display_name),
            ctx.network_name(first.network), first.organisation, first.questionnaire_version,
            ctx.local(first.submitted_at), *[scores.get(k) for k in keys],
            *[notes.get(k) for k in keys],
        ]  # fmt: skip
