"""One rule for "the next meeting" (issue 18): the answer and the Slack reminder name the same
date, the one the latest minutes announce, even when older minutes announced a nearer one."""
from __future__ import annotations

from datetime import date

from bot.slack.reminders import next_announced
from tests.test_engine import engine_over_texts

FILES = {
    # January: the next meeting on 10 February ...
    "2024-01-15-mote.txt": "Protokoll 2024-01-15\n\nNärvarande: Anna Berg\n\n§ 1 Nästa möte\nNästa möte: 2024-02-10\n",
    # ... an extra meeting moved it to 17 February
    "2024-01-25-extra.txt": "Protokoll 2024-01-25\n\nNärvarande: Anna Berg\n\n§ 1 Nästa möte\nNästa möte: 2024-02-17\n",
}


def test_the_answer_and_the_reminder_name_the_same_next_meeting(tmp_path_factory):
    engine, snapshot = engine_over_texts(tmp_path_factory, "moved", FILES)
    today = date(2024, 2, 1)
    a = engine.ask("när är nästa möte?", today=today)
    nxt, source = next_announced(list(snapshot.meetings.values()), today)
    assert a.next_meeting.date == "2024-02-17" == nxt.isoformat()
    assert a.next_meeting.source == source.source == "2024-01-25-extra.txt"


def test_a_vague_latest_announcement_sets_no_reminder(tmp_path_factory):
    files = {**FILES, "2024-01-30-sista.txt": "Protokoll 2024-01-30\n\nNärvarande: Anna Berg\n\n"
                                              "§ 1 Nästa möte\nNästa möte: efter sommaren\n"}
    engine, snapshot = engine_over_texts(tmp_path_factory, "vague", files)
    a = engine.ask("när är nästa möte?", today=date(2024, 2, 1))
    assert a.next_meeting.source == "2024-01-30-sista.txt" and a.next_meeting.date is None
    assert next_announced(list(snapshot.meetings.values()), date(2024, 2, 1)) == (None, None)
