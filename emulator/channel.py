"""Serve the channel endpoints: profiles, followers, content, quota, bot info, webhook settings."""

from __future__ import annotations

from datetime import UTC, datetime

from emulator.calls import Answer, Call, LineError, Route, invalid_property, visible_to
from emulator.webhooks import post_events


def profile(call: Call) -> Answer:
    """Answer a user's profile, or 404 for users the bot does not know."""
    user = call.state.get_user(call.params["userId"])
    if user is None or not visible_to(call.state, user["userId"]):
        raise LineError(404, "Not found")
    return Answer(body=user)


def member_profile(call: Call) -> Answer:
    """Answer a group or room member's profile; 404 for a group the bot is not in, or a user not in it.

    Rooms are not modelled: any known user counts as a member of any room.
    """
    group_id = call.params.get("groupId")
    if group_id is not None:
        group = call.state.group(group_id)
        if group is None or call.params["userId"] not in group["members"]:
            raise LineError(404, "Not found")
    answer = profile(call)
    answer.body = {
        k: v for k, v in answer.body.items() if k in ("userId", "displayName", "pictureUrl")
    }
    return answer


def group_size(state, group_id: str) -> int:
    """How many users are in a group (set by a test, its known members, else every user)."""
    with state.lock:
        count = state.group_sizes.get(group_id)
    group = state.group(group_id) if count is None else None
    if count is None and group is not None:
        count = len(group["members"])  # a group set up by a test, or met in events
    if count is None:
        count = len(state.followers())
    return count


def group_member_count(call: Call) -> Answer:
    """Answer how many users are in a group."""
    return Answer(body={"count": group_size(call.state, call.params["groupId"])})


def group_summary(call: Call) -> Answer:
    """Answer a group's id and name; 404 for a group the bot is not in (as LINE)."""
    group = call.state.group(call.params["groupId"])
    if group is None:
        raise LineError(404, "Not found")
    return Answer(body={"groupId": call.params["groupId"], "groupName": group["groupName"]})


def followers(call: Call) -> Answer:
    """Answer the ids of users who follow the bot (one page)."""
    return Answer(body={"userIds": call.state.followers()})


def content(call: Call) -> Answer:
    """Answer the bytes a user sent with a message."""
    found = call.state.get_content(call.params["messageId"])
    if found is None:
        raise LineError(404, "Not found")
    data, content_type = found
    return Answer(body=data, content_type=content_type)


def quota(call: Call) -> Answer:
    """Answer the monthly quota."""
    return Answer(body={"type": "limited", "value": call.state.quota})


def consumption(call: Call) -> Answer:
    """Answer this month's message usage."""
    return Answer(body={"totalUsage": call.state.usage})


def bot_info(call: Call) -> Answer:
    """Answer the bot's own profile."""
    return Answer(
        body={
            "userId": call.state.bot_user_id,
            "basicId": "@000emulator",
            "displayName": "Emulator Bot",
            "chatMode": "bot",
            "markAsReadMode": "auto",
        }
    )


def get_webhook(call: Call) -> Answer:
    """Answer the webhook URL setting."""
    url = call.state.webhook_url
    return Answer(body={"endpoint": url or "", "active": bool(url)})


def set_webhook(call: Call) -> Answer:
    """Change the webhook URL."""
    call.state.webhook_url = call.body["endpoint"]
    return Answer(body={})


def verify_webhook(call: Call) -> Answer:
    """Send LINE's Verify request (`events: []`) and answer how the bot responded."""
    result = post_events(call.state, [])
    status = result["status"]
    return Answer(
        body={
            "success": status == 200,
            "timestamp": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
            "statusCode": status,
            "reason": "OK" if status == 200 else result.get("error", "ERROR_STATUS_CODE"),
            "detail": str(status),
        }
    )


def loading(call: Call) -> Answer:
    """Accept a loading animation request (seconds: 5–60, a multiple of 5)."""
    seconds = call.body.get("loadingSeconds", 20)
    if not isinstance(seconds, int) or seconds % 5 or not 5 <= seconds <= 60:
        raise invalid_property("loadingSeconds")
    return Answer(status=202, body={})


def accepted(call: Call) -> Answer:
    """Answer 200 `{}` for calls the emulator only records (mark as read)."""
    return Answer(body={})


ROUTES: list[Route] = [
    ("GET", "/v2/bot/message/quota", quota, None, False),
    ("GET", "/v2/bot/message/quota/consumption", consumption, None, False),
    ("GET", "/v2/bot/message/{messageId}/content", content, None, False),
    ("GET", "/v2/bot/profile/{userId}", profile, None, False),
    ("GET", "/v2/bot/group/{groupId}/member/{userId}", member_profile, None, False),
    ("GET", "/v2/bot/group/{groupId}/members/count", group_member_count, None, False),
    ("GET", "/v2/bot/group/{groupId}/summary", group_summary, None, False),
    ("GET", "/v2/bot/room/{roomId}/member/{userId}", member_profile, None, False),
    ("GET", "/v2/bot/followers/ids", followers, None, False),
    ("GET", "/v2/bot/info", bot_info, None, False),
    ("GET", "/v2/bot/channel/webhook/endpoint", get_webhook, None, False),
    ("PUT", "/v2/bot/channel/webhook/endpoint", set_webhook, None, False),
    ("POST", "/v2/bot/channel/webhook/test", verify_webhook, None, False),
    ("POST", "/v2/bot/chat/loading/start", loading, None, False),
    ("POST", "/v2/bot/message/markAsRead", accepted, None, False),
    ("POST", "/v2/bot/chat/markAsRead", accepted, None, False),
]
