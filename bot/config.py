"""Read and check the bot's settings from the environment, once, at start-up."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.local_keys import installation_secret
from storage.reminder_plan import DEFAULT_PLAN, PlanError, parse_plan

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_API_BASE_URL = "https://api.line.me"
# Local mode: no LINE channel, the emulator on this port stands in for LINE's servers.
LOCAL_EMULATOR_PORT = 8001
LOCAL_CHANNEL_SECRET = "local-channel-secret"
LOCAL_ACCESS_TOKEN = "local-access-token"
# Local mode only: the staff and pseudonym keys live in files made once per installation here.
LOCAL_KEY_FILES = {"staff": "staff-secret-key", "pseudonym": "pseudonym-secret"}


def _random_key() -> str:
    return secrets.token_urlsafe(48)


class ConfigError(ValueError):
    """A setting is missing or malformed; the message says which and how to fix it."""


@dataclass(frozen=True)
class Config:
    channel_secret: str
    access_token: str
    api_base_url: str = DEFAULT_API_BASE_URL
    database_url: str = f"sqlite:///{ROOT / 'instance' / 'bot.sqlite3'}"
    port: int = 8000
    timezone: str = "Asia/Bangkok"
    local_mode: bool = False
    emulator_port: int = LOCAL_EMULATOR_PORT
    media_dir: Path = ROOT / "instance" / "media"
    request_timeout: float = 10.0
    inbox_threads: int = 4
    inbox_lease_seconds: float = 60.0
    inbox_poll_seconds: float = 2.0
    start_inbox_worker: bool = True
    # An event is handled only once it is this old (ms): a member's earlier event sent in another
    # request may still be on its way, and LINE's timestamp order is kept across requests.
    inbox_holdback_ms: float = 300.0
    max_body_bytes: int = 1024 * 1024
    networks_file: Path | None = None
    # The clock: how often it looks for due reminders, and how late a missed one may still go.
    clock_poll_seconds: float = 15.0
    reminder_grace_hours: float = 6.0
    meeting_reminders: str = DEFAULT_PLAN
    # How long a sender holds a delivery it is attempting (None: enough for every inline retry).
    delivery_lease_seconds: float | None = None
    # A Config made in code (tests) gets fresh random keys; load_config reads the real ones.
    staff_secret_key: str = field(default_factory=_random_key)
    pseudonym_secret: str | None = field(default_factory=_random_key)
    # Staff sessions end after this long without a request, and after SESSION_HOURS in any case.
    staff_idle_minutes: float = 120.0
    # Addresses of reverse proxies whose X-Forwarded-* headers are believed (count of hops).
    trusted_proxies: int = 0
    instance_dir: Path = ROOT / "instance"
    questionnaire_file: Path = ROOT / "data" / "questionnaire.yaml"
    # Where members reach the web app (links the bot sends, e.g. "download my data").
    public_url: str = ""

    @property
    def web_url(self) -> str:
        return (self.public_url or f"http://127.0.0.1:{self.port}").rstrip("/")

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def with_changes(self, **changes) -> Config:
        """Return a copy with some settings changed (tests and the local runner use this)."""
        return replace(self, **changes)


def _number(env: Mapping[str, str], name: str, default, kind=float):
    raw = env.get(name)
    if raw in (None, ""):
        return default
    try:
        value = kind(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from None
    if value <= 0:
        raise ConfigError(f"{name} must be positive, got {raw!r}")
    return value


def _non_negative(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name)
    if raw in (None, ""):
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from None
    if value < 0:
        raise ConfigError(f"{name} must be 0 or more, got {raw!r}")
    return value


def _flag(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{name} must be true or false, got {raw!r}")


def _installation_key(directory: Path, kind: str) -> str:
    try:
        return installation_secret(directory, LOCAL_KEY_FILES[kind])
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot keep the local {kind} key: {exc}") from None


def load_config(env: Mapping[str, str] | None = None) -> Config:
    """Build the config from environment variables, refusing anything malformed."""
    env = os.environ if env is None else env
    secret = env.get("LINE_CHANNEL_SECRET", "").strip()
    token = env.get("LINE_CHANNEL_ACCESS_TOKEN", "").strip()
    if bool(secret) != bool(token):
        missing = "LINE_CHANNEL_ACCESS_TOKEN" if secret else "LINE_CHANNEL_SECRET"
        raise ConfigError(
            f"{missing} is not set: set both LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN "
            "for a real LINE channel, or neither for local mode with the emulator"
        )
    local = not secret
    emulator_port = _number(env, "EMULATOR_PORT", LOCAL_EMULATOR_PORT, int)
    default_api = f"http://127.0.0.1:{emulator_port}" if local else DEFAULT_API_BASE_URL
    api_base_url = env.get("LINE_API_BASE_URL", "").strip().rstrip("/") or default_api
    if not api_base_url.startswith(("http://", "https://")):
        raise ConfigError(
            f"LINE_API_BASE_URL must start with http:// or https://, got {api_base_url!r}"
        )
    timezone = env.get("BOT_TIMEZONE", "").strip() or "Asia/Bangkok"
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"BOT_TIMEZONE is not a known time zone: {timezone!r}") from None
    defaults = Config(channel_secret="", access_token="")
    plan = env.get("MEETING_REMINDERS", "").strip() or DEFAULT_PLAN
    try:
        parse_plan(plan)
    except PlanError as exc:
        raise ConfigError(f"MEETING_REMINDERS: {exc}") from None
    request_timeout = _number(env, "LINE_REQUEST_TIMEOUT", defaults.request_timeout)
    lease = _number(env, "DELIVERY_LEASE_SECONDS", None)
    if lease is not None and lease < 3 * request_timeout:
        raise ConfigError(
            f"DELIVERY_LEASE_SECONDS must cover three attempts of LINE_REQUEST_TIMEOUT "
            f"({3 * request_timeout:g} s), got {lease:g}"
        )
    staff_secret_key = env.get("STAFF_SECRET_KEY", "").strip()
    if not local and len(staff_secret_key) < 32:
        raise ConfigError(
            "STAFF_SECRET_KEY must be set to a random string of at least 32 characters "
            "(it signs staff sign-in sessions), e.g. python -c 'import secrets; "
            "print(secrets.token_urlsafe(48))'"
        )
    pseudonym_secret = env.get("EXPORT_PSEUDONYM_SECRET", "").strip()
    instance_dir = Path(env.get("INSTANCE_DIR", "").strip() or defaults.instance_dir)
    if local:
        staff_secret_key = staff_secret_key or _installation_key(instance_dir, "staff")
        pseudonym_secret = pseudonym_secret or _installation_key(instance_dir, "pseudonym")
    return Config(
        channel_secret=secret or LOCAL_CHANNEL_SECRET,
        access_token=token or LOCAL_ACCESS_TOKEN,
        api_base_url=api_base_url,
        database_url=env.get("DATABASE_URL", "").strip() or defaults.database_url,
        port=_number(env, "PORT", 8000, int),
        timezone=timezone,
        local_mode=local,
        emulator_port=emulator_port,
        media_dir=Path(env.get("MEDIA_DIR", "").strip() or defaults.media_dir),
        request_timeout=request_timeout,
        inbox_threads=_number(env, "INBOX_THREADS", defaults.inbox_threads, int),
        inbox_lease_seconds=_number(env, "INBOX_LEASE_SECONDS", defaults.inbox_lease_seconds),
        inbox_poll_seconds=_number(env, "INBOX_POLL_SECONDS", defaults.inbox_poll_seconds),
        start_inbox_worker=_flag(env, "INBOX_WORKER", True),
        inbox_holdback_ms=_non_negative(env, "INBOX_HOLDBACK_MS", defaults.inbox_holdback_ms),
        networks_file=Path(env["NETWORKS_FILE"]) if env.get("NETWORKS_FILE", "").strip() else None,
        clock_poll_seconds=_number(env, "CLOCK_POLL_SECONDS", defaults.clock_poll_seconds),
        reminder_grace_hours=_number(env, "REMINDER_GRACE_HOURS", defaults.reminder_grace_hours),
        meeting_reminders=plan,
        delivery_lease_seconds=lease,
        staff_secret_key=staff_secret_key,
        # Without it outside local mode, anonymized exports are refused (pseudonyms must be stable).
        pseudonym_secret=pseudonym_secret or None,
        staff_idle_minutes=_number(env, "STAFF_IDLE_MINUTES", defaults.staff_idle_minutes),
        trusted_proxies=_number(env, "TRUSTED_PROXIES", 0, int),
        instance_dir=instance_dir,
        questionnaire_file=Path(
            env.get("QUESTIONNAIRE_FILE", "").strip() or defaults.questionnaire_file
        ),
        public_url=env.get("PUBLIC_URL", "").strip(),
    )
