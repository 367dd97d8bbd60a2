"""Errors turned into words for Slack users: no server paths, no CLI commands."""
from __future__ import annotations

import pytest

from bot.slack.messages import user_message
from index.errors import IndexBusy, IndexCorrupt, IndexMissing, ModelMismatch

INDEX_DIR = "/srv/minutes/.minutes-index"
BUSY = IndexBusy(f"another process is updating the index in {INDEX_DIR}; try again when it is done")
CORRUPT = IndexCorrupt(f"index in {INDEX_DIR} is damaged (EOFError); run `minutes index --rebuild`")
MISMATCH = ModelMismatch("the index was built with embedding model 'a' but 'b' is configured; "
                         "run `minutes index --rebuild` to rebuild it")


@pytest.mark.parametrize("exc,lang,expected", [
    (BUSY, "en", "The index is being updated right now; try again in a minute."),
    (BUSY, "sv", "Indexet uppdateras just nu; försök igen om en minut."),
    (CORRUPT, "en", "The index needs rebuilding: an admin can run `/minutes index rebuild`."),
    (CORRUPT, "sv", "Indexet behöver byggas om: en administratör kan köra `/minutes index rebuild`."),
    (MISMATCH, "en", "The index needs rebuilding: an admin can run `/minutes index rebuild`."),
    (IndexMissing(f"no index in {INDEX_DIR}; run `minutes index`"), "en",
     "Nothing is indexed yet. An admin can run `/minutes index` or upload minutes to me."),
])
def test_index_errors_are_said_the_slack_way(exc, lang, expected):
    text = user_message(exc, lang)
    assert text == expected
    assert INDEX_DIR not in text and "--rebuild" not in text and "`minutes index" not in text
