"""A person at a browser: sign in, read every page on a phone and a desktop, download an export."""

from __future__ import annotations

import openpyxl
import pytest

from tests.browser.conftest import DESKTOP, PHONE, sign_in
from tests.members import registered
from tests.records import activity, assessment, reflection

pytestmark = pytest.mark.browser
PAGES = ("", "criteria", "reflections", "activities", "meetings", "export")


@pytest.fixture
def data(db, config):
    registered(db, "U" + "1" * 32, name="สมศรี ใจดี", roles=(("coordinator", "civil"),))
    registered(db, "U" + "2" * 32, name="อรุณ แสงทอง", network="youth")
    done = activity(db, "U" + "1" * 32, config.media_dir)
    reflection(db, "U" + "1" * 32, activity_id=done)
    reflection(db, "U" + "2" * 32, lesson="เยาวชนกล้าแสดงออกมากขึ้นเมื่อได้เป็นผู้นำกิจกรรม")
    assessment(db, "U" + "1" * 32)
    assessment(db, "U" + "2" * 32, scores=(3, 4, 3, 2, 3))


def test_sign_in_then_every_page_reads_on_a_phone_and_a_desktop(page, site, data, tmp_path):
    shots = tmp_path / "screenshots"
    page.goto(site.url + "/staff/reflections")
    assert "/staff/sign-in" in page.url  # not signed in yet: sent to the sign-in page
    page.screenshot(path=shots / "sign-in-desktop.png")
    sign_in(page, site)
    for name in PAGES:
        page.goto(f"{site.url}/staff/{name}")
        assert page.locator("h1").inner_text().strip()
        for label, size in (("phone", PHONE), ("desktop", DESKTOP)):
            page.set_viewport_size(size)
            page.screenshot(path=shots / f"{name or 'overview'}-{label}.png", full_page=True)
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 1, f"/staff/{name} scrolls sideways at {label} width"
    assert len(list(shots.glob("*.png"))) == 2 * len(PAGES) + 1


def test_filter_reflections_and_open_one_to_read(page, site, data, tmp_path):
    sign_in(page, site)
    page.click("nav >> text=ถอดบทเรียน")
    assert page.locator("article.list-item").count() == 2
    page.select_option("select[name=network]", "youth")
    page.fill("input[name=q]", "ผู้นำ")
    page.click("button:has-text('กรอง')")
    items = page.locator("article.list-item")
    assert items.count() == 1 and "เยาวชนกล้าแสดงออก" in items.inner_text()
    items.locator("h3 a").click()
    assert page.locator("h1").inner_text() == "ถอดบทเรียนของ อรุณ แสงทอง"
    assert "บทเรียนและก้าวต่อไป" in page.locator("article.panel").inner_text()
    for label, size in (("phone", PHONE), ("desktop", DESKTOP)):
        page.set_viewport_size(size)
        page.screenshot(path=tmp_path / f"reflection-{label}.png", full_page=True)


def test_activity_photos_show_for_staff(page, site, data):
    sign_in(page, site)
    page.click("nav >> text=กิจกรรม")
    page.click("text=ทำความสะอาดวัดร่องขุ่น")
    page.wait_for_load_state("load")  # every image has arrived
    image = page.locator(".photos img").first
    assert image.evaluate("img => img.complete && img.naturalWidth") == 480
    response = page.request.get(site.url + image.get_attribute("src"))
    assert response.status == 200 and response.headers["content-type"] == "image/png"


def test_the_overview_switches_to_english_and_back(page, site, data):
    sign_in(page, site)
    assert page.locator("h1").inner_text() == "ภาพรวมเครือข่ายคุณธรรม"
    page.click("text=English")
    assert page.locator("h1").inner_text() == "Moral networks at a glance"
    page.click("text=ภาษาไทย")
    assert page.locator("h1").inner_text() == "ภาพรวมเครือข่ายคุณธรรม"


def test_download_an_anonymized_members_export(page, site, data, tmp_path):
    sign_in(page, site)
    page.click("nav >> text=ส่งออกข้อมูล")
    page.select_option("select[name=kind]", "members")
    page.select_option("select[name=format]", "xlsx")
    page.check("input[name=anonymize]")
    with page.expect_download() as download:
        page.click("button:has-text('ดาวน์โหลด')")
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name == "members-anon.xlsx"
    rows = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))
    assert rows[0][0] == "รหัสแทนตัว" and len(rows) == 3
    assert not any("สมศรี" in str(cell) or "U111" in str(cell) for row in rows for cell in row)


def test_signing_out_closes_the_dashboard(page, site, data):
    sign_in(page, site)
    page.click("text=ออกจากระบบ")
    page.goto(site.url + "/staff/export")
    assert "/staff/sign-in" in page.url
