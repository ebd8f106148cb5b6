"""Questions shared by the meeting flows: title, date and time, place or link, agenda, audience."""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date, datetime, timedelta

from handlers import meeting_repeat as repeat
from handlers.engine import choice
from handlers.flow import Answer, FlowState, Invalid
from handlers.labels import check_label
from handlers.parsing.dates import parse_date
from handlers.parsing.formatting import format_date
from handlers.parsing.problems import DateProblem, TimeProblem
from handlers.parsing.thai_datetime import DateTimeProblem, from_picker, parse_datetime
from handlers.parsing.times import parse_time
from handlers.understanding.answers import without_particles
from handlers.understanding.buttons import button_for
from messages.builders import text_message
from messages.catalog import text
from messages.meetings import day_when, weekday_name
from storage import linked_groups

# A link with its scheme, or a known meeting service's address typed without it
# ("meet.google.com/abc-defg-hij", "zoom.us/j/98765", "us02web.zoom.us/j/1").
URL = re.compile(
    r"https?://\S+|(?<![\w./])(?:www\.)?(?:[\w-]+\.)*(?:zoom\.us|meet\.google\.com|"
    r"teams\.microsoft\.com|teams\.live\.com|webex\.com|meet\.jit\.si)/\S*",
    re.IGNORECASE,
)
FURTHEST = timedelta(days=366)


def typed(answer: Answer, low: int, high: int, problem: str) -> str:
    """Read typed text of `low`..`high` characters (spaces tidied), else hint `problem`."""
    if answer.kind != "text":
        raise Invalid("flow.want_text")
    return check_label(answer.text, low, high, empty=f"{problem}_no_letters", length=problem)


def ask_title(state: FlowState) -> list[dict]:
    return [text_message(text("meeting.ask_title", state.language))]


def read_title(answer: Answer, state: FlowState) -> str:
    title = typed(answer, 3, 200, "meeting.bad_title")
    plain = without_particles(title)  # "ประชุมประจำเดือนค่ะ": the particle is not the title
    return plain if len(plain) >= 3 else title


def ask_when(state: FlowState) -> list[dict]:
    earliest = state.ctx.now().strftime("%Y-%m-%dT%H:%M")
    picker = {
        "type": "action",
        "action": {"type": "datetimepicker", "label": text("meeting.pick_datetime", state.language),
                   "data": "s=when&v=picker", "mode": "datetime", "min": earliest},
    }  # fmt: skip
    return [text_message(text("meeting.ask_when", state.language), [picker])]


def read_when(answer: Answer, state: FlowState) -> str:
    now = state.ctx.now()
    try:
        if answer.kind == "datetime":
            state.data.pop(repeat.REPEAT, None)
            moment = from_picker(answer.params, state.ctx.zone)
        elif answer.kind == "text" and answer.text:
            first = repeat.read(answer.text, now, state)  # "ทุกวันพุธ 9 โมง"
            if first is not None:
                state.data[UNTIL] = repeat.until_of(state)
                return first
            words = _dated_words(answer.text, now)
            moment = (
                _kept_day_and_time(words, state)
                or _range_start(words, now, state)
                or parse_datetime(words, now)
            )
            if isinstance(moment, datetime) and moment <= now:
                moment = _next_year_if_yearless(answer.text, now, moment)
        else:
            raise Invalid("meeting.want_when")
    except DateTimeProblem as problem:
        kept = _keep_day(problem, answer.text or "", now, state)
        if kept is not None:
            # Name the day understood ("วันอังคารที่ 15 ธ.ค. 2569"), so a wrong reading is caught
            # now, and ask for the time alone: an example with another date would confuse.
            raise Invalid(
                "meeting.when.no_time_day", alone=True, day=day_named(kept, state.language)
            ) from None
        raise when_problem(problem, answer.text or "", now, state) from None
    if not isinstance(moment, datetime):
        raise Invalid("meeting.want_when")
    if moment <= now:
        # Repeat what was understood ("วันอังคารที่ 1 ธ.ค. 2569 10:00 น."): a misreading shows.
        local = moment.astimezone(state.ctx.zone)
        heard = f"{day_named(local.date(), state.language)} {local:%H:%M}"
        raise Invalid("meeting.past_when", when=heard if state.language == "en" else heard + " น.")
    if moment - now > FURTHEST:
        raise Invalid("meeting.too_far")
    return moment.astimezone(state.ctx.zone).isoformat()


_WEEKDAY_WORDS = re.compile(
    r"(วัน)?(จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)(นี้|หน้า)?|"
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)
WHEN_HINTS = frozenset(
    {"empty", "unreadable", "no_date", "no_time", "impossible_date", "impossible_time"}
)


def hint_example(now: datetime, language: str) -> str:
    """An example date and time that is always ahead of the clock (a week on, 13.30)."""
    ahead = (now + timedelta(days=7)).date()
    return text("meeting.when_example", language, date=format_date(ahead, language))


def when_problem(
    problem: DateTimeProblem, typed_text: str, now: datetime, state: FlowState
) -> Invalid:
    """The hint for a date and time the meeting flow could not take, with a future example."""
    language = state.language
    if problem.code == "mismatch":
        # Name the weekday the date really falls on: "7 ธ.ค. 2569 เป็นวันจันทร์".
        try:
            moment = parse_datetime(_WEEKDAY_WORDS.sub(" ", typed_text), now)
        except DateTimeProblem:
            moment = None
        if isinstance(moment, datetime):
            local = moment.astimezone(state.ctx.zone)
            return Invalid("meeting.when.mismatch", date=format_date(local.date(), language),
                           weekday=weekday_name(local, language))  # fmt: skip
    if problem.code in WHEN_HINTS:
        return Invalid(f"meeting.when.{problem.code}", example=hint_example(now, language))
    return Invalid(problem.catalog_key)


KEPT_DAY = "_when_day"
UNTIL = "until"  # the end of a range ("13.30-16.30 น."), HH:MM
_NEXT_WEEK = re.compile(r"(สัปดาห์หน้า|อาทิตย์หน้า)(?!\s*วัน)")
_MONTH_END = re.compile(r"สิ้นเดือน(นี้)?")
_RANGE = re.compile(r"\s*(?:–|-|ถึง|to)\s*")


def _dated_words(typed_text: str, now: datetime) -> str:
    """Turn "สัปดาห์หน้า" (this weekday next week) and "สิ้นเดือน" (the month's last day) into dates.

    "วันอังคารหน้า" and "วันอาทิตย์หน้า" are weekdays, read by the date parser itself.
    """
    today = now.date()
    if _MONTH_END.search(typed_text):
        last = calendar.monthrange(today.year, today.month)[1]
        typed_text = _MONTH_END.sub(f" {last}/{today.month}/{today.year} ", typed_text)
    # A weekday beside it ("อาทิตย์หน้าอังคาร") makes it that weekday's week: the parser reads it.
    if not re.search(r"(วัน)?(จันทร์|อังคาร|พุธ|พฤหัส|ศุกร์|เสาร์)|วันอาทิตย์", typed_text):
        ahead = today + timedelta(days=7)
        typed_text = _NEXT_WEEK.sub(f" {ahead.day}/{ahead.month}/{ahead.year} ", typed_text)
    return " ".join(typed_text.split())


def _range_start(typed_text: str, now: datetime, state: FlowState) -> datetime | None:
    """Read "พรุ่งนี้ 13.30-16.30 น." or "บ่ายโมงถึงสี่โมง" as its start; keep the end in UNTIL."""
    for found in _RANGE.finditer(typed_text):
        left, right = typed_text[: found.start()], typed_text[found.end() :]
        if not left.strip() or not right.strip():
            continue
        try:
            end = parse_time(right)
        except TimeProblem:
            continue
        tail = " น." if right.rstrip().endswith("น.") else ""
        try:
            start = parse_datetime(left + tail, now)
        except DateTimeProblem:
            continue
        if isinstance(start, datetime) and end > start.time():
            state.data[UNTIL] = f"{end:%H:%M}"
            return start
    state.data.pop(UNTIL, None)
    return None


def _keep_day(
    problem: DateTimeProblem, typed_text: str, now: datetime, state: FlowState
) -> date | None:
    """Keep a date typed alone ("พรุ่งนี้"), so the time typed next ("10 โมง") joins it."""
    if problem.code != "no_time":
        return None
    try:
        day = parse_date(_dated_words(typed_text, now), now.date(), bare_weekday="future")
    except DateProblem:
        return None
    state.data[KEPT_DAY] = day.isoformat()
    return day


def day_named(day: date, language: str) -> str:
    """ "วันอังคารที่ 15 ธ.ค. 2569" / "Tuesday 15 Dec 2026": a day with its weekday."""
    named = weekday_name(day, language)
    return (
        f"{named} {format_date(day, language)}"
        if language == "en"
        else (f"{named}ที่ {format_date(day, language)}")
    )


def _kept_day_and_time(typed_text: str, state: FlowState) -> datetime | None:
    """A time alone after a date alone: that time on the kept date."""
    kept = state.data.get(KEPT_DAY)
    if not kept:
        return None
    try:
        clock = parse_time(typed_text)
    except TimeProblem:
        return None
    state.data.pop(KEPT_DAY, None)
    return datetime.combine(date.fromisoformat(kept), clock, tzinfo=state.ctx.zone)


def _next_year_if_yearless(typed_text: str, now: datetime, moment: datetime) -> datetime:
    """A day and month typed without a year ("5 ม.ค." in December) mean the next such date.

    Read a year and a day later: a year-less date moves by exactly the year and not by the day,
    while relative words (เมื่อวาน, วันจันทร์) move with the day and a written year does not move.
    """
    try:
        later = now.replace(year=now.year + 1)
    except ValueError:  # 29 February
        later = now.replace(year=now.year + 1, day=28)
    try:
        first = parse_datetime(typed_text, later)
        second = parse_datetime(typed_text, later + timedelta(days=1))
    except DateTimeProblem:
        return moment
    if not (isinstance(first, datetime) and first == second):
        return moment
    if first.year == moment.year + 1 and (first.month, first.day) == (moment.month, moment.day):
        return first
    return moment


def starts_at(state: FlowState) -> datetime:
    return datetime.fromisoformat(state.data["when"])


def ends_at(state: FlowState) -> datetime | None:
    """The end of a range typed with the date ("13.30-16.30 น."), on the start's day."""
    until = state.data.get(UNTIL)
    if not until:
        return None
    start = starts_at(state)
    hours, minutes = (int(part) for part in until.split(":"))
    return start.replace(hour=hours, minute=minutes)


def ask_where(state: FlowState) -> list[dict]:
    question = text("meeting.ask_where", state.language)
    if state.data.get("when") and state.data.get(repeat.REPEAT):
        heard = repeat.understood(state, starts_at(state))
        question = heard + "\n" + question
    elif state.data.get("when"):
        # Say at once which day and weekday was understood, so a wrong reading is caught now.
        heard = day_when(starts_at(state), state.ctx.zone, state.language)
        if state.data.get(UNTIL):
            heard = (
                heard.replace(" น.", "") + f"–{state.data[UNTIL]} น."
                if state.language != "en"
                else f"{heard}–{state.data[UNTIL]}"
            )
        question = text("meeting.understood_when", state.language, when=heard) + "\n" + question
    return [text_message(question)]


# Politeness alone, left beside a link: "ครับ", "นะคะ 🙏" are no place (the meeting is online).
_ONLY_PARTICLES = re.compile(
    r"[\s.!~,🙏😊]*(?:(?:นะคะ|นะครับ|นะค่ะ|ครับผม|ครับ|คับ|ค่ะ|คะ|ค่า|จ้า|จ้ะ|นะ|ฮะ|เลย|ด้วย|ขอบคุณ)"
    r"[\s.!~,🙏😊]*)*"
)
_PARTICLE_TAIL = re.compile(r"(?:นะคะ|นะครับ|ครับผม|ครับ|คับ|ค่ะ|คะ|ค่า|จ้า|จ้ะ|นะ)+$")


def read_where(answer: Answer, state: FlowState) -> dict:
    value = typed(answer, 2, 500, "meeting.bad_where")
    # Particles first: "zoom.us/j/8123?pwd=abc ครับ" is a link, and "ครับ" is never a place.
    value = without_particles(value)
    found = URL.search(value)
    link = found.group(0) if found else None
    if link:
        link = _PARTICLE_TAIL.sub("", link)  # "…?pwd=abcครับ": the particle is not the password
    if link and not re.match(r"https?://", link, re.IGNORECASE):
        link = "https://" + link  # a join button needs a full address
    rest = URL.sub("", value).strip(" -–:,") if link else value
    place = None if _ONLY_PARTICLES.fullmatch(rest) else without_particles(rest) or None
    if link and len(link) > 500 or place and len(place) > 300:
        raise Invalid("meeting.bad_where", low=2, high=300)
    return {"link": link, "place": place}


def ask_agenda(state: FlowState) -> list[dict]:
    return [text_message(text("meeting.ask_agenda", state.language))]


def read_agenda(answer: Answer, state: FlowState) -> str:
    return typed(answer, 1, 1000, "meeting.bad_agenda")


def audience_options(state: FlowState) -> list[tuple[str, str]]:
    """(value, label) pairs the member may announce to: their networks, all (staff), linked groups."""
    member, language = state.ctx.member, state.language
    networks = [n for n in state.ctx.networks if member.has_role("coordinator", n.key)]
    options = [(f"n:{n.key}", n.label(language)) for n in networks]
    if member.has_role("staff"):
        options.append(("all", text("meeting.audience.all", language)))
    for group in linked_groups.groups_of(state.ctx.session, [n.key for n in networks]):
        label = (
            text("meeting.audience.group_named", language, name=group.name)
            if group.name
            else text("meeting.audience.group", language, number=group.id)
        )
        options.append((f"g:{group.id}", label))
    return options[:11]


LABEL_LIMIT = 20  # LINE's quick-reply label


def short_label(label: str) -> str:
    """Fit LINE's 20 characters keeping both ends: "กลุ่ม เครือข่…ชียงราย", so two names that
    differ only at the end stay apart (the full name is the tap's displayed text and the review's).
    """
    if len(label) <= LABEL_LIMIT:
        return label
    head, tail = 11, LABEL_LIMIT - 12
    # Never start the tail, or end the head, inside a letter's marks (Thai vowels and tones).
    while tail > 1 and _thai_mark(label[-tail]):
        tail -= 1
    while head > 1 and _thai_mark(label[head]):
        head -= 1
    return f"{label[:head]}…{label[-tail:]}"


def _thai_mark(char: str) -> bool:
    return unicodedata.category(char) == "Mn"


def ask_audience(state: FlowState) -> list[dict]:
    items = [
        choice(short_label(label), "audience", value, label)
        for value, label in audience_options(state)
    ]
    return [text_message(text("meeting.ask_audience", state.language), items)]


def read_audience(answer: Answer, state: FlowState) -> str:
    options = audience_options(state)
    if answer.kind == "choice" and answer.value in {value for value, _ in options}:
        return answer.value
    if answer.kind == "text" and answer.text:
        for value, label in options:
            if answer.text.strip() == label:
                return value
        # "สมาชิกเครือข่ายประชาสังคมค่ะ", "ทุกคนในเครือข่าย…": the network named in a sentence.
        # Only this step (its answer must be a button) reads the words around the name.
        named = _NETWORK_WORDS.sub("", without_particles(answer.text).strip()).strip()
        if named and named != answer.text.strip():
            buttons = [((label,), value) for value, label in options]
            value = button_for(named, buttons, loose=True)
            if value is not None:
                return value
    raise Invalid("flow.want_choice")


_NETWORK_WORDS = re.compile(
    r"^(?:ส่ง(?:ถึง|ให้)?|เชิญ|ถึง|ให้)?\s*(?:ทุกคน(?:ใน)?|สมาชิก(?:ทุกคน)?(?:ใน)?)?\s*"
    r"(?:ทุกคนใน)?\s*(?:เครือข่าย)?\s*"
)


def audience_fields(state: FlowState) -> dict:
    """Turn the chosen audience into the meeting's audience, networks and group id."""
    value = state.data["audience"]
    if value == "all":
        return {"audience": "all", "networks": None, "group_id": None}
    if value.startswith("g:"):
        groups = {g.id: g for g in linked_groups.groups_of(state.ctx.session, None)}
        group = groups.get(int(value[2:]))
        return {
            "audience": "group",
            "networks": None,
            "group_id": group.group_id if group else None,
        }
    return {"audience": "networks", "networks": [value[2:]], "group_id": None}


def audience_label(state: FlowState) -> str:
    return dict(audience_options(state)).get(state.data.get("audience", ""), "-")
