"""Block Kit rendering: escaping of everything from the minutes, Slack's size limits."""
from __future__ import annotations

import json

from bot.answer import Answer, Passage
from bot.slack.blocks import answer_message, home_view
from bot.slack.text import cut, escape, question_from_slack
from tests.slack.conftest import mention

HOSTILE = "Beslut: <!channel> <!here> ping <@U123> och <http://evil.example|klicka här> & mer"


def hostile_answer(**kw) -> Answer:
    return Answer(question="q", answer="Svar med <!everyone> & <@U999>", found=True, language="sv",
                  passages=[Passage(source="a<b>.txt", title="Möte <!here>", meeting_date="2021-11-10",
                                    quote=HOSTILE)], **kw)


def _all_text(message: dict) -> str:
    return json.dumps(message, ensure_ascii=False)


def test_everything_from_minutes_is_escaped():
    msg = answer_message(hostile_answer())
    text = _all_text(msg)
    for raw in ("<!channel>", "<!here>", "<@U123>", "<http://evil", "<!everyone>", "<@U999>", "<b>", "<!here>"):
        assert raw not in text
    quote = msg["blocks"][1]["text"]["text"]
    assert "&lt;!channel&gt;" in quote and "&lt;@U123&gt;" in quote
    assert "&lt;http://evil.example|klicka här&gt;" in quote and " &amp; mer" in quote
    assert quote.startswith("> ")
    assert msg["blocks"][2]["type"] == "context"
    assert "&lt;!channel&gt;" in msg["text"] and "&amp;" in msg["text"]
    assert msg["blocks"][1]["text"]["verbatim"] is True


def test_multiline_quote_keeps_every_line_quoted():
    msg = answer_message(Answer(question="q", answer="a", passages=[Passage(source="s.txt", quote="rad 1\n\nrad 2")]))
    assert msg["blocks"][1]["text"]["text"] == "> rad 1\n>\n> rad 2"


def test_two_line_title_is_one_line_in_the_context():
    p = Passage(source="a.txt", title="Mötesprotokoll\nFöreningen X", meeting_date="2023-03-03",
                quote="Mötesprotokoll\nFöreningen X")
    msg = answer_message(Answer(question="q", answer="a", passages=[p]))
    assert msg["blocks"][2]["elements"][0]["text"] == "`a.txt` · Mötesprotokoll Föreningen X · 2023-03-03"
    assert msg["blocks"][1]["text"]["text"] == "> Mötesprotokoll\n> Föreningen X"  # the quote keeps its lines
    assert "— `a.txt` · Mötesprotokoll Föreningen X" in msg["text"]


def test_markdown_emphasis_is_shown_as_slack_bold():
    a = Answer(question="q", answer="According to the minutes of the meeting of 2 May 2023: “**Apologies:** Hannah Cole”",
               passages=[Passage(source="a.md", quote="* **Apologies:** Hannah Cole", highlight="**Apologies:** Hannah Cole")])
    msg = answer_message(a)
    assert msg["blocks"][0]["text"]["text"].endswith("“*Apologies:* Hannah Cole”")
    assert msg["blocks"][1]["text"]["text"] == "> • *Apologies:* Hannah Cole"


def test_latex_answer_blocks_hold_no_raw_markup_and_stay_escaped():
    quote = "\\subsubsection*{Beslut}\n\\begin{attsatser}\n  \\item \\textbf{<!channel>} 5 \\S{} -- ok % intern\n\\end{attsatser}"
    a = Answer(question="q", answer="Enligt protokollet: “\\item \\textbf{Budget} godkänns”", language="sv",
               passages=[Passage(source="m.tex", quote=quote)])
    msg = answer_message(a)
    assert msg["blocks"][1]["text"]["text"] == "> *Beslut*\n>\n> • *&lt;!channel&gt;* 5 § – ok"
    assert msg["blocks"][0]["text"]["text"] == "Enligt protokollet: “*Budget* godkänns”"
    assert "\\" not in json.dumps(msg["blocks"], ensure_ascii=False).replace("\\n", "")


def test_huge_answer_respects_block_and_char_limits():
    word = "protokoll "
    passages = [Passage(source=f"m{i}.txt", title="T" * 5000, meeting_date="2020-01-01", quote=word * 1000 + "<!channel>")
                for i in range(80)]
    msg = answer_message(Answer(question="q", answer="svar & " * 2000, language="sv", passages=passages))
    blocks = msg["blocks"]
    assert len(blocks) <= 50
    for b in blocks:
        if b["type"] == "section":
            assert len(b["text"]["text"]) <= 3000
            if len(b["text"]["text"]) > 2900:
                assert b["text"]["text"].endswith("…")
        if b["type"] == "context":
            assert all(len(e["text"]) <= 3000 for e in b["elements"])
    assert "fler utdrag" in blocks[-1]["elements"][0]["text"]  # the note is in the question's language
    assert len(msg["text"]) <= 3000 and msg["text"].endswith("…")
    # cut at a word, never inside an entity
    assert blocks[0]["text"]["text"].endswith("&amp;…") or blocks[0]["text"]["text"].endswith("svar…")


def test_cut_never_splits_an_entity_or_a_word():
    s = escape("a" * 10 + "<" * 10)
    out = cut(s, 20)
    assert len(out) <= 20 and out.endswith("…")
    assert not out[:-1].endswith(("&", "&l", "&lt"))
    assert cut("hello wonderful world", 15) == "hello…"
    assert cut("short", 15) == "short"


def test_question_from_slack_strips_the_bot_and_decodes():
    assert question_from_slack("<@UBOT> Vad kostar &lt;budget&gt; &amp; <https://x.se|länken>?", "UBOT") == \
        "Vad kostar <budget> & länken?"
    assert question_from_slack("<@UBOT|minutes>   hej\n  du", "UBOT") == "hej du"
    assert question_from_slack("<!channel> hej", "UBOT") == "hej"


def test_home_view_lists_status_and_examples(service):
    view = home_view(service.status())
    text = _all_text(view)
    assert view["type"] == "home"
    assert "meetings indexed" in text and "Vilka var med" in text


class CannedService:
    """The real service for everything but the answers to questions, which are a crafted one;
    a search for more passages than an answer shows (``k``, the 👎 button's) is the real one."""

    def __init__(self, service, answer: Answer):
        self._service, self._answer = service, answer

    def converse(self, question, context=None, **kw):
        if "k" in kw:
            return self._service.converse(question, context, **kw)
        return self._answer, None

    def __getattr__(self, name):
        return getattr(self._service, name)


def test_hostile_minutes_arrive_escaped_through_slack(fake, service):
    from tests.slack.conftest import start_http_bot

    bot = start_http_bot(fake, CannedService(service, hostile_answer()))
    try:
        bot.event(mention("Vad beslutades?", ts="1700000100.000100"))
        [post] = fake.wait_calls("chat.postMessage")
        # as it arrived at Slack: the form/JSON body the WebClient sent
        sent = json.dumps(post.body, ensure_ascii=False)
        assert "<!channel>" not in sent and "<@U123>" not in sent and "&lt;!channel&gt;" in sent
    finally:
        bot.runner.stop()


def test_huge_answer_through_slack_is_accepted_size(fake, service):
    from tests.slack.conftest import start_http_bot

    passages = [Passage(source=f"m{i}.txt", quote="ord " * 2000) for i in range(40)]
    bot = start_http_bot(fake, CannedService(service, Answer(question="q", answer="x " * 5000, passages=passages)))
    try:
        bot.event(mention("allt", ts="1700000101.000100"))
        [post] = fake.wait_calls("chat.postMessage")
        assert len(post.body["blocks"]) <= 50
        assert all(len(b["text"]["text"]) <= 3000 for b in post.body["blocks"] if b["type"] == "section")
    finally:
        bot.runner.stop()


def test_answer_over_shared_latex_minutes_has_no_raw_markup(shared_corpora, tmp_path):
    import re
    import shutil

    from bot.service import MinutesService
    from tests.conftest import FakeEmbedder

    corpus = tmp_path / "corpus"
    shutil.copytree(shared_corpora / "dvd-goteborg-sv", corpus)
    service = MinutesService(corpus, tmp_path / "index", FakeEmbedder())
    service.reindex()
    for question in ("vad beslutades om protokolljusterare?", "vad sades om kassören?"):
        answer = service.converse(question)[0]
        assert any(p.source.endswith(".tex") for p in answer.passages), question
        texts = [b["text"]["text"] for b in answer_message(answer)["blocks"] if b["type"] == "section"]
        for t in texts:
            assert not re.search(r"\\[A-Za-z]|\\begin|\\item|[{}]", t), (question, t)
