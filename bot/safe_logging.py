"""Log an unhandled request error by its type and frames only: its message may quote members' data."""

from __future__ import annotations

import traceback

from flask import Flask, request


class QuietErrorsFlask(Flask):
    """Flask whose error log names the path, the exception's type and where, never its text."""

    def log_exception(self, exc_info) -> None:
        kind, _value, tb = exc_info
        frames = "".join(traceback.format_list(traceback.extract_tb(tb)))
        name = kind.__name__ if kind else "Exception"
        self.logger.error(
            "Exception on %s [%s]: %s\nTraceback (text withheld):\n%s",
            request.path, request.method, name, frames,
        )  # fmt: skip
