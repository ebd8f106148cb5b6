"""Settings come from the environment, checked at start with messages that say what to fix."""

from __future__ import annotations

import pytest

from bot.config import DEFAULT_API_BASE_URL, ConfigError, load_config

STAFF = {"STAFF_SECRET_KEY": "k" * 40}


def test_no_credentials_means_local_mode_with_the_emulator():
    config = load_config({})
    assert config.local_mode
    assert config.api_base_url == "http://127.0.0.1:8001"
    assert config.timezone == "Asia/Bangkok" and config.port == 8000
    assert config.database_url.startswith("sqlite:///") and "instance" in config.database_url


def test_credentials_mean_the_real_line_platform():
    config = load_config(
        {"LINE_CHANNEL_SECRET": "s", "LINE_CHANNEL_ACCESS_TOKEN": "t", "PORT": "9000", **STAFF}
    )
    assert not config.local_mode
    assert config.api_base_url == DEFAULT_API_BASE_URL
    assert (config.channel_secret, config.access_token, config.port) == ("s", "t", 9000)


def test_api_base_url_points_every_call_elsewhere():
    env = {
        "LINE_CHANNEL_SECRET": "s",
        "LINE_CHANNEL_ACCESS_TOKEN": "t",
        "LINE_API_BASE_URL": "http://x:1/",
        **STAFF,
    }
    assert load_config(env).api_base_url == "http://x:1"


@pytest.mark.parametrize(
    ("env", "says"),
    [
        ({"LINE_CHANNEL_SECRET": "s"}, "LINE_CHANNEL_ACCESS_TOKEN"),
        ({"LINE_CHANNEL_ACCESS_TOKEN": "t"}, "LINE_CHANNEL_SECRET"),
        ({"PORT": "eighty"}, "PORT"),
        ({"BOT_TIMEZONE": "Mars/Olympus"}, "BOT_TIMEZONE"),
        ({"LINE_API_BASE_URL": "api.line.me"}, "LINE_API_BASE_URL"),
        ({"INBOX_WORKER": "maybe"}, "INBOX_WORKER"),
    ],
)
def test_malformed_settings_are_refused_by_name(env, says):
    with pytest.raises(ConfigError, match=says):
        load_config(env)


def test_a_real_channel_needs_a_long_staff_secret_key_and_local_mode_does_not():
    real = {"LINE_CHANNEL_SECRET": "s", "LINE_CHANNEL_ACCESS_TOKEN": "t"}
    for key in (None, "short"):
        env = real if key is None else {**real, "STAFF_SECRET_KEY": key}
        with pytest.raises(ConfigError, match="STAFF_SECRET_KEY"):
            load_config(env)
    config = load_config({**real, **STAFF})
    assert config.staff_secret_key == "k" * 40
    assert config.pseudonym_secret is None  # anonymized exports refuse until it is set
    assert load_config({}).staff_secret_key and load_config({}).pseudonym_secret
    assert load_config({**real, **STAFF, "EXPORT_PSEUDONYM_SECRET": "p"}).pseudonym_secret == "p"
