"""Meetings export: pending until its model lands."""

from __future__ import annotations

PENDING = "waits for storage/models/meetings.py (branch `meetings`)"
