"""The bot's Flask application: `create_app()` wires config, storage, gateway and the webhook."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from bot.config import Config, ConfigError, load_config
from bot.gateway import LineGateway
from bot.identity import BotIdentity, fetch_bot_user_id
from bot.inbox_processor import InboxProcessor
from bot.inbox_worker import InboxWorker
from bot.networks import load_networks
from bot.quota_notices import QuotaNotices
from bot.safe_logging import QuietErrorsFlask
from bot.sender import SEND_CONCURRENCY, DeliverySender
from bot.timekeeping import Clock
from handlers import handler_modules
from handlers.questionnaire import Questionnaire, QuestionnaireError, load_questionnaire
from handlers.registry import build_registry
from handlers.router import Router
from storage.db import Database
from storage.media import MediaStore


@dataclass
class Bot:
    """Everything one process needs to serve members, built once per app."""

    config: Config
    db: Database
    gateway: LineGateway
    sender: DeliverySender
    processor: InboxProcessor
    worker: InboxWorker
    clock: Clock
    identity: BotIdentity
    started: bool = field(default=False)

    def notify_inbox(self) -> None:
        """Tell the inbox worker new events wait (starting it if this process has not yet)."""
        if self.config.start_inbox_worker:
            self.start()
            self.worker.notify()

    def start(self) -> None:
        """Start handling events in the background (the web process only; never the CLI)."""
        if self.config.start_inbox_worker and not self.started:
            self.started = True
            self.worker.start()

    def close(self) -> None:
        self.worker.stop(wait=False)
        self.sender.close()
        self.gateway.close()
        self.db.dispose()


def load_checked_questionnaire(config: Config) -> Questionnaire:
    """Load the questionnaire file, refusing to start with a message naming what is wrong."""
    try:
        return load_questionnaire(config.questionnaire_file)
    except QuestionnaireError as problem:
        raise ConfigError(f"QUESTIONNAIRE_FILE: {problem}") from None


def build_bot(config: Config) -> Bot:
    """Assemble the bot's parts from a config; refuses duplicate commands or a broken file."""
    questionnaire = load_checked_questionnaire(config)
    registry = build_registry(handler_modules())
    router = Router(registry)  # warmed by the inbox worker, where events are handled
    db = Database(config.database_url)
    clock = Clock()  # the one "now" of this process: the sender and the handlers share it
    # One pooled keep-alive client for the process: a connection per inbox and sending thread.
    gateway = LineGateway(
        config.api_base_url,
        config.access_token,
        config.request_timeout,
        pool_size=config.inbox_threads + SEND_CONCURRENCY,
    )
    lease = config.delivery_lease_seconds
    claim_lease = timedelta(seconds=lease) if lease else None
    sender = DeliverySender(db, gateway, clock=clock, claim_lease=claim_lease)
    # A reminder LINE refuses for the month's quota is told to its organiser at once.
    sender.on_quota = QuotaNotices(db, sender, config.zone)
    processor = InboxProcessor(
        db,
        router,
        sender,
        config.zone,
        lease_seconds=config.inbox_lease_seconds,
        clock=clock,
        networks=load_networks(config.networks_file),
        config=config,
        questionnaire=questionnaire,
        media=MediaStore(config.media_dir),
        media_dir=config.media_dir,
        holdback_ms=config.inbox_holdback_ms,
    )
    worker = InboxWorker(processor, config.inbox_threads, config.inbox_poll_seconds)
    identity = BotIdentity(
        lambda: fetch_bot_user_id(config.api_base_url, config.access_token, config.request_timeout)
    )
    return Bot(config, db, gateway, sender, processor, worker, clock, identity)


def create_app(config: Config | None = None) -> QuietErrorsFlask:
    """Create the Flask app; the environment is read here, never at import."""
    config = config or load_config()
    app = QuietErrorsFlask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = config.max_body_bytes
    bot = build_bot(config)
    app.extensions["bot"] = bot

    import staff
    from bot import cli, health, meeting_calendar, my_data_web, webhook

    app.register_blueprint(webhook.blueprint)
    app.register_blueprint(health.blueprint)
    app.register_blueprint(my_data_web.blueprint)
    app.register_blueprint(meeting_calendar.blueprint)
    app.register_blueprint(staff.blueprint)
    cli.init_app(app)
    return app
