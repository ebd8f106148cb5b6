"""The echo baseline: the SDK's own echo example (parse, then reply synchronously) against the emulator."""

from __future__ import annotations

import os

from flask import Flask, Response, request
from linebot.v3 import WebhookHandler
from linebot.v3.exceptions import InvalidSignatureError
from linebot.v3.messaging import (
    ApiClient,
    Configuration,
    MessagingApi,
    ReplyMessageRequest,
    TextMessage,
)
from linebot.v3.webhooks import MessageEvent, TextMessageContent


def make_app() -> Flask:
    """Build the app (gunicorn 'benchmarks.echo_app:make_app()'); secret, token and host from env."""
    handler = WebhookHandler(os.environ["LINE_CHANNEL_SECRET"])
    configuration = Configuration(
        host=os.environ["LINE_API_BASE_URL"], access_token=os.environ["LINE_CHANNEL_ACCESS_TOKEN"]
    )
    app = Flask(__name__)

    @app.post("/callback")
    def callback() -> Response:
        body = request.get_data(as_text=True)
        try:
            handler.handle(body, request.headers.get("X-Line-Signature", ""))
        except InvalidSignatureError:
            return Response("invalid signature", 400, mimetype="text/plain")
        return Response("OK", 200, mimetype="text/plain")

    # As in the SDK's README: a client per event, the reply made before the webhook answers.
    @handler.add(MessageEvent, message=TextMessageContent)
    def echo(event: MessageEvent) -> None:
        with ApiClient(configuration) as api_client:
            MessagingApi(api_client).reply_message_with_http_info(
                ReplyMessageRequest(
                    reply_token=event.reply_token,
                    messages=[TextMessage(text=event.message.text)],
                )
            )

    @app.get("/healthz")
    def healthz() -> Response:
        return Response("ok", 200, mimetype="text/plain")

    return app
