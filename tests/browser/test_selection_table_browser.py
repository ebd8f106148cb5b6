"""The selection table read by a committee: whole at 1280 px on a desk and at 390 px on a phone."""

from __future__ import annotations

import pytest

from storage import organisations, selection
from storage.models.staff import StaffAccount
from tests.browser.conftest import PHONE
from tests.staffweb import PASSWORD, add_staff

pytestmark = pytest.mark.browser
LAPTOP = {"width": 1280, "height": 800}
SCORERS = ("committee2@moralcenter.example", "committee3@moralcenter.example")
NAMES = ("โรงเรียนบ้านป่าอ้อวิทยาคมเฉลิมพระเกียรติ", "วัดร่องขุ่น", "ชมรมผู้สูงอายุตำบลแม่ยาวคุณธรรม")
KEYS = ("principles", "participation", "results", "recognition", "commitment")
# What a reader would miss: the table or a cell sticking out of what shows it, and any column
# squeezed below a readable width (a Thai word per line is not readable).
MEASURE = """() => {
  const table = document.querySelector('table.selection');
  const box = table.parentElement;
  const cells = [...table.querySelectorAll('th, td')].filter(c => c.getClientRects().length);
  const spilling = cells.filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.innerText.slice(0, 30));
  const heads = [...table.querySelectorAll('thead th')].filter(c => c.getClientRects().length);
  return {
    page: document.documentElement.scrollWidth - window.innerWidth,
    box: box.scrollWidth - box.clientWidth,
    right: table.getBoundingClientRect().right - window.innerWidth,
    spilling,
    narrowest: Math.min(...cells.map(c => c.getBoundingClientRect().width)),
    heads: heads.map(c => Math.round(c.getBoundingClientRect().width)),
    height: Math.round(table.getBoundingClientRect().height),
    font: Math.min(...cells.map(c => parseFloat(getComputedStyle(c).fontSize))),
  };
}"""


@pytest.fixture
def scored_round(db, site):
    """A round of three organisations, scored with comments by three committee members."""
    for email in SCORERS:
        add_staff(db, email)
    with db.unit_of_work() as session:
        found = selection.open_round(session, "รอบคัดเลือกองค์กรคุณธรรมต้นแบบ ปี 2569", "เชียงราย",
                                     {key: 1 for key in KEYS})  # fmt: skip
        staff = session.query(StaffAccount).all()
        for n, name in enumerate(NAMES):
            org = organisations.create(session, name, province="เชียงราย")
            candidate = selection.shortlist(session, found.id, org.id)
            for account in staff:
                for key in KEYS:
                    note = "มีหลักฐานภาพถ่ายและรายงานการประชุมครบถ้วนทุกไตรมาส" if n == 0 else None
                    selection.score(session, candidate.id, account.id, key, 3 + n % 3, note)
            if n == 0:
                selection.decide(session, candidate.id, "selected",
                                 "มีหลักฐานครบทั้ง 5 หลัก และชุมชนยอมรับเป็นต้นแบบ")  # fmt: skip
        return found.id


def _open(chromium, site, viewport, round_id):
    context = chromium.new_context(viewport=viewport, locale="th-TH")
    tab = context.new_page()
    tab.goto(site.url + "/staff/sign-in")
    tab.fill("#email", SCORERS[0])
    tab.fill("#password", PASSWORD)
    tab.click("button[type=submit]")
    tab.wait_for_url(site.url + "/staff/")
    tab.goto(f"{site.url}/staff/selection/{round_id}")
    return context, tab


def test_at_1280_px_the_five_criteria_stand_side_by_side_and_nothing_is_cut(
    chromium, site, scored_round
):
    context, tab = _open(chromium, site, LAPTOP, scored_round)
    found = tab.evaluate(MEASURE)
    context.close()
    # The whole table within the page: no sideways scrolling, no cell spilling over the next.
    assert found["page"] <= 1 and found["box"] <= 1 and found["right"] <= 0, found
    assert found["spilling"] == [], found
    # Organisation, five criteria, total, decision: every column wide enough for Thai lines.
    assert len(found["heads"]) == 8 and min(found["heads"][1:6]) >= 120, found
    assert found["narrowest"] >= 80 and found["font"] >= 12, found


def test_at_390_px_each_organisation_reads_down_the_screen_and_nothing_is_cut(
    chromium, site, scored_round
):
    context, tab = _open(chromium, site, PHONE, scored_round)
    found = tab.evaluate(MEASURE)
    labels = tab.eval_on_selector_all(
        "table.selection tbody td",
        "cells => cells.map(c => getComputedStyle(c, '::before').content)",
    )
    context.close()
    assert found["page"] <= 1 and found["box"] <= 1 and found["right"] <= 0, found
    assert found["spilling"] == [], found
    # One organisation after another, each criterion on its own line under its name.
    assert found["heads"] == [] and found["narrowest"] >= 300 and found["font"] >= 12, found
    assert labels[:7] == [
        '"หลักคุณธรรมร่วม"', '"การมีส่วนร่วม"', '"ผลลัพธ์ที่ดีขึ้น"', '"การยอมรับจากสังคม"',
        '"ความยั่งยืน"', '"คะแนนถ่วงน้ำหนัก"', '"ผลการตัดสิน"',
    ]  # fmt: skip
