"""Load figures for docs/reliability.md: bursts of signed Slack events against the waitress
endpoint, answered through the local fake Slack Web API (tests/slack/fake_slack.py).

    .venv/bin/python bench/slack_load.py                        # 3 bursts of 500, 20 at a time
    .venv/bin/python bench/slack_load.py --events 1000 --concurrency 50 --rounds 2
    .venv/bin/python bench/slack_load.py --corpus ../shared/corpora/<name> --model  # real model

Prints, per burst: answered per second, ack latency (p50, p99, max), HTTP statuses, questions
not answered exactly once, RSS after the burst; and the load average. Asserts nothing."""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.conftest import CORPUS, FakeEmbedder  # noqa: E402
from tests.slack.conftest import start_http_bot  # noqa: E402
from tests.slack.fake_slack import FakeSlack  # noqa: E402
from tests.slack.load import burst, rss_mb  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=500)
    ap.add_argument("--concurrency", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=3, help="bursts; the first is the warm-up")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--model", action="store_true", help="the packaged embedding model instead of the fake")
    args = ap.parse_args(argv)
    import logging

    from bot.service import MinutesService

    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # "Task queue depth is N" per burst

    work = Path(tempfile.mkdtemp(prefix="minutes-load-"))
    fake = FakeSlack()
    try:
        corpus = work / "corpus"
        shutil.copytree(args.corpus, corpus)
        if args.model:
            from bot.settings import DEFAULT_MODEL
            from index.embed import LazyEmbedder

            embedder = LazyEmbedder(DEFAULT_MODEL)
        else:
            embedder = FakeEmbedder()
        service = MinutesService(corpus, work / "index", embedder)
        service.reindex()
        bot = start_http_bot(fake, service)
        print(f"corpus {args.corpus} ({service.status().meetings} meetings), "
              f"{'real model' if args.model else 'fake embedder'}, RSS {rss_mb():.0f} MB")
        try:
            for r in range(1, args.rounds + 1):
                b = burst(bot.url, fake, args.events, args.concurrency, round_=r)
                wrong = sum(n != 1 for n in b.answers.values())
                print(f"burst {r}{' (warm-up)' if r == 1 else ''}: {b.summary()}; "
                      f"not answered exactly once {wrong}; RSS {rss_mb():.0f} MB")
        finally:
            bot.runner.stop()
            service.stop()
        print("load average %.2f %.2f %.2f" % os.getloadavg())
    finally:
        fake.close()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
