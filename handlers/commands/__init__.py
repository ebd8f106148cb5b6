"""One module per command or conversation; every module here is found at start-up (no list to edit)."""
