"""Reflection (ถอดบทเรียน): five after-action-review questions, criteria tags, a review card, save."""

from __future__ import annotations

from datetime import date, timedelta

from handlers import activity_links
from handlers.engine import choice
from handlers.flow import Answer, Flow, FlowState, GoTo, Invalid, Step
from handlers.keywords import normalize
from handlers.longtext import clean, trim
from handlers.periods import day_and_month, short_date
from handlers.questionnaire import questionnaire_of
from handlers.reflect_tags import read_tags
from messages.builders import LABEL_LIMIT, command_action, main_menu, text_message
from messages.catalog import text, variants
from messages.reflection_card import review_card
from storage import reflections

ANSWER_LIMIT = 1000
PARTS = reflections.ANSWERS
OPTIONAL = {"obstacles"}
EDITS = ("activity", *PARTS, "tags")
# Asked for this soon after saving an activity, a reflection is about it: the member was just
# offered one ("ถอดบทเรียนเลย"), and typing "ถอดบทเรียนเลยค่ะ" means the same as tapping it.
JUST_SAVED = timedelta(minutes=30)


def _activity_line(state: FlowState) -> str | None:
    ref = state.data.get("activity")
    if not ref:
        return None
    when = short_date(date.fromisoformat(ref["held_on"]), state.ctx.zone, state.language)
    return text("reflect.about", state.language, title=ref["title"], date=when)


def _notices(state: FlowState) -> list[dict]:
    """Say that the last answer was trimmed (shown once, with the question it belonged to)."""
    notice = state.data.get("_notice")
    if not notice:
        return []
    return [text_message(text("reflect.trimmed", state.language, limit=f"{ANSWER_LIMIT:,}",
                                   number=notice["number"], tail=notice["tail"]))]  # fmt: skip


def _link(state: FlowState, ref: activity_links.ActivityRef | None) -> None:
    state.data["activity"] = _linked(ref) if ref else None
    if ref and not state.data.get("criteria"):
        state.data["criteria"] = about(ref, questionnaire_of(state.ctx))["criteria"]


def about(activity: activity_links.ActivityRef, questionnaire) -> dict:
    """Answers known when a reflection starts from an activity: it, and the criteria it serves."""
    keys = [c.key for c in questionnaire.criteria]
    ticked = [keys[n - 1] for n in activity.criteria if 0 < n <= len(keys)]
    return {"activity": _linked(activity), "criteria": ticked}


def editing(reflection, activity: activity_links.ActivityRef | None) -> dict:
    """Answers known when the member edits a saved reflection."""
    return {
        "edit_id": reflection.id,
        **{part: getattr(reflection, part) for part in PARTS},
        "criteria": reflection.criteria_keys,
        "activity": _linked(activity) if activity else None,
    }


def _linked(ref: activity_links.ActivityRef) -> dict:
    return {"id": ref.id, "title": ref.title, "held_on": ref.held_on.isoformat()}


def _begin(state: FlowState) -> None:
    ctx = state.ctx
    latest = activity_links.just_saved(ctx.session, ctx.member.id, ctx.clock(), JUST_SAVED)
    if latest is not None:
        _link(state, latest)


def _first(state: FlowState) -> str:
    if state.data.get("activity"):
        return "set_out"  # the one just saved (it can be changed on the review card)
    return "activity" if _recent(state) else "set_out"


def _recent(state: FlowState) -> list[activity_links.ActivityRef]:
    ctx = state.ctx
    return activity_links.recent(ctx.session, ctx.member.id, ctx.clock())


def _ask_activity(state: FlowState) -> list[dict]:
    language = state.language
    items = [
        choice(trim(f"{day_and_month(ref.held_on, language)} {ref.title}", LABEL_LIMIT,
                    at_space=False)[0], "activity", str(ref.id), ref.title)
        for ref in _recent(state)
    ]  # fmt: skip
    items.append(choice(text("reflect.no_activity", language), "activity", "none"))
    return [text_message(text("reflect.ask_activity", language), items)]


def _read_activity(answer: Answer, state: FlowState) -> None:
    if answer.kind == "choice" and answer.value == "none":
        _link(state, None)
        return
    if answer.kind == "choice" and (answer.value or "").isdigit():
        ref = activity_links.find(state.ctx.session, state.ctx.member.id, int(answer.value))
        if ref is not None:
            _link(state, ref)
            return
    raise Invalid("flow.want_choice")


def _ask_part(part: str):
    def ask(state: FlowState) -> list[dict]:
        lead = []
        if part == "set_out" and _activity_line(state):
            lead = [text_message(_activity_line(state))]
        question = text(f"reflect.ask_{part}", state.language, limit=f"{ANSWER_LIMIT:,}")
        return [*_notices(state), *lead, text_message(question)]

    return ask


def _read_part(part: str):
    def read(answer: Answer, state: FlowState) -> str:
        state.data.pop("_notice", None)
        if answer.kind != "text":
            raise Invalid("flow.want_text")
        value = clean(answer.text or "")
        if len(value) < 2:
            raise Invalid("reflect.too_short")
        value, trimmed = trim(value, ANSWER_LIMIT)
        marked = set(state.data.get("_trimmed", [])) - {part}
        if trimmed:
            marked.add(part)
            state.data["_notice"] = {"number": PARTS.index(part) + 1, "tail": value[-21:]}
        state.data["_trimmed"] = sorted(marked)
        return value

    return read


def _ask_tags(state: FlowState) -> list[dict]:
    language, criteria = state.language, questionnaire_of(state.ctx).criteria
    chosen = state.data.get("criteria") or []
    lines = "\n".join(f"{n}. {c.label(language)}" for n, c in enumerate(criteria, 1))
    names = ", ".join(c.label(language) for c in criteria if c.key in chosen)
    items = [
        choice(("✓ " if c.key in chosen else "") + c.label(language), "tags", f"c:{c.key}",
               c.label(language))
        for c in criteria
    ]  # fmt: skip
    items.append(choice(text("reflect.tags_done", language), "tags", "done"))
    question = text("reflect.ask_tags", language, criteria=lines,
                    chosen=names or text("reflect.tags_none", language))  # fmt: skip
    return [*_notices(state), text_message(question, items)]


def _ask_review(state: FlowState) -> list[dict]:
    language, data = state.language, state.data
    by_key = {c.key: c.label(language) for c in questionnaire_of(state.ctx).criteria}
    labels = [by_key[key] for key in data.get("criteria") or [] if key in by_key]
    card = review_card(data, labels, language, activity=_activity_line(state),
                       trimmed=tuple(data.get("_trimmed", [])), limit=ANSWER_LIMIT)  # fmt: skip
    edits = [e for e in EDITS if e != "activity" or _recent(state) or data.get("activity")]
    items = [choice(text("reflect.save", language), "review", "save")]
    items += [choice(text(f"reflect.edit.{e}", language), "review", e) for e in edits]
    hint = text_message(text("reflect.review_hint", language), items)
    return [*_notices(state), card, hint]


def _read_review(answer: Answer, state: FlowState) -> None:
    state.data.pop("_notice", None)
    if answer.kind == "choice" and answer.value in EDITS:
        raise GoTo(answer.value, come_back=True)
    if answer.kind == "choice" and answer.value == "save":
        return
    if answer.kind == "text" and normalize(answer.text or "") in {
        normalize(word) for word in variants("reflect.save")
    }:
        return
    raise Invalid("flow.want_choice")


def _finish(state: FlowState) -> list[dict]:
    ctx, data, language = state.ctx, state.data, state.language
    now = ctx.clock()
    answers = {part: data.get(part) for part in PARTS}
    activity_id = (data.get("activity") or {}).get("id")
    criteria = data.get("criteria") or []
    if data.get("edit_id"):
        reflection = reflections.get_for_member(ctx.session, ctx.member.id, data["edit_id"])
        if reflection is None or not reflections.is_editable(reflection, now):
            return [text_message(text("reflect.edit_expired", language), main_menu(language))]
        reflections.update(reflection, answers, criteria, activity_id, now)
        return [text_message(text("reflect.updated", language), main_menu(language))]
    reflections.save(ctx.session, ctx.member, answers, criteria, activity_id, now)
    edit = command_action(text("reflect.edit_button", language), "edit_reflection")
    return [text_message(text("reflect.saved", language), [edit, *main_menu(language)])]


reflect = Flow(
    name="reflect",
    title_key="action.reflect",
    keywords=(*variants("action.reflect"), "reflection", "lessons learned"),
    steps=(
        Step("activity", _ask_activity, _read_activity, stores=False, choose=True),
        *(
            Step(part, _ask_part(part), _read_part(part), optional=part in OPTIONAL)
            for part in PARTS
        ),
        Step("tags", _ask_tags, read_tags, stores=False, choose=True),
        Step("review", _ask_review, _read_review, stores=False, choose=True, confirms=True),
    ),
    finish=_finish,
    begin=_begin,
    first=_first,
)
