"""A local stand-in for LINE's Messaging API platform (the emulator)."""
