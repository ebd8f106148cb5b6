"""Receipts of signed webhook events we cannot take: kept so a redelivery is recognised, never handled."""

from __future__ import annotations

from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from storage.models import InboxEvent
from storage.upsert import insert_ignore

REJECTED = "rejected"


def store_rejected(session: Session | Connection, receipts: list[tuple[str, str]]) -> int:
    """Store (id, reason) receipts without payload or lane, so no worker picks them up."""
    rows = [
        {
            "webhook_event_id": receipt_id,
            "event_type": "rejected",
            "event_timestamp": 0,
            "is_redelivery": False,
            "lane_key": None,
            "payload": None,
            "status": REJECTED,
            "outcome": reason[:120],
        }
        for receipt_id, reason in receipts
    ]
    return insert_ignore(session, InboxEvent, rows)
