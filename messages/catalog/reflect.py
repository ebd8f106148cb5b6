"""Texts of reflections (ถอดบทเรียน): the after-action-review questions, tags, review, nudges."""

ENTRIES = {
    "reflect.ask_activity": {
        "th": "มาถอดบทเรียนกันค่ะ ✍️ บทเรียนนี้มาจากกิจกรรมไหนคะ? เลือกกิจกรรมล่าสุด หรือแตะ “ไม่ระบุกิจกรรม”",
        "en": "Let's reflect ✍️ Which activity is this about? Pick a recent one, or tap “No activity”.",
    },
    "reflect.no_activity": {"th": "ไม่ระบุกิจกรรม", "en": "No activity"},
    "reflect.about": {"th": "กิจกรรม: {title} ({date})", "en": "Activity: {title} ({date})"},
    "reflect.ask_set_out": {
        "th": "ถอดบทเรียน ข้อ 1/5 🎯\nเราตั้งใจจะทำอะไร (เป้าหมายของกิจกรรมคืออะไร)?\nพิมพ์ตอบสั้น ๆ ได้เลยค่ะ ไม่เกิน {limit} ตัวอักษรต่อข้อ ข้อ 1, 2, 3 และ 5 ต้องตอบ ส่วนข้อ 4 ข้ามได้",
        "en": "Reflection, question 1/5 🎯\nWhat did we set out to do (the aim of the activity)?\nA short answer is fine, up to {limit} characters each. Questions 1, 2, 3 and 5 need an answer; 4 can be skipped.",
    },
    "reflect.ask_happened": {
        "th": "ข้อ 2/5 📋\nสิ่งที่เกิดขึ้นจริงเป็นอย่างไรบ้างคะ?",
        "en": "Question 2/5 📋\nWhat actually happened?",
    },
    "reflect.ask_worked": {
        "th": "ข้อ 3/5 🌱\nอะไรทำให้สำเร็จคะ (ปัจจัยความสำเร็จ)?",
        "en": "Question 3/5 🌱\nWhat made it work (the success factors)?",
    },
    "reflect.ask_obstacles": {
        "th": "ข้อ 4/5 🧗\nอะไรเป็นอุปสรรค และเราแก้ไขอย่างไรคะ? (ถ้าไม่มี แตะ ข้าม)",
        "en": "Question 4/5 🧗\nWhat got in the way, and how did we deal with it? (None: tap Skip)",
    },
    "reflect.ask_lesson": {
        "th": "ข้อ 5/5 💡\nบทเรียนที่ได้คืออะไร และครั้งต่อไปเราจะทำอะไรคะ?",
        "en": "Question 5/5 💡\nWhat is the lesson, and what will we do next time?",
    },
    "reflect.too_short": {
        "th": "ช่วยเล่าเพิ่มอีกนิดนะคะ (อย่างน้อย 2 ตัวอักษร)",
        "en": "Please write a little more (at least 2 characters).",
    },
    "reflect.trimmed": {
        "th": "✂️ คำตอบข้อ {number} ยาวเกิน {limit} ตัวอักษร จึงเก็บไว้เฉพาะส่วนแรก จบที่ “{tail}” ค่ะ ถ้าส่วนที่ตัดออกสำคัญ แก้ข้อนี้ได้ที่หน้าทบทวนก่อนบันทึก",
        "en": "✂️ Answer {number} was over {limit} characters, so only its first part is kept, ending “{tail}”. If the rest matters, edit it on the review card before saving.",
    },
    "reflect.ask_tags": {
        "th": "บทเรียนนี้เกี่ยวกับหลักใดบ้างคะ? แตะเพื่อเลือก (เลือกได้หลายข้อ) หรือพิมพ์ตัวเลข เช่น 1 3 แล้วแตะ “เสร็จ”\n{criteria}\nเลือกแล้ว: {chosen}",
        "en": "Which criteria does this lesson speak to? Tap to choose (several are fine) or type numbers like 1 3, then tap “Done”.\n{criteria}\nChosen: {chosen}",
    },
    "reflect.tags_none": {"th": "ยังไม่ได้เลือก", "en": "none yet"},
    "reflect.tags_done": {"th": "เสร็จ", "en": "Done"},
    "reflect.want_tags": {
        "th": "แตะชื่อหลักเพื่อเลือก หรือพิมพ์ตัวเลข 1–{count} แล้วแตะ “เสร็จ” ค่ะ",
        "en": "Tap a criterion to choose it, or type numbers 1–{count}, then tap “Done”.",
    },
    "reflect.review_title": {"th": "ทบทวนถอดบทเรียน", "en": "Review your reflection"},
    "reflect.review_hint": {
        "th": "ตรวจทานแล้วแตะ “บันทึก” หรือเลือกข้อที่จะแก้ไขค่ะ",
        "en": "Check it, then tap “Save”, or choose what to edit.",
    },
    "reflect.part.activity": {"th": "กิจกรรม", "en": "Activity"},
    "reflect.part.set_out": {"th": "🎯 สิ่งที่ตั้งใจจะทำ", "en": "🎯 What we set out to do"},
    "reflect.part.happened": {"th": "📋 สิ่งที่เกิดขึ้นจริง", "en": "📋 What actually happened"},
    "reflect.part.worked": {"th": "🌱 ปัจจัยความสำเร็จ", "en": "🌱 What made it work"},
    "reflect.part.obstacles": {"th": "🧗 อุปสรรคและการแก้ไข", "en": "🧗 What got in the way"},
    "reflect.part.lesson": {"th": "💡 บทเรียนและก้าวต่อไป", "en": "💡 Lesson and next step"},
    "reflect.part.criteria": {"th": "หลักที่เกี่ยวข้อง", "en": "Criteria"},
    "reflect.none": {"th": "ไม่มี", "en": "None"},
    "reflect.was_trimmed": {
        "th": "✂️ ตัดให้เหลือ {limit} ตัวอักษร",
        "en": "✂️ trimmed to {limit} characters",
    },
    "reflect.save": {"th": "บันทึก", "en": "Save"},
    "reflect.edit.activity": {"th": "แก้กิจกรรม", "en": "Edit activity"},
    "reflect.edit.set_out": {"th": "แก้ข้อ 1 เป้าหมาย", "en": "Edit 1 Aim"},
    "reflect.edit.happened": {"th": "แก้ข้อ 2 ที่เกิดขึ้น", "en": "Edit 2 What happened"},
    "reflect.edit.worked": {"th": "แก้ข้อ 3 ปัจจัย", "en": "Edit 3 What worked"},
    "reflect.edit.obstacles": {"th": "แก้ข้อ 4 อุปสรรค", "en": "Edit 4 Obstacles"},
    "reflect.edit.lesson": {"th": "แก้ข้อ 5 บทเรียน", "en": "Edit 5 Lesson"},
    "reflect.edit.tags": {"th": "แก้หลักที่เกี่ยวข้อง", "en": "Edit criteria"},
    "reflect.saved": {
        "th": "บันทึกถอดบทเรียนแล้วค่ะ ขอบคุณที่แบ่งปัน 🙏 บทเรียนนี้ช่วยให้เครือข่ายได้เรียนรู้ร่วมกัน\nแก้ไขได้ภายใน 24 ชั่วโมง แตะ “แก้ไขถอดบทเรียน”",
        "en": "Reflection saved. Thank you for sharing 🙏 It helps the whole network learn.\nYou can edit it for 24 hours: tap “Edit reflection”.",
    },
    "reflect.updated": {
        "th": "บันทึกการแก้ไขถอดบทเรียนแล้วค่ะ 🙏",
        "en": "Your changes to the reflection are saved 🙏",
    },
    "reflect.edit_button": {"th": "แก้ไขถอดบทเรียน", "en": "Edit reflection"},
    "reflect.nothing_to_edit": {
        "th": "ยังไม่มีถอดบทเรียนที่แก้ไขได้ค่ะ (แก้ไขได้ภายใน 24 ชั่วโมงหลังบันทึก)",
        "en": "There is no reflection to edit (a reflection can be edited for 24 hours after saving).",
    },
    "reflect.edit_expired": {
        "th": "ขออภัยค่ะ ถอดบทเรียนนี้บันทึกไว้เกิน 24 ชั่วโมงแล้ว จึงแก้ไขไม่ได้ ฉบับเดิมยังอยู่ครบค่ะ",
        "en": "Sorry, this reflection was saved more than 24 hours ago and can no longer be edited. The saved version is unchanged.",
    },
    "nudge.reflect": {
        "th": "สวัสดีค่ะ คุณ{name} 🙏 กิจกรรม “{title}” เมื่อ {date} เป็นอย่างไรบ้างคะ? ใช้เวลาสัก 1 นาทีถอดบทเรียนไว้ ให้เพื่อน ๆ ในเครือข่ายได้เรียนรู้ด้วยกันนะคะ",
        "en": "Hello {name} 🙏 How did “{title}” on {date} go? Take a minute to write down the lessons learned, so the whole network can learn from it.",
    },
    "nudge.reflect_button": {"th": "ถอดบทเรียนเลย", "en": "Reflect now"},
}
