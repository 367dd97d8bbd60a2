"""Start-up checks: one clear line for missing or malformed Slack settings."""
from __future__ import annotations

import pytest

from bot.slack.server import make_runner, serve, slack_mode
from index.errors import ConfigError
from tests.slack.conftest import make_settings


@pytest.mark.parametrize("overrides,message", [
    ({"slack_bot_token": None}, "SLACK_BOT_TOKEN is not set"),
    ({"slack_bot_token": "xoxp-user-token"}, "must be a bot token starting with xoxb-"),
    ({"slack_app_token": "xoxb-wrong"}, "SLACK_APP_TOKEN must be an app-level token starting with xapp-"),
    ({"slack_signing_secret": None}, "SLACK_SIGNING_SECRET is not set"),
    ({"slack_signing_secret": "  "}, "SLACK_SIGNING_SECRET is not set"),
])
def test_bad_settings_fail_with_one_line(fake, overrides, message):
    with pytest.raises(ConfigError, match=message) as e:
        slack_mode(make_settings(fake, **overrides))
    assert "\n" not in str(e.value)
    assert not fake.calls  # validated before anything talks to Slack


def test_modes(fake):
    assert slack_mode(make_settings(fake)) == "http"
    assert slack_mode(make_settings(fake, slack_app_token="xapp-1", slack_signing_secret=None)) == "socket"


def test_rejected_bot_token_is_a_config_error(fake, service):
    with pytest.raises(ConfigError, match="Slack rejected SLACK_BOT_TOKEN"):
        make_runner(make_settings(fake, slack_bot_token="xoxb-wrong"), service, host="127.0.0.1", port=0)


def test_unreachable_slack_is_a_config_error(service):
    from tests.slack.fake_slack import FakeSlack

    dead = FakeSlack()
    dead.close()  # nothing listens on that port any more
    with pytest.raises(ConfigError, match="cannot reach Slack|rejected"):
        make_runner(make_settings(dead), service, host="127.0.0.1", port=0)


def test_rejected_app_token_is_a_config_error(fake, service):
    from tests.slack.fake_slack import FakeSocketMode

    FakeSocketMode(fake)
    with pytest.raises(ConfigError, match="Slack rejected SLACK_APP_TOKEN"):
        serve(make_settings(fake, slack_app_token="xapp-wrong", slack_signing_secret=None), service)


def test_serve_runs_until_stopped(fake, service):
    import threading

    stop = threading.Event()
    settings = make_settings(fake, port=_free_port())
    t = threading.Thread(target=serve, args=(settings, service), kwargs={"stop": stop}, daemon=True)
    t.start()
    fake.wait_calls("auth.test")
    _wait_listening(settings.port)
    stop.set()
    t.join(timeout=10)
    assert not t.is_alive()


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_listening(port: int, timeout: float = 5.0):
    import socket
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)  # polling a port has no event to wait on
    raise AssertionError(f"nothing listening on {port}")


def test_stop_during_the_first_index_build_is_obeyed(fake, corpus_copy, tmp_path):
    """docker stop sends SIGTERM while a large corpus is still being indexed: stop at once."""
    import threading

    from bot.service import MinutesService
    from tests.conftest import FakeEmbedder

    entered, release = threading.Event(), threading.Event()

    class Slow(FakeEmbedder):
        def embed_documents(self, texts):
            entered.set()
            release.wait(30)
            return super().embed_documents(texts)

    service = MinutesService(corpus_copy, tmp_path / "ix", Slow())  # no index yet
    stop = threading.Event()
    settings = make_settings(fake, port=_free_port())
    t = threading.Thread(target=serve, args=(settings, service), kwargs={"stop": stop}, daemon=True)
    t.start()
    try:
        assert entered.wait(10)
        stop.set()
        t.join(timeout=5)
        assert not t.is_alive()  # returned while the build was still held
        assert not fake.calls_to("apps.connections.open")
    finally:
        release.set()
