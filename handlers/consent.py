"""Consent first (PDPA): until a member agrees, the bot keeps nothing but their decision."""

from __future__ import annotations

from urllib.parse import parse_qs

from linebot.v3.webhooks import Event, FollowEvent, MessageEvent, PostbackEvent, TextMessageContent

from handlers.context import Context
from handlers.keywords import normalize
from handlers.parsing.dates import BUDDHIST_ERA_OFFSET
from handlers.parsing.vocabulary import THAI_MONTHS_SHORT
from handlers.understanding.answers import bare_words
from messages.builders import text_message
from messages.catalog import text, variants
from storage import members
from storage.models.members import CONSENT_DECLINED, CONSENT_GIVEN

NOTICE_VERSION = "2026-11"
# Words around a decision that change nothing: "โอเคค่ะ ยินยอมค่ะ", "ขอยินยอมอีกครั้งค่ะ".
CONSENT_FILLERS = frozenset(
    "โอเค ok okay ตกลง ขอ อีก ครั้ง อีกครั้ง ใหม่ ได้ แล้ว ให้ เก็บ ใช้ ข้อมูล และ ยินดี ยัง กลับ มา "
    "กลับมา เปลี่ยนใจ ค่ะ ครับ i again changed my mind".split()
)
# Agreeing in other words, with nothing else said ("ตกลงค่ะ ยินดีให้ข้อมูลค่ะ"); "ไม่" and any
# other word left over keep it from counting ("ไม่ตกลง", "โอเค" alone).
AGREEING = frozenset({"ตกลง", "ยินดี"})
SAID = {"ยินยอม": ("yes", "th"), "ไม่ยินยอม": ("no", "th"), "agree": ("yes", "en"),
        "disagree": ("no", "en")}  # fmt: skip


def _button(label: str, data: str) -> dict:
    return {
        "type": "action",
        "action": {"type": "postback", "label": label, "data": data, "displayText": label},
    }


def notice(language: str, lead: str | None = None) -> list[dict]:
    """Build the privacy notice with agree / decline / other-language buttons."""
    other = "en" if language == "th" else "th"
    buttons = [
        _button(text("consent.agree", language), f"consent=yes&lang={language}"),
        _button(text("consent.decline", language), f"consent=no&lang={language}"),
        _button(text("action.language", language), f"consent=show&lang={other}"),
    ]
    messages = [text_message(text(lead, language))] if lead else []
    return [
        *messages,
        text_message(
            text("consent.notice", language, version=notice_version(NOTICE_VERSION, language)),
            buttons,
        ),
    ]


def notice_version(version: str, language: str) -> str:
    """Name a notice version ("2026-11") as members read it: "พ.ย. 2569" in Thai (Buddhist era),
    "2026-11" in English; anything else as stored."""
    year, _, month = version.partition("-")
    if language == "en" or not (year.isdigit() and month.isdigit() and 1 <= int(month) <= 12):
        return version
    return f"{THAI_MONTHS_SHORT[int(month) - 1]} {int(year) + BUDDHIST_ERA_OFFSET}"


def _decision(event: Event) -> tuple[str | None, str]:
    """Read a consent decision (and its language) from a button or from typed words."""
    if isinstance(event, PostbackEvent):
        fields = {k: v[0] for k, v in parse_qs(event.postback.data or "").items()}
        if "consent" in fields:
            return fields["consent"], fields.get("lang", "th")
        if fields.get("cmd") in ("english", "thai"):
            return "show", "en" if fields["cmd"] == "english" else "th"
    if isinstance(event, MessageEvent) and isinstance(event.message, TextMessageContent):
        typed = normalize(event.message.text)
        for key, decision in (("consent.agree", "yes"), ("consent.decline", "no")):
            for language in ("th", "en"):
                if typed == normalize(text(key, language)):
                    return decision, language
        if typed in {normalize(w) for w in (*variants("action.language"), "english", "thai")}:
            return "show", "en" if typed in ("english", "eng") else "th"
        said = "".join(bare_words(event.message.text, CONSENT_FILLERS))
        if said in SAID:
            return SAID[said]
        if not said and AGREEING & set(bare_words(event.message.text)):
            return "yes", "th"
    return None, "th"


def before_consent(
    event: Event, ctx: Context, lead: str = "consent.needed"
) -> tuple[list[dict], str, bool]:
    """Answer someone who has not consented; return (messages, outcome, just_agreed).
    `lead` opens the notice when it is shown again (a greeting is greeted, not apologised to)."""
    decision, language = _decision(event)
    now = ctx.clock()
    if decision == "yes":
        member = members.get_or_create(ctx.session, ctx.user_id)
        member.consent_status = CONSENT_GIVEN
        member.consent_version = NOTICE_VERSION
        member.consent_decided_at = now
        member.language = language
        member.following = True
        ctx.member, ctx.language = member, language
        return [text_message(text("consent.thanks", language))], "consent:given", True
    if decision == "no":
        member = members.get_or_create(ctx.session, ctx.user_id)
        member.consent_status = CONSENT_DECLINED
        member.consent_version = NOTICE_VERSION
        member.consent_decided_at = now
        return [text_message(text("consent.declined", language))], "consent:declined", False
    if decision == "show":
        return notice(language), "consent:notice", False
    if isinstance(event, FollowEvent):
        return notice(ctx.language), "consent:welcome", False
    return notice(ctx.language, lead=lead), lead.replace(".", ":"), False
