"""Texts of the activity log, the confirmation card, "my activities" and the five criteria."""

ENTRIES = {
    "activity.bad_title_no_letters": {
        "th": "ชื่อกิจกรรมต้องมีตัวอักษรหรือตัวเลขค่ะ เครื่องหมาย ช่องว่าง หรืออักขระที่มองไม่เห็นอย่างเดียวใช้เป็นชื่อไม่ได้ ลองพิมพ์ใหม่อีกครั้ง",
        "en": "An activity name needs letters or digits: punctuation, spaces or invisible characters alone are not a name. Please try again.",
    },
    # The five criteria of a model moral organisation: short names fit a button (≤ 19 characters,
    # so a ✓ still fits LINE's 20), full texts as the source article states them.
    "criterion.1.short": {"th": "1 หลักคุณธรรมร่วม", "en": "1 Shared principles"},
    "criterion.2.short": {"th": "2 การมีส่วนร่วม", "en": "2 Participation"},
    "criterion.3.short": {"th": "3 ผลลัพธ์ที่ดีขึ้น", "en": "3 Better results"},
    "criterion.4.short": {"th": "4 การยอมรับจากสังคม", "en": "4 Recognition"},
    "criterion.5.short": {"th": "5 ความยั่งยืน", "en": "5 Sustainability"},
    "criterion.1.full": {
        "th": "มีหลักคุณธรรมเป้าหมายที่ยึดถือร่วมกัน",
        "en": "Shared moral principles and goals held in common",
    },
    "criterion.2.full": {
        "th": "หลักการมีส่วนร่วม: มีกลไก กระบวนการทำงาน การมีส่วนร่วมของสมาชิกเครือข่าย",
        "en": "Participation: mechanisms, working processes, members' participation",
    },
    "criterion.3.full": {
        "th": "ผลลัพธ์ที่เกิดขึ้นจากการดำเนินงานส่งผลให้พื้นที่หรือองค์กรเปลี่ยนแปลงไปในทางที่ดีขึ้น",
        "en": "Results: the area or organisation changed for the better",
    },
    "criterion.4.full": {
        "th": "การยอมรับในความเป็นต้นแบบจากสังคม",
        "en": "Recognition by society as a model",
    },
    "criterion.5.full": {
        "th": "ความมุ่งมั่นเพื่อเป้าหมายสู่ความยั่งยืน",
        "en": "Commitment to goals towards sustainability",
    },
    # Asking, step by step.
    "activity.ask_title": {
        "th": ("กิจกรรมชื่ออะไรคะ? ✍️\nพิมพ์ครบในบรรทัดเดียวก็ได้ค่ะ เช่น ปลูกป่าชุมชน 12/9/2564 30 คน ออนไลน์"),
        "en": (
            "What was the activity called? ✍️\n"
            "You can also type it all in one line, e.g. Tree planting 12/9/2021 30 people online"
        ),
    },
    "activity.bad_title": {
        "th": "ชื่อกิจกรรมควรยาว {low}–{high} ตัวอักษรค่ะ ลองพิมพ์ใหม่อีกครั้ง",
        "en": "An activity name should be {low}–{high} characters. Please try again.",
    },
    "activity.ask_date": {
        "th": "จัดกิจกรรมวันไหนคะ? แตะปุ่ม หรือพิมพ์วันที่ เช่น 9/8/2564 หรือ 9 ส.ค. 64",
        "en": "When was it held? Tap a button or type a date, e.g. 9/8/2021 or 9 Aug 2021.",
    },
    "activity.date_today": {"th": "วันนี้", "en": "Today"},
    "activity.date_yesterday": {"th": "เมื่อวาน", "en": "Yesterday"},
    "activity.date_pick": {"th": "เลือกจากปฏิทิน", "en": "Pick a date"},
    "activity.date_future": {
        "th": "วันที่ {date} ยังมาไม่ถึงค่ะ บันทึกได้เฉพาะกิจกรรมที่จัดไปแล้ว (วันนี้คือ {today})",
        "en": "{date} is still to come. Only activities already held can be logged (today is {today}).",
    },
    "activity.date_too_old": {
        "th": "วันที่ {date} เก่าเกินไปค่ะ ลองตรวจปีอีกครั้ง (พ.ศ. เช่น 2564 หรือ ค.ศ. เช่น 2021)",
        "en": "{date} is too long ago. Please check the year (e.g. 2021, or 2564 in the Thai era).",
    },
    "activity.ask_place": {
        "th": "จัดที่ไหนคะ? พิมพ์ชื่อสถานที่ หรือแตะ ออนไลน์",
        "en": "Where was it held? Type the place, or tap Online.",
    },
    "activity.online": {"th": "ออนไลน์", "en": "Online"},
    "activity.bad_place": {
        "th": "ชื่อสถานที่ควรยาว 2–200 ตัวอักษรค่ะ ลองพิมพ์ใหม่อีกครั้ง",
        "en": "A place should be 2–200 characters. Please try again.",
    },
    "activity.ask_participants": {
        "th": "มีผู้เข้าร่วมกี่คนคะ? พิมพ์เป็นตัวเลข เช่น 30",
        "en": "How many people took part? Type a number, e.g. 30.",
    },
    "activity.participants_not_number": {
        "th": "ขอเป็นตัวเลขจำนวนคนค่ะ เช่น 30 หรือ ๓๐ คน",
        "en": "Please type the number of people, e.g. 30.",
    },
    "activity.participants_range": {
        "th": "จำนวนผู้เข้าร่วมควรอยู่ระหว่าง 1 ถึง {most} คนค่ะ",
        "en": "The number of people should be between 1 and {most}.",
    },
    "activity.ask_criteria": {
        "th": (
            "กิจกรรมนี้สอดคล้องกับหลักใดบ้างคะ? เลือกได้มากกว่า 1 ข้อ: แตะข้อที่ใช่ทีละข้อ "
            "หรือพิมพ์ตัวเลข เช่น 1 3\n{criteria}"
        ),
        "en": (
            "Which of the five criteria does it serve? Choose one or more: tap each that fits, "
            "or type the numbers, e.g. 1 3\n{criteria}"
        ),
    },
    "activity.criteria_chosen": {
        "th": "เลือกแล้ว: {chosen}\nแตะข้ออื่นเพื่อเพิ่มหรือเอาออก หรือแตะ เสร็จ",
        "en": "Chosen: {chosen}\nTap another to add or remove it, or tap Done.",
    },
    "activity.criteria_none": {
        "th": "กรุณาเลือกอย่างน้อย 1 หลักค่ะ",
        "en": "Please choose at least one criterion.",
    },
    "activity.criteria_bad": {
        "th": "หลักมีข้อ 1 ถึง 5 ค่ะ แตะปุ่ม หรือพิมพ์ตัวเลข เช่น 1 3",
        "en": "The criteria are numbered 1 to 5. Tap a button or type numbers, e.g. 1 3.",
    },
    "activity.done": {"th": "เสร็จ", "en": "Done"},
    "activity.ask_photos": {
        "th": "ส่งรูปกิจกรรมได้สูงสุด {most} รูปค่ะ 📷 ถ่ายรูปหรือเลือกจากคลังรูป หรือแตะ ไม่มีรูป",
        "en": "Send up to {most} photos of the activity 📷 Take or choose them, or tap No photos.",
    },
    "activity.photos_more": {
        "th": "ได้รับรูปแล้ว {count} รูปค่ะ ส่งเพิ่มได้อีก {left} รูป หรือแตะ เสร็จ",
        "en": "{count} photo(s) received. You can send {left} more, or tap Done.",
    },
    "activity.photos_at_most": {
        "th": "มีรูปครบ {most} รูปแล้วค่ะ แตะ ลบรูปทั้งหมด เพื่อส่งใหม่ หรือแตะ เสร็จ",
        "en": "You have all {most} photos. Tap Remove photos to send new ones, or tap Done.",
    },
    "activity.camera": {"th": "ถ่ายรูป", "en": "Camera"},
    "activity.camera_roll": {"th": "เลือกรูป", "en": "Photos"},
    "activity.no_photos": {"th": "ไม่มีรูป", "en": "No photos"},
    "activity.clear_photos": {"th": "ลบรูปทั้งหมด", "en": "Remove photos"},
    "activity.photos_full": {
        "th": "รับรูปได้สูงสุด {most} รูปค่ะ รูปนี้จึงไม่ได้บันทึก",
        "en": "At most {most} photos can be kept, so this one was not added.",
    },
    "activity.photo_failed": {
        "th": "ขออภัยค่ะ รับรูปนี้ไม่สำเร็จ กรุณาส่งใหม่อีกครั้ง",
        "en": "Sorry, that photo could not be received. Please send it again.",
    },
    "activity.photo_not_image": {
        "th": "ไฟล์นี้ไม่ใช่รูปภาพค่ะ กรุณาส่งเป็นรูป (JPEG หรือ PNG)",
        "en": "That file is not a picture. Please send a photo (JPEG or PNG).",
    },
    "activity.photo_too_big": {
        "th": "รูปนี้ใหญ่เกิน 10 MB ค่ะ กรุณาส่งรูปที่เล็กลง",
        "en": "That photo is over 10 MB. Please send a smaller one.",
    },
    "activity.photo_want_image": {
        "th": "ขั้นนี้รอรูปภาพค่ะ ส่งรูป หรือแตะ ไม่มีรูป",
        "en": "This step waits for photos. Send one, or tap No photos.",
    },
    "activity.photo_want_more": {
        "th": "ขั้นนี้รอรูปภาพค่ะ ส่งรูปเพิ่ม หรือแตะ เสร็จ",
        "en": "This step waits for photos. Send another, or tap Done.",
    },
    # The confirmation card.
    "activity.card_title": {"th": "ตรวจสอบก่อนบันทึก", "en": "Check before saving"},
    "activity.card_title_edit": {"th": "แก้ไขกิจกรรม", "en": "Edit activity"},
    "activity.card_alt": {
        "th": "ตรวจสอบกิจกรรม “{title}” ก่อนบันทึก",
        "en": "Check the activity “{title}” before saving",
    },
    "activity.field.title": {"th": "ชื่อกิจกรรม", "en": "Activity"},
    "activity.field.date": {"th": "วันที่", "en": "Date"},
    "activity.field.place": {"th": "สถานที่", "en": "Place"},
    "activity.field.participants": {"th": "ผู้เข้าร่วม", "en": "People"},
    "activity.field.criteria": {"th": "หลักที่สอดคล้อง", "en": "Criteria"},
    "activity.field.photos": {"th": "รูปภาพ", "en": "Photos"},
    "activity.field.lesson": {"th": "บทเรียนที่ได้", "en": "Lesson learned"},
    "activity.no_lesson": {"th": "ยังไม่ได้ถอดบทเรียน", "en": "No reflection yet"},
    "activity.participants_value": {"th": "{count} คน", "en": "{count} people"},
    "activity.photos_value": {"th": "{count} รูป", "en": "{count} photo(s)"},
    "activity.edit": {"th": "แก้ไข", "en": "Edit"},
    "activity.edit_field": {"th": "แก้ไข{field}", "en": "Edit: {field}"},
    "activity.save": {"th": "บันทึก", "en": "Save"},
    "activity.review_hint": {
        "th": "แตะ บันทึก เพื่อบันทึก หรือแตะ แก้ไข ที่ข้อที่ต้องการแก้ค่ะ",
        "en": "Tap Save to save it, or Edit beside what you want to change.",
    },
    "activity.saved": {
        "th": "บันทึกกิจกรรม “{title}” เรียบร้อยแล้วค่ะ 🙏 ขอบคุณที่ร่วมสร้างสังคมคุณธรรม",
        "en": "“{title}” is saved 🙏 Thank you for building a moral society.",
    },
    "activity.updated": {
        "th": "แก้ไขกิจกรรม “{title}” เรียบร้อยแล้วค่ะ",
        "en": "“{title}” is updated.",
    },
    # My activities.
    "activity.my": {"th": "กิจกรรมของฉัน", "en": "My activities"},
    "activity.my_none": {
        "th": "ยังไม่มีกิจกรรมที่บันทึกไว้ค่ะ แตะ บันทึกกิจกรรม เพื่อเริ่มได้เลย",
        "en": "No activities logged yet. Tap Log activity to start.",
    },
    "activity.my_alt": {
        "th": "กิจกรรมของฉัน {count} รายการล่าสุด",
        "en": "My latest {count} activities",
    },
    "activity.logged_on": {"th": "บันทึกเมื่อ {date}", "en": "Logged {date}"},
    "activity.editable_until": {
        "th": "แก้ไขหรือลบได้ถึง {date}",
        "en": "Can be edited or deleted until {date}",
    },
    "activity.locked": {
        "th": "บันทึกเกิน 7 วันแล้ว แก้ไขหรือลบไม่ได้",
        "en": "Logged over 7 days ago: no longer editable",
    },
    "activity.delete": {"th": "ลบ", "en": "Delete"},
    "activity.delete_confirm_no_photos": {
        "th": "ต้องการลบกิจกรรม “{title}” ({date}) ใช่ไหมคะ? ลบแล้วกู้คืนไม่ได้",
        "en": "Delete “{title}” ({date})? This cannot be undone.",
    },
    "activity.delete_confirm": {
        "th": "ต้องการลบกิจกรรม “{title}” ({date}) และรูป {photos} รูป ใช่ไหมคะ? ลบแล้วกู้คืนไม่ได้",
        "en": "Delete “{title}” ({date}) and its {photos} photo(s)? This cannot be undone.",
    },
    "activity.delete_yes": {"th": "ลบเลย", "en": "Delete it"},
    "activity.delete_no": {"th": "ไม่ลบ", "en": "Keep it"},
    "activity.deleted": {
        "th": "ลบกิจกรรม “{title}” แล้วค่ะ",
        "en": "“{title}” is deleted.",
    },
    "activity.kept": {
        "th": "เก็บกิจกรรมไว้ตามเดิมค่ะ",
        "en": "The activity is kept as it was.",
    },
    "activity.too_old": {
        "th": (
            "ขออภัยค่ะ กิจกรรม “{title}” บันทึกไว้เกิน 7 วันแล้ว จึงแก้ไขหรือลบไม่ได้ "
            "หากข้อมูลไม่ถูกต้อง กรุณาแจ้งผู้ประสานงานเครือข่ายค่ะ"
        ),
        "en": (
            "Sorry, “{title}” was logged more than 7 days ago, so it can no longer be edited or "
            "deleted. If something is wrong, please tell your network coordinator."
        ),
    },
    "activity.not_found": {
        "th": "ไม่พบกิจกรรมนี้ค่ะ อาจถูกลบไปแล้ว",
        "en": "That activity was not found; it may have been deleted.",
    },
}
