"""Texts of good practice shared back: the author's permission, เรื่องเล่าดีๆ, the monthly digest."""

ENTRIES = {
    "stories.ask": {
        "th": "เจ้าหน้าที่ศูนย์คุณธรรมเห็นว่า{kind} “{title}” ของคุณเป็นตัวอย่างที่ดีค่ะ 🌟 "
        "อนุญาตให้แบ่งปันเป็นเรื่องเล่าดีๆ ให้สมาชิกเครือข่ายอ่านไหมคะ? "
        "(ไม่ใส่ชื่อคุณ เว้นแต่คุณอนุญาต และถอนได้ทุกเมื่อ)",
        "en": "The Moral Center's staff found your {kind} “{title}” a good example 🌟 May we "
        "share it with other members as a good story? (Without your name unless you allow it; "
        "you can withdraw at any time.)",
    },
    "stories.ask.alt": {
        "th": "ขออนุญาตแบ่งปันเรื่องเล่าดีๆ ของคุณ",
        "en": "May we share your good story?",
    },
    "stories.kind.activity": {"th": "กิจกรรม", "en": "activity"},
    "stories.kind.reflection": {"th": "ถอดบทเรียน", "en": "reflection"},
    "stories.button.allow": {"th": "อนุญาต", "en": "Allow"},
    "stories.button.deny": {"th": "ไม่อนุญาต", "en": "Don't share"},
    "stories.button.named": {"th": "ใส่ชื่อของฉันด้วย", "en": "Show my name"},
    "stories.button.anonymous": {"th": "ไม่ต้องใส่ชื่อ", "en": "Without my name"},
    "stories.button.withdraw": {"th": "ถอน: {title}", "en": "Withdraw: {title}"},
    "stories.button.allow_again": {"th": "อนุญาต: {title}", "en": "Allow: {title}"},
    "stories.button.browse": {"th": "เรื่องเล่าดีๆ", "en": "Good stories"},
    "stories.button.digest_off": {"th": "ไม่รับสรุปรายเดือน", "en": "No monthly digest"},
    "stories.button.digest_on": {"th": "รับสรุปรายเดือน", "en": "Monthly digest"},
    "stories.granted": {
        "th": "ขอบคุณมากค่ะ 🙏 “{title}” จะอยู่ในเรื่องเล่าดีๆ โดยไม่ใส่ชื่อของคุณ "
        "ต้องการให้ใส่ชื่อด้วยไหมคะ? เปลี่ยนใจเมื่อไร พิมพ์ “เรื่องเล่าของฉัน” ได้เลยค่ะ",
        "en": "Thank you 🙏 “{title}” will be among the good stories, without your name. "
        "Would you like your name shown? To change your mind later, type “my stories”.",
    },
    "stories.named": {
        "th": "ใส่ชื่อ{name}ในเรื่อง “{title}” แล้วค่ะ ขอบคุณที่แบ่งปันนะคะ 🙏",
        "en": "Your name, {name}, now shows with “{title}”. Thank you for sharing 🙏",
    },
    "stories.anonymous": {
        "th": "แบ่งปัน “{title}” โดยไม่ใส่ชื่อของคุณค่ะ ขอบคุณนะคะ 🙏",
        "en": "“{title}” is shared without your name. Thank you 🙏",
    },
    "stories.refused": {
        "th": "รับทราบค่ะ จะไม่แบ่งปัน “{title}” ขอบคุณที่บันทึกไว้นะคะ 🙏",
        "en": "Understood: “{title}” will not be shared. Thank you for recording it 🙏",
    },
    "stories.withdrawn": {
        "th": "ถอน “{title}” ออกจากเรื่องเล่าดีๆ แล้วค่ะ สมาชิกคนอื่นจะไม่เห็นอีก",
        "en": "“{title}” is withdrawn from the good stories: no one else will see it again.",
    },
    "stories.unknown": {
        "th": "ไม่พบเรื่องนี้แล้วค่ะ อาจถูกลบไปแล้ว",
        "en": "That story no longer exists; it may have been deleted.",
    },
    "stories.none": {
        "th": "ยังไม่มีเรื่องเล่าดีๆ ที่แบ่งปันค่ะ เมื่อเจ้าหน้าที่คัดเลือกและเจ้าของเรื่องอนุญาตแล้ว จะมาให้อ่านที่นี่นะคะ 🌱",
        "en": "No good stories are shared yet. Once staff pick one and its author agrees, "
        "you can read it here 🌱",
    },
    "stories.pick": {
        "th": "เรื่องเล่าดีๆ จากเครือข่ายคุณธรรม 🌟 ตอนนี้มี {count} เรื่อง เลือกหลักที่อยากอ่านได้เลยค่ะ\n{lines}",
        "en": "Good stories from the moral networks 🌟 {count} so far. "
        "Pick a criterion to read:\n{lines}",
    },
    "stories.pick_line": {"th": "• {criterion}: {count} เรื่อง", "en": "• {criterion}: {count}"},
    "stories.criterion_empty": {
        "th": "หลัก “{criterion}” ยังไม่มีเรื่องเล่าค่ะ ลองเลือกหลักอื่นนะคะ",
        "en": "No stories for “{criterion}” yet; try another criterion.",
    },
    "stories.alt": {
        "th": "เรื่องเล่าดีๆ: {criterion} ({count} เรื่อง)",
        "en": "Good stories: {criterion} ({count})",
    },
    "stories.more": {
        "th": "แสดง {shown} เรื่องล่าสุดจาก {count} เรื่องค่ะ",
        "en": "The latest {shown} of {count} stories.",
    },
    "stories.by": {"th": "โดย {name}", "en": "By {name}"},
    "stories.by_org": {"th": "โดย {name} · {organisation}", "en": "By {name} · {organisation}"},
    "stories.by_network": {"th": "โดยสมาชิก{network}", "en": "By a member of {network}"},
    "stories.by_member": {"th": "โดยสมาชิกเครือข่ายคุณธรรม", "en": "By a member of a moral network"},
    "stories.facts": {"th": "{place} · {count} คน", "en": "{place} · {count} people"},
    "stories.facts_online": {"th": "ออนไลน์ · {count} คน", "en": "Online · {count} people"},
    "stories.mine.none": {
        "th": "ยังไม่มีเรื่องของคุณที่เจ้าหน้าที่เลือกเป็นเรื่องเล่าดีๆ ค่ะ",
        "en": "Staff haven't picked any of your records as a good story yet.",
    },
    "stories.mine": {
        "th": "เรื่องของคุณที่เจ้าหน้าที่เลือกเป็นเรื่องเล่าดีๆ:\n{lines}\nแตะปุ่มด้านล่างเพื่อถอน หรืออนุญาตได้ทุกเมื่อค่ะ",
        "en": "Your records staff picked as good stories:\n{lines}\n"
        "Tap a button below to withdraw or allow one at any time.",
    },
    "stories.mine.asked": {
        "th": "• {title}: รอคำตอบของคุณ",
        "en": "• {title}: awaiting your answer",
    },
    "stories.mine.granted": {
        "th": "• {title}: แบ่งปันอยู่ ({named})",
        "en": "• {title}: shared ({named})",
    },
    "stories.mine.refused": {"th": "• {title}: ไม่แบ่งปัน", "en": "• {title}: not shared"},
    "stories.mine.withdrawn": {"th": "• {title}: ถอนแล้ว", "en": "• {title}: withdrawn"},
    "stories.mine.with_name": {"th": "ใส่ชื่อ", "en": "with your name"},
    "stories.mine.without_name": {"th": "ไม่ใส่ชื่อ", "en": "without your name"},
    "stories.digest": {
        "th": "เรื่องเล่าดีๆ ประจำเดือน{month} 🌟 มี {count} เรื่องใหม่จากเครือข่ายคุณธรรม:\n{lines}\n"
        "พิมพ์ “เรื่องเล่าดีๆ” เพื่ออ่านทั้งหมดค่ะ\n"
        "(ไม่อยากรับสรุปนี้ พิมพ์ “ไม่รับเรื่องเล่ารายเดือน”)",
        "en": "Good stories of {month} 🌟 {count} new from the moral networks:\n{lines}\n"
        "Type “good stories” to read them all.\n(To stop this digest, type “no story digest”.)",
    },
    "stories.digest_line": {"th": "• {title} (หลัก: {criteria})", "en": "• {title} ({criteria})"},
    "stories.digest_more": {"th": "…และอีก {count} เรื่อง", "en": "…and {count} more"},
    "stories.digest_off": {
        "th": "หยุดส่งสรุปเรื่องเล่าดีๆ รายเดือนแล้วค่ะ อยากรับอีกเมื่อไร พิมพ์ “รับเรื่องเล่ารายเดือน”",
        "en": "The monthly digest of good stories is off. To get it again, type “story digest”.",
    },
    "stories.digest_on": {
        "th": "จะส่งสรุปเรื่องเล่าดีๆ ให้ทุกเดือนค่ะ 🌟 ไม่อยากรับเมื่อไร พิมพ์ “ไม่รับเรื่องเล่ารายเดือน”",
        "en": "You'll get the good stories digest every month 🌟 To stop, type “no story digest”.",
    },
    "mydata.stories": {
        "th": "เรื่องเล่าดีๆ ที่เจ้าหน้าที่เลือกจากบันทึกของคุณ: {count} เรื่อง",
        "en": "Records of yours staff picked as good stories: {count}",
    },
    "mydata.story_item.asked": {"th": "  – {title}: รอคำตอบ", "en": "  – {title}: awaiting answer"},
    "mydata.story_item.granted": {"th": "  – {title}: อนุญาตแล้ว", "en": "  – {title}: allowed"},
    "mydata.story_item.refused": {"th": "  – {title}: ไม่อนุญาต", "en": "  – {title}: refused"},
    "mydata.story_item.withdrawn": {"th": "  – {title}: ถอนแล้ว", "en": "  – {title}: withdrawn"},
    "mydata.story_digest_off": {
        "th": "ไม่รับสรุปเรื่องเล่าดีๆ รายเดือน",
        "en": "Monthly good-stories digest: off",
    },
}
