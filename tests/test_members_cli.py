"""`flask members list|role|invite`: a readable table without LINE ids, roles given and taken."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.members_cli import display_width, mask
from storage import invites, members
from storage.models.invites import Invite
from storage.models.members import CONSENT_DECLINED
from tests.members import registered

SOMSRI = "U" + "1a2b" * 8
DANG = "U" + "9f8e" * 8
NOK = "U" + "5555" * 8


@pytest.fixture
def cli(app):
    runner = app.test_cli_runner()
    return lambda *args: runner.invoke(args=["members", *args])


@pytest.fixture
def people(db):
    registered(db, SOMSRI, name="สมศรี ใจดี", roles=(("coordinator", "civil"),))
    registered(db, DANG, name="ครูแดง", network="youth", language="en")
    with db.unit_of_work() as session:
        members.get_or_create(session, NOK).consent_status = CONSENT_DECLINED


def roles_of(db, user_id: str) -> list[tuple[str, str | None]]:
    with db.unit_of_work() as session:
        return sorted((r.role, r.network) for r in members.find(session, user_id).roles)


def test_the_list_shows_names_networks_roles_and_consent_but_never_a_full_line_id(cli, people):
    result = cli("list")
    assert result.exit_code == 0, result.output
    header, somsri, dang, nok, total = result.output.splitlines()
    assert header.split() == ["#", "name", "network", "roles", "consent", "registered",
                              "following", "LINE", "id"]  # fmt: skip
    assert "สมศรี ใจดี" in somsri and "coordinator:civil" in somsri and "given 2026-11" in somsri
    assert "ครูแดง" in dang and "youth" in dang
    assert "declined" in nok and total == "3 member(s)"
    assert mask(SOMSRI) == "U1a2b…1a2b" and mask(SOMSRI) in somsri
    for user in (SOMSRI, DANG, NOK):
        assert user not in result.output
    # Columns line up even though Thai vowels and tone marks take no width of their own.
    column = [display_width(row[: row.index("…") - 5]) for row in (somsri, dang, nok)]
    assert len(set(column)) == 1, column
    only_youth = cli("list", "--network", "youth").output
    assert "ครูแดง" in only_youth and "สมศรี" not in only_youth


def test_a_role_is_given_by_name_masked_id_or_number_and_taken_back(cli, people, db):
    result = cli("role", "ครูแดง", "coordinator", "--network", "youth")
    assert result.exit_code == 0 and "is now coordinator of youth" in result.output
    assert "already is" in cli("role", mask(DANG), "coordinator", "--network", "youth").output
    assert cli("role", "U9f8e...9f8e", "staff").exit_code == 0  # typed with three dots
    assert roles_of(db, DANG) == [("coordinator", "youth"), ("staff", None)]
    with db.unit_of_work() as session:
        number = members.find(session, DANG).id
    assert "removed" in cli("role", f"#{number}", "staff", "--remove").output
    assert "was not" in cli("role", "ครูแดง", "staff", "--remove").output
    assert roles_of(db, DANG) == [("coordinator", "youth")]


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (("ครูแดง", "coordinator"), "a coordinator needs --network"),
        (("ครูแดง", "coordinator", "--network", "mars"), "a coordinator needs --network"),
        (("ครูแดง", "staff", "--network", "civil"), "staff hold every network"),
        (("ไม่มีใคร", "staff"), "no member matches"),
        ((NOK, "staff"), "has not consented and registered"),
        (("ครูแดง", "king"), "Invalid value"),
    ],
)
def test_a_wrong_role_command_says_what_is_wrong_and_changes_nothing(
    cli, people, db, args, problem
):
    result = cli("role", *args)
    assert result.exit_code != 0 and problem in result.output
    assert roles_of(db, DANG) == [] and NOK not in result.output


def test_two_members_with_one_name_must_be_told_apart(cli, people, db):
    registered(db, "U" + "7" * 32, name="ครูแดง")
    result = cli("role", "ครูแดง", "staff")
    assert result.exit_code != 0 and "matches several members" in result.output
    assert "U7777…7777" in result.output and "U" + "7" * 32 not in result.output


def test_an_invite_prints_a_short_unambiguous_code_stored_only_hashed(cli, db):
    result = cli("invite", "--role", "coordinator", "--network", "civil", "--expires-days", "3")
    assert result.exit_code == 0, result.output
    [code] = re.findall(r"Invite code: (\w{4}-\w{4})", result.output)
    assert not set(code.replace("-", "")) & set("0O1I") and "รหัส " + code in result.output
    with db.unit_of_work() as session:
        [invite] = session.scalars(select(Invite)).all()
    assert invite.code_hash == invites.hash_code(code.replace("-", ""))
    assert code.replace("-", "") not in invite.code_hash and invite.used_at is None
    left = invite.expires_at - datetime.now(UTC)
    assert timedelta(days=2, hours=23) < left <= timedelta(days=3)
    assert (invite.role, invite.network) == ("coordinator", "civil")
    assert cli("invite", "--role", "staff").exit_code == 0
    assert "staff hold every network" in cli("invite", "--role", "staff", "--network", "x").output
    assert cli("invite", "--role", "coordinator").exit_code != 0
