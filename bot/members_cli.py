"""`flask members ...`: list members, give or take roles, make one-time invite codes."""

from __future__ import annotations

import re
import unicodedata

import click
from flask import current_app
from flask.cli import AppGroup

from bot.networks import load_networks
from storage import invites, members
from storage.models import Member

MASK = "…"


def mask(user_id: str) -> str:
    """Show a LINE user id as its first 5 and last 4 characters (U1234…cdef), never in full."""
    if len(user_id) <= 12:
        return user_id[:2] + MASK
    return f"{user_id[:5]}{MASK}{user_id[-4:]}"


def display_width(value: str) -> int:
    """Count the columns a text takes in a terminal."""
    # Thai vowel and tone marks sit above or below their letter and take no column.
    return sum(0 if unicodedata.combining(ch) or unicodedata.category(ch) == "Mn" else 1
               for ch in value)  # fmt: skip


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            cell + " " * (widths[i] - display_width(cell)) for i, cell in enumerate(row)
        ).rstrip()
        for row in rows
    ]


def _roles(member: Member) -> str:
    held = sorted(f"{r.role}:{r.network}" if r.network else r.role for r in member.roles)
    return ", ".join(held) or "-"


def _consent(member: Member) -> str:
    if not member.consent_status:
        return "-"
    return f"{member.consent_status} {member.consent_version or ''}".strip()


def _date(moment) -> str:
    zone = current_app.extensions["bot"].config.zone
    return moment.astimezone(zone).strftime("%Y-%m-%d") if moment else "-"


def find_member(session, reference: str) -> Member:
    """Find one member by #id, full LINE user id, masked id as listed, or exact display name."""
    everyone = members.everyone(session)
    ref = reference.strip()
    if re.fullmatch(r"#\d+", ref):
        found = [m for m in everyone if m.id == int(ref[1:])]
    elif MASK in ref or "..." in ref:
        head, _, tail = ref.replace("...", MASK).partition(MASK)
        found = [m for m in everyone if mask(m.line_user_id) == f"{head}{MASK}{tail}"]
    else:
        found = [m for m in everyone if m.line_user_id == ref]
        folded = unicodedata.normalize("NFC", ref).casefold()
        found = found or [
            m for m in everyone
            if m.display_name and unicodedata.normalize("NFC", m.display_name).casefold() == folded
        ]  # fmt: skip
    if not found:
        raise click.ClickException(f"no member matches {reference!r} (see `flask members list`)")
    if len(found) > 1:
        listed = ", ".join(f"#{m.id} {mask(m.line_user_id)}" for m in found)
        raise click.ClickException(f"{reference!r} matches several members: {listed}; use #id")
    return found[0]


def _check_role(role: str, network: str | None) -> None:
    networks = {n.key for n in load_networks(current_app.extensions["bot"].config.networks_file)}
    if role == "coordinator" and network not in networks:
        raise click.ClickException(
            f"a coordinator needs --network, one of: {', '.join(sorted(networks))}"
        )
    if role == "staff" and network is not None:
        raise click.ClickException("staff hold every network: give no --network")


@click.group("members", cls=AppGroup)
def members_group() -> None:
    """See members and manage their roles."""


@members_group.command("list")
@click.option("--network", help="Only members of this network (its key, e.g. civil).")
def list_members(network: str | None) -> None:
    """Show every member: name, network, roles, consent, registration (LINE ids masked)."""
    with current_app.extensions["bot"].db.unit_of_work() as session:
        found = members.everyone(session, network)
        rows = [["#", "name", "network", "roles", "consent", "registered", "following", "LINE id"]]
        rows += [
            [f"#{m.id}", m.display_name or "-", m.network or "-", _roles(m), _consent(m),
             _date(m.registered_at), "yes" if m.following else "no", mask(m.line_user_id)]
            for m in found
        ]  # fmt: skip
    for line in _table(rows):
        click.echo(line)
    click.echo(f"{len(found)} member(s)")


@members_group.command("role")
@click.argument("who")
@click.argument("role", type=click.Choice(members.ROLES))
@click.option("--network", help="The network a coordinator coordinates (e.g. civil).")
@click.option("--remove", is_flag=True, help="Take the role away instead of giving it.")
def set_role(who: str, role: str, network: str | None, remove: bool) -> None:
    """Give (or --remove) ROLE to WHO: #id, LINE user id, masked id as listed, or display name."""
    _check_role(role, network)
    label = f"{role} of {network}" if network else role
    with current_app.extensions["bot"].db.unit_of_work() as session:
        member = find_member(session, who)
        name = f"#{member.id} {member.display_name or '-'}"
        if remove:
            changed = members.revoke(session, member, role, network)
            click.echo(f"{name}: {label} removed" if changed else f"{name} was not {label}")
            return
        if not member.registered:
            raise click.ClickException(f"{name} has not consented and registered")
        changed = members.grant(session, member, role, network)
        click.echo(f"{name} is now {label}" if changed else f"{name} already is {label}")


@members_group.command("invite")
@click.option("--role", "role", type=click.Choice(members.ROLES), required=True)
@click.option("--network", help="The network a coordinator coordinates (e.g. civil).")
@click.option("--expires-days", type=click.IntRange(1, 365), default=14, show_default=True)
def make_invite(role: str, network: str | None, expires_days: int) -> None:
    """Print a one-time code; the member types it in the chat to take the role."""
    _check_role(role, network)
    bot = current_app.extensions["bot"]
    with bot.db.unit_of_work() as session:
        code, invite = invites.create(session, role, network, bot.clock(), expires_days)
        until = invite.expires_at.astimezone(bot.config.zone).strftime("%Y-%m-%d %H:%M")
    label = f"{role} of {network}" if network else role
    click.echo(f"Invite code: {invites.shown(code)}")
    click.echo(f"Gives: {label}; use once, before {until} ({bot.config.timezone}).")
    click.echo(f"The member types in the chat: รหัส {invites.shown(code)}")
