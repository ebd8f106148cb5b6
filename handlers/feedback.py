"""What a member sees of an assessment: their bars, the change, the network median when n ≥ 5."""

from __future__ import annotations

from datetime import datetime

from handlers.context import Context
from handlers.periods import period_bounds, period_label, short_date
from handlers.questionnaire import Questionnaire, questionnaire_of
from messages.assessment_card import Row, feedback_bubble
from messages.catalog import text
from messages.flex import flex_message
from storage import assessments
from storage.assessments import MIN_RESPONDENTS, NetworkMedians
from storage.models.assessments import Assessment

NAME_LIMIT = 60  # network names come from configuration: keep the card's size bounded


def network_name(ctx: Context, key: str | None) -> str:
    """Return the network's display name in the member's language."""
    if key is None:
        return text("assess.no_network", ctx.language)
    found = next((n for n in ctx.networks if n.key == key), None)
    return (found.name(ctx.language) if found else key)[:NAME_LIMIT]


def period_of(ctx: Context, moment: datetime) -> tuple[datetime, datetime, str]:
    """Return the questionnaire's period holding `moment`: start, end and how it reads."""
    kind = questionnaire_of(ctx).period
    start, end = period_bounds(kind, moment, ctx.zone)
    return start, end, period_label(kind, start, ctx.language)


def medians_for(ctx: Context, network: str | None, moment: datetime) -> NetworkMedians:
    """Return the network's medians in the period holding `moment` (none for no network)."""
    if network is None:
        return NetworkMedians(0)
    start, end, _ = period_of(ctx, moment)
    return assessments.network_medians(ctx.session, network, start, end)


def label_of(questionnaire: Questionnaire, key: str, language: str) -> str:
    """Name a question by its key, even one an older questionnaire version asked."""
    question = questionnaire.question(key)
    if question is not None:
        return question.label(language)
    criterion = questionnaire.criterion(key)
    return criterion.label(language) if criterion else key


def feedback_message(ctx: Context, assessment: Assessment, quick_replies=None) -> dict:
    """Build the feedback Flex card of `assessment` for the member who submitted it."""
    language, questionnaire = ctx.language, questionnaire_of(ctx)
    previous = assessments.latest(ctx.session, assessment.member_id, before=assessment)
    before = previous.scores() if previous else {}
    network = medians_for(ctx, assessment.network, assessment.submitted_at)
    rows = [
        Row(
            label_of(questionnaire, answer.question_key, language),
            answer.score,
            answer.score - before[answer.question_key] if answer.question_key in before else None,
            network.medians.get(answer.question_key),
        )
        for answer in assessment.answers
    ]
    name = network_name(ctx, assessment.network)
    when = short_date(assessment.submitted_at, ctx.zone, language)
    notes = [
        text(
            "assess.compared", language, date=short_date(previous.submitted_at, ctx.zone, language)
        )
        if previous
        else text("assess.first_time", language)
    ]
    _, _, period = period_of(ctx, assessment.submitted_at)
    counts = {"period": period, "count": network.respondents, "minimum": MIN_RESPONDENTS}
    if any(row.median is not None for row in rows):
        notes.append(text("assess.median_note", language, network=name, **counts))
    else:
        notes.append(text("assess.median_waiting", language, **counts))
    title = text("assess.card_title", language)
    subtitle = f"{when} · {name}"
    card = feedback_bubble(title, subtitle, rows, notes, language)
    scores = ", ".join(f"{row.label} {row.score}/5" for row in rows)
    return flex_message(f"{title}: {scores}", card, quick_replies)
