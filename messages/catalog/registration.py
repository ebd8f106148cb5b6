"""Texts of registration and profile editing."""

ENTRIES = {
    "register.bad_organisation_no_letters": {
        "th": "ชื่อหน่วยงานต้องมีตัวอักษรหรือตัวเลขอย่างน้อยหนึ่งตัวค่ะ เครื่องหมายหรือช่องว่างอย่างเดียวใช้ไม่ได้ ลองพิมพ์ใหม่อีกครั้ง",
        "en": "An organisation name needs at least one letter or digit: punctuation or spaces alone will not do. Please try again.",
    },
    "register.bad_name_no_letters": {
        "th": "ชื่อต้องมีตัวอักษรหรือตัวเลขอย่างน้อยหนึ่งตัวค่ะ เครื่องหมาย ช่องว่าง หรืออักขระที่มองไม่เห็นอย่างเดียวใช้เป็นชื่อไม่ได้ ลองพิมพ์ใหม่อีกครั้ง",
        "en": "A name needs at least one letter or digit: punctuation, spaces or invisible characters alone are not a name. Please try again.",
    },
    "register.title": {"th": "ลงทะเบียน", "en": "Registration"},
    "register.title_edit": {"th": "แก้ไขข้อมูล", "en": "Edit profile"},
    "register.first": {
        "th": "ก่อนเริ่มใช้งาน ขอทำความรู้จักกันสักนิดนะคะ",
        "en": "Before we start, let's get to know each other.",
    },
    "register.ask_name": {
        "th": "อยากให้เรียกชื่อว่าอะไรคะ? แตะปุ่มเพื่อใช้ชื่อ LINE หรือพิมพ์ชื่อที่ต้องการ",
        "en": "What name should I use? Tap to use your LINE name, or type another.",
    },
    "register.ask_name_plain": {
        "th": "อยากให้เรียกชื่อว่าอะไรคะ? พิมพ์ชื่อที่ต้องการได้เลย",
        "en": "What name should I use? Please type it.",
    },
    "register.bad_name": {
        "th": "ชื่อควรยาว {low}–{high} ตัวอักษรค่ะ ลองพิมพ์ใหม่อีกครั้ง",
        "en": "A name should be {low}–{high} characters. Please try again.",
    },
    "register.name_is_a_reply": {
        "th": "“{typed}” เป็นคำตอบ ไม่ใช่ชื่อใช่ไหมคะ 😊 พิมพ์ชื่อที่อยากให้เรียกได้เลยค่ะ",
        "en": "“{typed}” looks like a reply rather than a name 😊 Please type the name I should use.",
    },
    "register.ask_network": {
        "th": "คุณอยู่เครือข่ายไหนคะ?",
        "en": "Which network are you part of?",
    },
    "register.ask_organisation": {
        "th": "สังกัดหน่วยงานหรือองค์กรไหนคะ? (เช่น โรงเรียน วัด ชุมชน สำนักงานวัฒนธรรมจังหวัด)",
        "en": "Which organisation or agency are you with? (e.g. a school, temple, community, office)",
    },
    "register.bad_organisation": {
        "th": "ชื่อหน่วยงานควรยาว {low}–{high} ตัวอักษรค่ะ ลองพิมพ์ใหม่อีกครั้ง",
        "en": "An organisation name should be {low}–{high} characters. Please try again.",
    },
    "register.ask_org_pick": {
        "th": "พบหน่วยงานที่ชื่อใกล้เคียงกับ “{typed}” ค่ะ ใช่หน่วยงานไหนคะ?\n{matches}\nแตะชื่อ หรือเพิ่มเป็นหน่วยงานใหม่",
        "en": "I found organisations close to “{typed}”. Which one is yours?\n{matches}\nTap one, or add it as a new organisation.",
    },
    "register.org_new": {"th": "เพิ่มหน่วยงานใหม่", "en": "Add as new"},
    "register.org_retype": {"th": "พิมพ์ใหม่", "en": "Type again"},
    "register.ask_province": {
        "th": "อยู่จังหวัดอะไรคะ? แตะปุ่มหรือพิมพ์ชื่อจังหวัด",
        "en": "Which province? Tap the button or type its name.",
    },
    "register.bad_province": {
        "th": "ไม่พบจังหวัด “{typed}” ค่ะ ลองพิมพ์ชื่อจังหวัดอีกครั้ง เช่น เชียงราย",
        "en": "I couldn't find the province “{typed}”. Please type it again, e.g. Chiang Rai (เชียงราย).",
    },
    "register.ask_language": {
        "th": "ต้องการให้น้องคุณธรรมตอบเป็นภาษาอะไรคะ?",
        "en": "Which language should I answer in?",
    },
    "register.review": {
        "th": "ตรวจสอบข้อมูลก่อนบันทึกนะคะ\nชื่อ: {name}\nเครือข่าย: {network}\nหน่วยงาน: {organisation}\nอำเภอ: {district}\nจังหวัด: {province}\nภาษา: {lang_name}",
        "en": "Please check before saving\nName: {name}\nNetwork: {network}\nOrganisation: {organisation}\nDistrict: {district}\nProvince: {province}\nLanguage: {lang_name}",
    },
    "register.save": {"th": "บันทึก", "en": "Save"},
    "register.edit_name": {"th": "แก้ชื่อ", "en": "Edit name"},
    "register.edit_network": {"th": "แก้เครือข่าย", "en": "Edit network"},
    "register.edit_organisation": {"th": "แก้หน่วยงาน", "en": "Edit organisation"},
    "register.edit_province": {"th": "แก้จังหวัด", "en": "Edit province"},
    "register.edit_language": {"th": "แก้ภาษา", "en": "Edit language"},
    "register.edit_district": {"th": "แก้อำเภอ", "en": "Edit district"},
    "register.ask_district": {
        "th": "หน่วยงานของคุณอยู่อำเภอ (หรือเขต) อะไรคะ? พิมพ์ชื่ออำเภอ เช่น แม่สาย หรือพิมพ์ ข้าม",
        "en": "Which district (amphoe) is your organisation in? Type its name, e.g. Mae Sai, or type skip.",
    },
    "register.bad_district": {
        "th": "ชื่ออำเภอควรยาว {low}–{high} ตัวอักษรค่ะ ลองพิมพ์ใหม่อีกครั้ง",
        "en": "A district name should be {low}–{high} characters. Please try again.",
    },
    "register.bad_district_no_letters": {
        "th": "ชื่ออำเภอต้องมีตัวอักษรอย่างน้อยหนึ่งตัวค่ะ ลองพิมพ์ใหม่อีกครั้ง",
        "en": "A district name needs at least one letter. Please try again.",
    },
    "register.done": {
        "th": "ลงทะเบียนเรียบร้อยค่ะ ยินดีต้อนรับคุณ{name} 🙏 เลือกสิ่งที่อยากทำได้เลย",
        "en": "You're registered. Welcome, {name} 🙏 Choose what you'd like to do.",
    },
    "register.updated": {
        "th": "แก้ไขข้อมูลเรียบร้อยแล้วค่ะ",
        "en": "Your details are updated.",
    },
    "language.name_th": {"th": "ภาษาไทย", "en": "Thai"},
    "language.name_en": {"th": "ภาษาอังกฤษ", "en": "English"},
}
