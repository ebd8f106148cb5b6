"""Read transcripts of the console's scripted mode (the `play` fixture is in conftest)."""

from __future__ import annotations


def in_order(transcript: str, *fragments: str) -> None:
    """Assert each fragment appears in the transcript, each after the one before."""
    position = 0
    for fragment in fragments:
        found = transcript.find(fragment, position)
        assert found >= 0, f"{fragment!r} missing after position {position} of:\n{transcript}"
        position = found + len(fragment)


def turns(transcript: str) -> list[str]:
    """Split a transcript into turns: each input line (>) with the answer lines after it."""
    chunks: list[str] = []
    for line in transcript.splitlines():
        if line.startswith(">") or not chunks:
            chunks.append(line)
        else:
            chunks[-1] += "\n" + line
    return chunks


Exchange = list[tuple[str, str | tuple[str, ...]]]


def converse(play, user_id: str, exchange: Exchange) -> str:
    """Play each input and check its own answer holds the expected fragments; return the text."""
    transcript = play(user_id, [typed for typed, _ in exchange])
    answers = turns(transcript)
    assert len(answers) == len(exchange), transcript
    assert "\n!" not in transcript, transcript  # the console's own errors: refused or unreachable
    for (typed, expected), answer in zip(exchange, answers, strict=True):
        for fragment in (expected,) if isinstance(expected, str) else expected:
            assert fragment in answer, f"after {typed!r}: {fragment!r} not in\n{answer}"
    return transcript
