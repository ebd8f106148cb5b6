"""Demo organisations: the members' organisations as records, each in its members' province."""

from __future__ import annotations

import random
import zlib
from collections import Counter

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from demo.plan import SeedPlan
from storage import organisations
from storage.models import Member

# Real districts of Chiang Rai, the pilot province (others get their capital district).
CHIANG_RAI_DISTRICTS = ("เมืองเชียงราย", "แม่สาย", "เชียงแสน", "เชียงของ", "พาน", "แม่จัน",
                        "เวียงป่าเป้า", "แม่ลาว", "เทิง", "แม่ฟ้าหลวง")  # fmt: skip


def district_of(name: str, province: str | None) -> str | None:
    """A stable demo district for an organisation (the same name always gets the same one)."""
    if province != "เชียงราย":
        return f"เมือง{province}" if province else None
    return CHIANG_RAI_DISTRICTS[zlib.crc32(name.encode("utf-8")) % len(CHIANG_RAI_DISTRICTS)]


def seed_organisations(session: Session, plan: SeedPlan, rng: random.Random) -> int:
    """Make a record for each organisation demo members typed and link them; return how many."""
    rows = session.execute(
        select(Member.organisation, Member.province, Member.network).where(
            Member.organisation.is_not(None), Member.organisation_id.is_(None)
        )
    ).all()
    by_name: dict[str, list] = {}
    for row in rows:
        by_name.setdefault(row.organisation, []).append(row)
    made = 0
    for group in organisations.group_names(sorted(by_name)):
        people = [row for name in group for row in by_name[name]]
        org = organisations.find_exact(session, group[0]) or organisations.create(
            session, group[0], now=plan.now,
            province=Counter(r.province for r in people).most_common(1)[0][0],
            network=Counter(r.network for r in people).most_common(1)[0][0],
        )  # fmt: skip
        org.district = org.district or district_of(org.name, org.province)
        made += 1
        session.execute(
            update(Member).where(Member.organisation.in_(group)).values(organisation_id=org.id)
        )
    return made
