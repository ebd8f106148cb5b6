"""Staff web texts of good practice shared back (staff.story_*) and themes (staff.themes_*, export.*)."""

ENTRIES = {
    "staff.nav_stories": {"th": "เรื่องเล่าดีๆ", "en": "Good stories"},
    "staff.story_title": {"th": "เรื่องเล่าดีๆ (แนวปฏิบัติที่ดี)", "en": "Good stories (good practice)"},
    "staff.story_intro": {
        "th": "กิจกรรมและถอดบทเรียนที่เจ้าหน้าที่ทำเครื่องหมายเป็นแนวปฏิบัติที่ดี เจ้าของเรื่องได้รับคำถามในแชต "
        "สมาชิกอื่นเห็นเฉพาะเรื่องที่เจ้าของอนุญาต (พิมพ์ “เรื่องเล่าดีๆ”) และเห็นชื่อเฉพาะเมื่อเจ้าของอนุญาต",
        "en": "Activities and reflections staff marked as good practice. Each author is asked in the "
        "chat; other members see only the stories their authors allowed (typing “good stories”), "
        "and a name only when its author allowed it.",
    },
    "staff.story_mark": {"th": "ทำเครื่องหมายเป็นแนวปฏิบัติที่ดี", "en": "Mark as good practice"},
    "staff.story_mark_note": {
        "th": "เจ้าของเรื่องจะได้รับข้อความในแชตเพื่อขออนุญาตแบ่งปัน และปฏิเสธหรือถอนได้ทุกเมื่อ",
        "en": "The author is asked in the chat for permission to share it, and may say no or "
        "withdraw at any time.",
    },
    "staff.story_panel": {"th": "แนวปฏิบัติที่ดี", "en": "Good practice"},
    "staff.story_marked": {
        "th": "ทำเครื่องหมายแล้ว ส่งคำขออนุญาตถึงเจ้าของเรื่องในแชตแล้วค่ะ",
        "en": "Marked. The author has been asked in the chat.",
    },
    "staff.story_marked_later": {
        "th": "ทำเครื่องหมายแล้ว ตอนนี้เป็นเวลากลางคืน จะส่งคำขอเวลา 08:00 น. ค่ะ",
        "en": "Marked. It is night now: the author will be asked at 08:00.",
    },
    "staff.story_ask_at_eight": {
        "th": "จะส่งคำขอเวลา 08:00 น. (ไม่ส่งข้อความระหว่าง 20:00–08:00 น.)",
        "en": "The request will be sent at 08:00 (no messages between 20:00 and 08:00).",
    },
    "staff.story_status": {"th": "สถานะ", "en": "Status"},
    "staff.story_status_asked": {"th": "รอเจ้าของเรื่องตอบ", "en": "Awaiting the author"},
    "staff.story_status_granted": {"th": "อนุญาตให้แบ่งปัน", "en": "Allowed"},
    "staff.story_status_refused": {"th": "ไม่อนุญาต", "en": "Refused"},
    "staff.story_status_withdrawn": {"th": "ถอนแล้ว", "en": "Withdrawn"},
    "staff.story_named": {"th": "แสดงชื่อ", "en": "with name"},
    "staff.story_anonymous": {"th": "ไม่แสดงชื่อ", "en": "without name"},
    "staff.story_record": {"th": "เรื่อง", "en": "Story"},
    "staff.story_author": {"th": "เจ้าของเรื่อง", "en": "Author"},
    "staff.story_marked_at": {"th": "ทำเครื่องหมายเมื่อ", "en": "Marked"},
    "staff.story_digest": {"th": "สรุปเรื่องเล่าดีๆ รายเดือน", "en": "Monthly digest"},
    "staff.story_digest_month": {
        "th": "เรื่องที่เริ่มแบ่งปันในเดือน {month}: {count} เรื่อง",
        "en": "Stories first shared in {month}: {count}",
    },
    "staff.story_digest_cost": {
        "th": "ส่งถึงสมาชิก {recipients} คน (ผู้ที่ยินยอม ติดตามบอท และไม่ได้ขอหยุดรับ) ใช้ {recipients} ข้อความ",
        "en": "Goes to {recipients} members (consented, following, not opted out): "
        "{recipients} messages",
    },
    "staff.story_digest_capped": {
        "th": "สรุปจะแสดงชื่อ {shown} เรื่องแรก และบอกว่ามีอีก {more} เรื่อง "
        "(สมาชิกอ่านครบทุกเรื่องได้ที่คำสั่ง “เรื่องเล่าดีๆ”)",
        "en": "The digest names the first {shown} and says there are {more} more "
        "(members read them all with “good stories”).",
    },
    "staff.story_digest_more": {"th": "…และอีก {count} เรื่อง", "en": "…and {count} more"},
    "staff.story_digest_over": {
        "th": "โควตาไม่พอสำหรับสรุปนี้ค่ะ: ต้องใช้ {need} ข้อความ แต่เดือนนี้เหลือ {left} ข้อความ "
        "ถ้าต้องการส่ง ให้ผู้ดูแลบัญชี LINE Official Account เพิ่มโควตา (เปลี่ยนแพ็กเกจ) "
        "ใน LINE Official Account Manager แล้วกลับมาโหลดหน้านี้ใหม่เพื่ออนุมัติ "
        "ถ้าไม่ส่ง เรื่องเหล่านี้ยังอ่านได้ที่คำสั่ง “เรื่องเล่าดีๆ”",
        "en": "The quota left is not enough for this digest: it needs {need} messages, "
        "{left} are left this month. To send it, have the LINE Official Account's admin raise the "
        "quota (change plan) in LINE Official Account Manager, then reload this page to approve. "
        "If it is not sent, members can still read these stories with “good stories”.",
    },
    "staff.story_digest_none": {
        "th": "เดือน {month} ไม่มีเรื่องที่เริ่มแบ่งปัน จึงไม่มีสรุปให้ส่งค่ะ",
        "en": "No story was first shared in {month}: there is no digest to send.",
    },
    "staff.story_digest_approve": {
        "th": "อนุมัติส่งสรุป (ระบบส่งในเวลากลางวัน)",
        "en": "Approve the digest (sent in the daytime)",
    },
    "staff.story_digest_approved": {
        "th": "อนุมัติแล้วเมื่อ {at}{sent}",
        "en": "Approved {at}{sent}",
    },
    "staff.story_digest_sent": {
        "th": " · ส่งแล้วถึง {count} คน",
        "en": " · sent to {count} members",
    },
    "staff.story_digest_scope": {
        "th": "สรุปรายเดือนส่งถึงสมาชิกทุกจังหวัด บัญชีที่เห็นเฉพาะบางจังหวัดจึงอนุมัติไม่ได้",
        "en": "The digest goes to members of every province, so an account limited to some "
        "cannot approve it.",
    },
}

ENTRIES.update(
    {
        "export.kind.themes": {"th": "ประเด็นที่พบบ่อย", "en": "Themes"},
        "export.col.theme_dimension": {"th": "จัดกลุ่มตาม", "en": "Grouped by"},
        "export.col.theme_group": {"th": "กลุ่ม", "en": "Group"},
        "export.col.theme_kind": {"th": "ชนิด", "en": "Kind"},
        "export.col.theme_rank": {"th": "อันดับ", "en": "Rank"},
        "export.col.theme_term": {"th": "คำ/วลี", "en": "Word or phrase"},
        "export.col.theme_uses": {"th": "จำนวนครั้ง", "en": "Uses"},
        "export.col.theme_reflections": {"th": "จำนวนบันทึก", "en": "Reflections"},
        "export.theme.by_network": {"th": "เครือข่าย", "en": "Network"},
        "export.theme.by_province": {"th": "จังหวัด", "en": "Province"},
        "export.theme.by_criterion": {"th": "หลัก", "en": "Criterion"},
        "export.theme.word": {"th": "คำ", "en": "word"},
        "export.theme.phrase": {"th": "วลี", "en": "phrase"},
        "export.theme.all": {"th": "ทั้งหมด", "en": "All"},
        "staff.kind_themes": {"th": "ประเด็นที่พบบ่อย (คำและวลี)", "en": "Themes (words and phrases)"},
        "staff.org_district": {"th": "อำเภอ/เขต", "en": "District"},
        "staff.org_district_save": {"th": "บันทึกอำเภอ", "en": "Save district"},
        "staff.nav_themes": {"th": "ประเด็น", "en": "Themes"},
        "staff.themes_title": {
            "th": "ประเด็นที่พบบ่อยในถอดบทเรียน",
            "en": "Themes in reflections",
        },
        "staff.themes_intro": {
            "th": "คำและวลีที่สมาชิกใช้บ่อยที่สุด (ตัดคำด้วย PyThaiNLP และตัดคำทั่วไปภาษาไทยออก) "
            "แตะคำเพื่อค้นหาบันทึกที่ใช้คำนั้น",
            "en": "The words and phrases members use most (split with PyThaiNLP, common Thai "
            "stop words removed). Tap a word to find the reflections using it.",
        },
        "staff.by": {"th": "จัดกลุ่มตาม", "en": "Group by"},
        "staff.province": {"th": "จังหวัด", "en": "Province"},
        "staff.themes_by_network": {"th": "เครือข่าย", "en": "Network"},
        "staff.themes_by_province": {"th": "จังหวัด", "en": "Province"},
        "staff.themes_by_criterion": {"th": "หลัก", "en": "Criterion"},
        "staff.themes_words": {"th": "คำที่ใช้บ่อย", "en": "Most used words"},
        "staff.themes_phrases": {"th": "วลีที่ใช้บ่อย", "en": "Most used phrases"},
        "staff.themes_term": {"th": "คำ/วลี", "en": "Word or phrase"},
        "staff.themes_uses": {"th": "ครั้ง", "en": "Uses"},
        "staff.themes_texts": {"th": "บันทึก", "en": "Reflections"},
        "staff.themes_group": {
            "th": "{group} · {count} บันทึก",
            "en": "{group} · {count} reflections",
        },
        "staff.themes_basis": {
            "th": "จาก {count} บันทึกล่าสุดที่ตรงกับตัวกรอง",
            "en": "From the latest {count} reflections matching the filters",
        },
        "staff.themes_capped": {
            "th": "(หน้านี้อ่านได้สูงสุด {limit} บันทึก ไฟล์ส่งออกนับทุกบันทึก)",
            "en": "(this page reads at most {limit}; the export counts them all)",
        },
        "staff.themes_download": {"th": "ดาวน์โหลด", "en": "Download"},
    }
)
