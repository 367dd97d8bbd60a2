"""Load: bursts of signed events, 20 at a time, against the waitress endpoint and the fake Slack.

Every request is acknowledged within Slack's 3 s, every question answered exactly once, and the
process's memory after a second burst is what it was after the first (the warm-up: caches,
thread pools and allocator arenas are full by then). Figures: bench/slack_load.py."""
from __future__ import annotations

import pytest

from tests.slack.load import burst, rss_mb

pytestmark = pytest.mark.slow

EVENTS = 500
WARM_UP = 250
RSS_GROWTH_MB = 25  # what a leak of one object per question would pass; a per-answer buffer would not


def test_burst_is_acknowledged_answered_once_and_memory_stays_flat(http_bot, fake):
    warm = burst(http_bot.url, fake, WARM_UP, 20, round_=1)
    assert set(warm.answers.values()) == {1}
    before = rss_mb()
    b = burst(http_bot.url, fake, EVENTS, 20, round_=2)
    after = rss_mb()
    print(f"\n{b.summary()}; RSS {before:.0f} -> {after:.0f} MB")
    assert b.statuses == {200: EVENTS}
    assert b.ack_max < 3.0, b.summary()
    assert warm.errors == 0 and b.errors == 0
    assert len(b.answers) == EVENTS and set(b.answers.values()) == {1}, \
        [t for t, n in b.answers.items() if n != 1][:5]
    assert after - before < RSS_GROWTH_MB, f"RSS grew {after - before:.0f} MB over {EVENTS} questions"
