"""`minutes --help` and `minutes serve --help` name the settings and where they are explained."""
from __future__ import annotations

import pytest

from bot.cli import main
from bot.settings import Settings, setting_names


def _help(capsys, *argv) -> str:
    with pytest.raises(SystemExit) as e:
        main([*argv, "--help"])
    assert e.value.code == 0
    return " ".join(capsys.readouterr().out.split())  # argparse wraps at the terminal's width


def test_main_help_names_the_settings_and_the_docs(capsys):
    out = _help(capsys)
    for name in ("MINUTES_CORPUS_DIR", "MINUTES_INDEX_DIR", "MINUTES_EMBEDDING_MODEL", "MINUTES_REDACT"):
        assert name in out
    assert ".env file" in out and 'README.md, "Settings"' in out and "docs/slack.md" in out


def test_serve_help_names_the_slack_settings_and_the_guide(capsys):
    out = _help(capsys, "serve")
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "MINUTES_ADMIN_USERS",
                 "MINUTES_ANNOUNCE_CHANNEL"):
        assert name in out
    assert "docs/slack.md" in out and "slack-manifest.yaml" in out


def test_every_setting_is_listed_under_one_help_or_the_other():
    assert set(setting_names(slack=True)) | set(setting_names(slack=False)) == set(setting_names())
    assert len(setting_names()) == len(Settings.model_fields)
