"""Texts of the conversation engine: control words, resuming, expiry, hints shared by flows."""

ENTRIES = {
    "flow.control.cancel": {"th": "ยกเลิก", "en": "Cancel"},
    "flow.control.back": {"th": "ย้อนกลับ", "en": "Back"},
    "flow.control.skip": {"th": "ข้าม", "en": "Skip"},
    "flow.control.help": {"th": "ช่วยเหลือ", "en": "Help"},
    "flow.cancelled_draft": {
        "th": "ยกเลิก{flow}ที่ยังไม่บันทึกแล้วค่ะ คำตอบที่ตอบไว้ในครั้งนี้ไม่ได้เก็บไว้",
        "en": "The unsaved “{flow}” is cancelled: the answers you gave this time were not kept.",
    },
    "flow.cancelled_empty": {
        "th": "ยกเลิก “{flow}” แล้วค่ะ ไม่มีอะไรเปลี่ยนแปลง",
        "en": "“{flow}” cancelled. Nothing was changed.",
    },
    "flow.cancelled_edit": {
        "th": "ยกเลิกการ{flow}แล้วค่ะ ข้อมูลเดิมยังอยู่เหมือนเดิม ไม่มีอะไรเปลี่ยน",
        "en": "“{flow}” cancelled. What was saved before is unchanged.",
    },
    "flow.cancel_confirm": {
        "th": "คุณตอบ{flow}ไว้แล้ว {count} ข้อ ถ้ายกเลิก คำตอบเหล่านี้จะหายไป ต้องการยกเลิกไหมคะ",
        "en": "You have given {count} answers for “{flow}”. Cancelling throws them away. Cancel?",
    },
    "flow.cancel_discard": {"th": "ยกเลิกและทิ้งคำตอบ", "en": "Cancel, discard"},
    "flow.cancel_keep": {"th": "ทำต่อ", "en": "Keep going"},
    "flow.cannot_skip": {
        "th": "ข้อนี้จำเป็นต้องตอบค่ะ ข้ามไม่ได้ (ข้อที่ข้ามได้จะมีปุ่ม ข้าม ให้แตะ)",
        "en": "This one is needed; it cannot be skipped (a question that can be has a Skip button).",
    },
    "flow.at_first_step": {
        "th": "นี่คือคำถามแรกแล้วค่ะ",
        "en": "This is already the first question.",
    },
    "flow.step_help": {
        "th": "ตอนนี้อยู่ที่ “{flow}” ค่ะ ตอบคำถามด้านล่าง หรือพิมพ์ ย้อนกลับ / ข้าม / ยกเลิก",
        "en": "You are in “{flow}”. Answer the question below, or type Back / Skip / Cancel.",
    },
    "flow.resume_question": {
        "th": "คุณยังทำ “{flow}” ค้างไว้ค่ะ จะทำต่อจากเดิม หรือเริ่มใหม่?",
        "en": "You have an unfinished “{flow}”. Continue where you left off, or start over?",
    },
    "flow.resume_continue": {"th": "ทำต่อ", "en": "Continue"},
    "flow.resume_restart": {"th": "เริ่มใหม่", "en": "Start over"},
    "flow.expired": {
        "th": "“{flow}” ที่ค้างไว้เกิน 24 ชั่วโมงหมดอายุแล้วค่ะ เริ่มใหม่ได้เสมอ",
        "en": "Your unfinished “{flow}” expired after 24 hours. You can start again any time.",
    },
    "flow.stale_button": {
        "th": "ปุ่มนั้นเป็นของคำถามก่อนหน้าค่ะ ตอนนี้ถามข้อนี้อยู่:",
        "en": "That button belongs to an earlier question. The current one is:",
    },
    "flow.want_text": {
        "th": "ขอเป็นข้อความพิมพ์ค่ะ (สติกเกอร์หรือไฟล์ใช้ตอบข้อนี้ไม่ได้)",
        "en": "Please type your answer (stickers and files can't answer this one).",
    },
    "flow.want_choice": {
        "th": "กรุณาเลือกจากปุ่มด้านล่างค่ะ",
        "en": "Please choose one of the buttons below.",
    },
    "flow.not_allowed": {
        "th": "ขออภัยค่ะ “{flow}” ใช้ได้เฉพาะ{role}",
        "en": "Sorry, “{flow}” is for {role} only.",
    },
}
