"""An answer's warnings and notes reach Slack as they reach the terminal: one small context block."""
from __future__ import annotations

import shutil

from bot.answer import Answer, Passage
from bot.slack.blocks import MAX_BLOCKS, answer_message, notes_block
from tests.slack.conftest import mention, start_http_bot

def _notes_text(blocks: list[dict]) -> str:
    """The text of the notes block: the context block just before the answer's buttons."""
    assert blocks[-1]["type"] == "actions" and blocks[-2]["type"] == "context"
    return blocks[-2]["elements"][0]["text"]


LONG = "Hej! " + "Här är bakgrunden till frågan, klistrad från ett mejl. " * 180 + "Vem deltog i november 2021?"


def test_notes_and_warnings_are_one_context_block_last():
    a = Answer(question="q", answer="a", passages=[Passage(source="s.txt", quote="q")],
               notes=["The question was 10000 characters long; I read only the first 500."],
               warnings=["The minutes folder is missing <!here>"])
    msg = answer_message(a)
    last = msg["blocks"][-1]
    assert last["type"] == "context" and last == notes_block(a)
    text = last["elements"][0]["text"]
    assert text.splitlines() == [":warning: The minutes folder is missing &lt;!here&gt;",
                                 "_The question was 10000 characters long; I read only the first 500._"]


def test_no_notes_no_block():
    a = Answer(question="q", answer="a", passages=[Passage(source="s.txt", quote="q")])
    assert notes_block(a) is None
    assert [b["type"] for b in answer_message(a)["blocks"]] == ["section", "section", "context"]


def test_the_notes_fit_beside_the_most_passages():
    passages = [Passage(source=f"m{i}.txt", quote="ord") for i in range(60)]
    msg = answer_message(Answer(question="q", answer="a", passages=passages, notes=["cut"]))
    assert len(msg["blocks"]) <= MAX_BLOCKS and msg["blocks"][-1]["elements"][0]["text"] == "_cut_"


def test_warnings_are_in_the_json_only_when_there_are_some():
    assert "warnings" not in Answer(question="q", answer="a").to_json_dict()
    assert Answer(question="q", answer="a", warnings=["w"]).to_json_dict()["warnings"] == ["w"]


def test_the_service_warns_when_the_corpus_folder_is_gone(service):
    assert service.converse("who attended in 2015?")[0].warnings == []
    shutil.rmtree(service.corpus_dir)
    en = service.converse("who attended in 2015?")[0]
    assert en.found and en.warnings and en.warnings[0].startswith("The minutes folder is missing")
    sv = service.converse("vilka deltog 2015?")[0]
    assert sv.warnings[0].startswith("Protokollmappen saknas")
    service.corpus_dir.mkdir()
    assert service.converse("who attended in 2015?")[0].warnings[0].startswith("The minutes folder is empty")


def test_a_long_question_in_slack_is_answered_with_its_note(fake, service):
    # The whole message reaches the engine, which reads its question sentence and says so.
    bot = start_http_bot(fake, service)
    try:
        bot.event(mention(LONG, ts="1700000201.000100"))
        [post] = fake.wait_calls("chat.postMessage")
        blocks = post.body["blocks"]
        assert "31" in blocks[0]["text"]["text"]  # 31 attended the November 2021 meeting
        note = _notes_text(blocks)
        assert note.startswith("_Frågan var") and "frågor" in note
    finally:
        bot.runner.stop()


def test_slack_says_the_corpus_folder_is_gone(fake, service):
    bot = start_http_bot(fake, service)
    try:
        shutil.rmtree(service.corpus_dir)
        bot.event(mention("who attended in 2015?", ts="1700000202.000100"))
        [post] = fake.wait_calls("chat.postMessage")
        assert _notes_text(post.body["blocks"]).startswith(":warning: The minutes folder is missing")
    finally:
        bot.runner.stop()
