"""The member's rights (PDPA): withdraw consent, or delete everything, each after a yes/no."""

from __future__ import annotations

from collections.abc import Callable

from handlers.context import Context
from handlers.engine import choice
from handlers.flow import Answer, Flow, FlowState, Invalid, Step
from handlers.keywords import normalize
from handlers.understanding.answers import yes_or_no
from messages.builders import say, text_message
from messages.catalog import text, variants
from storage import conversations
from storage.erasure import erase_member
from storage.models.members import CONSENT_WITHDRAWN
from storage.scrub import withdraw_pending_pushes

# Typed answers besides the buttons' own labels (which are matched in both languages).
YES_WORDS = ("ใช่", "ยืนยัน", "ตกลง", "yes", "ok", "confirm")
NO_WORDS = ("ไม่", "ไม่ใช่", "no")
DELETE_VERBS = ("ลบ", "ลบทั้งหมด", "ทั้งหมด", "หมด", "delete", "everything", "all")
WITHDRAW_VERBS = ("ถอน", "ถอนความยินยอม", "withdraw")


def _confirm_step(prefix: str, verbs: tuple[str, ...]) -> Step:
    """A yes/no question whose buttons and hint come from `<prefix>.question|yes|no`; `verbs`
    may stand beside a yes or no ("ใช่ค่ะ ลบเลย", "ไม่ลบค่ะ")."""

    def ask(state: FlowState) -> list[dict]:
        language = state.language
        items = [
            choice(text(f"{prefix}.yes", language), "confirm", "yes"),
            choice(text(f"{prefix}.no", language), "confirm", "no"),
        ]
        return [text_message(text(f"{prefix}.question", language), items)]

    def read(answer: Answer, state: FlowState) -> bool:
        if answer.kind == "choice" and answer.value in ("yes", "no"):
            return answer.value == "yes"
        if answer.kind == "text" and answer.text:
            typed = normalize(answer.text)
            if typed in {normalize(w) for w in (*variants(f"{prefix}.yes"), *YES_WORDS)}:
                return True
            if typed in {normalize(w) for w in (*variants(f"{prefix}.no"), *NO_WORDS)}:
                return False
            said = yes_or_no(answer.text, verbs)
            if said is not None:
                return said
        raise Invalid("flow.want_choice")

    return Step("confirm", ask, read, choose=True)


def _known(ctx: Context) -> list[dict] | None:
    """Refuse politely when there is no record of this person at all."""
    if ctx.member is None:
        return [text_message(text("rights.nothing_stored", ctx.language))]
    return None


def _withdraw_guard(ctx: Context) -> list[dict] | None:
    if ctx.member is None or not ctx.member.consented:
        return [text_message(text("rights.withdraw.not_consented", ctx.language))]
    return None


def _finish(on_yes: Callable[[FlowState], list[dict]], kept_key: str):
    def finish(state: FlowState) -> list[dict]:
        if state.data.get("confirm"):
            return on_yes(state)
        member = state.ctx.member
        return [say(kept_key, state.language, menu=bool(member and member.consented))]

    return finish


def _withdraw(state: FlowState) -> list[dict]:
    ctx = state.ctx
    member = ctx.member
    assert member is not None  # the guard let only consented members in
    member.consent_status = CONSENT_WITHDRAWN
    member.consent_decided_at = ctx.clock()
    conversations.end_all(ctx.session, member.line_user_id)
    withdraw_pending_pushes(ctx.session, member.line_user_id)
    # No menu: from now on everything they write is answered with the privacy notice.
    return [text_message(text("rights.withdraw.done", ctx.language))]


def _delete(state: FlowState) -> list[dict]:
    ctx = state.ctx
    language = ctx.language
    erase_member(ctx.session, ctx.user_id or "", ctx.media_dir, ctx.clock())
    ctx.member = None
    return [text_message(text("rights.delete.done", language))]


withdraw = Flow(
    name="withdraw",
    title_key="rights.withdraw.title",
    keywords=("ถอนความยินยอม", "ถอนการยินยอม", "withdraw consent", "withdraw"),
    steps=(_confirm_step("rights.withdraw", WITHDRAW_VERBS),),
    finish=_finish(_withdraw, "rights.withdraw.kept"),
    guard=_withdraw_guard,
    access="always",
)

delete_my_data = Flow(
    name="delete_my_data",
    title_key="rights.delete.title",
    keywords=("ลบข้อมูลของฉัน", "ลบข้อมูล", "delete my data", "delete my account"),
    steps=(_confirm_step("rights.delete", DELETE_VERBS),),
    finish=_finish(_delete, "rights.delete.kept"),
    guard=_known,
    access="always",
)
