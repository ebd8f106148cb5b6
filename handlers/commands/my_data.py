"""ข้อมูลของฉัน / My data: send the member everything the bot keeps about them."""

from __future__ import annotations

from datetime import date, datetime

from handlers.consent import notice_version
from handlers.context import Context
from handlers.registry import command
from messages.builders import text_message
from messages.catalog import text
from storage.erasure import Subject, describe_member
from storage.models import Member

TEXT_LIMIT = 5000  # LINE's limit for one text message


def _when(ctx: Context, moment) -> str:
    """A date and time in Bangkok; Thai readers get the Buddhist-era year they expect."""
    if moment is None:
        return "-"
    local = moment.astimezone(ctx.zone)
    year = local.year + 543 if ctx.language == "th" else local.year
    return f"{local.day}/{local.month}/{year} {local:%H:%M}"


def _param(ctx: Context, value: object) -> object:
    """Dates read as the member reads them (Buddhist-era years in Thai); the rest as they are."""
    if isinstance(value, datetime):
        return _when(ctx, value)
    if isinstance(value, date):
        year = value.year + 543 if ctx.language == "th" else value.year
        return f"{value.day}/{value.month}/{year}"
    return value


def _roles(ctx: Context, member: Member) -> str:
    names = {n.key: n.name(ctx.language) for n in ctx.networks}
    held = [text("mydata.role.member", ctx.language)] if member.registered else []
    for role in sorted(member.roles, key=lambda r: (r.role, r.network or "")):
        if role.role == "staff":
            held.append(text("role.staff_one", ctx.language))
        else:
            network = names.get(role.network or "", role.network or "-")
            held.append(text("role.coordinator_of", ctx.language, network=network))
    return ", ".join(held) or "-"


def _profile(ctx: Context, member: Member) -> list[str]:
    language = ctx.language
    missing = text("mydata.not_given", language)
    network = next((n.name(language) for n in ctx.networks if n.key == member.network), None)
    lines = [text("mydata.line_id", language, user_id=member.line_user_id)]
    if member.registered_at is not None:
        lines.append(
            text(
                "mydata.profile",
                language,
                name=member.display_name or missing,
                network=network or member.network or missing,
                organisation=member.organisation or missing,
                province=member.province or missing,
                lang_name=text(f"language.name_{member.language}", language),
                registered=_when(ctx, member.registered_at),
            )
        )
    if member.consent_status:
        lines.append(
            text(
                "mydata.consent",
                language,
                status=text(f"mydata.consent.{member.consent_status}", language),
                version=notice_version(member.consent_version or "-", language),
                date=_when(ctx, member.consent_decided_at),
            )
        )
    # Pushes go only to members who consented and still follow: say what really happens.
    if member.reachable:
        state = text("mydata.following.yes", language)
    elif member.consent_status == "withdrawn":
        state = text("mydata.following.withdrawn", language)
    else:
        state = text("mydata.following.no", language)
    lines.append(text("mydata.following", language, state=state))
    lines.append(text("mydata.roles", language, roles=_roles(ctx, member)))
    return lines


def _download(ctx: Context, member: Member) -> list[str]:
    """A signed link to a copy of everything (the PDPA right to a copy), when the web is known."""
    if ctx.config is None or member.id is None:
        return []
    from bot.my_data_web import LINK_LIFETIME, link  # the web serves it; handlers only link

    url = link(ctx.config, member.id, member.line_user_id, ctx.clock())
    hours = int(LINK_LIFETIME.total_seconds() // 3600)
    return ["", text("mydata.download", ctx.language, url=url, hours=hours)]


@command("my_data", ["ข้อมูลของฉัน", "ดูข้อมูลของฉัน", "my data", "show my data"], access="always")
def handle(event, ctx: Context) -> list[dict]:
    """Show the member's profile, consent, roles and what each feature keeps about them."""
    member = ctx.member
    if member is None:
        return [text_message(text("rights.nothing_stored", ctx.language))]
    language = ctx.language
    subject = Subject(member.line_user_id, member.id, ctx.media_dir)
    facts = [
        text(f.key, language, **{k: _param(ctx, v) for k, v in f.params.items()})
        for f in describe_member(ctx.session, subject)
    ]
    records = [text("mydata.records", language), *facts] if facts else []
    body = "\n".join(
        [
            text("mydata.header", language),
            *_profile(ctx, member),
            *(records or [text("mydata.no_records", language)]),
            *_download(ctx, member),
            "",
            text("mydata.footer", language),
        ]
    )
    units = body.encode("utf-16-le")  # LINE counts UTF-16 code units (an emoji counts two)
    if len(units) // 2 > TEXT_LIMIT:
        body = units[: 2 * (TEXT_LIMIT - 1)].decode("utf-16-le", errors="ignore") + "…"
    return [text_message(body)]
