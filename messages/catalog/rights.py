"""Texts of the member's rights (PDPA): withdraw consent, delete my data, my data; invite codes."""

ENTRIES = {
    "rights.nothing_stored": {
        "th": "ไม่มีข้อมูลของคุณเก็บไว้ในระบบค่ะ",
        "en": "Nothing about you is stored.",
    },
    "rights.withdraw.title": {"th": "ถอนความยินยอม", "en": "Withdraw consent"},
    "rights.withdraw.not_consented": {
        "th": (
            "ตอนนี้คุณไม่ได้ให้ความยินยอมอยู่แล้ว น้องคุณธรรมจึงไม่ส่งข้อความถึงคุณค่ะ "
            "หากต้องการลบข้อมูล พิมพ์ “ลบข้อมูลของฉัน”"
        ),
        "en": (
            "You have not given consent, so I send you nothing. "
            "To erase your data, type “Delete my data”."
        ),
    },
    "rights.withdraw.question": {
        "th": (
            "ต้องการถอนความยินยอมใช่ไหมคะ?\n"
            "หลังถอน น้องคุณธรรมจะหยุดส่งข้อความทุกอย่างถึงคุณ (รวมถึงการเตือนนัดประชุม) "
            "และจะไม่บันทึกอะไรเพิ่ม ข้อมูลที่บันทึกไว้แล้วยังอยู่ หากต้องการลบด้วย "
            "พิมพ์ “ลบข้อมูลของฉัน”"
        ),
        "en": (
            "Do you want to withdraw your consent?\n"
            "I will then stop sending you anything (meeting reminders too) and record nothing "
            "new. What is saved stays; to erase it too, type “Delete my data”."
        ),
    },
    "rights.withdraw.yes": {"th": "ยืนยันถอน", "en": "Yes, withdraw"},
    "rights.withdraw.no": {"th": "ไม่ถอน", "en": "Keep consent"},
    "rights.withdraw.done": {
        "th": (
            "ถอนความยินยอมเรียบร้อยแล้วค่ะ น้องคุณธรรมจะไม่ส่งข้อความถึงคุณอีก "
            "หากเปลี่ยนใจ พิมพ์ “ยินยอม” ได้ทุกเมื่อค่ะ 🙏"
        ),
        "en": (
            "Your consent is withdrawn. I will not message you again. "
            "If you change your mind, type “I agree” at any time 🙏"
        ),
    },
    "rights.withdraw.kept": {
        "th": "รับทราบค่ะ ความยินยอมยังอยู่ ใช้งานได้ตามปกติ",
        "en": "Understood: your consent stays and everything works as before.",
    },
    "rights.delete.title": {"th": "ลบข้อมูลของฉัน", "en": "Delete my data"},
    "rights.delete.question": {
        "th": (
            "ต้องการลบข้อมูลทั้งหมดของคุณใช่ไหมคะ?\n"
            "จะลบข้อมูลส่วนตัว การยินยอม บทบาท กิจกรรม ภาพถ่าย บทเรียน ผลประเมิน "
            "และการตอบรับนัดประชุมทั้งหมด และกู้คืนไม่ได้\n"
            "อยากเก็บสำเนาไว้ก่อน พิมพ์ “ข้อมูลของฉัน” เพื่อรับลิงก์ดาวน์โหลดค่ะ"
        ),
        "en": (
            "Do you want to delete all your data?\n"
            "Your profile, consent, roles, activities, photos, lessons, assessments and meeting "
            "replies will all be erased, and this cannot be undone.\n"
            "To keep a copy first, type “my data” for a download link."
        ),
    },
    "rights.delete.yes": {"th": "ลบทั้งหมด", "en": "Delete everything"},
    "rights.delete.no": {"th": "ไม่ลบ", "en": "Don't delete"},
    "rights.delete.done": {
        "th": (
            "ลบข้อมูลทั้งหมดของคุณเรียบร้อยแล้วค่ะ 🙏 ขอบคุณที่ร่วมเป็นส่วนหนึ่งของเครือข่าย "
            "หากต้องการกลับมาใช้งาน ส่งข้อความมาได้ทุกเมื่อ"
        ),
        "en": (
            "All your data is deleted 🙏 Thank you for being part of the network. "
            "If you want to come back, just send a message."
        ),
    },
    "rights.delete.kept": {
        "th": "รับทราบค่ะ ไม่ได้ลบข้อมูลใด ๆ",
        "en": "Understood: nothing was deleted.",
    },
    "mydata.header": {
        "th": "ข้อมูลของคุณที่น้องคุณธรรมเก็บไว้ค่ะ",
        "en": "What I keep about you",
    },
    "mydata.organisation": {
        "th": "องค์กรที่สังกัด (ระเบียนองค์กร): {name}",
        "en": "Your organisation (organisation record): {name}",
    },
    "mydata.line_id": {"th": "รหัสผู้ใช้ LINE: {user_id}", "en": "LINE user id: {user_id}"},
    "mydata.profile": {
        "th": (
            "ชื่อ: {name}\nเครือข่าย: {network}\nหน่วยงาน: {organisation}\nจังหวัด: {province}\n"
            "ภาษา: {lang_name}\nลงทะเบียนเมื่อ: {registered}"
        ),
        "en": (
            "Name: {name}\nNetwork: {network}\nOrganisation: {organisation}\n"
            "Province: {province}\nLanguage: {lang_name}\nRegistered: {registered}"
        ),
    },
    "mydata.consent": {
        "th": "ความยินยอม: {status} (ประกาศฉบับ {version} เมื่อ {date})",
        "en": "Consent: {status} (notice {version}, {date})",
    },
    "mydata.consent.given": {"th": "ยินยอม", "en": "given"},
    "mydata.consent.declined": {"th": "ไม่ยินยอม", "en": "declined"},
    "mydata.consent.withdrawn": {"th": "ถอนแล้ว", "en": "withdrawn"},
    "mydata.following": {
        "th": "การแจ้งเตือนและประกาศจากบอท: {state}",
        "en": "Reminders and announcements from the bot: {state}",
    },
    "mydata.following.yes": {"th": "ส่งถึงคุณ", "en": "sent to you"},
    "mydata.following.no": {"th": "ไม่ส่งถึงคุณ", "en": "not sent to you"},
    "mydata.roles": {"th": "บทบาท: {roles}", "en": "Roles: {roles}"},
    "mydata.role.member": {"th": "สมาชิก", "en": "member"},
    "mydata.records": {"th": "ข้อมูลที่บันทึกไว้:", "en": "Your records:"},
    "mydata.no_records": {
        "th": "ยังไม่มีข้อมูลอื่นที่บันทึกไว้",
        "en": "No other records yet.",
    },
    "mydata.conversations": {
        "th": "• การสนทนาที่ยังค้างอยู่: {count}",
        "en": "• Unfinished conversations: {count}",
    },
    "mydata.activities": {
        "th": "• กิจกรรม: {count} รายการ (รูปทั้งหมด {photos} รูป) ล่าสุดตามวันที่จัด:",
        "en": "• Activities: {count} ({photos} photos in all); the latest by date held:",
    },
    "mydata.activities_no_photos": {
        "th": "• กิจกรรม: {count} รายการ (ไม่มีรูป) ล่าสุดตามวันที่จัด:",
        "en": "• Activities: {count} (no photos); the latest by date held:",
    },
    "mydata.activity_item": {
        "th": "  – {title} ({date}) ไม่มีรูป",
        "en": "  – {title} ({date}), no photos",
    },
    "mydata.activity_item_photos": {
        "th": "  – {title} ({date}) รูป {photos} รูป",
        "en": "  – {title} ({date}), {photos} photo(s)",
    },
    "mydata.reflections": {
        "th": "• ถอดบทเรียน: {count} ครั้ง ล่าสุด:",
        "en": "• Lessons learned: {count}; the latest:",
    },
    "mydata.assessments": {
        "th": "• แบบประเมินห้าเกณฑ์: {count} ครั้ง ล่าสุด:",
        "en": "• Five-criteria assessments: {count}; the latest:",
    },
    "mydata.dated_item": {"th": "  – เมื่อ {date}", "en": "  – on {date}"},
    "mydata.rsvps": {
        "th": "• คำตอบนัดประชุม: {count} ครั้ง ล่าสุด:",
        "en": "• Meeting answers: {count}; the latest:",
    },
    "mydata.rsvp_item.yes": {"th": "  – {title} ({date}): ไป", "en": "  – {title} ({date}): going"},
    "mydata.rsvp_item.no": {
        "th": "  – {title} ({date}): ไม่ไป",
        "en": "  – {title} ({date}): not going",
    },
    "mydata.rsvp_item.maybe": {
        "th": "  – {title} ({date}): ยังไม่แน่ใจ",
        "en": "  – {title} ({date}): maybe",
    },
    "mydata.meetings_organised": {
        "th": "• นัดประชุมที่คุณสร้าง: {count} นัด",
        "en": "• Meetings you organised: {count}",
    },
    "mydata.groups_linked": {
        "th": "• กลุ่ม LINE ที่คุณเชื่อมกับเครือข่าย: {count} กลุ่ม",
        "en": "• LINE groups you linked to a network: {count}",
    },
    "mydata.invites_used": {
        "th": "• รหัสเชิญที่คุณใช้: {count} รหัส",
        "en": "• Invite codes you used: {count}",
    },
    "mydata.following.withdrawn": {
        "th": "ไม่ส่งถึงคุณ (ถอนความยินยอมแล้ว)",
        "en": "not sent to you (consent withdrawn)",
    },
    "mydata.not_given": {"th": "ไม่ระบุ", "en": "not given"},
    "mydata.download": {
        "th": "ดาวน์โหลดสำเนาข้อมูลทั้งหมด (หน้าเว็บ ไฟล์ JSON และรูป) ได้ที่ลิงก์นี้ ใช้ได้ {hours} ชั่วโมง และเปิดได้เฉพาะข้อมูลของคุณ:\n{url}",
        "en": "Download a copy of everything (web page, JSON file and photos) here; the link works for {hours} hours and shows only your data:\n{url}",
    },
    "mydata.footer": {
        "th": (
            "พิมพ์ “แก้ไขข้อมูล” เพื่อแก้ไข “ถอนความยินยอม” เพื่อหยุดรับข้อความ หรือ “ลบข้อมูลของฉัน” เพื่อลบทั้งหมดค่ะ"
        ),
        "en": (
            "Type “Edit profile” to change it, “Withdraw consent” to stop messages, "
            "or “Delete my data” to erase everything."
        ),
    },
    "role.coordinator_of": {"th": "ผู้ประสานงาน{network}", "en": "coordinator of {network}"},
    "role.staff_one": {"th": "เจ้าหน้าที่ศูนย์คุณธรรม", "en": "Moral Center staff"},
    "invite.hint": {
        "th": "พิมพ์ รหัส ตามด้วยรหัสเชิญ 8 ตัวที่ได้รับ เช่น รหัส ABCD-2345 ค่ะ",
        "en": "Type code followed by the 8-character invite code you got, e.g. code ABCD-2345.",
    },
    "invite.granted": {
        "th": "เรียบร้อยค่ะ 🎉 ตอนนี้คุณเป็น{role}แล้ว",
        "en": "Done 🎉 You are now {role}.",
    },
    "invite.already": {
        "th": "คุณเป็น{role}อยู่แล้วค่ะ รหัสนี้จึงยังไม่ถูกใช้",
        "en": "You are already {role}, so the code was not used.",
    },
    "invite.invalid": {
        "th": ("ขออภัยค่ะ รหัสนี้ไม่ถูกต้อง ถูกใช้ไปแล้ว หรือหมดอายุ กรุณาตรวจสอบกับผู้ที่ให้รหัสค่ะ"),
        "en": "Sorry, that code is wrong, already used or expired. Please check with whoever gave it.",
    },
}
