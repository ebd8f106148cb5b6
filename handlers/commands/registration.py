"""Registration and profile editing: name, network, organisation, province, language, review."""

from __future__ import annotations

from functools import lru_cache

from handlers import districts
from handlers.engine import choice
from handlers.flow import Answer, Flow, FlowState, GoTo, Invalid, Step
from handlers.keywords import normalize
from handlers.labels import check_label, tidy
from handlers.provinces import find_province
from handlers.understanding.answers import without_particles
from handlers.understanding.buttons import AGREE_WORDS, FINISH_WORDS
from handlers.understanding.meaning import key_of
from messages.builders import say, text_message
from messages.catalog import text, variants
from storage import members, organisations

DEFAULT_PROVINCE = "เชียงราย"
# Replies that are never what a member wants to be called.
REPLY_WORDS = (*AGREE_WORDS, *FINISH_WORDS, "ไม่", "ไม่ใช่", "ยกเลิก", "no")
EDITABLE = ("name", "network", "organisation", "province", "language", "district")


def _typed(answer: Answer, low: int, high: int, problem: str) -> str:
    if answer.kind != "text":
        raise Invalid("flow.want_text")
    typed = without_particles(tidy(answer.text))  # "สมศรี ค่ะ" is สมศรี
    return check_label(typed, low, high, empty=f"{problem}_no_letters", length=problem)


def _begin(state: FlowState) -> None:
    """Fill in what we know: the member's saved details, else their LINE profile name."""
    member = state.ctx.member
    if member is not None and member.registered:
        state.data.update(
            name=member.display_name, network=member.network, organisation=member.organisation,
            organisation_id=member.organisation_id, province=member.province,
            language=member.language, editing=True,
            district=districts.of_organisation(state.ctx.session, member.organisation_id),
        )  # fmt: skip
        return
    profile = None
    if state.ctx.gateway is not None and state.ctx.user_id:
        try:
            profile = state.ctx.gateway.get_profile(state.ctx.user_id)
        except Exception:  # noqa: BLE001 - a missing profile only means we ask for the name
            profile = None
    state.data["line_name"] = (profile or {}).get("display_name")
    state.data["language"] = state.language


def _ask_name(state: FlowState) -> list[dict]:
    suggestion = state.data.get("name") or state.data.get("line_name")
    if not suggestion:
        return [text_message(text("register.ask_name_plain", state.language))]
    lead = (
        [] if state.data.get("editing") else [text_message(text("register.first", state.language))]
    )
    item = choice(suggestion[:20], "name", "suggested", suggestion)
    return [*lead, text_message(text("register.ask_name", state.language), [item])]


def _read_name(answer: Answer, state: FlowState) -> str:
    if answer.kind == "choice" and answer.value == "suggested":
        return state.data.get("name") or state.data.get("line_name") or ""
    name = _typed(answer, 1, 100, "register.bad_name")
    if key_of(name) in _reply_keys():
        # "ยินยอมค่ะ" or "โอเค" sent twice lands here: a reply, not what to call the member.
        raise Invalid("register.name_is_a_reply", typed=name[:30])
    return name


@lru_cache(maxsize=1)
def _reply_keys() -> frozenset[str]:
    said = (*REPLY_WORDS, *variants("consent.agree"), *variants("consent.decline"))
    return frozenset(key_of(word) for word in said)


def _ask_network(state: FlowState) -> list[dict]:
    items = [choice(n.label(state.language), "network", n.key, n.name(state.language))
             for n in state.ctx.networks]  # fmt: skip
    return [text_message(text("register.ask_network", state.language), items)]


def _read_network(answer: Answer, state: FlowState) -> str:
    keys = {n.key for n in state.ctx.networks}
    if answer.kind == "choice" and answer.value in keys:
        return answer.value
    for network in state.ctx.networks:  # typed instead of tapped
        if answer.text and answer.text.strip() in (
            network.name_th,
            network.label_th,
            network.name_en,
        ):
            return network.key
    raise Invalid("flow.want_choice")


def _ask_organisation(state: FlowState) -> list[dict]:
    current = state.data.get("organisation")
    items = [choice(current[:20], "organisation", "keep", current)] if current else []
    return [text_message(text("register.ask_organisation", state.language), items)]


def _read_organisation(answer: Answer, state: FlowState) -> str:
    """Take the typed name: an exact record, close matches to pick from, or a new organisation."""
    if answer.kind == "choice" and answer.value == "keep":
        return state.data["organisation"]
    typed = _typed(answer, 2, 200, "register.bad_organisation")
    session = state.ctx.session
    exact = organisations.find_exact(session, typed)
    if exact is not None:
        state.data.update(organisation_id=exact.id, organisation_typed=typed,
                          district=exact.district, district_given=False)  # fmt: skip
        return exact.name
    matches = organisations.suggest(session, typed)
    state.data.update(organisation_id=None, organisation_typed=typed)
    if not matches:
        return typed
    state.data["organisation_matches"] = [[org.id, org.name] for org in matches]
    raise GoTo("organisation_pick")


def _ask_organisation_pick(state: FlowState) -> list[dict]:
    language, matches = state.language, state.data.get("organisation_matches") or []
    typed = state.data.get("organisation_typed") or ""
    listing = "\n".join(f"{i}. {name}" for i, (_, name) in enumerate(matches, start=1))
    items = [choice(name[:20], "organisation_pick", str(org_id), name) for org_id, name in matches]
    items.append(choice(text("register.org_new", language), "organisation_pick", "new", typed))
    items.append(choice(text("register.org_retype", language), "organisation_pick", "retype"))
    message = text("register.ask_org_pick", language, typed=typed[:60], matches=listing)
    return [text_message(message, items)]


def _read_organisation_pick(answer: Answer, state: FlowState) -> None:
    matches = state.data.get("organisation_matches") or []
    value = answer.value if answer.kind == "choice" else None
    typed = (answer.text or "").strip() if answer.kind == "text" else ""
    if value == "retype" or typed in variants("register.org_retype"):
        raise GoTo("organisation")
    if value == "new" or typed in variants("register.org_new"):
        state.data.update(organisation=state.data.get("organisation_typed"), organisation_id=None,
                          district=None, district_given=False)  # fmt: skip
        return None
    for org_id, name in matches:
        if value == str(org_id) or (typed and typed == name):
            state.data.update(organisation=name, organisation_id=org_id, district_given=False,
                              district=districts.of_organisation(state.ctx.session, org_id))  # fmt: skip
            return None
    raise Invalid("flow.want_choice")


def _ask_province(state: FlowState) -> list[dict]:
    current = state.data.get("province") or DEFAULT_PROVINCE
    return [text_message(text("register.ask_province", state.language),
                         [choice(current, "province", current)])]  # fmt: skip


def _read_province(answer: Answer, state: FlowState) -> str:
    if answer.kind == "choice":
        typed = answer.value or ""
    elif answer.kind == "text":
        typed = tidy(answer.text)
    else:
        raise Invalid("flow.want_text")
    province = find_province(typed)
    if province is None:
        raise Invalid("register.bad_province", typed=typed[:30])
    return province


def _ask_language(state: FlowState) -> list[dict]:
    items = [choice("ภาษาไทย", "language", "th"), choice("English", "language", "en")]
    return [text_message(text("register.ask_language", state.language), items)]


def _read_language(answer: Answer, state: FlowState) -> str:
    if answer.kind == "choice" and answer.value in ("th", "en"):
        value = answer.value
    elif answer.kind == "text" and normalize(answer.text or "") in (
        "english",
        "eng",
        "en",
        "อังกฤษ",
        "ภาษาอังกฤษ",
    ):
        value = "en"
    elif answer.kind == "text" and normalize(answer.text or "") in ("ภาษาไทย", "ไทย", "thai"):
        value = "th"
    else:
        raise Invalid("flow.want_choice")
    state.ctx.language = value  # answer the rest in the chosen language
    return value


def _read_district(answer: Answer, state: FlowState) -> str:
    state.data["district_given"] = True
    return districts.read(answer, state)


def _ask_review(state: FlowState) -> list[dict]:
    language, data = state.language, state.data
    network = next((n for n in state.ctx.networks if n.key == data.get("network")), None)
    summary = text(
        "register.review", language, name=data.get("name"), organisation=data.get("organisation"),
        network=network.name(language) if network else "-", province=data.get("province"),
        district=data.get("district") or "-",
        lang_name=text(f"language.name_{data.get('language', 'th')}", language),
    )  # fmt: skip
    items = [choice(text("register.save", language), "review", "save")]
    items += [
        choice(text(f"register.edit_{field}", language), "review", field) for field in EDITABLE
    ]
    return [text_message(summary, items)]


def _read_review(answer: Answer, state: FlowState) -> None:
    if answer.kind == "choice" and answer.value in EDITABLE:
        raise GoTo(answer.value, come_back=True)
    if answer.kind == "choice" and answer.value == "save":
        return None
    if answer.kind == "text" and answer.text and answer.text.strip() in variants("register.save"):
        return None
    raise Invalid("flow.want_choice")


def _finish(state: FlowState) -> list[dict]:
    ctx, data = state.ctx, state.data
    member = ctx.member or members.get_or_create(ctx.session, ctx.user_id)
    member.display_name = data["name"]
    member.network = data["network"]
    _link_organisation(state, member)
    member.province = data["province"]
    member.language = data["language"]
    first_time = member.registered_at is None
    if first_time:
        member.registered_at = ctx.clock()
    ctx.language = member.language
    if first_time:
        return [say("register.done", member.language, menu=True, name=member.display_name)]
    return [say("register.updated", member.language, menu=True)]


def _link_organisation(state: FlowState, member) -> None:
    """Link the member to the picked organisation, or store the one they added as a new record."""
    data, session = state.data, state.ctx.session
    org = (
        organisations.get(session, data["organisation_id"]) if data.get("organisation_id") else None
    )
    if org is None:
        org = organisations.find_exact(session, data["organisation"]) or organisations.create(
            session, data["organisation"], province=data.get("province"),
            network=data.get("network"), now=state.ctx.clock(),
        )  # fmt: skip
    organisations.link(session, member, org, data.get("organisation_typed") or data["organisation"])
    districts.keep_on(org, state)


registration = Flow(
    name="register",
    title_key="register.title",
    keywords=("ลงทะเบียน", "register", "แก้ไขข้อมูล", "แก้ไขโปรไฟล์", "edit profile"),
    steps=(
        Step("name", _ask_name, _read_name),
        Step("network", _ask_network, _read_network, choose=True),
        Step("organisation", _ask_organisation, _read_organisation, then="province"),
        Step(
            "organisation_pick",
            _ask_organisation_pick,
            _read_organisation_pick,
            stores=False,
            choose=True,
        ),
        Step("province", _ask_province, _read_province),
        Step("language", _ask_language, _read_language, then="review", choose=True),
        # Reached from the review's "แก้อำเภอ" button only, so registration stays short.
        Step("district", districts.ask, _read_district, optional=True),
        Step("review", _ask_review, _read_review, stores=False, choose=True, confirms=True),
    ),
    finish=_finish,
    begin=_begin,
    access="consented",
)
