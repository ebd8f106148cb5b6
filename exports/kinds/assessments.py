"""Assessments export: pending until its model lands."""

from __future__ import annotations

PENDING = "waits for storage/models/assessments.py (branch `assess`)"
