"""A selection round in Chromium: open it, shortlist, two committee members score, decide, get the PDF."""

from __future__ import annotations

import io

import pypdf
import pytest

from storage import members, organisations
from tests import records
from tests.browser.conftest import DESKTOP
from tests.members import registered
from tests.staffweb import EMAIL, PASSWORD, add_staff

pytestmark = pytest.mark.browser
SECOND = "committee2@moralcenter.example"
AM_AS_AA = str.maketrans({"ำ": "า", "ํ": None})  # see test_staff_portfolio


@pytest.fixture
def schools(db, config):
    registered(db, "U" + "1" * 32, name="ครูดาว")
    with db.unit_of_work() as session:
        school = organisations.create(session, "โรงเรียนบ้านป่าอ้อ", province="เชียงราย")
        organisations.create(session, "วัดร่องขุ่น", province="เชียงราย")
        organisations.link(session, members.find(session, "U" + "1" * 32), school)
    done = records.activity(db, "U" + "1" * 32, config.media_dir, title="เก็บขยะรอบโรงเรียน")
    records.reflection(db, "U" + "1" * 32, activity_id=done)
    add_staff(db, SECOND)


def _signed_in(chromium, site, email):
    context = chromium.new_context(viewport=DESKTOP, locale="th-TH")
    tab = context.new_page()
    tab.goto(site.url + "/staff/")
    tab.fill("#email", email)
    tab.fill("#password", PASSWORD)
    tab.click("button[type=submit]")
    tab.wait_for_url(site.url + "/staff/")
    return context, tab


def _score(tab, value: str, comment: str) -> None:
    form = tab.locator("form[action*='/score/']").first
    for select in form.locator("select").all():
        select.select_option(value)
    form.locator("input[name^=c_]").first.fill(comment)
    form.locator("button[type=submit]").click()
    tab.wait_for_load_state()


def test_a_round_end_to_end_with_two_scorers_and_the_portfolio_pdf(chromium, site, schools):
    first_context, first = _signed_in(chromium, site, EMAIL)
    first.click("nav >> text=คัดเลือก")
    first.fill("input[name=name]", "รอบคัดเลือกปี 2569")
    first.fill("input[name=w_principles]", "2")
    first.click("button:has-text('เปิดรอบคัดเลือก')")
    assert first.locator("h1").inner_text() == "รอบคัดเลือกปี 2569"
    first.select_option("select[name=organisation]", label="โรงเรียนบ้านป่าอ้อ")
    first.click("button:has-text('เพิ่ม')")
    _score(first, "5", "หลักฐานครบ")
    round_url = first.url
    second_context, second = _signed_in(chromium, site, SECOND)
    second.goto(round_url)
    _score(second, "3", "ยังขาดภาพกิจกรรม")
    table = second.locator("table.selection").inner_text()
    assert table.count("เฉลี่ย 4 · ต่างกัน 2") == 5
    first.reload()
    first.select_option("select[name=decision]", "selected")
    first.fill("input[name=reasons]", "มีหลักฐานครบทั้ง 5 หลัก")
    first.click("button:has-text('บันทึกผลการตัดสิน')")
    assert "ได้รับคัดเลือก" in first.locator("table.selection").inner_text()
    first.click("text=แฟ้มผลงาน / Portfolio")
    assert "โรงเรียนบ้านป่าอ้อ" in first.locator("h1").inner_text()
    assert first.locator("img").count() >= 1
    pdf_url = first.locator("a:has-text('ดาวน์โหลด PDF')").get_attribute("href")
    response = first_context.request.get(site.url + pdf_url)
    assert response.ok and response.headers["content-type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.body()))
    text = "".join("".join(p.extract_text() for p in reader.pages).split()).translate(AM_AS_AA)
    assert "โรงเรียนบ้านป่าอ้อ" in text and "เก็บขยะรอบโรงเรียน".translate(AM_AS_AA) in text
    assert sum(len(p.images) for p in reader.pages) >= 1
    first_context.close()
    second_context.close()
