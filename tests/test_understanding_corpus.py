"""The corpus of what members type (data/understanding_corpus.tsv), run through the real router.

Each phrasing must reach its intent; none may reach a different command (a wrong command is worse
than a question back). The share understood is printed, so a run shows where we stand.
"""

from __future__ import annotations

from pathlib import Path

from tests.router_chat import Chat

CORPUS = Path(__file__).resolve().parent.parent / "data" / "understanding_corpus.tsv"
# Commands that are another door to the same intent (the one-line entry opens the activity flow).
SAME_INTENT = {"log_activity_line": "log_activity"}


def load_corpus() -> list[tuple[str, str]]:
    """Return (intent, phrasing) pairs from the data file, skipping comments."""
    rows = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#") and line.count("\t") == 1:
            intent, phrasing = line.split("\t", 1)
            rows.append((intent.strip(), phrasing))
    return rows


def reached(outcome: str) -> tuple[str, str]:
    """Return (kind, name) for a router outcome: ("command", "assess"), ("smalltalk", "thanks")..."""
    kind, _, rest = outcome.partition(":")
    name = rest.split(":")[0]
    if kind in ("command", "postback"):
        return "command", SAME_INTENT.get(name, name)
    if kind == "smalltalk":
        return "smalltalk", name
    return kind, name


def test_the_corpus_is_large_and_covers_every_command():
    rows = load_corpus()
    assert len(rows) >= 300
    assert len(set(rows)) == len(rows), "a phrasing is listed twice"


def test_members_are_understood_as_they_write(db, tmp_path, capsys):
    chat = Chat(db, tmp_path)
    misses, wrong = [], []
    rows = load_corpus()
    for intent, phrasing in rows:
        chat.reset()
        chat.say(phrasing)
        kind, name = reached(chat.outcome)
        if intent == "unknown":
            ok = kind != "command"
        else:
            ok = name == intent and kind in ("command", "smalltalk")
        if not ok:
            misses.append(f"{phrasing!r} → {chat.outcome} (want {intent})")
            if kind == "command" and name != intent:
                wrong.append(misses[-1])
    share = 1 - len(misses) / len(rows)
    with capsys.disabled():
        print(f"\nunderstood {len(rows) - len(misses)}/{len(rows)} = {share:.1%}")
        for miss in misses:
            print("  miss:", miss)
    assert not wrong, "reached a wrong command:\n" + "\n".join(wrong)
    assert share >= 0.95
