"""Read a typed answer as one of the step's buttons ("เด็กและเยาวชน" → เด็กและเยาวชนคุณธรรม)."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import parse_qs

from rapidfuzz import fuzz

from handlers.understanding.meaning import key_of, keys_of

# Said to a step whose button saves, confirms or finishes: that button ("บันทึกเลยค่ะ", "โอเค").
AGREE_WORDS = (
    "โอเค", "โอเคค่ะ", "ok", "okay", "ได้", "ได้เลย", "ตกลง", "ใช่", "ยืนยัน", "บันทึก", "บันทึกเลย",
    "เซฟ", "save", "yes", "confirm", "ถูกต้อง", "จัดไป", "โอเคเลย",
)  # fmt: skip
AGREE_VALUES = ("save", "confirm", "done")
# "I'm done with this step": finishes a step (the photos, the criteria), never saves a card.
FINISH_WORDS = ("เสร็จ", "เสร็จแล้ว", "done", "เรียบร้อย", "เรียบร้อยแล้ว", "ครบแล้ว", "หมดแล้ว",
                # Session 10's walk, at the photos: "พอแล้วค่ะ รูปเดียว" was refused.
                "พอแล้ว", "พอ", "แค่นี้", "มีแค่นี้", "รูปเดียว", "พอแล้ว รูปเดียว", "มีรูปเดียว",
                "แค่รูปเดียว", "enough", "that's all")  # fmt: skip
FINISH_VALUES = ("done",)
# Said to a step with a "none" button ("ไม่มีค่ะ", "ไม่เกี่ยว").
NONE_WORDS = (
    "ไม่มี", "ไม่มีเลย", "ไม่", "none", "no", "nothing", "ไม่เกี่ยว", "ไม่ได้ทำ", "ไม่เกี่ยวกับกิจกรรม",
    "ไม่มีกิจกรรม", "ไม่ได้มาจากกิจกรรม", "ไม่ระบุ", "ไม่มีรูป", "ไม่ได้ถ่ายรูป", "ไม่ได้ถ่ายรูปไว้",
    "ไม่ได้ถ่าย", "ลืมถ่ายรูป", "ไม่มีภาพ",
)  # fmt: skip
NONE_VALUES = ("none", "done")
# "The same as before": the step's suggestion (the current organisation, name or province).
KEEP_WORDS = (
    "เหมือนเดิม", "ที่เดิม", "อันเดิม", "เดิม", "ไม่เปลี่ยน", "ใช้อันเดิม", "ใช้ที่เดิม", "ใช้ชื่อเดิม",
    "ชื่อเดิม", "same", "keep", "same as before",
)  # fmt: skip
KEEP_VALUES = ("keep", "suggested")
# Words that may make up a longer agreement ("ถูกต้องค่ะ บันทึกได้เลย"): every word must be one.
AGREE_PARTS = frozenset(
    "ถูกต้อง บันทึก ได้ โอเค ตกลง ยืนยัน ใช่ เซฟ จัดไป ครบ ok okay yes save confirm".split()
)
SURE = 85  # a typed answer this close to one button (and clearly nearer it than any other) is it


@lru_cache(maxsize=1)
def _said_keys() -> tuple[frozenset[str], ...]:
    # Tokenised on first use, never at import.
    said = (AGREE_WORDS, FINISH_WORDS, NONE_WORDS, KEEP_WORDS)
    return tuple(frozenset(map(key_of, words)) for words in said)


@lru_cache(maxsize=2048)
def _label_keys(shown: str) -> tuple[str, str, tuple[str, ...]]:
    # Buttons come back at every step: read each label once.
    return keys_of(shown)


def finished(typed: str) -> bool:
    """True when the member said they are done ("เสร็จแล้วค่ะ", "done")."""
    return key_of(typed) in _said_keys()[1]


def buttons_of(messages: list[dict], step: str) -> list[tuple[tuple[str, ...], str]]:
    """Return (label and shown text, value) for the step's own buttons (not back/skip/cancel)."""
    found = []
    items = messages[-1].get("quickReply", {}).get("items", []) if messages else []
    for item in items:
        action = item.get("action", {})
        if action.get("type") != "postback":
            continue
        fields = {k: v[0] for k, v in parse_qs(action.get("data", "")).items()}
        value = fields.get("v", "")
        if fields.get("s") == step and value and not value.startswith("!"):
            found.append(((action["label"], action.get("displayText") or ""), value))
    return found


def button_for(
    typed: str, buttons: list[tuple[tuple[str, ...], str]], *, loose: bool = True
) -> str | None:
    """Return the value of the button `typed` means, or None when it fits none (or two).

    `loose` (a step whose answer must be a button): near words and typos count. Otherwise (a
    free-text step that also suggests something) only a button's own label counts, particles
    aside: "สมศรี ค่ะ" is the "สมศรี" button, "สมศรีย์" is a name of its own.
    """
    said, polite, said_words = keys_of(typed)
    if not said or not buttons:
        return None
    values = [value for _, value in buttons]
    agree, finish, none, keep = _said_keys()
    if said in keep:
        # The suggestion kept: its own value, or the one button a free-text step offers.
        kept = [v for v in KEEP_VALUES if v in values] or (values if len(values) == 1 else [])
        if kept:
            return kept[0]
    if not loose:
        exact = {value for texts, value in buttons for shown in texts
                 if shown and _label_keys(shown)[1] == polite}  # fmt: skip
        return exact.pop() if len(exact) == 1 else None
    # Every word of a longer reply agreeing ("ถูกต้องค่ะ บันทึกได้เลย") is agreeing.
    agreeing = said in agree or (len(said_words) > 1 and set(said_words) <= AGREE_PARTS)
    for meant_it, wanted in (
        (agreeing, AGREE_VALUES), (said in finish, FINISH_VALUES), (said in none, NONE_VALUES)
    ):  # fmt: skip
        meant = next((v for v in wanted if v in values), None) if meant_it else None
        if meant is not None:
            return meant
    scored = sorted(
        (
            (max(_score(said, said_words, *_label_keys(shown)[::2]) for shown in texts), value)
            for texts, value in buttons
        ),
        reverse=True,
    )
    top, value = scored[0]
    runner = scored[1][0] if len(scored) > 1 else 0.0
    return value if top >= SURE and top - runner >= 5 else None


def _score(said: str, said_words: tuple[str, ...], label: str, words: tuple[str, ...]) -> float:
    if not label:
        return 0.0
    if said == label:
        return 100.0
    score = fuzz.ratio(said, label)
    if len(said) >= 4 and len(said) * 2 >= len(label) and said in label:
        score = max(score, 90.0)  # the start or heart of a long label: "เด็กและเยาวชน"
    if not any(map(str.isdigit, said)) and (_run_in(said_words, words) or _end_of(said, label)):
        score = max(score, 88.0)  # whole words, or the start or end, of a label: "ไทย", "ภาษาไทย"
    return score


def _end_of(said: str, label: str) -> bool:
    """True when `said` begins or ends the label, is 40% of it or more, and what it leaves out is
    no "not" ("ลบ" is not "ไม่ลบ")."""
    if len(said) < 3 or len(said) * 5 < len(label) * 2:
        return False
    if label.startswith(said):
        rest = label[len(said) :]
    elif label.endswith(said):
        rest = label[: -len(said)]
    else:
        return False
    return "ไม่" not in rest and "not" not in rest


def _run_in(part: tuple[str, ...], words: tuple[str, ...]) -> bool:
    size = len(part)
    return size < len(words) and any(
        words[i : i + size] == part for i in range(len(words) - size + 1)
    )
