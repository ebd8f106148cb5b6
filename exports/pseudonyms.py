"""Stable pseudonyms: the same member gets the same code in every export, and no one can reverse it."""

from __future__ import annotations

import base64
import hashlib
import hmac


class PseudonymSecretMissing(RuntimeError):
    """Anonymized exports need EXPORT_PSEUDONYM_SECRET, or codes would change between exports."""


def pseudonym(secret: str | None, line_user_id: str) -> str:
    """Return a short code derived by HMAC-SHA256 from the LINE user id (e.g. M-7KQ2XW4PDA)."""
    if not secret:
        raise PseudonymSecretMissing(
            "set EXPORT_PSEUDONYM_SECRET to a long random string to export anonymized data"
        )
    digest = hmac.new(secret.encode(), line_user_id.encode(), hashlib.sha256).digest()
    return "M-" + base64.b32encode(digest).decode()[:10]
