"""`minutes` with the fake embedder, for tests that run the CLI in a child process (kill it,
limit its file size): ``python -m tests.cli_child index --json``. Settings come from the
environment as usual (MINUTES_CORPUS_DIR, MINUTES_INDEX_DIR, MINUTES_EMBEDDING_MODEL)."""
from __future__ import annotations

import sys

import index.embed
from tests.conftest import FakeEmbedder

if __name__ == "__main__":
    index.embed.load_embedder = lambda name: FakeEmbedder(name=name)
    from bot.cli import main

    sys.exit(main(sys.argv[1:]))
