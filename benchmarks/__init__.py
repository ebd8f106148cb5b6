"""Benchmarks of the webhook, broadcasts, exports and conversations, each beside a baseline."""
