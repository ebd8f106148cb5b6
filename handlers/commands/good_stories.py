"""เรื่องเล่าดีๆ: shared good practice by criterion; authors answer for their own stories;
members turn the monthly digest on or off."""

from __future__ import annotations

from urllib.parse import parse_qs

from linebot.v3.webhooks import PostbackEvent

from handlers.feedback import network_name
from handlers.questionnaire import questionnaire_of
from handlers.registry import command
from messages.builders import LABEL_LIMIT, command_action, main_menu, say, text_message
from messages.catalog import text
from messages.flex import CAROUSEL_BUBBLES, carousel, flex_message
from messages.stories import clip, quick, story_bubble
from storage import stories
from storage.models.stories import GRANTED

SHOWN = 10  # cards per criterion: the latest ones


def _fields(event) -> dict[str, str]:
    if not isinstance(event, PostbackEvent):
        return {}
    return {k: v[0] for k, v in parse_qs(event.postback.data or "").items()}


def _criteria(ctx) -> list[tuple[str, str]]:
    return [(c.key, c.label(ctx.language)) for c in questionnaire_of(ctx).criteria]


def _criterion_action(key: str, label: str) -> dict:
    return {"type": "action", "action": {"type": "postback", "label": clip(label, LABEL_LIMIT),
            "data": f"cmd=good_stories&c={key}", "displayText": label}}  # fmt: skip


def _digest_button(ctx) -> dict:
    if stories.opted_out(ctx.session, ctx.member.id):
        return command_action(text("stories.button.digest_on", ctx.language), "digest_on")
    return command_action(text("stories.button.digest_off", ctx.language), "digest_off")


@command("good_stories", ("เรื่องเล่าดีๆ", "good stories", "ตัวอย่างดีๆ"))
def good_stories(event, ctx) -> list[dict]:
    """Offer the criteria that have shared stories, or show one criterion's latest as cards."""
    language, criteria = ctx.language, _criteria(ctx)
    keys = [key for key, _ in criteria]
    grouped = stories.by_criterion(stories.granted(ctx.session, keys), keys)
    total = len({story.id for found in grouped.values() for story in found})
    if total == 0:
        return [say("stories.none", language, menu=True)]
    buttons = [_criterion_action(k, label) for k, label in criteria if grouped[k]]
    buttons.append(_digest_button(ctx))
    chosen = _fields(event).get("c")
    labels = dict(criteria)
    if chosen not in labels:
        lines = [text("stories.pick_line", language, criterion=label, count=len(grouped[key]))
                 for key, label in criteria if grouped[key]]  # fmt: skip
        return [text_message(text("stories.pick", language, count=total, lines="\n".join(lines)),
                             buttons)]  # fmt: skip
    found = grouped[chosen]
    if not found:
        body = text("stories.criterion_empty", language, criterion=labels[chosen])
        return [text_message(body, buttons)]
    shown = found[: min(SHOWN, CAROUSEL_BUBBLES)]
    cards = [
        story_bubble(story, labels[chosen], language,
                     network_name(ctx, story.network) if story.network else None)
        for story in shown
    ]  # fmt: skip
    alt = text("stories.alt", language, criterion=labels[chosen], count=len(found))
    messages = [flex_message(alt, carousel(cards) if len(cards) > 1 else cards[0])]
    if len(found) > len(shown):
        messages.append(text_message(text("stories.more", language, shown=len(shown),
                                          count=len(found))))  # fmt: skip
    messages[-1]["quickReply"] = {"items": buttons}
    return messages


def _title(ctx, story) -> str:
    return stories.titles(ctx.session, [story])[story.id]


@command("share_answer", (), access="consented")
def share_answer(event, ctx) -> list[dict]:
    """Record the author's answer for one story: allow (with or without their name) or not."""
    fields, language = _fields(event), ctx.language
    story_id, value = fields.get("s", ""), fields.get("a")
    story = stories.find(ctx.session, int(story_id)) if story_id.isdigit() else None
    if story is None or story.member_id != ctx.member.id or value not in stories.ANSWERS:
        return [say("stories.unknown", language, menu=True)]
    was = story.status
    status = stories.answer(ctx.session, story, value, ctx.clock())
    title = clip(_title(ctx, story), 60)
    if status != GRANTED:
        key = "stories.withdrawn" if was == GRANTED else "stories.refused"
        return [say(key, language, menu=True, title=title)]
    if value == "yes":
        choices = [
            quick(story.id, "named", text("stories.button.named", language)),
            quick(story.id, "anonymous", text("stories.button.anonymous", language)),
        ]
        return [text_message(text("stories.granted", language, title=title), choices)]
    if value == "named":
        name = ctx.member.display_name or ""
        return [say("stories.named", language, menu=True, title=title, name=name)]
    return [say("stories.anonymous", language, menu=True, title=title)]


@command("my_stories", ("เรื่องเล่าของฉัน", "my stories"))
def my_stories(event, ctx) -> list[dict]:
    """List the member's records staff picked, with a button to withdraw or allow each."""
    language = ctx.language
    mine = stories.of_member(ctx.session, ctx.member.id)
    if not mine:
        return [say("stories.mine.none", language, menu=True)]
    names = stories.titles(ctx.session, mine)
    lines, buttons = [], []
    for story in mine:
        title = clip(names[story.id], 60)
        named = text(f"stories.mine.{'with' if story.show_name else 'without'}_name", language)
        lines.append(text(f"stories.mine.{story.status}", language, title=title, named=named))
        short = clip(names[story.id], 12)
        if story.status == GRANTED:
            label = text("stories.button.withdraw", language, title=short)
            buttons.append(quick(story.id, "no", label))
        else:
            buttons.append(quick(story.id, "yes", text("stories.button.allow_again", language,
                                                        title=short)))  # fmt: skip
    body = text("stories.mine", language, lines="\n".join(lines))
    return [text_message(body, buttons[:13])]


@command("digest_off", ("ไม่รับเรื่องเล่ารายเดือน", "no story digest"))
def digest_off(event, ctx) -> list[dict]:
    """Stop the monthly digest of good stories for this member."""
    stories.set_digest(ctx.session, ctx.member.id, False, ctx.clock())
    return [text_message(text("stories.digest_off", ctx.language), main_menu(ctx.language))]


@command("digest_on", ("รับเรื่องเล่ารายเดือน", "story digest"))
def digest_on(event, ctx) -> list[dict]:
    """Send this member the monthly digest of good stories again."""
    stories.set_digest(ctx.session, ctx.member.id, True, ctx.clock())
    return [text_message(text("stories.digest_on", ctx.language), main_menu(ctx.language))]
