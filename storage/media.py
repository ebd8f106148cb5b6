"""Keep the photos members send as files: one folder per member, each file named by its content.

Layout under the media directory: `members/<member id>/<sha256 of the bytes>.<ext>`. Per-member
folders make "delete my data" one folder removal; content names make a photo sent twice one file
and leave nothing from the member's words in a file name. The database keeps the relative path.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

MAX_IMAGE_BYTES = 10 * 1024 * 1024  # LINE's own limit for an image a user sends
_NAME = re.compile(r"members/(\d+)/([0-9a-f]{64})\.(jpg|png|gif|webp)")


class NotAnImage(ValueError):
    """The bytes are not a JPEG, PNG, GIF or WebP image."""


class TooLarge(ValueError):
    """The image is larger than the store accepts."""


@dataclass(frozen=True)
class StoredFile:
    path: str  # relative to the media directory, always members/<id>/<hash>.<ext>
    content_type: str
    size: int

    def as_dict(self) -> dict[str, object]:
        return {"path": self.path, "content_type": self.content_type, "size": self.size}


def sniff_image(data: bytes) -> tuple[str, str]:
    """Return (content type, extension) from an image's first bytes; raise NotAnImage."""
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg", "jpg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png", "png"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif", "gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp", "webp"
    raise NotAnImage("not a JPEG, PNG, GIF or WebP image")


class MediaStore:
    """Save, find and delete members' files under one directory (config.media_dir)."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)

    def member_dir(self, member_id: int) -> Path:
        return self.root / "members" / str(int(member_id))

    def save_image(self, member_id: int, data: bytes) -> StoredFile:
        """Store an image for the member (once per distinct content) and say where it is."""
        content_type, extension = sniff_image(data)
        if len(data) > MAX_IMAGE_BYTES:
            raise TooLarge(f"image of {len(data)} bytes is over {MAX_IMAGE_BYTES}")
        relative = f"members/{int(member_id)}/{hashlib.sha256(data).hexdigest()}.{extension}"
        target = self.path(relative)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            # Write beside the target and rename: a reader never sees half a file.
            handle, scratch = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(data)
                os.replace(scratch, target)
            except BaseException:
                Path(scratch).unlink(missing_ok=True)
                raise
        return StoredFile(relative, content_type, len(data))

    def path(self, relative: str) -> Path:
        """Return the absolute path of a stored file; refuse anything but a name this store made."""
        if not _NAME.fullmatch(relative):
            raise ValueError("not a media path this store made")
        return self.root / relative

    def read(self, relative: str) -> bytes:
        return self.path(relative).read_bytes()

    def exists(self, relative: str) -> bool:
        return self.path(relative).is_file()

    def member_files(self, member_id: int) -> set[str]:
        """Return the relative paths of every file kept for the member."""
        folder = self.member_dir(member_id)
        if not folder.is_dir():
            return set()
        return {
            f"members/{int(member_id)}/{entry.name}"
            for entry in folder.iterdir()
            if entry.is_file() and not entry.name.startswith(".")
        }

    def prune_member(self, member_id: int, keep: Iterable[str]) -> int:
        """Delete the member's files not in `keep` (photos of abandoned or deleted activities)."""
        removed = 0
        for relative in self.member_files(member_id) - set(keep):
            self.path(relative).unlink(missing_ok=True)
            removed += 1
        return removed

    def delete_member_media(self, member_id: int) -> int:
        """Delete every file kept for the member (when they delete their data); return how many."""
        folder = self.member_dir(member_id)
        if not folder.exists():
            return 0
        count = sum(1 for entry in folder.rglob("*") if entry.is_file())
        shutil.rmtree(folder)
        return count
