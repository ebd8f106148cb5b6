"""Texts of the welcome, the privacy notice (PDPA) and the consent decision."""

ENTRIES = {
    "consent.notice": {
        "th": (
            "ยินดีต้อนรับสู่น้องคุณธรรมค่ะ 🙏\n"
            "ก่อนเริ่มใช้งาน ขอแจ้งเรื่องข้อมูลส่วนบุคคล (ฉบับ {version})\n"
            "• เก็บอะไร: ชื่อที่แสดง เครือข่าย หน่วยงาน จังหวัด และสิ่งที่คุณส่งมา "
            "(กิจกรรม ภาพถ่าย บทเรียน ผลประเมิน การตอบรับนัดประชุม)\n"
            "• เพื่ออะไร: ถอดบทเรียนจากกิจกรรมของเครือข่าย และคัดเลือกองค์กรคุณธรรมต้นแบบ\n"
            "• ใครเห็น: ผู้ประสานงานเครือข่ายของคุณ เจ้าหน้าที่ศูนย์คุณธรรม และทีมวิชาการ "
            "(ข้อมูลที่ส่งให้นักวิจัยจะไม่ระบุชื่อหรือบัญชี LINE)\n"
            "• เก็บนานเท่าไร: ไม่เกิน 3 ปีนับจากการใช้งานครั้งล่าสุด\n"
            "• สิทธิของคุณ: พิมพ์ “ข้อมูลของฉัน” เพื่อดูข้อมูล “ถอนความยินยอม” เพื่อหยุดรับข้อความ "
            "หรือ “ลบข้อมูลของฉัน” เพื่อลบทั้งหมด ได้ทุกเมื่อ\n"
            "คุณยินยอมให้เก็บและใช้ข้อมูลตามนี้หรือไม่คะ?"
        ),
        "en": (
            "Welcome to the moral network bot 🙏\n"
            "Before we start, how your personal data is handled (notice {version}):\n"
            "• What: your display name, network, organisation, province and what you send "
            "(activities, photos, lessons, assessments, meeting replies)\n"
            "• Why: to learn lessons from the networks' activities and select model moral organisations\n"
            "• Who sees it: your network's coordinators, Moral Center staff and the academic team "
            "(data given to researchers carries no names or LINE accounts)\n"
            "• How long: at most 3 years after you last use the bot\n"
            "• Your rights: type “My data” to see it, “Withdraw consent” to stop messages, "
            "or “Delete my data” to erase everything, at any time\n"
            "Do you agree to this?"
        ),
    },
    "consent.agree": {"th": "ยินยอม", "en": "I agree"},
    "consent.decline": {"th": "ไม่ยินยอม", "en": "I do not agree"},
    "consent.needed": {
        "th": "ขออภัยค่ะ ต้องได้รับความยินยอมก่อนจึงจะบันทึกข้อมูลได้ กรุณาเลือกด้านล่างค่ะ",
        "en": "Sorry, I need your consent before I can record anything. Please choose below.",
    },
    "consent.hello": {
        "th": "สวัสดีค่ะ 🙏 ยินดีที่ได้รู้จักนะคะ ก่อนเริ่มคุยกัน น้องคุณธรรมต้องได้รับความยินยอมก่อน "
        "อ่านด้านล่างแล้วแตะปุ่มได้เลยค่ะ",
        "en": "Hello 🙏 Nice to meet you. Before we start I need your consent: "
        "please read below and tap a button.",
    },
    "consent.declined": {
        "th": (
            "รับทราบค่ะ จะเก็บไว้เพียงคำตอบนี้ (รหัสผู้ใช้ LINE ของคุณ คำตอบ และเวลาที่ตอบ) "
            "เพื่อไม่ถามซ้ำ ไม่เก็บข้อมูลอื่นใด พิมพ์ “ลบข้อมูลของฉัน” เพื่อลบแม้แต่คำตอบนี้ "
            "หากเปลี่ยนใจ พิมพ์ “ยินยอม” ได้ทุกเมื่อค่ะ"
        ),
        "en": (
            "Understood. Only this answer is kept (your LINE user id, the answer and its time), "
            "so as not to ask again; nothing else. Type “delete my data” to remove even that. "
            "If you change your mind, type “I agree”."
        ),
    },
    "consent.thanks": {
        "th": "ขอบคุณที่ยินยอมค่ะ 🙏",
        "en": "Thank you for agreeing 🙏",
    },
    "consent.welcome_back": {
        "th": "ยินดีต้อนรับกลับมาค่ะ 🙏 ข้อมูลของคุณยังอยู่ครบ ใช้งานต่อได้เลย",
        "en": "Welcome back 🙏 Everything you saved is still here.",
    },
}
