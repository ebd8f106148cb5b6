"""Activities export: pending until its model lands."""

from __future__ import annotations

PENDING = "waits for storage/models/activities.py (branch `activities`)"
