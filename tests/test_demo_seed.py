"""`flask demo seed`: realistic Thai data, fast, and never mixed into a database of real members."""

from __future__ import annotations

from sqlalchemy import func, select

from storage.models import Member
from tests.members import registered


def test_seeds_consented_thai_members_and_refuses_beside_real_ones(app, db):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["demo", "seed", "--members", "300", "--activities", "0",
                                 "--reflections", "0", "--meetings", "0", "--assessments", "0"])  # fmt: skip
    assert result.exit_code == 0, result.output
    with db.unit_of_work() as session:
        members = session.scalars(select(Member)).all()
        coordinators = session.scalar(
            select(func.count()).select_from(Member).where(Member.roles.any())
        )
    assert len(members) == 300 and coordinators >= 10
    assert all(m.consented and m.registered for m in members)
    assert {m.network for m in members} >= {"civil", "youth"}
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in members[0].display_name)
    assert all(m.province == "เชียงราย" and m.organisation for m in members)
    assert all(m.organisation_id for m in members)  # every organisation is a record
    with db.unit_of_work() as session:
        from storage import organisations

        records = organisations.active(session)
        assert 5 <= len(records) < 300 and all(r.province == "เชียงราย" for r in records)
        from storage.models.selection import SelectionCandidate, SelectionScore

        decided = session.scalars(select(SelectionCandidate)).all()
        assert len(decided) == 3 and all(c.decision and c.reasons for c in decided)
        assert session.scalar(select(func.count()).select_from(SelectionScore)) == 30
    registered(db, "U" + "f" * 32)
    refused = runner.invoke(args=["demo", "seed", "--members", "5"])
    assert refused.exit_code != 0 and "real member" in refused.output
    forced = runner.invoke(args=["demo", "seed", "--members", "5", "--force", "--activities", "0",
                                 "--reflections", "0", "--meetings", "0"])  # fmt: skip
    assert forced.exit_code == 0, forced.output


def test_seeds_meetings_with_sent_reminders_and_rsvps(app, db):
    from storage.models.meetings import Meeting, Rsvp

    result = app.test_cli_runner().invoke(
        args=[
            "demo",
            "seed",
            "--members",
            "200",
            "--meetings",
            "12",
            "--activities",
            "0",
            "--reflections",
            "0",
            "--assessments",
            "0",
        ]  # fmt: skip
    )
    assert result.exit_code == 0, result.output
    with db.unit_of_work() as session:
        meetings = session.scalars(select(Meeting)).all()
        answers = session.scalar(select(func.count()).select_from(Rsvp))
    assert len(meetings) == 12 and answers > 0
    assert all("zoom.us" in m.link for m in meetings)


def test_seeds_activities_reflections_and_assessments_in_bulk_that_export(app, db, config):
    from storage.models.activities import Activity, ActivityPhoto
    from storage.models.assessments import Assessment, AssessmentAnswer
    from storage.models.reflections import Reflection
    from tests.exporting import read_csv, run_export

    result = app.test_cli_runner().invoke(
        args=[
            "demo",
            "seed",
            "--members",
            "50",
            "--activities",
            "120",
            "--reflections",
            "2000",
            "--assessments",
            "40",
            "--meetings",
            "2",
        ]  # fmt: skip
    )
    assert result.exit_code == 0, result.output
    with db.unit_of_work() as session:
        count = lambda model: session.scalar(select(func.count()).select_from(model))  # noqa: E731
        assert (count(Activity), count(Reflection), count(Assessment)) == (120, 2000, 40)
        assert count(AssessmentAnswer) == 200 and count(ActivityPhoto) > 0
        linked = session.scalar(select(func.count()).where(Reflection.activity_id.is_not(None)))
    assert linked > 500
    assert len(read_csv(run_export(app, "reflections"))) == 2001
    photos = list((config.media_dir / "members").rglob("*.png"))
    assert photos and photos[0].read_bytes().startswith(b"\x89PNG")


def test_seeds_shared_stories_districts_and_themes_the_staff_pages_show(app, db):
    from storage.models.organisations import Organisation
    from storage.models.stories import SharedStory
    from tests.staffweb import signed_in

    args = ["demo", "seed", "--members", "40", "--activities", "60", "--reflections", "200"]
    result = app.test_cli_runner().invoke(args=args)
    assert result.exit_code == 0, result.output
    with db.unit_of_work() as session:
        statuses = session.scalars(select(SharedStory.status)).all()
        districts = session.scalars(select(Organisation.district)).all()
    assert len(statuses) == 24 and statuses.count("granted") >= 10 and "refused" in statuses
    assert all(districts) and "แม่สาย" in districts or "เมืองเชียงราย" in districts
    client = signed_in(app, db)
    stories = client.get("/staff/stories").get_data(as_text=True)
    assert "อนุญาตให้แบ่งปัน" in stories and "ไม่อนุญาต" in stories
    themes = client.get("/staff/themes?by=criterion").get_data(as_text=True)
    assert "จาก 200 บันทึกล่าสุด" in themes and "หลักคุณธรรมร่วม ·" in themes


def test_seeding_again_with_force_leaves_one_story_per_record(app, db):
    from storage.models.stories import SharedStory

    args = ["demo", "seed", "--members", "10", "--activities", "12", "--reflections", "30",
            "--meetings", "0"]  # fmt: skip
    runner = app.test_cli_runner()
    assert runner.invoke(args=args).exit_code == 0
    again = runner.invoke(args=[*args, "--force"])
    assert again.exit_code == 0, again.output
    with db.unit_of_work() as session:
        stories = session.scalars(select(SharedStory)).all()
    records = [(s.activity_id, s.reflection_id) for s in stories]
    assert len(records) == len(set(records)) and len(records) > 24  # the new records got some too


def test_seeding_a_fresh_database_makes_its_tables_first(config, tmp_path):
    from dataclasses import replace

    from bot import create_app
    from storage.models import Member

    fresh = replace(config, database_url=f"sqlite:///{tmp_path / 'fresh.db'}")
    app = create_app(fresh)
    try:
        args = ["demo", "seed", "--members", "5", "--activities", "3", "--reflections", "3",
                "--meetings", "1"]  # fmt: skip
        result = app.test_cli_runner().invoke(args=args)
        assert result.exit_code == 0, result.output
        with app.extensions["bot"].db.unit_of_work() as session:
            assert session.scalar(select(func.count()).select_from(Member)) == 5
    finally:
        app.extensions["bot"].close()


def test_seeded_meeting_reports_reach_no_more_than_were_invited(app, db):
    from storage import meeting_report
    from storage.models.meetings import Meeting

    args = ["demo", "seed", "--members", "200", "--meetings", "12", "--activities", "0",
            "--reflections", "0", "--assessments", "0"]  # fmt: skip
    assert app.test_cli_runner().invoke(args=args).exit_code == 0
    past, failed_everyone = 0, 0
    with db.unit_of_work() as session:
        for meeting in session.scalars(select(Meeting)):
            report = meeting_report.gather(session, meeting, with_names=False)
            for line in report.lines:
                limit = 1 if line.kind == "rsvp_summary" else report.invited
                assert line.recipients <= limit, (meeting.title, line.kind, line.recipients)
                assert line.sent + line.failed + line.waiting <= limit
                assert set(line.failures) <= {"expired"}  # a code the report words in Thai
            if report.lines and report.lines[0].status == "queued":
                past += 1
                failed_everyone += report.failed >= report.invited > 0
    assert past >= 3 and failed_everyone == 0
