"""The webhook baseline: a bare Flask app that only checks LINE's signature and answers 200."""

from __future__ import annotations

import os

from flask import Flask, Response, request
from linebot.v3.webhook import SignatureValidator


def make_app() -> Flask:
    """Build the app (gunicorn 'benchmarks.baseline_app:make_app()'), secret from the env."""
    validator = SignatureValidator(os.environ["LINE_CHANNEL_SECRET"])
    app = Flask(__name__)

    @app.post("/callback")
    def callback() -> Response:
        body = request.get_data(as_text=True)
        if not validator.validate(body, request.headers.get("X-Line-Signature", "")):
            return Response("invalid signature", 400, mimetype="text/plain")
        return Response("OK", 200, mimetype="text/plain")

    @app.get("/healthz")
    def healthz() -> Response:
        return Response("ok", 200, mimetype="text/plain")

    return app
