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
            "สวัสดีค่ะ 🙏 น้องคุณธรรมช่วยเครือข่ายคุณธรรมได้ดังนี้ พิมพ์แบบที่คุยกันได้เลยค่ะ\n"
            "• บันทึกกิจกรรม: เล่าว่ากลุ่มทำอะไร เมื่อไร ที่ไหน เช่น “บันทึกกิจกรรมหน่อยค่ะ”\n"
            "• กิจกรรมของฉัน: ดู แก้ไข ลบ เช่น “ขอดูกิจกรรมของฉันค่ะ”\n"
            "• ถอดบทเรียน: สิ่งที่ได้เรียนรู้จากกิจกรรม เช่น “ถอดบทเรียนค่ะ”\n"
            "• แก้ไขถอดบทเรียน: เช่น “แก้ถอดบทเรียนหน่อยค่ะ”\n"
            "• แบบประเมิน 5 หลัก: ประเมินเครือข่ายตามเกณฑ์องค์กรคุณธรรมต้นแบบ เช่น “ทำแบบประเมินค่ะ”\n"
            "• สรุปของฉัน: ดูผลงานและผลประเมินของตนเอง เช่น “ขอดูสรุปของฉันค่ะ”\n"
            "• นัดประชุม: นัดหมายและเตือนการประชุม เช่น “นัดประชุมค่ะ”\n"
            "• ประชุมของฉัน: เช่น “ประชุมของฉันค่ะ”\n"
            "• เรื่องเล่าดีๆ: ตัวอย่างดีๆ จากเครือข่ายตาม 5 หลัก เช่น “ขอดูเรื่องเล่าดีๆ ค่ะ”; "
            "เรื่องของคุณที่ถูกเลือก: “เรื่องเล่าของฉัน”; สรุปรายเดือน: “ไม่รับเรื่องเล่ารายเดือน”, "
            "“รับเรื่องเล่ารายเดือน”\n"
            "• ข้อมูลของฉัน: เช่น “ขอดูข้อมูลของฉันค่ะ”\n"
            "• แก้ไขข้อมูล: ชื่อ เครือข่าย ภาษา เช่น “แก้ไขโปรไฟล์ค่ะ”\n"
            "• รหัสเชิญ: รับบทบาทผู้ประสานงาน เช่น “รหัสเชิญ ABCD-2345”\n"
            "• ถอนความยินยอม / ลบข้อมูลของฉัน: เช่น “ขอถอนความยินยอมค่ะ”, “ลบข้อมูลของฉัน”\n"
            "ผู้ประสานงาน: “สรุปเครือข่าย”, “เลื่อนประชุม”, “รายงานการส่ง”, "
            "“เตือนคนที่ยังไม่ตอบ”, ในกลุ่ม LINE “ผูกกลุ่มนัดประชุม”\n"
            "แตะปุ่มด้านล่างได้เลยค่ะ (For English, type English)"
        ),
        "en": (
            "Hello 🙏 I help moral networks. Write as you would to a friend:\n"
            "• Log activity: what your group did, when and where, e.g. “log an activity”\n"
            "• My activities: see, edit, delete, e.g. “show my activities”\n"
            "• Reflect: the lessons learned from an activity, e.g. “write a reflection”\n"
            "• Edit reflection: e.g. “edit my reflection”\n"
            "• 5-criteria check: rate your network on the model-organisation criteria, "
            "e.g. “assessment”\n"
            "• My summary: your own records and results, e.g. “my summary”\n"
            "• Meetings: schedule meetings and remind everyone, e.g. “new meeting”\n"
            "• My meetings: e.g. “my meetings”\n"
            "• Good stories: good practice from the networks by criterion, e.g. “good stories”; "
            "yours that staff picked: “my stories”; the monthly digest: “no story digest”, "
            "“story digest”\n"
            "• My data: e.g. “show my data”\n"
            "• Edit profile: name, network, language, e.g. “edit profile”\n"
            "• Invite code: a coordinator's role, e.g. “invite code ABCD-2345”\n"
            "• Withdraw consent / Delete my data: e.g. “withdraw consent”, “delete my data”\n"
            "Coordinators: “network summary”, “edit meeting”, “delivery report”, "
            "“remind the rest”, in a LINE group “link meeting group”\n"
            "Tap a button below. (พิมพ์ ภาษาไทย เพื่อใช้ภาษาไทย)"
        ),
    },
    "help.not_understood": {
        "th": "ขออภัยค่ะ ยังไม่แน่ใจว่าหมายถึงอะไร ลองพิมพ์ตามตัวอย่างด้านล่าง หรือแตะปุ่มได้เลยค่ะ",
        "en": "Sorry, I'm not sure what you meant. Try one of the examples below, or tap a button.",
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
