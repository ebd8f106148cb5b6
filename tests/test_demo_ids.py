"""Demo members have LINE-shaped ids, so a meeting for everyone reaches them through LINE's rules."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from emulator.ids import well_formed
from storage.models import Delivery, Member
from tests.meetings import BANGKOK, FakeTime, clock_job
from tests.test_meetings_cli import in_days, run


def test_meetings_create_all_on_demo_data_is_accepted_by_the_emulator(app, db, emulator, line):
    # By day: at night the announcement would wait for 08:00 (storage.daytime).
    today = FakeTime(datetime.now(BANGKOK).replace(hour=10, minute=0, second=0, microsecond=0))
    app.extensions["bot"].clock.set(today)
    seeded = run(app, "demo", "seed", "--members", "40", "--meetings", "0", "--activities", "0",
                 "--reflections", "0", "--assessments", "0")  # fmt: skip
    assert seeded.exit_code == 0, seeded.output
    with db.unit_of_work() as session:
        ids = list(session.scalars(select(Member.line_user_id)))
    assert len(ids) == 40 and all(well_formed("userId", i) for i in ids)
    made = run(app, "meetings", "create", "--title", "ประชุมใหญ่", "--at", in_days(4),
               "--place", "ศาลากลาง", "--all")  # fmt: skip
    assert made.exit_code == 0, made.output
    clock_job(db, emulator.url, today).tick()
    sent = [r for r in line.requests(since=0)["requests"] if r["path"].endswith("/multicast")]
    assert sent and all(r["status"] == 200 for r in sent), sent
    with db.unit_of_work() as session:
        statuses = {d.status for d in session.scalars(select(Delivery))}
    assert statuses == {"sent"}
