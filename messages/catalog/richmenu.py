"""Text of the rich menu (its buttons reuse the main actions' labels)."""

ENTRIES = {
    # The chat bar under the chat: LINE allows at most 14 characters.
    "richmenu.chat_bar": {"th": "เมนู", "en": "Menu"},
}
