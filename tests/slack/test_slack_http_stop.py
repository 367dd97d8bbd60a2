"""Stopping the HTTP endpoint leaves no exception in waitress's threads.

Closing waitress's sockets from the stopping thread while its I/O loop sat in select() made the
loop fail with EBADF ("Bad file descriptor"); the sockets are now closed on the loop's thread."""
from __future__ import annotations

import http.client
import threading

from bot.slack.server import make_runner
from tests.slack.conftest import make_settings


def test_stop_while_connections_are_open_raises_in_no_thread(fake, service, monkeypatch):
    errors = []
    monkeypatch.setattr(threading, "excepthook", lambda args: errors.append(args.exc_value))
    for _ in range(10):
        runner = make_runner(make_settings(fake), service, host="127.0.0.1", port=0, threads=2)
        runner.start()
        conns = []
        for _ in range(3):  # idle keep-alive sockets the loop is selecting on when it stops
            c = http.client.HTTPConnection("127.0.0.1", runner.port, timeout=5)
            c.request("GET", "/healthz")
            assert c.getresponse().read() == b"ok"
            conns.append(c)
        runner.stop()
        for c in conns:
            c.close()
    assert errors == []
