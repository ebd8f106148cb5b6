"""The five-criteria self-assessment: each question rated 1–5, an optional note, then feedback."""

from __future__ import annotations

from handlers.engine import choice
from handlers.feedback import feedback_message
from handlers.flow import Answer, Flow, FlowState, GoTo, Invalid, Step
from handlers.keywords import normalize
from handlers.longtext import clean, trim
from handlers.questionnaire import MAX_QUESTIONS, Questionnaire, questionnaire_of
from handlers.understanding.answers import number_said
from messages.builders import main_menu, text_message
from messages.catalog import text, variants
from storage import assessments
from storage.assessments import Rating

NOTE_LIMIT = 300  # "a short evidence note"
REVIEW = "review"
REVIEW_NOTE = 120  # characters of a note the review card shows


def _questionnaire(state: FlowState) -> Questionnaire:
    return questionnaire_of(state.ctx)


def _stale(state: FlowState) -> bool:
    """True when staff changed the questionnaire since this member started answering it."""
    return state.data.get("version") != _questionnaire(state).version


def _restart(state: FlowState) -> None:
    # Answers to the old wording cannot be mixed with the new: begin again at question 1.
    state.data.clear()
    state.data.update(version=_questionnaire(state).version, _restarted=True)
    raise GoTo("rate_0")


def _begin(state: FlowState) -> None:
    state.data["version"] = _questionnaire(state).version


def _notices(state: FlowState) -> list[dict]:
    language, notices = state.language, []
    if state.data.get("_restarted"):
        notices.append(text_message(text("assess.restarted", language)))
    notice = state.data.get("_notice")
    if notice:
        notices.append(
            text_message(text("assess.note_trimmed", language, limit=NOTE_LIMIT, **notice))
        )
    return notices


def _updated(state: FlowState, step: str) -> list[dict]:
    restart = choice(text("flow.resume_restart", state.language), step, "restart")
    return [text_message(text("assess.updated", state.language), [restart])]


def _forget_notices(state: FlowState) -> None:
    state.data.pop("_notice", None)
    state.data.pop("_restarted", None)


def _ask_rate(index: int):
    def ask(state: FlowState) -> list[dict]:
        if _stale(state):
            return _updated(state, f"rate_{index}")
        questionnaire, language = _questionnaire(state), state.language
        question = questionnaire.questions[index]
        scale = "\n".join(
            f"{level.value} = {level.meaning(language)}" for level in questionnaire.scale
        )
        lead = []
        if index == 0 and questionnaire.intro(language):
            lead = [
                text_message(f"{questionnaire.title(language)}\n{questionnaire.intro(language)}")
            ]
        body = text(
            "assess.ask_rate", language, number=index + 1, total=len(questionnaire.questions),
            label=question.label(language), question=question.text(language), scale=scale,
        )  # fmt: skip
        items = [
            choice(level.button(language), f"rate_{index}", str(level.value),
                   f"{level.value} = {level.meaning(language)}")
            for level in questionnaire.scale
        ]  # fmt: skip
        return [*_notices(state), *lead, text_message(body, items)]

    return ask


def _score(answer: Answer, questionnaire: Questionnaire) -> int:
    if answer.kind == "choice":
        typed = answer.value or ""
    elif answer.kind == "text":
        typed = normalize(answer.text or "")
        for level in questionnaire.scale:  # the button's words typed instead of tapped
            words = (*(level.button(lang) for lang in ("th", "en")), level.meaning("th"),
                     level.meaning("en"))  # fmt: skip
            if typed in {normalize(word) for word in words}:
                return level.value
    else:
        raise Invalid("assess.want_score")
    if typed in {str(level.value) for level in questionnaire.scale}:
        return int(typed)
    said = number_said(answer.text or "") if answer.kind == "text" else None  # "สามค่ะ", "4 คะแนน"
    if said is not None and said in {level.value for level in questionnaire.scale}:
        return said
    raise Invalid("assess.want_score")


def _read_rate(index: int):
    def read(answer: Answer, state: FlowState) -> int:
        if _stale(state):
            _restart(state)
        _forget_notices(state)
        return _score(answer, _questionnaire(state))

    return read


def _ask_note(index: int):
    def ask(state: FlowState) -> list[dict]:
        if _stale(state):
            return _updated(state, f"note_{index}")
        question = _questionnaire(state).questions[index]
        body = text("assess.ask_note", state.language, number=index + 1,
                    label=question.label(state.language), limit=NOTE_LIMIT)  # fmt: skip
        return [text_message(body)]

    return ask


def _read_note(index: int):
    def read(answer: Answer, state: FlowState) -> str:
        if _stale(state):
            _restart(state)
        _forget_notices(state)
        if answer.kind != "text" or not clean(answer.text or ""):
            raise Invalid("flow.want_text")
        note, trimmed = trim(clean(answer.text or ""), NOTE_LIMIT)
        if trimmed:
            state.data["_notice"] = {"number": index + 1, "tail": note[-21:]}
        return note

    return read


def _after_note(index: int):
    def following(state: FlowState) -> str | None:
        if state.data.pop("_editing", None):
            return REVIEW  # one answer changed from the review card: show the card again
        more = index + 1 < len(_questionnaire(state).questions)
        return f"rate_{index + 1}" if more else REVIEW

    return following


def _ask_review(state: FlowState) -> list[dict]:
    """Show every answer before saving: save, or change any one of them."""
    if _stale(state):
        return _updated(state, REVIEW)
    questionnaire, language = _questionnaire(state), state.language
    lines = [text("assess.review", language)]
    for index, question in enumerate(questionnaire.questions):
        note = state.data.get(f"note_{index}")
        lines.append(
            text(
                "assess.review_line",
                language,
                number=index + 1,
                label=question.label(language),
                score=state.data.get(f"rate_{index}"),
            )  # fmt: skip
        )
        if note:
            # The card of up to 12 answers stays one message: long notes show their start.
            lines.append(text("assess.review_note", language, note=trim(note, REVIEW_NOTE)[0]))
    items = [choice(text("assess.save", language), REVIEW, "save")]
    items += [
        choice(text("assess.edit_number", language, number=index + 1), REVIEW, f"edit_{index}")
        for index in range(len(questionnaire.questions))
    ]
    return [*_notices(state), text_message("\n".join(lines), items[:13])]


def _read_review(answer: Answer, state: FlowState) -> None:
    if _stale(state):
        _restart(state)
    _forget_notices(state)
    total = len(_questionnaire(state).questions)
    value = answer.value if answer.kind == "choice" else None
    if answer.kind == "text":
        typed = normalize(answer.text or "")
        if typed in {normalize(w) for w in variants("assess.save")} | {"save"}:
            value = "save"
        elif typed.isdigit() and 1 <= int(typed) <= total:
            value = f"edit_{int(typed) - 1}"
    if value == "save":
        return None
    if value and value.startswith("edit_") and value[5:].isdigit() and int(value[5:]) < total:
        state.data["_editing"] = True
        raise GoTo(f"rate_{int(value[5:])}")
    raise Invalid("assess.review_hint", total=total)


def _finish(state: FlowState) -> list[dict]:
    ctx, data, questionnaire = state.ctx, state.data, _questionnaire(state)
    ratings = [
        Rating(question.key, question.criterion, data[f"rate_{index}"], data.get(f"note_{index}"))
        for index, question in enumerate(questionnaire.questions)
    ]
    saved = assessments.save(ctx.session, ctx.member, questionnaire.version, ratings, ctx.clock())
    thanks = text_message(text("assess.thanks", ctx.language))
    return [*_notices(state), thanks, feedback_message(ctx, saved, main_menu(ctx.language))]


def _steps() -> tuple[Step, ...]:
    # The flow has room for the longest questionnaire allowed; a shorter one ends early.
    steps: list[Step] = []
    for index in range(MAX_QUESTIONS):
        steps.append(Step(f"rate_{index}", _ask_rate(index), _read_rate(index), choose=True))
        steps.append(Step(f"note_{index}", _ask_note(index), _read_note(index), optional=True,
                          then=_after_note(index)))  # fmt: skip
    steps.append(Step(REVIEW, _ask_review, _read_review, stores=False, choose=True, confirms=True))
    return tuple(steps)


assess = Flow(
    name="assess",
    title_key="action.assess",
    keywords=(*variants("action.assess"), "แบบประเมิน", "ประเมิน", "assess", "assessment"),
    steps=_steps(),
    finish=_finish,
    begin=_begin,
)
