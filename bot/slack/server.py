"""``minutes serve``: check the Slack settings, then run the bot in Socket Mode (when an app
token is set; no public URL needed) or as an HTTP endpoint at ``/slack/events``."""
from __future__ import annotations

import logging
import re
import signal
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.error import URLError

from slack_bolt import App, BoltRequest
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.error import BoltError
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry import RateLimitErrorRetryHandler
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler

from index.errors import ConfigError

from .app import build_app

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
MAX_BODY_BYTES = 1_000_000  # Slack's payloads are a few KB; refuse anything absurd unread
REQUEST_TIMEOUT = 30.0  # seconds a client may take to send its request (per socket read)
_DIGITS = re.compile(r"[0-9]{1,20}")


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
    client = client or make_client(settings)
    try:
        return build_app(
            service,
            client=client,
            signing_secret=settings.slack_signing_secret,
            socket_mode=mode == "socket",
            admin_user_ids=settings.admin_user_ids,
            max_upload_bytes=int(settings.max_upload_mb * 1_000_000),
            api_url=api_base_url(settings),
        )
    except BoltError as e:  # auth.test said no
        raise ConfigError(f"Slack rejected SLACK_BOT_TOKEN: {str(e).splitlines()[0]}") from None
    except (URLError, OSError) as e:
        raise ConfigError(f"cannot reach Slack at {api_base_url(settings)}: {getattr(e, 'reason', e)}") from None


class HttpRunner:
    """Bolt behind a threading HTTP server: POST /slack/events, GET /healthz."""

    def __init__(self, app: App, host: str = "0.0.0.0", port: int = 3000,
                 request_timeout: float = REQUEST_TIMEOUT):
        self.app = app
        self.server = ThreadingHTTPServer((host, port), _handler_for(app, request_timeout))
        self.server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self.server.server_address[1]

    def start(self) -> None:
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.1},
                                        name="minutes-slack-http", daemon=True)
        self._thread.start()
        log.info("listening for Slack events on http://%s:%d%s", self.server.server_address[0], self.port, EVENTS_PATH)

    def stop(self) -> None:
        if self._thread is not None:
            self.server.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self.server.server_close()


def _content_length(headers) -> int | None:
    """The request's Content-Length (0 when absent), or None when it is not one plain
    non-negative decimal number (``-1``, ``abc``, ``1_0``, or two different values)."""
    values = {v.strip() for v in headers.get_all("Content-Length") or []}
    if not values:
        return 0
    if len(values) > 1 or not _DIGITS.fullmatch(next(iter(values))):
        return None
    return int(next(iter(values)))


def _handler_for(app: App, request_timeout: float = REQUEST_TIMEOUT):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # A socket timeout for every read and write: a client that sends its request slowly, or
        # not at all, is dropped instead of holding a thread (StreamRequestHandler applies it).
        timeout = request_timeout

        def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
            log.debug("%s - " + format, self.address_string(), *args)

        def do_GET(self):
            if self.path.partition("?")[0] == HEALTH_PATH:
                self._send(200, {}, "ok")
            else:
                self._send(404, {}, "")

        def do_POST(self):
            path, _, query = self.path.partition("?")
            if path != EVENTS_PATH:
                self.close_connection = True  # its body is left unread
                self._send(404, {}, "")
                return
            if self.headers.get("Transfer-Encoding"):  # Slack sends a Content-Length; no chunked bodies
                self.close_connection = True
                self._send(411, {}, "")
                return
            length = _content_length(self.headers)
            if length is None or length > MAX_BODY_BYTES:
                # The body is left unread (it may be huge, or never end): close after replying.
                self.close_connection = True
                self._send(400 if length is None else 413, {}, "")
                return
            # A body that is not UTF-8 cannot carry a valid signature; decoding it leniently
            # lets Bolt's signature check refuse it with 401 like any other forgery.
            body = self.rfile.read(length).decode("utf-8", errors="replace")
            headers = {k.lower(): v for k, v in self.headers.items()}
            resp = app.dispatch(BoltRequest(body=body, query=query, headers=headers))
            self._send(resp.status, resp.headers, resp.body)

        def _send(self, status: int, headers: dict, body) -> None:
            data = (body if isinstance(body, str) else str(body or "")).encode("utf-8")
            self.send_response(status)
            for k, values in headers.items():
                if k.lower() == "content-length":
                    continue
                for v in values if isinstance(values, (list, tuple)) else [values]:
                    self.send_header(k, v)
            self.send_header("Content-Length", str(len(data)))
            if self.close_connection:
                self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(data)

    return Handler


class SocketRunner:
    """Bolt over Slack's Socket Mode WebSocket (slack_sdk's built-in client)."""

    def __init__(self, app: App, app_token: str):
        self.handler = SocketModeHandler(app, app_token=app_token)

    def start(self) -> None:
        try:
            self.handler.connect()
        except SlackApiError as e:
            raise ConfigError(f"Slack rejected SLACK_APP_TOKEN: {e.response.get('error')}") from None
        log.info("connected to Slack in Socket Mode")

    def stop(self) -> None:
        self.handler.close()


def make_runner(settings, service, *, host: str = "0.0.0.0", port: int | None = None):
    """Everything ``serve`` runs, built and checked but not started."""
    mode = slack_mode(settings)
    app = create_app(settings, service, mode=mode)
    if mode == "socket":
        return SocketRunner(app, settings.slack_app_token.strip())
    return HttpRunner(app, host=host, port=settings.port if port is None else port)


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
        runner.stop()
        service.stop()
