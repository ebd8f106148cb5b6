"""Handlers: a router and one module per command or conversation, all `handle(event, ctx)`."""

# The modules whose commands make up the bot; build_registry() refuses duplicates among them.
HANDLER_MODULES = (
    "handlers.help",
    "handlers.language",
    "handlers.coming_soon",
)
