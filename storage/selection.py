"""Selection rounds: open one, shortlist, score, compare scorers side by side, decide."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import mean

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models.selection import SelectionCandidate, SelectionRound, SelectionScore

DECISIONS = ("selected", "not_selected")


def open_round(
    session: Session, name: str, province: str, weights: dict[str, float]
) -> SelectionRound:
    """Store a new round; weights are per criterion key (all 1 when nothing is given)."""
    text = ",".join(f"{key}={value:g}" for key, value in weights.items())
    found = SelectionRound(name=name, province=province, weights=text)
    session.add(found)
    session.flush()
    return found


def weights_of(found: SelectionRound) -> dict[str, float]:
    pairs = (item.split("=") for item in found.weights.split(",") if "=" in item)
    return {key: float(value) for key, value in pairs}


def shortlist(session: Session, round_id: int, organisation_id: int) -> SelectionCandidate:
    """Put the organisation on the round's shortlist (once)."""
    found = session.scalar(
        select(SelectionCandidate).where(
            SelectionCandidate.round_id == round_id,
            SelectionCandidate.organisation_id == organisation_id,
        )
    )
    if found is None:
        found = SelectionCandidate(round_id=round_id, organisation_id=organisation_id)
        session.add(found)
        session.flush()
    return found


def score(
    session: Session,
    candidate_id: int,
    staff_id: int,
    criterion: str,
    value: int,
    comment: str | None,
) -> None:
    """Record (or change) one scorer's score for one criterion."""
    if not 1 <= value <= 5:
        raise ValueError("a score is 1 to 5")
    found = session.scalar(
        select(SelectionScore).where(
            SelectionScore.candidate_id == candidate_id,
            SelectionScore.staff_account_id == staff_id,
            SelectionScore.criterion == criterion,
        )
    )
    if found is None:
        found = SelectionScore(
            candidate_id=candidate_id, staff_account_id=staff_id, criterion=criterion
        )
        session.add(found)
    found.score, found.comment = value, (comment or "").strip() or None
    session.flush()


def decide(session: Session, candidate_id: int, decision: str, reasons: str) -> str | None:
    """Record the committee's decision about a candidate, with its reasons (required); return
    the decision it replaces (None when there was none)."""
    if decision not in DECISIONS or not reasons.strip():
        raise ValueError("a decision needs one of the choices and its reasons")
    candidate = session.get(SelectionCandidate, candidate_id)
    if candidate is None:
        raise ValueError("no such candidate")
    before = candidate.decision
    candidate.decision, candidate.reasons = decision, reasons.strip()
    return before


@dataclass(frozen=True)
class Cell:
    """One criterion of one candidate: each scorer's score, their mean and the spread."""

    scores: dict[int, int]  # staff account id -> score
    comments: dict[int, str]

    @property
    def mean(self) -> float | None:
        return round(mean(self.scores.values()), 2) if self.scores else None

    @property
    def spread(self) -> int | None:
        return max(self.scores.values()) - min(self.scores.values()) if self.scores else None


def table(session: Session, found: SelectionRound, criteria: list[str]) -> list[tuple]:
    """[(candidate, {criterion: Cell}, weighted total or None)] for the round, best first."""
    candidates = session.scalars(
        select(SelectionCandidate).where(SelectionCandidate.round_id == found.id)
        .order_by(SelectionCandidate.id)
    ).all()  # fmt: skip
    rows = session.scalars(
        select(SelectionScore).where(SelectionScore.candidate_id.in_([c.id for c in candidates]))
    ).all()
    cells: dict[tuple[int, str], Cell] = {}
    for row in rows:
        cell = cells.setdefault((row.candidate_id, row.criterion), Cell({}, {}))
        cell.scores[row.staff_account_id] = row.score
        if row.comment:
            cell.comments[row.staff_account_id] = row.comment
    weights = weights_of(found)
    result = []
    for candidate in candidates:
        by_criterion = {key: cells.get((candidate.id, key), Cell({}, {})) for key in criteria}
        means = {key: cell.mean for key, cell in by_criterion.items()}
        total = None
        if all(value is not None for value in means.values()):
            weight_sum = sum(weights.get(key, 1) for key in criteria) or 1
            total = round(sum(means[k] * weights.get(k, 1) for k in criteria) / weight_sum, 2)
        result.append((candidate, by_criterion, total))
    return sorted(result, key=lambda row: (row[2] is None, -(row[2] or 0), row[0].id))
