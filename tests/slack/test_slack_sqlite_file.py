"""The bot's SQLite files: beside the index, or in memory (with a warning) when that fails."""
from __future__ import annotations

import logging

from bot.slack.dedupe import Deduper
from bot.slack.memory import BotMemory
from bot.slack.state import BotState


def test_each_store_falls_back_to_memory_when_its_folder_cannot_be_made(tmp_path, caplog):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the index folder should be")
    with caplog.at_level(logging.WARNING, logger="bot.slack.sqlite_file"):
        stores = [Deduper.beside_index(blocker), BotMemory.beside_index(blocker), BotState.beside_index(blocker)]
    assert all(s.path is None for s in stores)
    assert len([r for r in caplog.records if "in memory only" in r.getMessage()]) == 3
    dedupe = stores[0]
    assert dedupe.first_time("e1") and not dedupe.first_time("e1")  # still works, in memory


def test_each_store_keeps_its_file_beside_the_index(tmp_path):
    stores = [Deduper.beside_index(tmp_path), BotMemory.beside_index(tmp_path), BotState.beside_index(tmp_path)]
    assert all(s.path is not None and s.path.parent == tmp_path and s.path.exists() for s in stores)
    assert len({s.path for s in stores}) == 3
