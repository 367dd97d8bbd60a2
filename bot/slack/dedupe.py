"""Remembers which Slack messages were already taken on, so one message is answered once.

A mention in a DM can arrive both as ``app_mention`` and as ``message``, and Slack re-delivers
events it thinks were not acknowledged in time (``X-Slack-Retry-Num``); both carry the same
channel and ts."""
from __future__ import annotations

import threading
import time
from collections import OrderedDict


class Deduper:
    def __init__(self, ttl: float = 3600.0, max_size: int = 10_000, clock=time.monotonic):
        self._seen: OrderedDict[tuple, float] = OrderedDict()
        self._lock = threading.Lock()
        self._ttl = ttl
        self._max = max_size
        self._clock = clock

    def first_time(self, *key) -> bool:
        """True exactly once per key (within ``ttl``); atomic across threads."""
        now = self._clock()
        with self._lock:
            while self._seen and (len(self._seen) >= self._max or next(iter(self._seen.values())) < now - self._ttl):
                self._seen.popitem(last=False)
            if key in self._seen:
                return False
            self._seen[key] = now
            return True
