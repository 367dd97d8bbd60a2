"""Block Kit limits over real answers: every question of the evaluation sets
(eval/questions*.json), asked through the engine over the sample corpus and the shared ones
(skipped when ../shared/corpora is absent), rendered as Slack would get it (answer with buttons
and links, and the "More" messages) and checked against Slack's limits; and the answers over the
LaTeX minutes of dvd-goteborg-sv show no raw markup.

The fake embedder stands in for the model: the limits concern how long the passages and
sentences are, which retrieval order does not change much, and this keeps the test quick."""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from bot.answer import Answer, Passage
from bot.engine import Engine
from bot.slack.blocks import answer_message, more_messages
from bot.slack.limits import MAX_BLOCKS, violations
from bot.slack.links import SourceLinks
from index.build import build_generation
from index.store import load_index
from tests.conftest import CORPUS, ROOT, SHARED_CORPORA, FakeEmbedder

EVAL_FILES = sorted((ROOT / "eval").glob("questions*.json"))
TEMPLATE = "https://github.com/org/minutes/blob/main/{path}#L{line}"
REF = "f" * 16
# LaTeX commands, braces, comments, Markdown bold and headings: none may reach Slack.
RAW = re.compile(r"\\[A-Za-z]|[{}%]|\*\*|^#|^> #", re.M)


def _questions() -> dict[str, list[dict]]:
    by_corpus: dict[str, list[dict]] = {}
    for path in EVAL_FILES:
        data = json.loads(path.read_text(encoding="utf-8"))
        for q in data["questions"] if isinstance(data, dict) else data:
            by_corpus.setdefault(q["corpus"], []).append(q)
    return by_corpus


def _folder(name: str) -> Path:
    return CORPUS if name == "corpus" else SHARED_CORPORA / name


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> list[tuple[str, Answer, list[dict]]]:
    """(corpus, answer, Slack messages) for every evaluation question whose corpus is here."""
    out = []
    embedder = FakeEmbedder()
    for name, qs in _questions().items():
        folder = _folder(name)
        if not folder.is_dir():
            continue
        index = tmp_path_factory.mktemp(f"index-{name}")
        build_generation(folder, index, embedder)
        snap = load_index(index)
        engine = Engine(snap, embedder)
        link = SourceLinks(TEMPLATE).linker(snap.documents)
        for q in qs:
            a = engine.ask(q["q"], today=date.fromisoformat(q["today"]) if q.get("today") else None)
            first = answer_message(a, ref=REF, link=link)
            shown = sum(1 for b in first["blocks"] if b["type"] == "section") - 1
            out.append((name, a, [first, *more_messages(a, shown, link)]))
    return out


def test_every_evaluation_answer_is_within_slack_limits(rendered):
    expected = sum(len(qs) for name, qs in _questions().items() if _folder(name).is_dir())
    assert len(rendered) == expected >= 30  # every question whose corpus is here; the sample's at least
    for name, answer, messages in rendered:
        for m in messages:
            assert violations(m) == [], (name, answer.question, violations(m))
    # Every passage reaches Slack: in the answer or in the messages its More button posts.
    for _, answer, messages in rendered:
        quotes = sum(1 for m in messages for b in m["blocks"] if b["type"] == "section"
                     and b["text"]["text"].startswith(">"))
        assert quotes == len(answer.passages), answer.question


def test_the_longest_answers_keep_their_first_passages_whole_enough(rendered):
    def size(item):
        return sum(len(json.dumps(m, ensure_ascii=False)) for m in item[2])

    longest = sorted(rendered, key=size, reverse=True)[:5]
    for name, answer, messages in longest:
        first = messages[0]
        assert len(first["blocks"]) <= MAX_BLOCKS
        for b in first["blocks"]:
            if b["type"] == "section" and len(b["text"]["text"]) >= 2990:
                assert b["text"]["text"].endswith("…")  # cut, and said so
        actions = [b for b in first["blocks"] if b["type"] == "actions"]
        assert len(actions) == 1 and len(actions[0]["elements"]) in (2, 3)


def test_answers_over_latex_minutes_have_no_raw_markup(rendered):
    latex = [(a, ms) for name, a, ms in rendered if name == "dvd-goteborg-sv"]
    if not latex:
        pytest.skip("../shared/corpora/dvd-goteborg-sv is absent")
    from_tex = 0
    for answer, messages in latex:
        from_tex += sum(p.source.endswith(".tex") for p in answer.passages)
        for m in messages:
            for b in m["blocks"]:
                texts = [b["text"]["text"]] if b["type"] == "section" else []
                texts += [e["text"] for e in b.get("elements", []) if b["type"] == "context"]
                for text in texts:
                    shown = re.sub(r"<https?://[^|>]+\|", "<", text)  # the link's URL is not shown
                    assert not RAW.search(shown), (answer.question, RAW.search(shown).group(), text[:300])
    assert from_tex >= 20  # the check saw LaTeX quotes, not only Markdown ones


def test_huge_synthetic_answer_and_its_more_messages_are_within_limits():
    quote = "\\item \\textbf{protokoll} & <!channel> " * 400
    passages = [Passage(source=f"m{i}.tex", title="T" * 5000, meeting_date="2020-01-01", quote=quote, start=0,
                        end=len(quote)) for i in range(80)]
    a = Answer(question="q" * 2000, answer="svar & " * 2000, language="sv", passages=passages)
    first = answer_message(a, ref=REF, link=SourceLinks("https://x.example/" + "y" * 2500 + "/{path}").linker({}))
    assert violations(first) == []
    assert first["blocks"][2]["elements"][0]["text"].startswith("`m0.tex` · TTT")  # a 2.5k URL is no link
    more = more_messages(a, 1, SourceLinks(TEMPLATE).linker({}))
    assert len(more) == 4 and all(violations(m) == [] for m in more)  # 79 passages, 24 a message
    assert sum(len(m["blocks"]) - 1 for m in more) == 2 * 79


def test_a_cut_inside_bold_closes_it_and_never_splits_an_entity():
    from bot.slack.text import cut

    assert cut("> *Beslut om budget och mer* text", 22) == "> *Beslut om budget*…"
    assert cut("> *Beslut* om budget och mer text", 22) == "> *Beslut* om budget…"
    assert cut("> *a*\n> *bbb ccc ddd eee*", 18) == "> *a*\n> *bbb ccc*…"
    out = cut("*" + "&amp;" * 1000 + "*", 3000)
    assert len(out) <= 3000 and out.endswith("*…") and out[1:-2].count("&amp;") * 5 == len(out) - 3
