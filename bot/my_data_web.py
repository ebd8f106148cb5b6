"""The member's "download my data" link: signed, expiring, for one member only.

GET /my-data/<token>            a readable page of everything kept, in the member's language
GET /my-data/<token>/data.json  the same as JSON
GET /my-data/<token>/photos.zip every photo of the member's activities
"""

from __future__ import annotations

import hashlib
import hmac
import io
import zipfile
from datetime import datetime, timedelta

from flask import Blueprint, Response, abort, current_app, render_template_string
from itsdangerous import BadSignature, URLSafeSerializer

from bot.my_data_page import reader_for, render
from messages.catalog import text
from storage.media import MediaStore
from storage.member_copy import as_json, member_copy, photo_paths
from storage.models import Member

LINK_LIFETIME = timedelta(hours=24)
_SALT = "my-data-download"

blueprint = Blueprint("my_data", __name__)


def _serializer(secret: str) -> URLSafeSerializer:
    return URLSafeSerializer(secret, salt=_SALT)


def _binding(secret: str, line_user_id: str) -> str:
    """A keyed digest of the LINE id: ties the link to the person without showing who it is."""
    digest = hmac.new(secret.encode(), f"{_SALT}:{line_user_id}".encode(), hashlib.sha256)
    return digest.hexdigest()[:16]


def make_token(secret: str, member_id: int, line_user_id: str, now: datetime) -> str:
    """Sign a link to one member's data that stops working LINK_LIFETIME after `now`.

    The token's content is readable (base64 JSON) by whoever holds the link: it names the member
    row (ids are never reused) and the expiry, never the LINE id.
    """
    expires = int((now + LINK_LIFETIME).timestamp())
    claim = {"m": member_id, "b": _binding(secret, line_user_id), "e": expires}
    return _serializer(secret).dumps(claim)


def link(config, member_id: int, line_user_id: str, now: datetime) -> str:
    """The address of the member's download page."""
    token = make_token(config.staff_secret_key, member_id, line_user_id, now)
    return f"{config.web_url}/my-data/{token}"


LINK_PROBLEM = """<!doctype html>
<html lang="th"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title></head>
<body style="font-family: sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem">
<h1>{{ problem_th }}</h1>
<p>{{ new_th }}</p>
<p lang="en">{{ problem_en }} {{ new_en }}</p>
</body></html>"""


def _link_problem(key: str, status: int) -> Response:
    """A page in Thai (with an English line) saying the link is wrong or expired, and what to do."""
    html = render_template_string(
        LINK_PROBLEM,
        title=text("mydata.page.title", "th"),
        problem_th=text(key, "th"),
        new_th=text("mydata.page.new_link", "th"),
        problem_en=text(key, "en"),
        new_en=text("mydata.page.new_link", "en"),
    )
    return Response(
        html, status=status, mimetype="text/html", headers={"Cache-Control": "no-store"}
    )


@blueprint.errorhandler(404)
def _wrong(_error) -> Response:
    return _link_problem("mydata.page.wrong_link", 404)


@blueprint.errorhandler(410)
def _expired(_error) -> Response:
    return _link_problem("mydata.page.expired_link", 410)


def _member_of(token: str):
    bot = current_app.extensions["bot"]
    try:
        claim = _serializer(bot.config.staff_secret_key).loads(token)
    except BadSignature:
        abort(404)
    if not isinstance(claim, dict) or claim.get("e", 0) <= bot.clock().timestamp():
        abort(410)  # expired: ask the bot for a fresh link
    return bot, claim


def _copy(token: str):
    bot, claim = _member_of(token)
    with bot.db.unit_of_work() as session:
        member_id = claim.get("m")
        member = session.get(Member, member_id) if isinstance(member_id, int) else None
        secret = bot.config.staff_secret_key
        if member is None or not hmac.compare_digest(
            str(claim.get("b")), _binding(secret, member.line_user_id)
        ):
            abort(404)  # deleted since (or a different person now): nothing to show
        return bot, claim, member_copy(session, member)


@blueprint.get("/my-data/<token>/data.json")
def json_file(token: str) -> Response:
    bot, _, copy = _copy(token)
    return Response(
        as_json(copy, bot.config.zone),
        mimetype="application/json",
        headers={"Content-Disposition": 'attachment; filename="my-data.json"',
                 "Cache-Control": "no-store"},
    )  # fmt: skip


@blueprint.get("/my-data/<token>")
def page(token: str) -> Response:
    bot, claim, copy = _copy(token)
    processor = bot.processor
    reader = reader_for(copy, bot.config.zone, processor.networks, processor.questionnaire)
    html = render(
        copy,
        reader,
        base=f"/my-data/{token}",
        expires=datetime.fromtimestamp(claim["e"], bot.config.zone),
        photos=len(photo_paths(copy)),
    )
    return Response(html, mimetype="text/html", headers={"Cache-Control": "no-store"})


@blueprint.get("/my-data/<token>/photos.zip")
def photos(token: str) -> Response:
    bot, _, copy = _copy(token)
    store = MediaStore(bot.config.media_dir)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:  # JPEGs do not shrink
        for index, relative in enumerate(dict.fromkeys(photo_paths(copy)), start=1):
            if store.exists(relative):
                archive.writestr(f"photo-{index:03d}.{relative.rsplit('.', 1)[-1]}",
                                 store.read(relative))  # fmt: skip
    return Response(
        buffer.getvalue(),
        mimetype="application/zip",
        headers={"Content-Disposition": 'attachment; filename="my-photos.zip"',
                 "Cache-Control": "no-store"},
    )  # fmt: skip
