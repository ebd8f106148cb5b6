"""Core texts: the main actions, help, language, errors."""

ENTRIES = {
    # The main actions, as members see them on quick replies and the rich menu.
    "action.log_activity": {"th": "บันทึกกิจกรรม", "en": "Log activity"},
    "action.reflect": {"th": "ถอดบทเรียน", "en": "Reflect"},
    "action.assess": {"th": "แบบประเมิน 5 หลัก", "en": "5-criteria check"},
    "action.meeting": {"th": "นัดประชุม", "en": "Meetings"},
    "action.my_summary": {"th": "สรุปของฉัน", "en": "My summary"},
    "action.help": {"th": "ช่วยเหลือ", "en": "Help"},
    "action.language": {"th": "English", "en": "ภาษาไทย"},
    "help.menu": {
        "th": (
            "สวัสดีค่ะ 🙏 น้องคุณธรรมช่วยเครือข่ายคุณธรรมได้ดังนี้\n"
            "• บันทึกกิจกรรม: เล่าว่ากลุ่มทำอะไร เมื่อไร ที่ไหน\n"
            "• ถอดบทเรียน: บันทึกสิ่งที่ได้เรียนรู้จากกิจกรรม\n"
            "• แบบประเมิน 5 หลัก: ประเมินเครือข่ายตามเกณฑ์องค์กรคุณธรรมต้นแบบ\n"
            "• นัดประชุม: นัดหมายและเตือนการประชุม\n"
            "• สรุปของฉัน: ดูผลงานและผลประเมินของตนเอง\n"
            "แตะปุ่มด้านล่างได้เลยค่ะ (For English, type English)"
        ),
        "en": (
            "Hello 🙏 I help moral networks to:\n"
            "• Log activity: what your group did, when and where\n"
            "• Reflect: write down the lessons learned from an activity\n"
            "• 5-criteria check: rate your network on the model-organisation criteria\n"
            "• Meetings: schedule meetings and remind everyone\n"
            "• My summary: see your own records and results\n"
            "Tap a button below. (พิมพ์ ภาษาไทย เพื่อใช้ภาษาไทย)"
        ),
    },
    "help.not_understood": {
        "th": "ขออภัยค่ะ ยังไม่เข้าใจข้อความนี้ ลองเลือกจากปุ่มด้านล่าง หรือพิมพ์ ช่วยเหลือ ค่ะ",
        "en": "Sorry, I didn't understand that. Choose a button below or type Help.",
    },
    "feature.coming_soon": {
        "th": "ขอบคุณที่สนใจ “{feature}” ค่ะ 🙏 ส่วนนี้กำลังพัฒนาและจะเปิดให้ใช้เร็ว ๆ นี้",
        "en": "Thank you for your interest in “{feature}” 🙏 It is being built and opens soon.",
    },
    "language.switched": {
        "th": "เปลี่ยนเป็นภาษาไทยแล้วค่ะ",
        "en": "Switched to English.",
    },
    "error.sorry": {
        "th": "ขออภัยค่ะ ระบบขัดข้องชั่วคราว ข้อมูลที่บันทึกไว้แล้วยังอยู่ครบ กรุณาลองใหม่อีกครั้งค่ะ",
        "en": "Sorry, something went wrong on our side. Nothing you saved was lost; please try again.",
    },
    "group.invite_private": {
        "th": "สวัสดีค่ะ 🙏 เพื่อความเป็นส่วนตัว กรุณาคุยกับน้องคุณธรรมแบบส่วนตัวเพื่อบันทึกข้อมูลนะคะ",
        "en": "Hello 🙏 For your privacy, please chat with me one-to-one to record anything.",
    },
    "access.refused": {
        "th": "ขออภัยค่ะ “{feature}” ใช้ได้เฉพาะ{role}ค่ะ",
        "en": "Sorry, “{feature}” is only for {role}.",
    },
    "role.coordinator": {"th": "ผู้ประสานงานเครือข่าย", "en": "network coordinators"},
    "role.staff": {"th": "เจ้าหน้าที่ศูนย์คุณธรรม", "en": "Moral Center staff"},
}
