"""Local mode's secrets: made once per installation into instance/ (mode 600), never in the code.

A constant key in the source would let anyone who has read the code forge a staff session or
re-derive anonymized export pseudonyms on every laptop that runs the bot; a key file made on first
start keeps sessions and pseudonyms stable across restarts without that risk.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def installation_secret(directory: Path, name: str) -> str:
    """Return the secret stored in directory/name, making it (readable by the owner only) if new."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        value = path.read_text(encoding="ascii").strip()
        if len(value) >= 32:
            return value
        raise ValueError(f"{path} is damaged: delete it to make a new key") from None
    value = secrets.token_urlsafe(48)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(value + "\n")
    return value
