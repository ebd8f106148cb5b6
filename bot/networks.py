"""The networks members can belong to: configuration, not code (NETWORKS_FILE, a JSON list)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from bot.config import ConfigError


@dataclass(frozen=True)
class Network:
    key: str
    name_th: str
    name_en: str
    label_th: str  # at most 20 characters: it goes on a quick-reply button
    label_en: str
    province: str | None = None  # the province the network works in, when it is one province's

    def name(self, language: str) -> str:
        return self.name_en if language == "en" else self.name_th

    def label(self, language: str) -> str:
        return self.label_en if language == "en" else self.label_th


DEFAULT_NETWORKS = (
    Network(
        "civil",
        "เครือข่ายประชาสังคมคุณธรรม",
        "Civil-society moral network",
        "ประชาสังคมคุณธรรม",
        "Civil society",
    ),  # fmt: skip
    Network(
        "youth",
        "เครือข่ายเด็กและเยาวชนคุณธรรม",
        "Children and youth moral network",
        "เด็กและเยาวชนคุณธรรม",
        "Children & youth",
    ),  # fmt: skip
    Network("other", "เครือข่ายอื่น ๆ", "Another network", "อื่น ๆ", "Other"),
)


def load_networks(path: Path | None) -> tuple[Network, ...]:
    """Read the networks from a JSON file of objects with the Network fields; refuse a broken one."""
    if path is None:
        return DEFAULT_NETWORKS
    try:
        items = json.loads(Path(path).read_text(encoding="utf-8"))
        networks = tuple(Network(**item) for item in items)
    except (OSError, ValueError, TypeError) as exc:
        raise ConfigError(f"NETWORKS_FILE {path} is not a list of networks: {exc}") from None
    keys = [n.key for n in networks]
    if not networks or len(set(keys)) != len(keys):
        raise ConfigError(f"NETWORKS_FILE {path} must list networks with distinct keys")
    too_long = [n.key for n in networks if max(len(n.label_th), len(n.label_en)) > 20]
    if too_long:
        raise ConfigError(f"NETWORKS_FILE {path}: labels over 20 characters for {too_long}")
    return networks
