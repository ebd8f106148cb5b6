"""Texts of meeting answers beyond the card: groups, names behind counts, reminding, quota, words."""

ENTRIES = {
    # LINE groups
    "meeting.audience.group_named": {"th": "กลุ่ม {name}", "en": "Group {name}"},
    "meeting.card.group_answer_note": {
        "th": "แตะปุ่มเพื่อตอบได้เลยค่ะ น้องคุณธรรมบันทึกเงียบ ๆ ไม่ตอบในกลุ่ม "
        "ดูคำตอบของคุณได้ที่ ประชุมของฉัน ในแชตส่วนตัว",
        "en": "Tap a button to answer: it is saved quietly, with no reply in the group. "
        "See your answer in My meetings in your private chat with the bot.",
    },
    "meeting.group.rsvp_not_registered": {
        "th": "ขออภัยค่ะ ยังบันทึกคำตอบนี้ไม่ได้ ผู้ตอบต้องเพิ่มน้องคุณธรรมเป็นเพื่อนและลงทะเบียนก่อน "
        "แล้วแตะปุ่มบนการ์ดอีกครั้งนะคะ",
        "en": "Sorry, this answer could not be saved: add the bot as a friend and register first, "
        "then tap the card's button again.",
    },
    "meeting.group.rsvp_closed": {
        "th": "“{title}” ไม่รับคำตอบแล้วค่ะ (ยกเลิกหรือเริ่มไปแล้ว)",
        "en": "“{title}” takes no more answers (cancelled or already started).",
    },
    "meeting.group.waiting_unnamed": {
        "th": "ยังไม่ตอบในกลุ่ม: ประมาณ {count} คน (LINE ไม่บอกรายชื่อสมาชิกกลุ่ม)",
        "en": "Not yet answered in the group: about {count} (LINE does not list a group's members)",
    },
}
