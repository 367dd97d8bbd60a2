"""A fake Slack for tests: a real HTTP server on 127.0.0.1 speaking the Web API methods the bot
uses, serving file downloads and response_url posts, plus a Socket Mode WebSocket server.

Every call is recorded (method, parsed body, headers); tests wait on conditions, never sleep."""
from __future__ import annotations

import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, quote, urlsplit

BOT_TOKEN = "xoxb-test-token"
APP_TOKEN = "xapp-test-token"
BOT_USER_ID = "UBOT"
BOT_ID = "BBOT"
TEAM_ID = "T1"


@dataclass
class Call:
    method: str
    body: dict
    headers: dict
    at: float = field(default_factory=time.monotonic)


@dataclass
class FakeFile:
    id: str
    name: str
    content: bytes
    filetype: str = "text"
    size: int | None = None  # what files.info claims; defaults to len(content)
    url: str | None = None  # override url_private_download (e.g. a foreign host)


class FakeSlack:
    def __init__(self):
        self.calls: list[Call] = []
        self.files: dict[str, FakeFile] = {}
        self.downloads: list[dict] = []  # {"path", "authorization"}
        self.failures: dict[str, list[tuple[int, dict, dict]]] = {}
        self.drops: dict[str, int] = {}  # method -> how many more calls get no response at all
        self.socket: FakeSocketMode | None = None
        self.locales: dict[str, str] = {}  # user id -> the locale users.info reports ("sv-SE")
        self.members: dict[str, list[str]] = {}  # channel id -> its members (conversations.members)
        self._cond = threading.Condition()
        self._ts = 1700000000.000100
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                if urlsplit(self.path).path.startswith("/api/"):
                    fake._serve_get_api(self)  # slack_sdk sends some methods (users.info) as GET
                else:
                    fake._serve_file(self)

            def do_POST(self):
                fake._serve_post(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.api_url = self.base + "/api/"
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def close(self):
        if self.socket is not None:
            self.socket.close()
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=5)

    # -- test helpers ------------------------------------------------------------------------------
    def add_file(self, f: FakeFile) -> FakeFile:
        self.files[f.id] = f
        return f

    def fail_next(self, method: str, status: int = 429, headers: dict | None = None, body: dict | None = None):
        """The next call to ``method`` gets this HTTP response instead of the normal one."""
        self.failures.setdefault(method, []).append((status, headers or {}, body or {"ok": False, "error": "ratelimited"}))

    def fail_with(self, method: str, error: str, times: int = 1):
        """The next ``times`` calls to ``method`` get Slack's ``{"ok": false, "error": error}``."""
        for _ in range(times):
            self.fail_next(method, 200, body={"ok": False, "error": error})

    def drop_next(self, method: str, times: int = 1):
        """The next ``times`` calls to ``method`` get the connection closed without a response
        (the client sees a connection error)."""
        with self._cond:
            self.drops[method] = self.drops.get(method, 0) + times

    def calls_to(self, method: str) -> list[Call]:
        with self._cond:
            return [c for c in self.calls if c.method == method]

    def wait_for(self, predicate, timeout: float = 10.0, what: str = "condition"):
        """Wait until ``predicate(calls)`` is truthy; return its value."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                value = predicate(list(self.calls))
                if value:
                    return value
                left = deadline - time.monotonic()
                if left <= 0:
                    methods = [c.method for c in self.calls]
                    raise AssertionError(f"timed out waiting for {what}; calls so far: {methods}")
                self._cond.wait(left)

    def wait_calls(self, method: str, n: int = 1, timeout: float = 10.0) -> list[Call]:
        return self.wait_for(lambda calls: (m := [c for c in calls if c.method == method]) and len(m) >= n and m,
                             timeout, f"{n} call(s) to {method}")

    def settle(self, quiet: float = 0.3, timeout: float = 5.0):
        """Wait until no call has arrived for ``quiet`` seconds: for asserting that nothing more
        happens (a second answer) without a fixed sleep at the point of the assertion."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while time.monotonic() < deadline:
                last = self.calls[-1].at if self.calls else 0
                idle = time.monotonic() - last
                if idle >= quiet:
                    return
                self._cond.wait(quiet - idle)

    def _record(self, call: Call):
        with self._cond:
            self.calls.append(call)
            self._cond.notify_all()

    def _next_ts(self) -> str:
        with self._cond:
            self._ts += 0.0001
            return f"{self._ts:.6f}"

    # -- HTTP --------------------------------------------------------------------------------------
    def _serve_post(self, h: BaseHTTPRequestHandler):
        length = int(h.headers.get("Content-Length") or 0)
        raw = h.rfile.read(length).decode("utf-8")
        ctype = h.headers.get("Content-Type", "")
        body = json.loads(raw) if "json" in ctype and raw else dict(parse_qsl(raw))
        for k in ("blocks", "view"):
            if isinstance(body.get(k), str):
                body[k] = json.loads(body[k])
        path = urlsplit(h.path).path
        headers = {k.lower(): v for k, v in h.headers.items()}
        if path.startswith("/response/"):
            self._record(Call("response_url", body, headers))
            return _send(h, 200, "ok", "text/plain")
        method = path.removeprefix("/api/")
        self._record(Call(method, body, headers))
        if self._failed(h, method):
            return
        auth = headers.get("authorization", "")
        token = auth.removeprefix("Bearer ") if auth.startswith("Bearer ") else body.get("token", "")
        expected = APP_TOKEN if method == "apps.connections.open" else BOT_TOKEN
        if token != expected:
            return _send(h, 200, json.dumps({"ok": False, "error": "invalid_auth"}), "application/json")
        _send(h, 200, json.dumps(self._api(method, body)), "application/json")

    def _serve_get_api(self, h: BaseHTTPRequestHandler):
        u = urlsplit(h.path)
        method, body = u.path.removeprefix("/api/"), dict(parse_qsl(u.query))
        headers = {k.lower(): v for k, v in h.headers.items()}
        self._record(Call(method, body, headers))
        if self._failed(h, method):
            return
        if headers.get("authorization", "") != f"Bearer {BOT_TOKEN}":
            return _send(h, 200, json.dumps({"ok": False, "error": "invalid_auth"}), "application/json")
        _send(h, 200, json.dumps(self._api(method, body)), "application/json")

    def _failed(self, h: BaseHTTPRequestHandler, method: str) -> bool:
        """Answer with a failure queued by fail_next/fail_with, or drop the connection (drop_next)."""
        with self._cond:
            queue = self.failures.get(method)
            failure = queue.pop(0) if queue else None
            drop = self.drops.get(method, 0) > 0
            if drop:
                self.drops[method] -= 1
        if drop:
            h.close_connection = True
            return True
        if failure:
            status, extra, payload = failure
            _send(h, status, json.dumps(payload), "application/json", extra)
            return True
        return False

    def _api(self, method: str, body: dict) -> dict:
        if method == "auth.test":
            return {"ok": True, "url": "https://fake.slack.com/", "team": "Fake", "user": "minutes",
                    "team_id": TEAM_ID, "user_id": BOT_USER_ID, "bot_id": BOT_ID, "is_enterprise_install": False}
        if method in ("chat.postMessage", "chat.postEphemeral"):
            return {"ok": True, "channel": body.get("channel"), "ts": self._next_ts(),
                    "message": {"text": body.get("text"), "bot_id": BOT_ID}}
        if method == "chat.update":
            return {"ok": True, "channel": body.get("channel"), "ts": body.get("ts")}
        if method in ("reactions.add", "reactions.remove"):
            return {"ok": True}
        if method == "views.publish":
            return {"ok": True, "view": {"id": "V1", **(body.get("view") or {})}}
        if method == "files.info":
            f = self.files.get(body.get("file"))
            if f is None:
                return {"ok": False, "error": "file_not_found"}
            url = f.url or f"{self.base}/files-pri/{TEAM_ID}-{f.id}/download/{quote(f.name)}"
            return {"ok": True, "file": {"id": f.id, "name": f.name, "title": f.name, "filetype": f.filetype,
                                         "size": len(f.content) if f.size is None else f.size, "mode": "hosted",
                                         "url_private": url, "url_private_download": url,
                                         "permalink": f"https://fake.slack.com/files/{BOT_USER_ID}/{f.id}/{quote(f.name)}"}}
        if method == "users.info":
            user = body.get("user")
            if user not in self.locales:
                return {"ok": False, "error": "user_not_found"}
            info = {"id": user, "name": str(user).lower()}
            if str(body.get("include_locale")).lower() in ("1", "true"):
                info["locale"] = self.locales[user]
            return {"ok": True, "user": info}
        if method == "conversations.members":  # paged as Slack pages it: a cursor is an offset here
            members = self.members.get(body.get("channel"))
            if members is None:
                return {"ok": False, "error": "channel_not_found"}
            start, limit = int(body.get("cursor") or 0), int(body.get("limit") or 100)
            more = start + limit < len(members)
            return {"ok": True, "members": members[start:start + limit],
                    "response_metadata": {"next_cursor": str(start + limit) if more else ""}}
        if method == "apps.connections.open":
            if self.socket is None:
                return {"ok": False, "error": "no_socket_server"}
            return {"ok": True, "url": self.socket.url}
        return {"ok": False, "error": "unknown_method"}

    def _serve_file(self, h: BaseHTTPRequestHandler):
        path = urlsplit(h.path).path
        auth = h.headers.get("Authorization")
        with self._cond:
            self.downloads.append({"path": path, "authorization": auth})
            self._cond.notify_all()
        if not path.startswith("/files-pri/"):
            return _send(h, 404, "not found", "text/plain")
        if auth != f"Bearer {BOT_TOKEN}":
            # What Slack does without a valid token: a login page, status 200.
            return _send(h, 200, "<html>sign in</html>", "text/html")
        file_id = path.split("/")[2].split("-", 1)[1]
        f = self.files.get(file_id)
        if f is None:
            return _send(h, 404, "not found", "text/plain")
        _send(h, 200, f.content, "application/octet-stream")


def _send(h: BaseHTTPRequestHandler, status: int, body, ctype: str, headers: dict | None = None):
    data = body if isinstance(body, bytes) else body.encode("utf-8")
    h.send_response(status)
    h.send_header("Content-Type", ctype)
    for k, v in (headers or {}).items():
        h.send_header(k, v)
    h.send_header("Content-Length", str(len(data)))
    h.end_headers()
    h.wfile.write(data)


class FakeSocketMode:
    """Slack's Socket Mode end: sends ``hello`` to each connection, then whatever envelopes the
    test queues, and records the acknowledgements it gets back."""

    def __init__(self, fake: FakeSlack):
        from websockets.sync.server import serve

        self.acks: list[dict] = []
        self.connections = 0
        self._outbox: list[dict] = []
        self._cond = threading.Condition()
        self._closed = threading.Event()
        self.server = serve(self._handle, "127.0.0.1", 0)
        self.port = self.server.socket.getsockname()[1]
        self.url = f"ws://127.0.0.1:{self.port}/link/?ticket=test"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()
        fake.socket = self

    def _handle(self, ws):
        with self._cond:
            self.connections += 1
            self._cond.notify_all()
        ws.send(json.dumps({"type": "hello", "num_connections": 1, "debug_info": {"host": "fake"},
                            "connection_info": {"app_id": "A1"}}))
        while not self._closed.is_set():
            with self._cond:
                outgoing, self._outbox = self._outbox, []
            for env in outgoing:
                ws.send(json.dumps(env))
            try:
                msg = ws.recv(timeout=0.05)
            except TimeoutError:
                continue
            except Exception:  # noqa: BLE001 - the client went away
                return
            data = json.loads(msg)
            if "envelope_id" in data:
                with self._cond:
                    self.acks.append(data)
                    self._cond.notify_all()

    def send(self, type_: str, payload: dict, **extra) -> str:
        envelope_id = str(uuid.uuid4())
        with self._cond:
            self._outbox.append({"envelope_id": envelope_id, "type": type_, "payload": payload,
                                 "accepts_response_payload": type_ != "events_api", **extra})
        return envelope_id

    def wait_connected(self, timeout: float = 10.0):
        self._wait(lambda: self.connections >= 1, timeout, "a Socket Mode connection")

    def wait_ack(self, envelope_id: str, timeout: float = 10.0) -> dict:
        return self._wait(lambda: next((a for a in self.acks if a["envelope_id"] == envelope_id), None),
                          timeout, f"ack of {envelope_id}")

    def _wait(self, predicate, timeout, what):
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                value = predicate()
                if value:
                    return value
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"timed out waiting for {what}")
                self._cond.wait(left)

    def close(self):
        self._closed.set()
        self.server.shutdown()
        self._thread.join(timeout=5)
