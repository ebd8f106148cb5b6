"""A candidate's portfolio: a printable Thai page and a PDF whose Thai text reads back, with photos."""

from __future__ import annotations

import io

import pypdf

from storage import members, organisations, selection
from tests import records
from tests.members import registered
from tests.staffweb import signed_in

# Thai fonts draw ำ (sara am) with the glyph of า (sara aa) plus a nikhahit, and the PDF maps that
# glyph back to one of the two: compare with both spelled as า, and every other letter exactly.
AM_AS_AA = str.maketrans({"ำ": "า", "ํ": None})
LESSON = "เด็กๆ ช่วยกันคิดกติกาห้องเรียนเองจึงทำตามได้จริง"


def _candidate(app, db) -> tuple[int, int]:
    media = app.extensions["bot"].config.media_dir
    registered(db, "U" + "1" * 32, name="ครูดาว")
    with db.unit_of_work() as session:
        org = organisations.create(session, "โรงเรียนบ้านป่าอ้อ", province="เชียงราย")
        organisations.link(session, members.find(session, "U" + "1" * 32), org)
        org_id = org.id
    activity = records.activity(db, "U" + "1" * 32, media, title="เก็บขยะรอบโรงเรียน")
    records.reflection(db, "U" + "1" * 32, activity_id=activity, lesson=LESSON)
    with db.unit_of_work() as session:
        found = selection.open_round(session, "รอบคัดเลือกปี 2569", "เชียงราย", {})
        return found.id, selection.shortlist(session, found.id, org_id).id


def test_the_portfolio_page_and_pdf_carry_thai_text_and_the_photos(app, db):
    round_id, candidate_id = _candidate(app, db)
    client = signed_in(app, db)
    url = f"/staff/selection/{round_id}/portfolio/{candidate_id}"
    page = client.get(url).get_data(as_text=True)
    assert "แฟ้มผลงานองค์กรคุณธรรมต้นแบบ" in page and "โรงเรียนบ้านป่าอ้อ" in page
    assert LESSON in page and "/staff/photos/" in page and "มีหลักฐาน 3 จาก 5 หลัก" in page
    response = client.get(f"/staff/selection/{round_id}/pdf/{candidate_id}")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.data))
    text = " ".join(p.extract_text() for p in reader.pages)
    squeezed = "".join(text.split()).translate(AM_AS_AA)
    for expected in ("โรงเรียนบ้านป่าอ้อ", "แฟ้มผลงานองค์กรคุณธรรมต้นแบบ", LESSON, "เก็บขยะรอบโรงเรียน",
                     "รอบคัดเลือกปี2569", "หลักที่2"):  # fmt: skip
        assert "".join(expected.split()).translate(AM_AS_AA) in squeezed, expected
    images = sum(len(page.images) for page in reader.pages)
    assert images >= 2  # the activity's photo under each of its two criteria


def test_a_portfolio_outside_the_scope_or_round_is_not_found(app, db):
    round_id, candidate_id = _candidate(app, db)
    client = signed_in(app, db, provinces=["เชียงใหม่"])
    assert client.get(f"/staff/selection/{round_id}/portfolio/{candidate_id}").status_code == 404
    assert client.get(f"/staff/selection/{round_id}/pdf/{candidate_id}").status_code == 404
