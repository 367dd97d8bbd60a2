"""A burst of signed Slack events against the HTTP endpoint, shared by the load test
(tests/slack/test_slack_load.py) and the figures script (bench/slack_load.py).

Every event is a distinct mention (its own ts, so its own thread); the fake Slack's
chat.postMessage calls are counted per thread, so a question answered twice or never shows."""
from __future__ import annotations

import gc
import json
import os
import statistics
import time
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from slack_sdk.signature import SignatureVerifier

from bot.slack.messages import t
from tests.slack.conftest import SIGNING_SECRET, event_envelope, mention

ERROR_TEXTS = {t("error", "en"), t("error", "sv")}

# Several intents, English and Swedish, so the burst is not one cached path.
QUESTIONS = (
    "Vilka var närvarande på planeringsmötet?",
    "who attended the last meeting?",
    "vad sades om finansiering?",
    "what was decided about the budget?",
    "när är nästa möte?",
    "open action items",
    "Vem var ordförande?",
    "what happened at the last meeting?",
)


@dataclass
class Burst:
    events: int
    concurrency: int
    statuses: Counter
    ack_seconds: list[float]
    answers: Counter  # thread ts -> chat.postMessage calls in it
    errors: int  # answers that are the bot's "something went wrong" reply
    seconds: float  # first request sent to last answer posted

    @property
    def ack_max(self) -> float:
        return max(self.ack_seconds)

    @property
    def ack_p50(self) -> float:
        return statistics.median(self.ack_seconds)

    @property
    def ack_p99(self) -> float:
        return sorted(self.ack_seconds)[max(0, int(len(self.ack_seconds) * 0.99) - 1)]

    @property
    def per_second(self) -> float:
        return self.events / self.seconds

    def summary(self) -> str:
        return (f"{self.events} events, {self.concurrency} at a time: {self.per_second:.1f} answered/s "
                f"({self.seconds:.1f} s), ack p50 {self.ack_p50 * 1000:.0f} ms, p99 {self.ack_p99 * 1000:.0f} ms, "
                f"max {self.ack_max * 1000:.0f} ms; statuses {dict(self.statuses)}, error replies {self.errors}")


def signed_post(url: str, body: str, secret: str = SIGNING_SECRET, timeout: float = 30) -> tuple[int, float]:
    ts = str(int(time.time()))
    headers = {"Content-Type": "application/json", "X-Slack-Request-Timestamp": ts,
               "X-Slack-Signature": SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)}
    req = urllib.request.Request(url, data=body.encode("utf-8"), headers=headers, method="POST")
    start = time.monotonic()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            resp.read()
            return resp.status, time.monotonic() - start
    except urllib.error.HTTPError as e:
        return e.code, time.monotonic() - start


def burst(url: str, fake, n: int, concurrency: int = 20, *, round_: int = 0, answer_timeout: float = 600) -> Burst:
    """Send ``n`` mentions, ``concurrency`` at a time; wait until each has its answer. The fake's
    recorded calls are cleared afterwards, so the next burst (and RSS) starts from nothing."""
    threads = [f"{1_700_000_000 + i}.{round_:06d}" for i in range(n)]  # distinct across rounds
    bodies = [json.dumps(event_envelope(mention(QUESTIONS[i % len(QUESTIONS)], ts=ts), f"Ev{round_}-{i}"))
              for i, ts in enumerate(threads)]
    start = time.monotonic()
    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(lambda b: signed_post(url, b), bodies))
    fake.wait_for(lambda calls: sum(c.method == "chat.postMessage" for c in calls) >= n,
                  answer_timeout, f"{n} answers")
    seconds = time.monotonic() - start
    fake.settle(quiet=0.5, timeout=10)  # a second answer to any question would arrive now
    wanted = set(threads)
    posts = fake.calls_to("chat.postMessage")
    answers = Counter(c.body.get("thread_ts") for c in posts)
    errors = sum(c.body.get("text") in ERROR_TEXTS for c in posts)
    answers.update({t: 0 for t in wanted - set(answers)})
    with fake._cond:
        fake.calls.clear()
    return Burst(n, concurrency, Counter(s for s, _ in results), [t for _, t in results], answers, errors, seconds)


def rss_mb() -> float:
    """This process's resident set after a full collection."""
    import psutil

    gc.collect()
    return psutil.Process(os.getpid()).memory_info().rss / 1e6
