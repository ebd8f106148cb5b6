"""The media store keeps members' photos as files: one folder each, named by content, no tricks."""

from __future__ import annotations

import pytest

from storage.media import MAX_IMAGE_BYTES, MediaStore, NotAnImage, TooLarge, sniff_image

PNG = b"\x89PNG\r\n\x1a\n" + b"pixels" * 10
JPEG = b"\xff\xd8\xff\xe0" + b"pixels" * 10


def test_an_image_is_kept_once_under_the_members_folder(tmp_path):
    store = MediaStore(tmp_path)
    first = store.save_image(7, PNG)
    again = store.save_image(7, PNG)
    assert first == again
    assert first.path.startswith("members/7/") and first.path.endswith(".png")
    assert (first.content_type, first.size) == ("image/png", len(PNG))
    assert store.read(first.path) == PNG
    assert [p.name for p in (tmp_path / "members" / "7").iterdir()] == [first.path.split("/")[-1]]


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (JPEG, ("image/jpeg", "jpg")),
        (PNG, ("image/png", "png")),
        (b"GIF89a...", ("image/gif", "gif")),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", ("image/webp", "webp")),
    ],
)
def test_image_kinds_are_known_by_their_first_bytes(data, kind):
    assert sniff_image(data) == kind


def test_what_is_not_an_image_or_too_large_is_refused(tmp_path):
    store = MediaStore(tmp_path)
    with pytest.raises(NotAnImage):
        store.save_image(1, "บันทึกการประชุม".encode())
    with pytest.raises(TooLarge):
        store.save_image(1, JPEG + b"\0" * MAX_IMAGE_BYTES)
    assert not (tmp_path / "members").exists()


@pytest.mark.parametrize(
    "path", ["../etc/passwd", "members/1/../../x.png", "/etc/passwd", "members/1/a.png", ""]
)
def test_only_paths_the_store_made_are_opened(tmp_path, path):
    with pytest.raises(ValueError):
        MediaStore(tmp_path).path(path)


def test_prune_keeps_what_is_referred_to_and_deleting_a_member_removes_all(tmp_path):
    store = MediaStore(tmp_path)
    kept, dropped = store.save_image(3, PNG), store.save_image(3, JPEG)
    other = store.save_image(4, PNG)
    assert store.prune_member(3, {kept.path}) == 1
    assert store.member_files(3) == {kept.path}
    assert store.delete_member_media(3) == 1
    assert not store.member_dir(3).exists() and store.member_files(3) == set()
    assert store.exists(other.path) and not store.exists(dropped.path)
    assert store.delete_member_media(3) == 0
