"""Texts of the five-criteria self-assessment and its feedback card."""

ENTRIES = {
    "assess.review": {
        "th": "ตรวจคำตอบก่อนบันทึกนะคะ แตะ “แก้ข้อ…” เพื่อเปลี่ยนคำตอบข้อนั้น หรือ “บันทึก” เมื่อถูกต้อง",
        "en": "Please check your answers. Tap “Edit …” to change one, or “Save” when all is right.",
    },
    "assess.review_line": {
        "th": "ข้อ {number} {label}: {score} คะแนน",
        "en": "{number}. {label}: {score}",
    },
    "assess.review_note": {"th": "   หมายเหตุ: {note}", "en": "   Note: {note}"},
    "assess.save": {"th": "บันทึก", "en": "Save"},
    "assess.edit_number": {"th": "แก้ข้อ {number}", "en": "Edit {number}"},
    "assess.review_hint": {
        "th": "แตะ “บันทึก” เพื่อบันทึกผล หรือพิมพ์เลขข้อ 1–{total} เพื่อแก้ข้อนั้นค่ะ",
        "en": "Tap “Save” to save, or type a question number 1–{total} to change it.",
    },
    "assess.ask_rate": {
        "th": "ข้อ {number}/{total} · {label}\n{question}\n\n{scale}\nแตะคะแนนด้านล่างได้เลยค่ะ",
        "en": "Question {number}/{total} · {label}\n{question}\n\n{scale}\nTap a score below.",
    },
    "assess.want_score": {
        "th": "กรุณาแตะคะแนนด้านล่าง หรือพิมพ์ตัวเลข 1 ถึง 5 ค่ะ",
        "en": "Please tap a score below, or type a number from 1 to 5.",
    },
    "assess.ask_note": {
        "th": "ข้อ {number} ({label}): มีตัวอย่างหรือหลักฐานสั้น ๆ ไหมคะ? เช่น สิ่งที่ทำหรือผลที่เห็น (ไม่บังคับ ไม่เกิน {limit} ตัวอักษร ถ้าไม่มีแตะ ข้าม)",
        "en": "Question {number} ({label}): any short example or evidence? E.g. what was done or what changed. (Optional, up to {limit} characters; none: tap Skip)",
    },
    "assess.note_trimmed": {
        "th": "✂️ หมายเหตุข้อ {number} ยาวเกิน {limit} ตัวอักษร จึงเก็บไว้เฉพาะส่วนแรก จบที่ “{tail}” ค่ะ",
        "en": "✂️ The note on question {number} was over {limit} characters, so only its first part is kept, ending “{tail}”.",
    },
    "assess.updated": {
        "th": "แบบประเมินเพิ่งได้รับการปรับปรุงค่ะ ขอเริ่มข้อ 1 ใหม่อีกครั้งนะคะ ตอบอะไรก็ได้เพื่อเริ่ม",
        "en": "The questionnaire has just been updated, so let's start again from question 1. Answer anything to begin.",
    },
    "assess.restarted": {
        "th": "แบบประเมินเพิ่งได้รับการปรับปรุงค่ะ ขอเริ่มข้อ 1 ใหม่อีกครั้งนะคะ",
        "en": "The questionnaire has just been updated, so we start again from question 1.",
    },
    "assess.thanks": {
        "th": "ขอบคุณค่ะ 🙏 บันทึกผลประเมินแล้ว นี่คือผลของคุณ",
        "en": "Thank you 🙏 Your answers are saved. Here are your results.",
    },
    "assess.card_title": {"th": "ผลประเมิน 5 หลักของคุณ", "en": "Your 5-criteria results"},
    "assess.same": {"th": "เท่าเดิม", "en": "same"},
    "assess.network_median": {"th": "ค่ากลางเครือข่าย", "en": "Network median"},
    "assess.median_hidden": {
        "th": "ค่ากลาง: ยังไม่แสดง (ผู้ตอบยังไม่ถึงจำนวนขั้นต่ำ)",
        "en": "Median: not shown yet (too few answers)",
    },
    "assess.compared": {
        "th": "▲▼ เทียบกับครั้งก่อนของคุณ ({date})",
        "en": "▲▼ compared with your previous check ({date})",
    },
    "assess.first_time": {
        "th": "นี่คือครั้งแรกของคุณ ครั้งหน้าจะเห็นการเปลี่ยนแปลงค่ะ",
        "en": "Your first check: next time you will see what changed.",
    },
    "assess.median_note": {
        "th": "แถบสีน้ำเงิน = ค่ากลาง (มัธยฐาน) ของ{network} ช่วง {period} จากสมาชิก {count} คน แสดงเฉพาะข้อที่มีผู้ตอบอย่างน้อย {minimum} คน",
        "en": "Blue bars = the median of {network}, {period}, from {count} members; shown only where at least {minimum} answered.",
    },
    "assess.median_waiting": {
        "th": "ค่ากลางของเครือข่ายจะแสดงเมื่อมีสมาชิกตอบอย่างน้อย {minimum} คนในช่วง {period} (ตอนนี้ {count} คน) เพื่อไม่ให้ระบุตัวผู้ตอบได้",
        "en": "The network median appears once at least {minimum} members have answered in {period} (so far {count}), so that no one's answers can be singled out.",
    },
    "assess.no_network": {"th": "ไม่ระบุเครือข่าย", "en": "no network"},
}
