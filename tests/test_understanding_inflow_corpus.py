"""The in-flow part of the corpus (data/understanding_corpus.tsv, three columns): answers typed
mid-conversation, each at its step, with what must happen. Real router, real database.

A miss is a question back (the same step again, a hint): tolerated up to 5%. A wrong outcome is
harm and is never tolerated: a value stored other than meant, a card saved or data deleted that
should not be, consent recorded the other way, a "go back" stored as the answer.
"""

from __future__ import annotations

import json
from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from handlers.cancelling import CONFIRM_STEP
from handlers.questionnaire import default_questionnaire
from storage import conversations
from storage.models import Member
from storage.models.activities import Activity
from storage.models.assessments import Assessment
from storage.models.meetings import Meeting
from storage.models.reflections import Reflection
from tests.router_chat import Chat
from tests.test_understanding_corpus import CORPUS

# How to reach each step: the command, then answers until the step is asked.
ROUTES = {
    "register": ("แก้ไขข้อมูลค่ะ", ["tap:สมศรี", "tap:ประชาสังคม", "tap:โรงเรียนบ้านดอย", "tap:เชียงราย",
                                    "tap:ภาษาไทย"]),
    "log_activity": ("บันทึกกิจกรรมค่ะ", ["ปลูกป่าชุมชน", "เมื่อวาน", "ออนไลน์", "30", "1 3",
                                         "tap:ไม่มีรูป"]),
    "reflect": ("ถอดบทเรียนค่ะ", ["ตั้งใจปลูกป่า", "ได้ปลูก 100 ต้น", "ทุกคนช่วยกัน", "ฝนตก",
                                  "ร่วมมือกันดี", "1"]),
    "assess": ("แบบประเมินค่ะ", ["3", "tap:ข้าม"] * 5),
    "meeting": ("นัดประชุมค่ะ", ["ประชุมเครือข่ายประจำเดือน", "พรุ่งนี้ 10 โมง", "ห้องประชุมอำเภอ",
                                 "tap:ข้าม", "tap:first"]),
    "delete_my_data": ("ลบข้อมูลของฉัน", []),
    "withdraw": ("ถอนความยินยอม", []),
}  # fmt: skip
# The answer each step stores, where a test can read it.
FIELDS = {"date": "held_on", "tags": "criteria", "criteria": "criteria"}
# Several messages typed in turn, one phrasing ("อรุณสวัสดิ์ค่ะ >> ไม่ใช่คำตอบค่ะ"): the
# judgement is of where the last leaves the member.
THEN = " >> "
MODELS = {"log_activity": Activity, "reflect": Reflection, "assess": Assessment, "meeting": Meeting}


def load_inflow() -> list[tuple[str, str, str]]:
    """Return (step, what must happen, phrasing) rows of the corpus's in-flow section."""
    rows = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#") and line.count("\t") == 2:
            at, expect, phrasing = line.split("\t")
            rows.append((at, expect, phrasing))
    return rows


def _send(chat: Chat, said: str) -> None:
    if said == "tap:first":
        chat.tap(chat.labels()[0])
    elif said.startswith("tap:"):
        chat.tap(said[4:])
    else:
        chat.say(said)


def reach(chat: Chat, at: str) -> str | None:
    """Bring a fresh member to step `at`; return the step asked before it (None if first)."""
    if at == "consent":
        chat.user += "x"  # nobody yet: the privacy notice
        chat.say("สวัสดีค่ะ")
        return None
    if at == "consent_again":
        chat.say("ถอนความยินยอม")
        chat.tap("ยืนยัน")
        return None
    flow, step = at.split(".")
    command, answers = ROUTES[flow]
    chat.say(command)
    before = None
    for answer in answers:
        current = chat.current_flow()
        if current == (flow, step):
            break
        before = current[1] if current else None
        _send(chat, answer)
    assert chat.current_flow() == (flow, step), f"could not reach {at}: {chat.text()}"
    return before


def stored(chat: Chat) -> dict:
    with chat.db.unit_of_work() as session:
        found = conversations.current(session, chat.user)
        return json.loads(found.data) if found else {}


def _rows(chat: Chat, model) -> int:
    with chat.db.unit_of_work() as session:
        return len(list(session.scalars(select(model))))


def _member(chat: Chat) -> Member | None:
    with chat.db.unit_of_work() as session:
        found = session.scalars(select(Member).where(Member.line_user_id == chat.user)).first()
        if found is not None:
            session.expunge(found)
        return found


def _wanted(chat: Chat, step: str, value: str):
    """What `=value` means for the step's stored answer."""
    if step == "date":
        today = chat.now.astimezone(ZoneInfo("Asia/Bangkok")).date()
        back = {"today": 0, "yesterday": 1, "2daysago": 2}[value]
        return (today - timedelta(days=back)).isoformat()
    if step in ("criteria", "tags"):
        return [int(n) for n in value.split()]
    if step.startswith("rate_") or step == "participants":
        return int(value)
    return value


def judge(chat: Chat, at: str, expect: str, before: str | None, rows_before: int) -> str:
    """Return "ok", "miss" (asked again: a question back) or "wrong" (harm)."""
    flow, _, step = at.partition(".")
    now = chat.current_flow()
    data = stored(chat)
    if flow in ("consent", "consent_again"):
        status = (_member(chat) or Member()).consent_status
        want = {"yes": "given", "no": "declined"}[expect]
        if status == want:
            return "ok"
        return "wrong" if status in ("given", "declined") and flow == "consent" else "miss"
    if expect in ("deleted", "withdrawn", "kept"):
        member = _member(chat)
        gone = member is None
        withdrawn = member is not None and member.consent_status == "withdrawn"
        if expect == "kept":
            return "wrong" if gone or withdrawn else ("ok" if now is None else "miss")
        done = gone if expect == "deleted" else withdrawn
        return "ok" if done else "miss"
    if expect == "cancel":
        if _rows(chat, MODELS.get(flow, Member)) > rows_before:
            return "wrong"
        if now is None or now[1] == CONFIRM_STEP:
            return "ok"
        return "miss" if now == (flow, step) else "wrong"  # moved on: it was stored
    if expect == "back":
        if now == (flow, before):
            return "ok"
        return "miss" if now == (flow, step) else "wrong"
    if expect in ("review", "stay", "saved", "skip"):
        saved = _rows(chat, MODELS.get(flow, Member)) > rows_before
        if expect == "saved":
            return "ok" if saved else "miss"
        if saved:
            return "wrong"
        if expect == "review":
            return "ok" if now == (flow, "review") else "miss"
        if expect == "stay":
            return "ok" if now == (flow, step) else "wrong"
        moved = now != (flow, step)
        return "ok" if moved and not data.get(step) else ("wrong" if moved else "miss")
    value = expect[1:]
    if flow == "log_activity" and step == "place" and value == "online":
        got, want = data.get("online"), True
    else:
        got, want = data.get(FIELDS.get(step, step)), _wanted(chat, step, value)
    if flow == "reflect" and step == "tags" and got is not None:
        keys = [c.key for c in default_questionnaire().criteria]
        got = [keys.index(key) + 1 for key in got]  # a reflection keeps criteria by their key
    if got == want:
        return "ok"
    return "miss" if now == (flow, step) and got is None else "wrong"


def test_the_in_flow_corpus_is_large():
    rows = load_inflow()
    assert len(rows) >= 60
    assert len(set(rows)) == len(rows), "a line is listed twice"


def test_answers_typed_mid_flow_are_understood_and_never_harm(db, tmp_path, capsys):
    misses, wrong = [], []
    rows = load_inflow()
    for at, expect, phrasing in rows:
        chat = Chat(db, tmp_path)
        before = reach(chat, at)
        flow = at.split(".")[0]
        rows_before = _rows(chat, MODELS.get(flow, Member))
        for said in phrasing.split(THEN):
            chat.say(said)
        verdict = judge(chat, at, expect, before, rows_before)
        if verdict != "ok":
            note = f"{at}: {phrasing!r} → {chat.outcome} at {chat.current_flow()} (want {expect})"
            (wrong if verdict == "wrong" else misses).append(note)
    share = 1 - (len(misses) + len(wrong)) / len(rows)
    with capsys.disabled():
        print(
            f"\nin-flow understood {len(rows) - len(misses) - len(wrong)}/{len(rows)} = {share:.1%}"
        )
        for note in misses:
            print("  miss:", note)
        for note in wrong:
            print("  WRONG:", note)
    assert not wrong, "harm:\n" + "\n".join(wrong)
    assert share >= 0.95
