"""``minutes serve``: check the Slack settings, then run the bot in Socket Mode (when an app
token is set; no public URL needed) or as an HTTP endpoint at ``/slack/events``."""
from __future__ import annotations

import logging
import signal
import threading
from urllib.error import URLError

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.error import BoltError
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry import RateLimitErrorRetryHandler
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler

from index.errors import ConfigError, MinutesError

from .access import Access
from .announce import Announcer
from .app import build_app
from .dedupe import Deduper
from .memory import BotMemory
from .secrets import protect
from .state import BotState
from .threads import ThreadMemory
from .http import EVENTS_PATH, HttpRunner
from .reminders import Reminders
from .scope import CollectionAccess

log = logging.getLogger(__name__)

__all__ = ["EVENTS_PATH", "HttpRunner", "SocketRunner", "create_app", "make_runner", "serve", "slack_mode"]


def slack_mode(settings) -> str:
    """"socket" or "http", after checking the tokens that mode needs; ConfigError otherwise."""
    bot = (settings.slack_bot_token or "").strip()
    if not bot:
        raise ConfigError("SLACK_BOT_TOKEN is not set: copy the Bot User OAuth Token (xoxb-…) from your Slack app's OAuth & Permissions page")
    if not bot.startswith("xoxb-"):
        raise ConfigError("SLACK_BOT_TOKEN must be a bot token starting with xoxb-")
    app_token = (settings.slack_app_token or "").strip()
    if app_token:
        if not app_token.startswith("xapp-"):
            raise ConfigError("SLACK_APP_TOKEN must be an app-level token starting with xapp- (with the connections:write scope)")
        return "socket"
    if not (settings.slack_signing_secret or "").strip():
        raise ConfigError("SLACK_SIGNING_SECRET is not set: HTTP mode needs it (or set SLACK_APP_TOKEN for Socket Mode)")
    return "http"


def api_base_url(settings) -> str:
    url = settings.slack_api_url.strip()
    return url if url.endswith("/") else url + "/"


def make_client(settings) -> WebClient:
    """A Web API client that waits out HTTP 429 as Slack's Retry-After asks."""
    return WebClient(
        token=settings.slack_bot_token.strip(),
        base_url=api_base_url(settings),
        retry_handlers=[ConnectionErrorRetryHandler(), RateLimitErrorRetryHandler(max_retry_count=3)],
    )


def create_app(settings, service, client: WebClient | None = None, mode: str | None = None) -> App:
    mode = mode or slack_mode(settings)
    channel = settings.announce_channel.strip()
    if settings.reminder_days and not channel:
        raise ConfigError("MINUTES_REMINDER_DAYS needs MINUTES_ANNOUNCE_CHANNEL: the channel reminders are posted in")
    # From here on no log line can carry a token or the signing secret.
    protect(settings.slack_bot_token, settings.slack_app_token, settings.slack_signing_secret)
    client = client or make_client(settings)
    state = BotState.beside_index(service.index_dir)
    try:
        app = build_app(
            service,
            client=client,
            signing_secret=settings.slack_signing_secret,
            socket_mode=mode == "socket",
            admin_user_ids=settings.admin_user_ids,
            max_upload_bytes=int(settings.max_upload_mb * 1_000_000),
            api_url=api_base_url(settings),
            # Beside the index, so a retry Slack sends after a restart is still recognised.
            deduper=Deduper.beside_index(service.index_dir),
            access=Access(channels=settings.allowed_channel_ids, dms=settings.allow_dms),
            redact=settings.redact,
            memory=BotMemory.beside_index(service.index_dir),
            source_url=settings.source_url,
            # Beside the index too: a thread's context survives a restart.
            threads=ThreadMemory(state),
            collections=CollectionAccess(settings.channel_collection_map, settings.private_collection_keys),
        )
    except BoltError as e:  # auth.test said no
        raise ConfigError(f"Slack rejected SLACK_BOT_TOKEN: {str(e).splitlines()[0]}") from None
    except (URLError, OSError) as e:
        raise ConfigError(f"cannot reach Slack at {api_base_url(settings)}: {getattr(e, 'reason', e)}") from None
    _warn_unknown_collections(app.minutes_bot.collections, service)
    app.minutes_announcer = app.minutes_reminders = None
    if channel:
        attach_announcements(app, settings, service, client, state, channel)
    return app


def _warn_unknown_collections(access, service) -> None:
    """A collection in MINUTES_CHANNEL_COLLECTIONS / MINUTES_PRIVATE_COLLECTIONS that the index
    does not hold (a typo, or a folder not indexed yet) is said once in the log."""
    try:
        known = service.catalogue().keys()
    except MinutesError:
        return
    named = set(access.private).union(*access.channels.values()) if access.configured else set()
    unknown = sorted(named - known)
    if known and unknown:
        log.warning("collections named in the settings but not in the index: %s (collections: %s)",
                    ", ".join(unknown), ", ".join(sorted(known)))


def stop_background(runner) -> None:
    """Stop the reminder scheduler of the app ``runner`` serves, if it has one."""
    reminders = getattr(getattr(runner, "app", None), "minutes_reminders", None)
    if reminders is not None:
        reminders.stop()


def attach_announcements(app: App, settings, service, client: WebClient, state: BotState, channel: str) -> None:
    """New minutes announced in ``channel``; reminders before the next meeting if asked for.
    Both pass what they post through the bot's masking, as answers do."""
    finish = app.minutes_bot.out
    access = app.minutes_bot.collections  # the same access rules as answers
    announcer = Announcer(client, channel, state, finish=finish, link=app.minutes_bot.linker, access=access)
    try:
        announcer.start(service.snapshot())
    except MinutesError as e:  # a damaged index: the bot still starts, and says so when asked
        log.warning("announcements: cannot read the index yet (%s)", e)
    service.on_new_index(announcer.on_snapshot)
    app.minutes_announcer = announcer
    if settings.reminder_days:
        reminders = Reminders(client, channel, state, service, settings.reminder_days, finish=finish, access=access)
        reminders.start()
        app.minutes_reminders = reminders


class SocketRunner:
    """Bolt over Slack's Socket Mode WebSocket (slack_sdk's built-in client)."""

    def __init__(self, app: App, app_token: str):
        self.app = app
        self.handler = SocketModeHandler(app, app_token=app_token)

    def start(self) -> None:
        try:
            self.handler.connect()
        except SlackApiError as e:
            raise ConfigError(f"Slack rejected SLACK_APP_TOKEN: {e.response.get('error')}") from None
        log.info("connected to Slack in Socket Mode")

    def stop(self) -> None:
        self.handler.close()


def make_runner(settings, service, *, host: str = "0.0.0.0", port: int | None = None, **http_options):
    """Everything ``serve`` runs, built and checked but not started. ``http_options`` go to
    :class:`HttpRunner` (limits; tests shorten the timeouts)."""
    mode = slack_mode(settings)
    app = create_app(settings, service, mode=mode)
    if mode == "socket":
        return SocketRunner(app, settings.slack_app_token.strip())
    return HttpRunner(app, host=host, port=settings.port if port is None else port, **http_options)


def _catch_up(service) -> None:
    try:
        report = service.reindex()
        log.info("index up to date: %d added, %d updated, %d removed, %d unchanged",
                 len(report.added), len(report.updated), len(report.removed), report.unchanged)
    except Exception:  # noqa: BLE001 - the bot still answers from the index it has
        log.exception("updating the index at start-up failed")


def serve(settings, service, *, stop: threading.Event | None = None) -> None:
    """Run until SIGINT/SIGTERM (or ``stop`` is set). Raises ConfigError before starting if the
    Slack settings are missing, malformed or rejected."""
    runner = make_runner(settings, service)
    slack_log = logging.getLogger("bot")  # bot.slack and bot.service (the watcher's updates)
    if slack_log.level == logging.NOTSET:
        slack_log.setLevel(logging.INFO)  # the operator should see "connected"/"listening"
    stop = stop or threading.Event()
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: stop.set())
    try:
        if not service.status().meetings:
            log.info("no index yet: building it before connecting to Slack")
            # In a thread, so SIGTERM (docker stop) is obeyed at once; a build cut short leaves
            # nothing half-written (index writes are atomic).
            builder = threading.Thread(target=_catch_up, args=(service,), name="minutes-first-index", daemon=True)
            builder.start()
            while builder.is_alive() and not stop.wait(0.2):
                pass
            if stop.is_set():
                return
            runner.start()
        else:
            runner.start()
            # Catch up with files added while the bot was down; questions are answered meanwhile.
            threading.Thread(target=_catch_up, args=(service,), name="minutes-catch-up", daemon=True).start()
        service.start_watching()
        while not stop.wait(1.0):  # a timed wait keeps signal handlers responsive
            pass
    finally:
        log.info("shutting down")
        stop_background(runner)
        runner.stop()
        service.stop()
