"""How members ask for each command, and the bot's small talk.

`examples.<intent>` holds example phrasings, one per line, Thai and English side by side: the
understanding step scores what a member types against them (particles such as ค่ะ ครับ นะ หน่อย
are dropped first, so examples leave them out). The first line of each is the example the help
card shows, so it must also fit a button (20 characters).
"""

ENTRIES = {
    "examples.log_activity": {
        "th": "บันทึกกิจกรรม\nลงกิจกรรม\nเพิ่มกิจกรรม\nรายงานกิจกรรม\nส่งกิจกรรม\nลงบันทึกกิจกรรม\n"
        # The activity told first, then the wish to log it ("…ทำกิจกรรมมาค่ะ อยากบันทึกไว้ค่ะ").
        "ทำกิจกรรม บันทึกไว้\nทำกิจกรรม บันทึก\nจัดกิจกรรม บันทึกไว้\nจัดกิจกรรม บันทึก",
        "en": "log activity\nadd activity\nnew activity\nlog an activity\nrecord activity",
    },
    "examples.my_activities": {
        "th": "กิจกรรมของฉัน\nกิจกรรมของผม\nกิจกรรมที่บันทึกไว้\nรายการกิจกรรมของฉัน\nกิจกรรมที่ผ่านมา\n"
        # Her lessons are shown on her activities' pages ("ขอดูถอดบทเรียนที่ส่งไปค่ะ").
        "ดูถอดบทเรียน\nถอดบทเรียนของฉัน\nดูถอดบทเรียนที่ส่งไป\nถอดบทเรียนที่ส่งไปแล้ว\nดูบทเรียนของฉัน",
        "en": "my activities\nmy activity\nshow my activities",
    },
    "examples.reflect": {
        "th": "ถอดบทเรียน\nเขียนถอดบทเรียน\nเขียนบทเรียน\nบันทึกบทเรียน\nสรุปบทเรียน\nบทเรียนที่ได้\nสิ่งที่ได้เรียนรู้",
        "en": "reflect\nreflection\nlessons learned\nwrite a reflection",
    },
    "examples.edit_reflection": {
        "th": "แก้ไขถอดบทเรียน\nแก้ถอดบทเรียน\nแก้ไขบทเรียน",
        "en": "edit reflection\nedit my reflection",
    },
    "examples.assess": {
        "th": "แบบประเมิน 5 หลัก\nแบบประเมิน\nประเมิน\nประเมินเครือข่าย\nประเมิน 5 หลัก\nประเมินห้าหลัก\n"
        "แบบสอบถาม\nประเมินตนเอง\nประเมินองค์กรคุณธรรม",
        "en": "5-criteria check\nassess\nassessment\ncriteria check",
    },
    "examples.my_summary": {
        "th": "สรุปของฉัน\nสรุป\nสรุปผลของฉัน\nผลของฉัน\nผลงานของฉัน\nผลประเมินของฉัน\nสรุปผลงานของฉัน\nผลงาน",
        "en": "my summary\nsummary\nmy results",
    },
    "examples.network_summary": {
        "th": "สรุปเครือข่าย\nสรุปผลเครือข่าย\nผลของเครือข่าย\nสรุปภาพรวมเครือข่าย",
        "en": "network summary\nour network summary",
    },
    "examples.meeting": {
        "th": "นัดประชุม\nนัดประชุมใหม่\nสร้างนัดประชุม\nตั้งนัดประชุม\nนัดหมายประชุม\nประชุม",
        "en": "new meeting\nmeeting\nschedule a meeting\nmeetings",
    },
    "examples.my_meetings": {
        "th": "ประชุมของฉัน\nนัดของฉัน\nนัดประชุมของฉัน\nนัดหมายของฉัน\nประชุมที่ต้องไป\nมีประชุมไหม\n"
        "มีนัดไหม\nมีนัดประชุมไหม\nดูประชุม\nดูนัดประชุม\nประชุมครั้งหน้า",
        "en": "my meetings\nshow my meetings",
    },
    "examples.meeting_manage": {
        "th": "แก้ไขประชุม\nยกเลิกประชุม\nยกเลิกนัด\nยกเลิกนัดประชุม\nเลื่อนประชุม\nเลื่อนนัดประชุม\nจัดการประชุม\n"
        "แก้ไขนัดประชุม",
        "en": "edit meeting\ncancel meeting\nmanage meetings\nmove a meeting",
    },
    "examples.meeting_report": {
        "th": "รายงานการส่ง\nรายงานประชุม\nรายงานการส่งข้อความ",
        "en": "delivery report\nmeeting report",
    },
    "examples.meeting_nudge": {
        "th": "เตือนคนที่ยังไม่ตอบ\nเตือนคนยังไม่ตอบ\nเตือนคนที่ยังไม่ตอบรับ\nส่งเตือนคนที่ยังไม่ตอบ",
        "en": "remind the rest\nremind those who have not answered\nremind who has not answered",
    },
    "examples.good_stories": {
        "th": "เรื่องเล่าดีๆ\nเรื่องเล่า\nตัวอย่างดีๆ\nเรื่องเล่าดีๆ จากเครือข่าย\n"
        "ตัวอย่างที่ดี\nแนวปฏิบัติที่ดี\nเรื่องเล่าความดี",
        "en": "good stories\ngood practice\ngood examples\nshared stories",
    },
    "examples.my_stories": {
        "th": "เรื่องเล่าของฉัน\nเรื่องของฉันที่แบ่งปัน\nถอนเรื่องเล่า\nถอนการแบ่งปัน",
        "en": "my stories\nmy shared stories\nwithdraw my story",
    },
    "examples.digest_off": {
        "th": "ไม่รับสรุปรายเดือน\nไม่รับเรื่องเล่ารายเดือน\nหยุดส่งเรื่องเล่า\nเลิกรับเรื่องเล่า",
        "en": "no story digest\nstop story digest\nstop the monthly digest",
    },
    "examples.digest_on": {
        "th": "รับสรุปรายเดือน\nรับเรื่องเล่ารายเดือน\nรับเรื่องเล่าอีก",
        "en": "story digest\nmonthly digest",
    },
    "examples.help": {
        "th": "ช่วยเหลือ\nช่วยด้วย\nใช้ยังไง\nใช้งานยังไง\nทำอะไรได้บ้าง\nเมนู\nเมนูหลัก\nวิธีใช้\n"
        "คู่มือ\nคู่มือการใช้งาน\nงง\nไม่รู้จะทำยังไง\nมีเมนูอะไรบ้าง\nใช้ไม่เป็น\nใช้งานไม่เป็น\nทำยังไง",
        "en": "help\nmenu\nhow to use\nwhat can you do\nstart",
    },
    "examples.my_data": {
        "th": "ข้อมูลของฉัน\nดูข้อมูลของฉัน\nข้อมูลส่วนตัวของฉัน\nเก็บข้อมูลอะไรของฉันไว้บ้าง\n"
        "ข้อมูลของฉันมีอะไรบ้าง\nข้อมูลที่เก็บไว้\nดูข้อมูลที่เก็บไว้\nข้อมูลส่วนตัวที่เก็บไว้\n"
        "เก็บข้อมูลอะไรไว้บ้าง\nระบบเก็บข้อมูลอะไรไว้บ้าง\nเก็บข้อมูลอะไรของหนูไว้บ้าง\nข้อมูลเก็บไว้ที่ไหน",
        "en": "my data\nshow my data\nwhat data do you keep about me\nwhat do you keep about me\n"
        "what data do you have on me\nmy personal data",
    },
    "examples.withdraw": {
        "th": "ถอนความยินยอม\nถอนการยินยอม\nไม่ยินยอมแล้ว\nยกเลิกความยินยอม\nไม่ให้เก็บข้อมูลแล้ว",
        "en": "withdraw consent\nwithdraw",
    },
    "examples.delete_my_data": {
        "th": "ลบข้อมูลของฉัน\nลบข้อมูล\nลบข้อมูลทั้งหมด\nลบบัญชี\nลบบัญชีของฉัน\nลบข้อมูลของฉันทั้งหมด",
        "en": "delete my data\ndelete my account\ndelete all my data\nerase my data",
    },
    "examples.register": {
        "th": "แก้ไขข้อมูล\nแก้ไขโปรไฟล์\nแก้ไขข้อมูลส่วนตัว\nแก้ชื่อ\nเปลี่ยนชื่อ\nเปลี่ยนเครือข่าย\n"
        "ลงทะเบียน\nลงทะเบียนใหม่",
        "en": "edit profile\nregister\nedit my profile",
    },
    "examples.english": {
        "th": "ภาษาอังกฤษ\nเปลี่ยนเป็นภาษาอังกฤษ",
        "en": "English\nEng\nspeak english",
    },
    "examples.thai": {
        "th": "ภาษาไทย\nเปลี่ยนเป็นภาษาไทย\nไทย",
        "en": "Thai\nthai language",
    },
    "examples.invite_code": {
        "th": "รหัสเชิญ\nใส่รหัสเชิญ\nมีรหัสเชิญ",
        "en": "invite code\ncode",
    },
    # Small talk: answered warmly with the main menu, never "not understood".
    "examples.greeting": {
        "th": "สวัสดี\nหวัดดี\nดีจ้า\nดี\nยินดีที่ได้รู้จัก\nสวัสดีน้องคุณธรรม",
        "en": "hello\nhi\nhi there\nhey",
    },
    "examples.thanks": {
        "th": "ขอบคุณ\nขอบคุณมาก\nขอบใจ\nขอบพระคุณ\nขอบพระคุณมาก\nแต๊งกิ้ว\nขอบคุณที่ช่วย",
        "en": "thank you\nthanks\nthank you so much\nthx",
    },
    "examples.morning": {
        "th": "อรุณสวัสดิ์\nสวัสดีตอนเช้า",
        "en": "good morning",
    },
    "examples.night": {
        "th": "ฝันดี\nราตรีสวัสดิ์\nไปนอนแล้ว",
        "en": "good night",
    },
    "examples.bye": {
        "th": "บ๊ายบาย\nบาย\nลาก่อน\nไว้คุยกันใหม่\nแค่นี้ก่อน",
        "en": "bye\nbye bye\ngoodbye\nsee you",
    },
    "smalltalk.thanks": {
        "th": "ยินดีเสมอค่ะ 😊 มีอะไรให้น้องคุณธรรมช่วยอีก แตะปุ่มด้านล่างได้เลยนะคะ",
        "en": "You're always welcome 😊 Tap a button below whenever you need me.",
    },
    "smalltalk.morning": {
        "th": "อรุณสวัสดิ์ค่ะ ☀️ ขอให้เป็นวันที่ดีนะคะ วันนี้มีกิจกรรมอะไร บันทึกไว้ได้เลยค่ะ",
        "en": "Good morning ☀️ Have a good day. Anything your group does today, log it here.",
    },
    "smalltalk.night": {
        "th": "ฝันดีนะคะ 🌙 พักผ่อนให้เต็มที่ พรุ่งนี้คุยกันใหม่ค่ะ",
        "en": "Good night 🌙 Rest well, talk tomorrow.",
    },
    "smalltalk.bye": {
        "th": "แล้วคุยกันใหม่นะคะ 🙏 ทักน้องคุณธรรมได้ทุกเมื่อค่ะ",
        "en": "Talk soon 🙏 Message me any time.",
    },
    "smalltalk.sticker": {
        "th": "😊 น่ารักจังค่ะ วันนี้ให้น้องคุณธรรมช่วยอะไรดีคะ แตะปุ่มด้านล่างได้เลยค่ะ",
        "en": "😊 Lovely! What can I do for you today? Tap a button below.",
    },
    "understand.which": {
        "th": "หมายถึงอันไหนคะ? แตะเลือกได้เลยค่ะ",
        "en": "Which did you mean? Tap one.",
    },
    "understand.photo_first": {
        "th": "บันทึกกิจกรรมพร้อมรูปนี้ไหมคะ?",
        "en": "Log an activity with this photo?",
    },
    "understand.photo_yes": {"th": "บันทึกกิจกรรม", "en": "Log activity"},
    "understand.photo_no": {"th": "ไม่ใช่ค่ะ", "en": "No, thanks"},
    "understand.photo_declined": {
        "th": "ได้ค่ะ ไม่ได้เก็บรูปนี้ไว้นะคะ มีอะไรให้ช่วย แตะปุ่มด้านล่างได้เลยค่ะ",
        "en": "All right, the photo was not kept. Tap a button below for anything else.",
    },
    "understand.leave_question": {
        "th": "“{said}” เป็นคำสั่ง “{command}” ค่ะ จะพัก{flow}ไว้แล้วไปที่ “{command}” "
        "หรือใช้ข้อความนี้เป็นคำตอบคะ?",
        "en": "“{said}” is the command “{command}”. Pause {flow} and go there, "
        "or use the text as your answer?",
    },
    "understand.check_card_first": {
        "th": "ยังไม่ได้บันทึกนะคะ 🙏 ตรวจดูข้อมูลด้านบนก่อน ถ้าถูกต้องแล้ว แตะปุ่มยืนยันด้านล่างค่ะ",
        "en": "Not saved yet 🙏 Please check the details above; if they are right, tap the button below.",
    },
    "understand.sent_twice": {
        "th": "ได้รับ “{said}” อีกครั้งค่ะ 🙏 ตอนนี้เป็นคำถามข้อใหม่แล้ว ถ้าจะตอบข้อนี้ว่า “{said}” จริง ๆ ส่งอีกครั้งได้เลยค่ะ",
        "en": "I got “{said}” again 🙏 This is a new question; if “{said}” is your answer to it, send it once more.",
    },
    "understand.leave_go": {"th": "ไปที่คำสั่งนั้น", "en": "Go to the command"},
    "understand.leave_answer": {"th": "ใช้เป็นคำตอบ", "en": "Use as my answer"},
    "understand.leave_paused": {
        "th": "พัก{flow}ไว้แล้วค่ะ พิมพ์ “{flow}” เมื่อพร้อมจะทำต่อนะคะ",
        "en": "{flow} is paused. Type “{flow}” when you want to continue.",
    },
    "understand.leave_smalltalk": {
        "th": "จะใช้ “{said}” เป็นคำตอบ หรือพัก{flow}ไว้ก่อนคะ?",
        "en": "Use “{said}” as your answer, or pause {flow} for now?",
    },
    "understand.leave_pause": {"th": "พักไว้ก่อน", "en": "Pause it"},
}
