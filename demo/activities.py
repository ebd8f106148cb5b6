"""Demo activities: what Chiang Rai groups did, when and where, the criteria served, some photos."""

from __future__ import annotations

import io
import random
from datetime import timedelta

from sqlalchemy import insert
from sqlalchemy.orm import Session

from demo import thai
from demo.plan import SeedPlan, chunks, insert_ids, people
from storage.models.activities import Activity, ActivityCriterion, ActivityPhoto

PHOTOGRAPHED = 300  # the newest activities get a photo or two; more would only slow seeding
PALETTE = ((31, 111, 92), (217, 142, 4), (107, 78, 155), (44, 127, 184), (192, 57, 43))


def demo_photo(rng: random.Random) -> bytes | None:
    """A small landscape-like PNG (sky, hills, sun), different each time; None without Pillow."""
    try:
        from PIL import Image, ImageDraw
    except ImportError:  # pragma: no cover - Pillow ships with the bot
        return None
    image = Image.new("RGB", (480, 320), (200 + rng.randint(0, 40), 225, 240))
    draw = ImageDraw.Draw(image)
    sun = (rng.randint(40, 440), rng.randint(30, 110))
    draw.ellipse((sun[0] - 24, sun[1] - 24, sun[0] + 24, sun[1] + 24), fill=(250, 200, 60))
    for layer in range(3):
        colour = tuple(max(0, c - 25 * layer) for c in rng.choice(PALETTE))
        base = 170 + 45 * layer
        points = [(0, 320)] + [(x, base - rng.randint(0, 70)) for x in range(0, 481, 60)]
        draw.polygon([*points, (480, 320)], fill=colour)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def seed_activities(session: Session, plan: SeedPlan, rng: random.Random) -> int:
    """Insert `plan.activities` activities by random members, with criteria and a few photos."""
    members = people(session)
    if not members or not plan.activities:
        return 0
    rows, chosen = [], []
    for _ in range(plan.activities):
        member_id, network, organisation = rng.choice(members)
        held = (plan.now - timedelta(days=rng.triangular(0, plan.days, plan.days * 0.25))).date()
        online = rng.random() < 0.2
        rows.append({
            "member_id": member_id, "title": rng.choice(thai.ACTIVITIES), "held_on": held,
            "online": online, "place": None if online else rng.choice(thai.DISTRICTS),
            "participants": rng.randint(5, 120), "network": network, "organisation": organisation,
            "created_at": plan.now - (plan.now.date() - held) + timedelta(hours=rng.randint(8, 30)),
            "updated_at": plan.now,
        })  # fmt: skip
        chosen.append(member_id)
    ids = insert_ids(session, Activity, rows)
    criteria = [
        {"activity_id": activity_id, "criterion": number}
        for activity_id in ids
        for number in sorted(rng.sample(range(1, 6), rng.randint(1, 3)))
    ]
    for batch in chunks(criteria):
        session.execute(insert(ActivityCriterion), batch)
    _photos(session, plan, rng, list(zip(ids, chosen, strict=True))[-PHOTOGRAPHED:])
    return len(ids)


def _photos(session: Session, plan: SeedPlan, rng: random.Random, activities) -> None:
    if plan.media_dir is None:
        return
    from storage.media import MediaStore

    store, rows = MediaStore(plan.media_dir), []
    for activity_id, member_id in activities:
        for position in range(rng.choice((0, 1, 1, 2))):
            data = demo_photo(rng)
            if data is None:
                return
            stored = store.save_image(member_id, data)
            rows.append({"activity_id": activity_id, "position": position, **stored.as_dict(),
                         "created_at": plan.now})  # fmt: skip
    for batch in chunks(rows):
        session.execute(insert(ActivityPhoto), batch)
