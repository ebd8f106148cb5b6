"""The staff web's blueprint: everything under /staff, behind its own sign-in."""

from __future__ import annotations

from flask import Blueprint

blueprint = Blueprint(
    "staff", __name__, url_prefix="/staff", template_folder="templates", cli_group="staff"
)
