"""Source links: MINUTES_SOURCE_URL filled per passage (file and line), Slack permalinks for
files uploaded through Slack."""
from __future__ import annotations

import re

import pytest

from bot.answer import Answer, Passage
from bot.settings import load_settings
from bot.slack.blocks import answer_message
from bot.slack.links import SourceLinks, check_template, line_of
from bot.slack.text import cut
from index.errors import ConfigError
from tests.slack.conftest import ADMIN, mention, start_http_bot
from tests.slack.fake_slack import FakeFile
from tests.slack.test_slack_uploads import MINUTES, share

GITHUB = "https://github.com/org/minutes/blob/main/{path}#L{line}"
TEXT = "Rubrik\n\nNärvarande: Anna\n\n§ 3 Budget\nBudgeten godkändes.\n"


def test_template_gets_path_and_line_of_the_quote():
    start = TEXT.index("§ 3")
    links = SourceLinks(GITHUB)
    assert links.url("2023/möte 1.txt", TEXT, start) == "https://github.com/org/minutes/blob/main/2023/m%C3%B6te%201.txt#L5"
    # a passage beginning with the blank line before its text links to the text
    assert line_of(TEXT, start - 1, TEXT[start - 1:]) == 5
    assert line_of(TEXT, 0) == 1 and line_of(None, 3) is None and line_of(TEXT, 10_000) is None


@pytest.mark.parametrize("template, expected", [
    (GITHUB, "https://github.com/org/minutes/blob/main/a.pdf"),  # the #L fragment goes
    ("https://x.example/view?file={path}&line={line}", "https://x.example/view?file=a.pdf"),
    ("https://x.example/view?line={line}&file={path}", "https://x.example/view?file=a.pdf"),
    ("https://drive.example/folder/{path}", "https://drive.example/folder/a.pdf"),
    ("https://share.example/sites/board/Minutes/", "https://share.example/sites/board/Minutes/a.pdf"),
])
def test_formats_without_lines_and_folder_urls(template, expected):
    assert SourceLinks(template).url("a.pdf", "whatever\ntext", 9) == expected


def test_docx_gets_no_line_but_tex_and_md_do():
    links = SourceLinks(GITHUB)
    assert links.url("m.docx", TEXT, 20).endswith("/m.docx")
    assert links.url("m.tex", TEXT, 20).endswith("/m.tex#L3")
    assert links.url("m.md", TEXT, 20).endswith("/m.md#L3")


def test_bad_templates_are_one_line_errors_naming_the_setting():
    for bad in ("ftp://x/{path}", "github.com/{path}", "https://x/{file}", "https://x/#L{line}"):
        with pytest.raises(ConfigError, match=r"^invalid setting MINUTES_SOURCE_URL: ") as e:
            load_settings(source_url=bad, _env_file=None)
        assert "\n" not in str(e.value)
    assert check_template("  ") == ""
    assert load_settings(source_url=GITHUB, _env_file=None).source_url == GITHUB


def test_link_characters_that_would_break_mrkdwn_are_encoded():
    url = SourceLinks("https://x.example/a|b/{path}?q=1&r=<2>").url("x y.txt")
    assert "|" not in url and "<" not in url and ">" not in url and " " not in url
    p = Passage(source="x y.txt", quote="q")
    msg = answer_message(Answer(question="q", answer="a", passages=[p]), link=lambda s, st, q: url)
    context = msg["blocks"][2]["elements"][0]["text"]
    assert context.startswith("<https://x.example/a%7Cb/x%20y.txt?q=1&amp;r=%3C2%3E|x y.txt>")


def test_a_cut_never_opens_a_link():
    text = "word " * 10 + "<https://x.example/" + "a" * 100 + "|the label>"
    out = cut(text, 80)
    assert "<" not in out and out.endswith("…")


def _contexts(message: dict) -> list[str]:
    return [b["elements"][0]["text"] for b in message["blocks"] if b["type"] == "context"]


def test_answers_in_slack_link_each_passage_to_its_line(fake, service):
    bot = start_http_bot(fake, service, source_url=GITHUB)
    try:
        bot.event(mention("Vilka var närvarande på planeringsmötet?", ts="1700000001.000100"))
        [post] = fake.wait_calls("chat.postMessage")
        links = [re.match(r"<([^|>]+)\|([^>]+)>", c) for c in _contexts(post.body)]
        links = [m for m in links if m]
        assert links
        docs = service.snapshot().documents
        for m in links:
            url, label = m.groups()
            path, line = re.fullmatch(r"https://github\.com/org/minutes/blob/main/(.+)#L(\d+)", url).groups()
            assert path == label and path in docs
            assert docs[path].splitlines()[int(line) - 1].strip()  # a line with text on it
        answer = service.converse("Vilka var närvarande på planeringsmötet?")[0]
        p = answer.passages[0]
        expected_line = docs[p.source][:p.start + len(p.quote) - len(p.quote.lstrip())].count("\n") + 1
        assert links[0].group(1).endswith(f"#L{expected_line}")
        # the linked line is where the quote's text begins
        assert p.quote.strip().splitlines()[0] in docs[p.source].splitlines()[expected_line - 1]
    finally:
        bot.runner.stop()


def test_without_a_template_sources_are_plain_code(http_bot, fake):
    http_bot.event(mention("Vilka var närvarande på planeringsmötet?"))
    [post] = fake.wait_calls("chat.postMessage")
    assert all("<http" not in c for c in _contexts(post.body))
    assert any(c.startswith("`") for c in _contexts(post.body))


def test_an_uploaded_file_links_to_its_slack_permalink(fake, service):
    bot = start_http_bot(fake, service, source_url=GITHUB)
    try:
        f = fake.add_file(FakeFile("F9", "2023-03-03 styrelse.txt", MINUTES))
        bot.event(share(f, user=ADMIN))
        fake.wait_calls("chat.postMessage")
        bot.event(mention("Vilka var närvarande på styrelsemötet den 3 mars 2023?", ts="1700000500.000100"))
        answer = fake.wait_calls("chat.postMessage", 2)[1].body
        contexts = _contexts(answer)
        assert any(c.startswith("<https://fake.slack.com/files/UBOT/F9/2023-03-03%20styrelse.txt|2023-03-03_styrelse.txt>")
                   for c in contexts), contexts
        assert not any("github.com" in c and "2023-03-03_styrelse" in c for c in contexts)
    finally:
        bot.runner.stop()
