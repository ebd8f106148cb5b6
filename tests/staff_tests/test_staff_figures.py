"""A page and its export never differ: every number on the overview, five-criteria and meeting
pages equals the same figure computed from the export staff would download (CSV or XLSX)."""

from __future__ import annotations

import json
import re
import uuid
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta
from statistics import fmean

from sqlalchemy import select, update

from messages.catalog import text
from storage import meetings
from storage.models import Delivery, Member
from storage.models.meetings import QUEUED, Reminder
from storage.models.members import CONSENT_WITHDRAWN
from storage.reminders import key_prefix
from tests.exporting import read_csv, read_xlsx, run_export
from tests.meetings import many_members, schedule
from tests.staffweb import signed_in

NOW = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
CARD = re.compile(r'<div class="num"[^>]*>(\d+)</div><div class="lbl">([^<]+)</div>')
FIGURE = re.compile(r'data-figure="([^"]+)"[^>]*>([^<]*)<')
NUMBER_CELL = re.compile(r'<td class="n"')
MONTHS_TH = "ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย. ต.ค. พ.ย. ธ.ค.".split()


def figures_on(page: str) -> dict[str, str]:
    """Every number a page marks as a figure, by its name."""
    return {name: value.strip() for name, value in FIGURE.findall(page)}


def exported(
    app, kind: str, *args: str, fmt: str = "csv", tmp_path=None
) -> list[dict[str, object]]:
    """The export's rows as {column title: value}, read back from CSV or XLSX."""
    if fmt == "xlsx":
        out = tmp_path / f"{kind}.xlsx"
        run_export(app, kind, "--format", "xlsx", "-o", str(out), *args)
        _, rows = read_xlsx(out)
    else:
        rows = read_csv(run_export(app, kind, "--format", "csv", *args))
    header, body = rows[0], rows[1:]
    return [dict(zip(header, row, strict=True)) for row in body]


def col(key: str) -> str:
    return text(f"export.col.{key}", "th")


def month_of(value) -> str:
    """'YYYY-MM' of an exported date or time (CSV text or an XLSX date cell)."""
    if isinstance(value, date | datetime):
        return f"{value:%Y-%m}"
    return str(value)[:7]


def thai_month(key: str) -> str:
    year, month = (int(part) for part in key.split("-"))
    return f"{MONTHS_TH[month - 1]} {year + 543}"


def _seed(app, db) -> None:
    """Demo data in two networks over many months, then some members withdraw consent."""
    result = app.test_cli_runner().invoke(args=[
        "demo", "seed", "--members", "60", "--activities", "150", "--reflections", "120",
        "--assessments", "50", "--meetings", "4",
    ])  # fmt: skip
    assert result.exit_code == 0, result.output
    with db.unit_of_work() as session:
        ids = list(session.scalars(select(Member.id).order_by(Member.id)))
        session.execute(
            update(Member).where(Member.id.in_(ids[::6])).values(consent_status=CONSENT_WITHDRAWN)
        )


def _networks(app) -> dict[str, str]:
    """Network name as the export writes it -> key (the page marks figures by key)."""
    from bot.networks import load_networks

    found = load_networks(app.extensions["bot"].config.networks_file)
    return {network.name("th"): network.key for network in found}


def test_every_overview_number_is_a_figure_of_the_exports(app, db):
    _seed(app, db)
    names = _networks(app)
    page = signed_in(app, db).get("/staff/").get_data(as_text=True)
    shown = figures_on(page)
    moment = {"members": "registered_at", "activities": "held_on", "reflections": "created_at"}
    per_month: dict[str, Counter] = {}
    for kind in ("members", "activities", "reflections", "assessments"):
        rows = exported(app, kind)
        assert shown[f"total.{kind}"] == f"{len(rows):,}", kind
        if kind in moment:
            per_month[kind] = Counter(
                (names[row[col("network")]], month_of(row[col(moment[kind])])) for row in rows
            )
    # The per-network tables: each cell is the export's count for that network and month.
    cells = {k: v for k, v in shown.items() if not k.startswith("total.")}
    assert cells, "the overview shows no monthly figures"
    for name, value in cells.items():
        network, kind, month = name.split(".")
        assert value == f"{per_month[kind][(network, month)]:,}", name
    # ...and they show the last six months with records, each where that network has some.
    last_six = sorted({m for c in per_month.values() for (_, m) in c})[-6:]
    for network in set(names.values()):
        held = {m for c in per_month.values() for (n, m) in c if n == network}
        shown_months = {name.split(".")[2] for name in cells if name.startswith(network + ".")}
        assert shown_months == held & set(last_six), network
    assert len(NUMBER_CELL.findall(page)) == len(cells)  # no number cell left unchecked
    # The trend chart adds every network together, as its title says.
    assert "รวมทุกเครือข่าย" in page
    labels = {"members": "สมาชิกใหม่", "activities": "กิจกรรม", "reflections": "บทเรียน"}
    bars = re.findall(r"<title>(สมาชิกใหม่|กิจกรรม|บทเรียน) ([^:<]+): ([\d,]+)</title>", page)
    assert bars
    all_months = sorted({m for c in per_month.values() for (_, m) in c})[-12:]
    short = {thai_month(m).replace(" 25", " "): m for m in all_months}
    for label, month, value in bars:
        kind = next(k for k, v in labels.items() if v == label)
        total = sum(n for (_, m), n in per_month[kind].items() if m == short[month])
        assert value == f"{total:,}", (label, month)
    assert len(bars) == 3 * len(all_months)


def _criteria_from_export(app, rows: list[dict]) -> dict[str, dict[str, float | int]]:
    """Mean score per network and criterion, and assessments per network, from the export."""
    import exports

    bot = app.extensions["bot"]
    questionnaire = exports.context(exports.Filters(), bot.config).questionnaire()
    names = _networks(app)
    scores: dict[tuple[str, str], list[float]] = defaultdict(list)
    counted: Counter = Counter()
    for row in rows:
        network = names[row[col("network")]]
        counted[network] += 1
        for question in questionnaire.questions:
            value = row[question.label("th")]
            if value not in (None, ""):
                scores[(network, question.criterion)].append(float(value))
    found: dict[str, dict[str, float | int]] = defaultdict(dict)
    for (network, criterion), values in scores.items():
        found[network][criterion] = fmean(values)
    for network, number in counted.items():
        found[network]["assessments"] = number
    return found


def test_five_criteria_page_equals_the_assessments_export_for_the_same_filters(app, db, tmp_path):
    _seed(app, db)
    client = signed_in(app, db)
    for query, args in (
        ({}, ()),
        ({"network": "civil", "from": "1/6/2569"}, ("--network", "civil", "--from", "1/6/2569")),
    ):
        page = client.get("/staff/criteria", query_string=query).get_data(as_text=True)
        rows = exported(app, "assessments", *args, fmt="xlsx", tmp_path=tmp_path)
        expected = _criteria_from_export(app, rows)
        want = {
            f"{network}.{key}": f"{value:,}" if key == "assessments" else f"{value:.2f}"
            for network, per in expected.items()
            for key, value in per.items()
        }
        assert want and figures_on(page) == want, query
        # The count is of assessments (the rows the means are over), and says so: not people.
        assert '<th class="n">แบบประเมิน (ครั้ง)</th>' in page and "ผู้ประเมิน" not in page
        assert len(NUMBER_CELL.findall(page)) == len(want)
        # The chart's bars say the same means (its titles hold them to two places).
        assert "คะแนนเฉลี่ย" in page
        for network_name, value in re.findall(r"<title>([^:<]+): ([\d.]+)</title>", page):
            key = _networks(app)[network_name]
            assert value in {want[k] for k in want if k.startswith(key + ".")}


def test_overview_criteria_chart_equals_the_assessments_export(app, db):
    _seed(app, db)
    page = signed_in(app, db).get("/staff/").get_data(as_text=True)
    expected = _criteria_from_export(app, exported(app, "assessments"))
    chart = page[page.index("คะแนนเฉลี่ย 5 หลัก") :]
    chart = chart[: chart.index("</svg>")]
    bars = re.findall(r"<title>([^:<]+): ([\d.]+|–)</title>", chart)
    names = _networks(app)
    per_network: dict[str, list[str]] = defaultdict(list)
    for network_name, value in bars:
        per_network[names[network_name]].append(value)
    import exports

    criteria = exports.context(exports.Filters(), app.extensions["bot"].config).questionnaire()
    keys = [c.key for c in criteria.criteria]
    assert per_network == {
        network: [f"{per[k]:.2f}" if k in per else "–" for k in keys]
        for network, per in expected.items()
    }


def test_meeting_pages_equal_the_meetings_export_row_by_row(app, db):
    _seed(app, db)
    with db.unit_of_work() as session:
        queued = session.scalars(select(Reminder).where(Reminder.status == QUEUED)).all()
        assert queued, "the demo has no reminder that went out"
        # One more chunk still waiting to go: queued is not delivered, the page must say so.
        session.add(Delivery(
            kind="multicast", retry_key=str(uuid.uuid4()), recipient_count=7,
            dedupe_key=f"{key_prefix(queued[0])}99", recipients=json.dumps(["U" + "0" * 32] * 7),
            messages="[]", status="pending",
        ))  # fmt: skip
    client = signed_in(app, db)
    rows = exported(app, "meetings")
    assert any(int(row[col("delivery_waiting")]) for row in rows)
    assert any(int(row[col("delivered")]) for row in rows)
    for row in rows:
        page = client.get(f"/staff/meetings/{row[col('meeting_id')]}").get_data(as_text=True)
        shown = figures_on(page)
        keys = ("rsvp_yes", "rsvp_no", "rsvp_maybe", "invited", "reminders_queued", "delivered",
                "delivery_failed", "delivery_waiting")  # fmt: skip
        assert shown == {key: row[col(key)] for key in keys}, row[col("title")]
        # The report's lines add up to the totals the export holds.
        for key, label in (("delivered", "sent"), ("delivery_failed", "failed"),
                           ("delivery_waiting", "waiting")):  # fmt: skip
            title = text(f"staff.{label}", "th")
            cells = re.findall(rf'<td class="n" data-label="{re.escape(title)}">(\d+)</td>', page)
            assert sum(map(int, cells)) == int(shown[key]), (key, row[col("title")])


def test_meeting_page_rsvps_equal_the_export_and_leave_out_withdrawn_members(app, db):
    users = many_members(db, 5)
    meeting_id = schedule(db, NOW + timedelta(days=3), NOW)
    with db.unit_of_work() as session:
        ids = {m.line_user_id: m.id for m in session.scalars(select(Member))}
        for user, value in zip(users, ["yes", "yes", "yes", "no", "maybe"], strict=True):
            meetings.answer(session, meeting_id, ids[user], value, NOW)
        withdrawn = session.get(Member, ids[users[0]])
        withdrawn.consent_status = CONSENT_WITHDRAWN
    client = signed_in(app, db)
    page = client.get(f"/staff/meetings/{meeting_id}").get_data(as_text=True)
    cards = {label: int(number) for number, label in CARD.findall(page)}
    row = exported(app, "meetings")[0]
    assert [int(row[col(f"rsvp_{a}")]) for a in ("yes", "no", "maybe")] == [2, 1, 1]
    assert [cards[label] for label in ("เข้าร่วม", "ไม่สะดวก", "ยังไม่แน่ใจ")] == [2, 1, 1]
    # Nothing went out yet: queued and delivered are both named, and both zero.
    assert cards["ข้อความเตือนเข้าคิวแล้ว (ครั้ง)"] == 0 and row[col("delivered")] == "0"


def test_a_past_meetings_invited_count_is_who_was_in_the_network_when_it_began(app, db):
    app.extensions["bot"].clock.set(lambda: NOW + timedelta(days=20))  # the meeting is past
    users = many_members(db, 4, clock=lambda: NOW - timedelta(days=30))
    meeting_id = schedule(db, NOW + timedelta(days=3), NOW)
    many_members(db, 1, clock=lambda: NOW + timedelta(days=1))  # joined before it began: reminded
    many_members(db, 2, clock=lambda: NOW + timedelta(days=16))  # joined after: never invited
    many_members(db, 3, network="youth", clock=lambda: NOW - timedelta(days=30))  # not its audience
    with db.unit_of_work() as session:
        session.execute(
            update(Member)
            .where(Member.line_user_id == users[0])
            .values(consent_status=CONSENT_WITHDRAWN)
        )
    page = signed_in(app, db).get(f"/staff/meetings/{meeting_id}").get_data(as_text=True)
    row = exported(app, "meetings")[0]
    assert figures_on(page)["invited"] == row[col("invited")] == "4"


def test_invitees_counted_in_sql_are_the_members_the_meeting_would_reach(app, db):
    _seed(app, db)
    with db.unit_of_work() as session:
        ids = list(session.scalars(select(Member.id).order_by(Member.id)))
        session.execute(update(Member).where(Member.id.in_(ids[1::9])).values(following=False))
        session.execute(update(Member).where(Member.id.in_(ids[2::11])).values(registered_at=None))
    with db.unit_of_work() as session:
        from storage.models.meetings import Meeting

        found = session.scalars(select(Meeting)).all()
        assert found
        for meeting in [*found, Meeting(audience="all", organiser_id=None)]:
            reached, _ = meetings.invitees(session, meeting, without_declined=False)
            expected = [r for r in reached if r.member_id != meeting.organiser_id]
            assert meetings.invited_count(session, meeting) == len(expected), meeting.title
