"""Organisations as records: normalise a typed name, suggest close matches, link, merge."""

from __future__ import annotations

import re
from datetime import datetime

from rapidfuzz import fuzz
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from storage.erasure import Fact, Subject, describer, eraser
from storage.models.members import Member
from storage.models.organisations import Organisation

# Abbreviations members write for the same kind of place, spelled out before comparing.
ABBREVIATIONS = (
    (r"^รร\.?", "โรงเรียน"),
    (r"^ร\.ร\.?", "โรงเรียน"),
    (r"^สนง\.?", "สำนักงาน"),
    (r"^อบต\.?", "องค์การบริหารส่วนตำบล"),
)
KIND_PREFIXES = (
    ("โรงเรียน", "school"), ("วัด", "temple"), ("ชุมชน", "community"), ("บ้าน", "community"),
    ("สำนักงาน", "government"), ("องค์การบริหาร", "government"), ("เทศบาล", "government"),
    ("บริษัท", "company"), ("หจก", "company"),
)  # fmt: skip
GOOD_MATCH = 70
# Words many different places share; two names are one place only if what is left matches.
GENERIC_WORDS = (
    "องค์การบริหารส่วนตำบล", "องค์การบริหารส่วนจังหวัด", "เทศบาลตำบล", "เทศบาลเมือง", "เทศบาลนคร",
    "เทศบาล", "สำนักงาน", "โรงเรียน", "จังหวัด", "อำเภอ", "ตำบล", "ชุมชน", "หมู่บ้าน", "บ้าน",
    "วัด", "บริษัท", "จำกัด", "มหาชน", "หจก", "มูลนิธิ", "สมาคม", "ศูนย์",
)  # fmt: skip
SAME_PLACE = 85


class MergeRefused(ValueError):
    """A merge staff may not make; `reason` is the catalog key of the message that says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def name_key(name: str) -> str:
    """Return `name` without spaces, dots or case, abbreviations spelled out: one key per place."""
    key = "".join(name.split()).lower()
    for pattern, full in ABBREVIATIONS:
        key = re.sub(pattern, full, key)
    return re.sub(r"[.\-_,()\"'“”]", "", key)


def guess_kind(name: str) -> str:
    """Guess the kind of an organisation from how its name starts."""
    key = name_key(name)
    return next((kind for prefix, kind in KIND_PREFIXES if key.startswith(prefix)), "other")


def distinctive(name: str) -> str:
    """Return the name's key without the generic words (โรงเรียน, จังหวัด, วัด…): what tells it apart."""
    key = name_key(name)
    for word in GENERIC_WORDS:  # longest first, so จังหวัด goes before วัด
        key = key.replace(word, "")
    return key


def same_place_fit(first: Organisation, second: Organisation) -> float:
    """Score 0-100 how likely two organisations are one place: same kind, distinctive part alike."""
    if first.kind != second.kind:
        return 0.0
    a, b = distinctive(first.name), distinctive(second.name)
    if not a or not b:
        return 0.0
    return float(fuzz.ratio(a, b))


def _words(key: str) -> str:
    from pythainlp.tokenize import word_tokenize  # loads its dictionary once, on first use

    return " ".join(word_tokenize(key, keep_whitespace=False))


def score(typed: str, name: str) -> float:
    """Score 0-100 how well `typed` (part of a name, maybe misspelled) fits organisation `name`."""
    a, b = name_key(typed), name_key(name)
    if not a or not b:
        return 0.0
    if a == b:
        return 100.0
    by_words = fuzz.token_set_ratio(_words(a), _words(b))
    by_part = fuzz.partial_ratio(a, b) if len(a) >= 3 else 0.0
    return max(by_words, by_part * 0.95, fuzz.ratio(a, b))


def active(session: Session) -> list[Organisation]:
    """Return every organisation not merged away."""
    query = select(Organisation).where(Organisation.merged_into_id.is_(None))
    return list(session.scalars(query.order_by(Organisation.name)))


def find_exact(session: Session, typed: str) -> Organisation | None:
    """Return the organisation whose normalised name equals the typed one's."""
    query = select(Organisation).where(
        Organisation.name_key == name_key(typed), Organisation.merged_into_id.is_(None)
    )
    return session.scalars(query.order_by(Organisation.id)).first()


def suggest(session: Session, typed: str, limit: int = 5) -> list[Organisation]:
    """Return up to `limit` organisations that fit the typed text well, best first."""
    scored = [(score(typed, org.name), org) for org in active(session)]
    good = sorted((s for s in scored if s[0] >= GOOD_MATCH), key=lambda s: (-s[0], s[1].id))
    return [org for _, org in good[:limit]]


def _remember(org: Organisation, typed: str) -> None:
    names = (org.original_names or "").splitlines()
    if typed and typed not in names:
        org.original_names = "\n".join([*names, typed])


def create(
    session: Session, name: str, *, province: str | None = None, network: str | None = None,
    kind: str | None = None, now: datetime | None = None,
) -> Organisation:  # fmt: skip
    """Store a new organisation as a member typed it."""
    org = Organisation(
        name=name, name_key=name_key(name), kind=kind or guess_kind(name), province=province,
        network=network, original_names=name,
    )  # fmt: skip
    if now is not None:
        org.created_at = now
    session.add(org)
    session.flush()
    return org


def link(session: Session, member: Member, org: Organisation, typed: str | None = None) -> None:
    """Make `member` belong to `org`, keeping the text they typed among its spellings."""
    member.organisation_id = org.id
    member.organisation = org.name
    _remember(org, typed or org.name)


def get(session: Session, org_id: int) -> Organisation | None:
    """Return the organisation with that id, following merges to the one that remains."""
    org = session.get(Organisation, org_id)
    seen = set()
    while org is not None and org.merged_into_id is not None and org.id not in seen:
        seen.add(org.id)
        org = session.get(Organisation, org.merged_into_id)
    return org


def merge(session: Session, keep_id: int, drop_id: int) -> int:
    """Move everything of organisation `drop_id` to `keep_id`; return how many members moved."""
    keep, drop = session.get(Organisation, keep_id), session.get(Organisation, drop_id)
    if keep is None or drop is None or keep.id == drop.id or keep.merged_into_id is not None:
        raise ValueError("cannot merge these organisations")
    if candidate_rounds(session, drop.id):
        raise MergeRefused("staff.merge_refused_candidate")
    moved = session.execute(
        update(Member).where(Member.organisation_id == drop.id)
        .values(organisation_id=keep.id, organisation=keep.name)
    ).rowcount  # fmt: skip
    for typed in (drop.original_names or drop.name).splitlines():
        _remember(keep, typed)
    keep.province = keep.province or drop.province
    keep.district = keep.district or drop.district
    keep.network = keep.network or drop.network
    drop.merged_into_id = keep.id
    session.flush()
    return moved or 0


def candidate_rounds(session: Session, org_id: int) -> list[str]:
    """Return the names of the selection rounds that have the organisation on their shortlist."""
    from storage.models.selection import SelectionCandidate, SelectionRound

    query = (
        select(SelectionRound.name)
        .join(SelectionCandidate, SelectionCandidate.round_id == SelectionRound.id)
        .where(SelectionCandidate.organisation_id == org_id)
        .order_by(SelectionRound.id)
    )
    return list(session.scalars(query))


def members_of(session: Session, org_id: int) -> list[Member]:
    """Return the members who belong to the organisation."""
    query = select(Member).where(Member.organisation_id == org_id).order_by(Member.id)
    return list(session.scalars(query))


TONE_MARKS = dict.fromkeys(map(ord, "\u0e48\u0e49\u0e4a\u0e4b\u0e47\u0e4c"))


def group_names(names: list[str]) -> list[list[str]]:
    """Group typed names that are obviously one place: same key, tone marks aside.

    Anything less obvious (ป่าอ้อ / ป่าอ้อย) stays apart for staff to merge: a wrong merge hides a school.
    """
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(name_key(name).translate(TONE_MARKS), []).append(name)
    return [group for key, group in groups.items() if key]


@eraser("organisations")
def forget_membership(session: Session, subject: Subject) -> int:
    """Unlink the member; an organisation only they named goes too (its name is what they typed)."""
    member = session.get(Member, subject.member_id) if subject.member_id else None
    if member is None or member.organisation_id is None:
        return 0
    org_id, member.organisation_id = member.organisation_id, None
    session.flush()
    from storage.models.selection import SelectionCandidate

    still_used = (
        session.scalar(select(func.count()).where(Member.organisation_id == org_id))
        or session.scalar(select(func.count()).where(SelectionCandidate.organisation_id == org_id))
        or session.scalar(select(func.count()).where(Organisation.merged_into_id == org_id))
    )
    if still_used:
        return 0
    session.delete(session.get(Organisation, org_id))
    return 1


@describer("organisations")
def describe_membership(session: Session, subject: Subject) -> list[Fact]:
    member = session.get(Member, subject.member_id) if subject.member_id else None
    org = (
        session.get(Organisation, member.organisation_id)
        if member and member.organisation_id
        else None
    )
    return [Fact("mydata.organisation", {"name": org.name})] if org else []
