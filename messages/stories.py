"""LINE messages of good practice shared back: the author's question, story cards, the digest."""

from __future__ import annotations

from typing import Any

from messages.builders import LABEL_LIMIT, command_action, text_message
from messages.catalog import text
from messages.flex import GREEN, bubble, flex_message, small, words
from storage.stories import Story

TITLE_IN_QUESTION = 40  # the confirm template's text holds at most 240 characters
CONFIRM_TEXT_LIMIT = 240
DIGEST_LINES = 10


def clip(value: str, limit: int) -> str:
    value = " ".join((value or "").split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def answer_action(story_id: int, value: str, label: str) -> dict[str, Any]:
    """A postback that answers for one story (works at any time, even mid-conversation)."""
    return {"type": "postback", "label": clip(label, LABEL_LIMIT),
            "data": f"cmd=share_answer&s={story_id}&a={value}", "displayText": label}  # fmt: skip


def permission_question(story_id: int, kind: str, title: str, language: str) -> dict[str, Any]:
    """The push asking an author whether their record may be shared: two buttons."""
    body = text("stories.ask", language, kind=text(f"stories.kind.{kind}", language),
                title=clip(title, TITLE_IN_QUESTION))  # fmt: skip
    actions = [
        answer_action(story_id, "yes", text("stories.button.allow", language)),
        answer_action(story_id, "no", text("stories.button.deny", language)),
    ]
    return {
        "type": "template",
        "altText": text("stories.ask.alt", language),
        "template": {"type": "confirm", "text": clip(body, CONFIRM_TEXT_LIMIT), "actions": actions},
    }


def quick(story_id: int, value: str, label: str) -> dict[str, Any]:
    return {"type": "action", "action": answer_action(story_id, value, label)}


def byline(story: Story, language: str, network: str | None) -> str:
    if story.author and story.organisation:
        return text("stories.by_org", language, name=story.author, organisation=story.organisation)
    if story.author:
        return text("stories.by", language, name=story.author)
    if network:
        return text("stories.by_network", language, network=network)
    return text("stories.by_member", language)


def story_bubble(story: Story, criterion: str, language: str, network: str | None) -> dict:
    """One story as a card: its criterion, title, what it says, and who (only if allowed)."""
    kind = text(f"stories.kind.{story.kind}", language)
    lines = [words(clip(story.title, 100), weight="bold", size="md")]
    if story.kind == "activity":
        key, place = ("stories.facts", story.place) if story.place else ("stories.facts_online", "")
        lines.append(small(text(key, language, place=clip(place, 60), count=story.participants)))
    if story.body:
        lines.append(words(story.body, size="sm"))
    lines.append(small(byline(story, language, network)))
    header = [words(f"{clip(criterion, 30)} · {kind}", size="xs", color=GREEN)]
    return bubble(lines, header=header)


def digest_message(stories: list[Story], month: str, labels: dict[str, str], language: str):
    """The month's digest: one line per newly shared story, buttons to read or stop it."""
    shown = stories[:DIGEST_LINES]
    lines = [
        text("stories.digest_line", language, title=clip(story.title, 60),
             criteria=", ".join(labels.get(k, k) for k in story.criteria) or "-")
        for story in shown
    ]  # fmt: skip
    if len(stories) > len(shown):
        lines.append(text("stories.digest_more", language, count=len(stories) - len(shown)))
    body = text("stories.digest", language, month=month, count=len(stories), lines="\n".join(lines))
    buttons = [
        command_action(text("stories.button.browse", language), "good_stories"),
        command_action(text("stories.button.digest_off", language), "digest_off"),
    ]
    return text_message(body, buttons)


__all__ = ["flex_message", "permission_question", "story_bubble", "digest_message"]
