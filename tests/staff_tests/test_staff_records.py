"""Staff read reflections, activities with photos and the five criteria per network."""

from __future__ import annotations

import pytest

from storage import members
from storage.models.members import CONSENT_WITHDRAWN
from tests.members import registered
from tests.records import PNG, activity, assessment, reflection
from tests.staffweb import signed_in

SOMSRI, ARUN = "U" + "1" * 32, "U" + "2" * 32


@pytest.fixture
def records(db, config):
    registered(db, SOMSRI, name="สมศรี ใจดี")
    registered(db, ARUN, name="อรุณ แสงทอง", network="youth")
    done = activity(db, SOMSRI, config.media_dir)
    first = reflection(db, SOMSRI, activity_id=done)
    second = reflection(db, ARUN, lesson="เยาวชนกล้าแสดงออกมากขึ้น 100%")
    assessment(db, SOMSRI, scores=(5, 5, 4, 4, 3))
    assessment(db, ARUN, scores=(2, 3, 3, 2, 2))
    return {"activity": done, "somsri": first, "arun": second}


def test_search_and_filter_reflections_then_read_one(app, db, records):
    client = signed_in(app, db)
    everything = client.get("/staff/reflections").get_data(as_text=True)
    assert "การทำงานร่วมกับวัดทำให้ชุมชนไว้ใจ" in everything and "เยาวชนกล้าแสดงออก" in everything
    found = client.get("/staff/reflections?q=กล้าแสดงออก").get_data(as_text=True)
    assert "เยาวชนกล้าแสดงออก" in found and "ชุมชนไว้ใจ" not in found
    assert "ชุมชนไว้ใจ" not in client.get("/staff/reflections?q=100%25").get_data(as_text=True)
    youth = client.get("/staff/reflections?network=youth").get_data(as_text=True)
    assert "เยาวชนกล้าแสดงออก" in youth and "ชุมชนไว้ใจ" not in youth
    tagged = client.get("/staff/reflections?criterion=results").get_data(as_text=True)
    assert "ไม่พบรายการ" in tagged
    page = client.get(f"/staff/reflections/{records['somsri']}").get_data(as_text=True)
    for part in ("สิ่งที่ตั้งใจจะทำ", "อยากให้เยาวชนช่วยกันดูแลวัด", "ทำความสะอาดวัดร่องขุ่น", "สมศรี ใจดี"):
        assert part in page


def test_a_reflection_dates_its_activity_by_the_day_it_was_held_not_logged(app, db, records):
    from datetime import UTC, datetime

    from storage.models.activities import Activity

    with db.unit_of_work() as session:  # held 9 August, logged three days later
        session.get(Activity, records["activity"]).created_at = datetime(2021, 8, 12, 3, tzinfo=UTC)
    page = signed_in(app, db).get(f"/staff/reflections/{records['somsri']}").get_data(as_text=True)
    about = page[page.index("จากกิจกรรม") :]
    about = about[: about.index("</p>")]
    assert "9 ส.ค. 2564" in about and "12 ส.ค." not in about


def test_withdrawn_members_disappear_from_pages_and_photos(app, db, records):
    client = signed_in(app, db)
    page = client.get(f"/staff/activities/{records['activity']}").get_data(as_text=True)
    assert "/staff/photos/" in page
    photo = page.split('src="/staff/photos/')[1].split('"')[0]
    response = client.get(f"/staff/photos/{photo}")
    assert response.status_code == 200 and response.data == PNG
    assert response.mimetype == "image/png" and "no-store" in response.headers["Cache-Control"]
    assert app.test_client().get(f"/staff/photos/{photo}").status_code == 302
    with db.unit_of_work() as session:
        members.find(session, SOMSRI).consent_status = CONSENT_WITHDRAWN
    assert client.get(f"/staff/photos/{photo}").status_code == 404
    assert client.get(f"/staff/reflections/{records['somsri']}").status_code == 404
    assert client.get(f"/staff/activities/{records['activity']}").status_code == 404


def test_the_five_criteria_chart_shows_each_networks_averages(app, db, records):
    client = signed_in(app, db)
    page = client.get("/staff/criteria").get_data(as_text=True)
    assert "<svg" in page and "หลักคุณธรรมร่วม" in page
    assert "เครือข่ายประชาสังคมคุณธรรม: 5.00" in page and "เครือข่ายเด็กและเยาวชนคุณธรรม: 2.00" in page
    overview = client.get("/staff/").get_data(as_text=True)
    assert overview.count("<svg") == 2 and '>2</div><div class="lbl">' in overview
    assert "ส.ค. 2564" in overview
