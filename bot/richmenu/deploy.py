"""`flask richmenu deploy|status`: draw the main menu, upload it and make it every member's default."""

from __future__ import annotations

import functools
import hashlib
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
import urllib3
from flask import current_app
from flask.cli import AppGroup
from linebot.v3.messaging import ApiException

from bot.gateway import LineGateway
from bot.richmenu import draw
from bot.richmenu.layout import NAME_PREFIX, buttons, menu_object

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Build:
    menu: dict[str, Any]
    image: bytes

    @property
    def name(self) -> str:
        return self.menu["name"]


@dataclass
class Outcome:
    rich_menu_id: str
    created: bool
    removed: list[str] = field(default_factory=list)


@functools.cache  # drawing takes a second or two; the result depends only on code and font
def build(language: str = "th") -> Build:
    """Draw the menu; its name carries a digest, so an unchanged menu is recognised as deployed."""
    image = draw.to_png(draw.draw_menu(buttons(language)))
    unnamed = json.dumps(menu_object("", language), sort_keys=True, ensure_ascii=False)
    digest = hashlib.sha256(unnamed.encode() + image).hexdigest()[:12]
    return Build(menu_object(f"{NAME_PREFIX} {digest}", language), image)


def made_here(menu: dict[str, Any]) -> bool:
    """Whether `flask richmenu deploy` created this menu (menus made elsewhere are left alone)."""
    return str(menu.get("name", "")).startswith(NAME_PREFIX)


def deploy(gateway: LineGateway, built: Build, *, force: bool = False) -> Outcome:
    """Make `built` the default menu, then delete the older menus this command made."""
    default_id = gateway.get_default_rich_menu_id()
    menus = gateway.list_rich_menus()
    current = next((m for m in menus if m["richMenuId"] == default_id), None)
    if current is not None and current.get("name") == built.name and not force:
        outcome = Outcome(default_id, created=False)
    else:
        new_id = gateway.create_rich_menu(built.menu)
        try:
            gateway.upload_rich_menu_image(new_id, built.image)
            gateway.set_default_rich_menu(new_id)
        except Exception:
            # Leave nothing half made: members keep seeing the menu they had.
            _delete_quietly(gateway, new_id)
            raise
        outcome = Outcome(new_id, created=True)
    # Only after the new default is set, so members never see the menu disappear.
    for menu in menus:
        if made_here(menu) and menu["richMenuId"] != outcome.rich_menu_id:
            gateway.delete_rich_menu(menu["richMenuId"])
            outcome.removed.append(menu["richMenuId"])
    return outcome


def _delete_quietly(gateway: LineGateway, rich_menu_id: str) -> None:
    try:
        gateway.delete_rich_menu(rich_menu_id)
    except (ApiException, urllib3.exceptions.HTTPError, OSError):
        log.warning("could not delete the half-made rich menu %s", rich_menu_id)


def _gateway() -> LineGateway:
    return current_app.extensions["bot"].gateway


def _line_error(exc: Exception) -> click.ClickException:
    if isinstance(exc, ApiException):
        return click.ClickException(f"LINE answered {exc.status}: {exc.body or exc.reason}")
    return click.ClickException(f"LINE could not be reached ({type(exc).__name__})")


@click.group("richmenu", cls=AppGroup)
def richmenu_group() -> None:
    """Draw and deploy the main rich menu (the six buttons under the chat)."""


@richmenu_group.command("deploy")
@click.option("--dry-run", is_flag=True, help="Draw the menu only; send nothing to LINE.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Save the PNG here.")
@click.option("--force", is_flag=True, help="Create a new menu even if this one is deployed.")
def deploy_command(dry_run: bool, out: Path | None, force: bool) -> None:
    """Upload the menu and set it as the default for every member."""
    if not draw.shapes_thai():
        message = "Pillow has no raqm here: Thai tone marks and vowels would be misplaced"
        if not dry_run:
            # Pillow's wheels carry raqm and HarfBuzz but load FriBiDi from the system.
            raise click.ClickException(message + " (apt-get install libfribidi0)")
        click.echo("warning: " + message, err=True)
    built = build()
    if out is not None:
        out.write_bytes(built.image)
        click.echo(f"image saved to {out} ({len(built.image):,} bytes)")
    if dry_run:
        click.echo(json.dumps(built.menu, ensure_ascii=False, indent=2))
        return
    try:
        outcome = deploy(_gateway(), built, force=force)
    except (ApiException, urllib3.exceptions.HTTPError, OSError) as exc:
        raise _line_error(exc) from None
    verb = "deployed" if outcome.created else "already deployed"
    click.echo(f"{verb}: {outcome.rich_menu_id} ({built.name}), default for all users")
    for rich_menu_id in outcome.removed:
        click.echo(f"deleted older menu {rich_menu_id}")


@richmenu_group.command("status")
def status_command() -> None:
    """Show the default menu and every menu of the channel."""
    gateway = _gateway()
    try:
        default_id = gateway.get_default_rich_menu_id()
        menus = gateway.list_rich_menus()
    except (ApiException, urllib3.exceptions.HTTPError, OSError) as exc:
        raise _line_error(exc) from None
    click.echo(f"default: {default_id or 'none'}")
    click.echo(f"menus: {len(menus)}")
    for menu in menus:
        marks = []
        if menu["richMenuId"] == default_id:
            marks.append("default")
        if made_here(menu):
            marks.append("made by deploy")
        click.echo(
            f"  {menu['richMenuId']}  {menu.get('name', '')!r}"
            f"  {len(menu.get('areas', []))} areas  chat bar {menu.get('chatBarText', '')!r}"
            + (f"  [{', '.join(marks)}]" if marks else "")
        )
    current = next((m for m in menus if m["richMenuId"] == default_id), None)
    if current is not None and made_here(current):
        fresh = current.get("name") == build().name
        click.echo("up to date" if fresh else "outdated: run `flask richmenu deploy`")
