"""Read "go back", "cancel" and "skip" said in a member's own words at a step ("อุ๊ย ผิด ย้อนกลับค่ะ").

Only a short message that is nothing but the request counts: the words of an oops ("อุ๊ย",
"ผิด", "ขอโทษ") and polite particles are set aside, and what is left must be one of the
phrasings below. Anything more ("ย้อนกลับไปดูป่าที่ปลูก") stays an answer.
"""

from __future__ import annotations

from functools import lru_cache

from handlers.understanding.normalise import normalise
from handlers.understanding.words import PARTICLES, tokens

LONGEST = 40  # characters: a longer message is an answer
OOPS = frozenset(
    "อุ๊ย อุ้ย อ๊ะ อ้ะ โอ๊ะ โอ้ะ ผิด พิมพ์ ตอบ กด ขอโทษ โทษที ขอ เดี๋ยว ช่วย ไป oops sorry wrong".split()
)
PHRASES = {
    "back": (
        "ย้อนกลับ", "กลับ", "ย้อน", "ก่อนหน้า", "ข้อก่อนหน้า", "กลับไปแก้", "แก้ข้อก่อนหน้า",
        "กลับไปข้อก่อนหน้า", "ย้อนกลับไปข้อก่อนหน้า", "แก้ข้อที่แล้ว", "กลับไปข้อที่แล้ว", "ถอยกลับ",
        "แก้ไขข้อก่อนหน้า", "ย้อนไปแก้", "กลับไปแก้ไข", "back", "go back", "previous",
    ),
    # "แล้ว" (any more) makes it about the whole conversation: "ไม่เอา" alone may answer a step.
    # "ข้ามข้อนี้ค่ะ" is a skip, never the answer (a required step says it cannot be skipped).
    "skip": ("ข้าม", "ข้ามข้อนี้", "ข้ามไปก่อน", "ข้ามข้อนี้ไปก่อน", "ผ่านข้อนี้", "skip", "skip this",
             "skip this one", "skip this question",
             # The teacher's walk (20:20): asking, or saying there is nothing, is a skip too.
             "ข้ามข้อนี้ได้ไหม", "ข้ามได้ไหม", "ข้ามไปเลย", "ผ่านไปเลย", "ผ่านไปก่อน", "ผ่านข้อนี้ไปเลย",
             "ข้อนี้ไม่มี", "ข้อนี้ไม่มี ผ่านไปเลย", "ข้อนี้ไม่มี ข้ามไปเลย", "ไม่มี ผ่านไปเลย",
             "ไม่มี ข้ามไปเลย", "ข้อนี้ไม่มี ข้าม",
             # Session 10's walk: "ไม่มีค่ะ ข้ามไปก่อนนะคะ" was saved as the answer.
             "ไม่มี ข้าม", "ไม่มี ข้ามไปก่อน", "ไม่มี ผ่านไปก่อน", "ข้อนี้ไม่มี ข้ามไปก่อน"),
    "cancel": ("ยกเลิก", "ไม่เอาแล้ว", "ไม่บันทึกแล้ว", "ไม่ทำต่อแล้ว", "เลิกทำ", "ยกเลิกทั้งหมด", "cancel",
               # "ยกเลิกก่อนนะคะ เดี๋ยวค่อยทำใหม่": cancel now, do it again later.
               "ยกเลิกก่อน", "ยกเลิกไปก่อน", "ยกเลิกก่อน ค่อยทำใหม่", "ยกเลิกก่อน ไว้ค่อยทำใหม่",
               "ยกเลิก ค่อยทำใหม่", "ยกเลิกก่อน ทำใหม่ทีหลัง",
               # Session 10's walk, the other way round: "เดี๋ยวค่อยทำนะคะ ยกเลิกก่อนค่ะ" was an answer.
               "ค่อยทำ ยกเลิกก่อน", "ค่อยทำใหม่ ยกเลิกก่อน", "ไว้ค่อยทำ ยกเลิกก่อน",
               "ค่อยทำทีหลัง ยกเลิกก่อน", "ยกเลิกก่อน ค่อยทำ", "ยกเลิกก่อน ไว้ค่อยทำ"),
}  # fmt: skip


def _key(text: str) -> str:
    return "".join(w for w in tokens(normalise(text)) if w not in PARTICLES and w not in OOPS)


@lru_cache(maxsize=1)
def _phrase_keys() -> dict[str, str]:
    # Tokenised on first use, never at import.
    return {_key(phrase): name for name, phrases in PHRASES.items() for phrase in phrases}


def control_said(text: str) -> str | None:
    """Return "back", "cancel" or "skip" when the whole message asks for it, else None."""
    if not text or len(text) > LONGEST:
        return None
    key = _key(text)
    return _phrase_keys().get(key) if key else None
