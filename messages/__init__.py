"""Every user-visible word (Thai and English side by side) and the builders of LINE messages."""
