"""The Slack HTTP endpoint: Bolt's WSGI adapter behind waitress.

waitress reads every request in full on its one I/O thread before a worker sees it, so a slow
or silent client holds a socket (at most ``CONNECTION_LIMIT`` of them), never a worker; bodies
over ``MAX_BODY_BYTES`` get 413 unread and invalid ``Content-Length`` 400 from waitress itself.
The workers only verify the signature and hand the event to Bolt's own listener pool, which
acknowledges at once and does the work afterwards."""
from __future__ import annotations

import logging
import threading

from slack_bolt import App, BoltRequest
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.response import BoltResponse
from waitress import wasyncore
from waitress.server import create_server

from .payload import bad_timestamp, problem

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
MAX_BODY_BYTES = 1_000_000  # Slack's payloads are a few KB; refuse anything absurd unread
THREADS = 8  # waitress workers: each only checks a signature and queues the event for Bolt
CONNECTION_LIMIT = 200  # open sockets at once; more wait in the listen backlog
CHANNEL_TIMEOUT = 30  # seconds a connection may sit idle (or mid-request without a byte) before it is closed


class SlackWsgi(SlackRequestHandler):
    """Bolt's WSGI handler plus ``GET /healthz``, a lenient body decode, malformed bodies refused
    (bot/slack/payload.py) and a last-resort 400.

    Bolt's own adapter decodes the body as strict UTF-8, so a non-UTF-8 body would be a 500;
    decoded leniently it reaches the signature check and gets 401 like any other forgery."""

    def __call__(self, environ, start_response):
        method, path = environ.get("REQUEST_METHOD", "GET"), environ.get("PATH_INFO", "")
        if path == HEALTH_PATH and method in ("GET", "HEAD"):
            start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", "2")])
            return [b"ok"]
        try:
            return super().__call__(environ, start_response)
        except Exception:  # noqa: BLE001 - a malformed request must not become a 5xx
            log.exception("Slack request could not be handled (%s %s)", method, path)
            start_response("400 Bad Request", [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", "11")])
            return [b"Bad Request"]

    def dispatch(self, request) -> BoltResponse:
        env = request.environ
        try:
            length = int(env.get("CONTENT_LENGTH") or 0)
        except ValueError:  # waitress has refused it already; a second guard costs nothing
            return BoltResponse(status=400, body="Bad Request")
        body = env["wsgi.input"].read(length).decode("utf-8", errors="replace") if "wsgi.input" in env else ""
        if bad_timestamp(env.get("HTTP_X_SLACK_REQUEST_TIMESTAMP")):
            log.info("Slack request refused: X-Slack-Request-Timestamp is not a number")
            return BoltResponse(status=401, body="Unauthorized")
        wrong = problem(body, env.get("CONTENT_TYPE"))
        if wrong:
            log.info("malformed Slack request refused: %s", wrong)
            return BoltResponse(status=400, body="Bad Request")
        return self.app.dispatch(BoltRequest(body=body, query=request.query_string, headers=request.get_headers()))


class HttpRunner:
    """waitress serving :class:`SlackWsgi` on ``host:port`` (port 0: any free port)."""

    def __init__(self, app: App, host: str = "0.0.0.0", port: int = 3000, *,
                 threads: int = THREADS, connection_limit: int = CONNECTION_LIMIT,
                 channel_timeout: int = CHANNEL_TIMEOUT, max_body_bytes: int = MAX_BODY_BYTES):
        self.app = app
        self.server = create_server(
            SlackWsgi(app, path=EVENTS_PATH),
            host=host, port=port, threads=threads, connection_limit=connection_limit,
            channel_timeout=channel_timeout, cleanup_interval=max(1, min(30, channel_timeout)),
            max_request_body_size=max_body_bytes, expose_tracebacks=False, ident="minutes",
            clear_untrusted_proxy_headers=True,
        )
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self.server.effective_port)

    def start(self) -> None:
        self._thread = threading.Thread(target=self.server.run, name="minutes-slack-http", daemon=True)
        self._thread.start()
        log.info("listening for Slack events on http://%s:%d%s", self.server.effective_host, self.port, EVENTS_PATH)

    def stop(self) -> None:
        # The workers finish what they hold first: each wakes the I/O loop through its trigger
        # pipe when done, which must still be open then.
        self.server.task_dispatcher.shutdown(timeout=5)
        # Closing every socket in waitress's map ends its loop (it runs while the map is not
        # empty). It is done on the loop's own thread, through the trigger: closed from here,
        # the sockets vanished under the loop's select(), which failed with EBADF ("Bad file
        # descriptor") in the server thread.
        if self._thread is not None and self._thread.is_alive():
            try:
                self.server.trigger.pull_trigger(lambda: wasyncore.close_all(self.server._map))
            except OSError:
                # The trigger is closed already: the loop is on its way out (its map emptied
                # between the check and the pull). Close what is left from here.
                wasyncore.close_all(self.server._map)
            self._thread.join(timeout=5)
        else:
            wasyncore.close_all(self.server._map)
        self._thread = None
