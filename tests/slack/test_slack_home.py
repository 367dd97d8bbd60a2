"""The App Home tab: the status, the latest decisions and the open action items."""
from __future__ import annotations

import json
import re
from datetime import date

from bot.service import MinutesService
from bot.slack.blocks import home_view
from bot.slack.home import ACTIONS_SHOWN, DECISIONS_SHOWN, records_blocks
from bot.slack.limits import violations
from tests.conftest import FakeEmbedder
from tests.slack.conftest import start_http_bot

MINUTES = """# Styrelsemöte 2024-05-02

Närvarande: Anna Berg, Erik Ek

## 1. Mötets öppnande
Mötet öppnades.

## 2. Budget 2025
Beslut: Styrelsen beslutar att **godkänna** budgeten för 2025.

## 3. Lokaler
Beslut: Frågan bordläggs till nästa möte.

## 4. Uppdrag
- Erik Ek ska ta fram en offert. Ansvarig: Erik Ek
"""
RAW = re.compile(r"\\[A-Za-z]+|\\begin|\*\*|^#", re.M)


def _service(tmp_path, files: dict[str, str]) -> MinutesService:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    s = MinutesService(corpus, tmp_path / "index", FakeEmbedder())
    s.reindex()
    return s


def _texts(blocks: list[dict]) -> list[str]:
    out = []
    for b in blocks:
        if b["type"] in ("section", "header"):
            out.append(b["text"]["text"])
        elif b["type"] == "context":
            out += [e["text"] for e in b["elements"]]
    return out


def test_home_tab_shows_decisions_and_open_actions(fake, tmp_path):
    service = _service(tmp_path, {"2024-05-02-styrelsemote.md": MINUTES})
    bot = start_http_bot(fake, service, source_url="https://git.example/minutes/{path}#L{line}")
    try:
        bot.event({"type": "app_home_opened", "user": "U1", "channel": "D1", "tab": "home", "event_ts": "1.2"})
        [call] = fake.wait_calls("views.publish")
        view = call.body["view"]
        texts = _texts(view["blocks"])
        assert "Latest decisions" in texts and "Open action items" in texts
        assert "meetings indexed" in " ".join(texts)  # the status is still there
        joined = "\n".join(texts)
        assert "budgeten för 2025" in joined and "ta fram en offert" in joined and "Erik Ek · open" in joined
        assert "tabled" in joined
        assert "<https://git.example/minutes/2024-05-02-styrelsemote.md#L9|2024-05-02-styrelsemote.md>" in joined
        assert not RAW.search(joined.replace("`", "")), RAW.search(joined)
        assert violations(view, home=True) == []
    finally:
        bot.runner.stop()
        service.stop()


def test_home_tab_without_records_says_so(tmp_path):
    # minutes of its own that decide nothing and give no one a task (the sample corpus does now:
    # "… efterfrågades förslag på …" is a request)
    service = _service(tmp_path, {"2024-05-02-mote.txt": "Möte 2024-05-02\n\nNärvarande: Anna Berg, Erik Ek\n\n"
                                                          "§ 1 Lägesrapport\nVi gick igenom läget i projektet.\n"})
    try:
        blocks = records_blocks(service.meetings(), today=date(2026, 1, 1))
        texts = _texts(blocks)
        assert "No decisions found in the minutes." in texts and "No open action items." in texts
        assert records_blocks(None) == []
    finally:
        service.stop()


def test_home_tab_over_latex_minutes_within_limits_and_without_markup(shared_corpora, tmp_path):
    service = MinutesService(shared_corpora / "dvd-goteborg-sv", tmp_path / "index", FakeEmbedder())
    service.reindex()
    blocks = records_blocks(service.meetings(), lang="sv", today=date(2026, 1, 1))
    view = home_view(service.status(), "sv", records=blocks)
    assert violations(view, home=True) == [] and len(view["blocks"]) <= 100
    rows = [b for b in blocks if b["type"] == "section"]
    assert len(rows) == DECISIONS_SHOWN + ACTIONS_SHOWN  # both registers are full there
    text = json.dumps(blocks, ensure_ascii=False)
    assert "Senaste besluten" in text and "Öppna uppdrag" in text
    assert not RAW.search("\n".join(_texts(blocks)).replace("`", ""))
    # the formalities (electing the minute-taker...) give way to what was decided
    assert not any("mötessekreterare" in t for t in _texts(rows))
    service.stop()
