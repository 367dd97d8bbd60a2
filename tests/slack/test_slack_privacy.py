"""Personal data masked in Slack (not in the CLI's JSON), allowed channels, and no secret in
anything the bot logs, prints or sends."""
from __future__ import annotations

import json
import logging

import pytest

from bot.redact import find_personal_data, redact
from tests.slack.conftest import ADMIN, SIGNING_SECRET, dm, mention, start_http_bot
from tests.slack.fake_slack import BOT_TOKEN

PERSONAL = {
    "pnr_dash": "850709-9805",
    "pnr_century": "19850709-9805",
    "pnr_plus": "190709+9804",
    "pnr_bare": "198507099805",
    "email": "anna.berg@example.se",
    "phone_mobile": "070-123 45 67",
    "phone_intl": "+46 8 123 456 78",
}

MINUTES = f"""Protokoll styrelsemöte kontaktuppgifter den 3 mars 2023

Närvarande: Anna Berg, Erik Ek

1 Kontaktuppgifter
Kontaktperson för kontaktuppgifter är Anna Berg, personnummer {PERSONAL['pnr_dash']} ({PERSONAL['pnr_century']}), \
e-post {PERSONAL['email']}, telefon {PERSONAL['phone_mobile']} eller växeln {PERSONAL['phone_intl']}.
Äldre ledamot med personnummer {PERSONAL['pnr_plus']}, även skrivet {PERSONAL['pnr_bare']}, deltog i kontaktuppgifter.
"""


@pytest.fixture
def personal_service(service):
    (service.corpus_dir / "2023-03-03-kontakt.txt").write_text(MINUTES, encoding="utf-8")
    service.reindex()
    return service


def _sent(fake) -> str:
    return json.dumps([c.body for c in fake.calls], ensure_ascii=False)


@pytest.mark.parametrize("value", list(PERSONAL.values()))
def test_each_kind_is_masked(value):
    assert value not in redact(f"text {value} text")
    assert find_personal_data(f"x {value} y")


@pytest.mark.parametrize("text", ["Mötet 2023-03-03 kl. 10.00-12.00", "budget 1 000 000 kr, § 12",
                                  "2019-2023", "order 1234567890", "20230303", "sid 3/4, v. 12",
                                  "beslut 2021/22:45", "0,5 miljoner"])
def test_ordinary_numbers_are_left_alone(text):
    assert redact(text) == text


def test_answers_in_slack_are_masked_by_default(fake, personal_service):
    bot = start_http_bot(fake, personal_service)
    try:
        bot.event(mention("Vilka kontaktuppgifter finns för Anna Berg?", ts="1700000500.000100"))
        [post] = fake.wait_calls("chat.postMessage")
        sent = _sent(fake)
        assert "kontakt" in sent.lower()  # the passage was quoted...
        for value in PERSONAL.values():
            assert value not in sent  # ...with nothing personal left in it
        assert "[personnummer]" in sent and "[e-post]" in sent and "[telefon]" in sent
    finally:
        bot.runner.stop()


def test_redact_off_posts_quotes_as_written(fake, personal_service):
    bot = start_http_bot(fake, personal_service, redact=False)
    try:
        bot.event(mention("Vilka kontaktuppgifter finns för Anna Berg?", ts="1700000501.000100"))
        fake.wait_calls("chat.postMessage")
        assert PERSONAL["email"] in _sent(fake)
    finally:
        bot.runner.stop()


def test_the_cli_json_keeps_the_verbatim_quote(personal_service, capsys, monkeypatch):
    import index.embed
    from bot.cli import main
    from tests.conftest import FakeEmbedder

    monkeypatch.setenv("MINUTES_CORPUS_DIR", str(personal_service.corpus_dir))
    monkeypatch.setenv("MINUTES_INDEX_DIR", str(personal_service.index_dir))
    monkeypatch.setenv("MINUTES_EMBEDDING_MODEL", "fake-embedder")
    monkeypatch.setattr(index.embed, "load_embedder", lambda model: FakeEmbedder(name=model))
    assert main(["ask", "--json", "Vilka kontaktuppgifter finns för Anna Berg?"]) == 0
    d = json.loads(capsys.readouterr().out)
    quotes = " ".join(p["quote"] for p in d["passages"])
    assert PERSONAL["email"] in quotes and PERSONAL["pnr_dash"] in quotes
    for p in d["passages"]:
        assert p["quote"] in personal_service.engine().snapshot.documents[p["source"]]


def test_setting_parses_off(monkeypatch):
    from bot.settings import load_settings

    monkeypatch.setenv("MINUTES_REDACT", "off")
    monkeypatch.setenv("MINUTES_ALLOWED_CHANNELS", "C1, C2 ,")
    monkeypatch.setenv("MINUTES_ALLOW_DMS", "false")
    s = load_settings(_env_file=None)
    assert s.redact is False and s.allowed_channel_ids == {"C1", "C2"} and s.allow_dms is False


# -- where the bot answers ----------------------------------------------------------------------

def test_outside_the_allowed_channels_nothing_is_answered(fake, service):
    bot = start_http_bot(fake, service, allowed_channels="CYES", allow_dms=False)
    try:
        bot.event(mention("Vilka var med?", channel="CNO", ts="1700000600.000100"), event_id="E1")
        bot.event(dm("Vilka var med?", channel="D5", ts="1700000601.000100"), event_id="E2")
        status, body, _ = bot.command("Vilka var med?", channel="CNO")
        assert status == 200 and "svarar inte i den här kanalen" in json.loads(body)["text"]
        fake.settle()
        assert not fake.calls_to("chat.postMessage") and not fake.calls_to("response_url")
        bot.event(mention("Vilka var med?", channel="CYES", ts="1700000602.000100"), event_id="E3")
        [post] = fake.wait_calls("chat.postMessage")
        assert post.body["channel"] == "CYES"
    finally:
        bot.runner.stop()


def test_dms_allowed_by_default_and_admins_always(fake, service):
    bot = start_http_bot(fake, service, allowed_channels="CYES", allow_dms=False)
    try:
        bot.event(dm("Vilka var med?", channel="D6", ts="1700000603.000100", user=ADMIN), event_id="E4")
        [post] = fake.wait_calls("chat.postMessage")
        assert post.body["channel"] == "D6"
    finally:
        bot.runner.stop()


# -- /minutes index in the background ---------------------------------------------------------------

def test_index_runs_in_the_background_and_a_second_is_told_it_runs(http_bot, fake, service, gate):
    import threading

    threads = []
    held = gate(service, "reindex")
    status, body, _ = http_bot.command("index", user=ADMIN, response_id="first")
    assert status == 200 and "Updating the index" in json.loads(body)["text"]
    assert held.entered.wait(10)
    status, body, _ = http_bot.command("index", user=ADMIN, response_id="second")
    assert "already running" in json.loads(body)["text"]
    # Bolt's workers are free meanwhile: a question is answered while the update is held.
    http_bot.command("Vilka var med?", response_id="q")
    fake.wait_for(lambda calls: [c for c in calls if c.method == "response_url" and len(c.body.get("blocks", [])) > 1],
                  what="the answer")
    threads.append(http_bot.runner.app.minutes_bot.reindex_thread)
    assert threads[0].name == "minutes-slack-reindex" and threads[0] is not threading.current_thread()
    held.release.set()
    threads[0].join(10)
    replies = [c.body["text"] for c in fake.calls_to("response_url")]
    assert any("Index updated" in r for r in replies)
    # The job is over: the next one starts.
    assert http_bot.runner.app.minutes_bot._reindex_job.acquire(blocking=False)
    http_bot.runner.app.minutes_bot._reindex_job.release()


# -- secrets ------------------------------------------------------------------------------------------

def test_no_secret_in_logs_replies_or_status(fake, service, monkeypatch, caplog, capsys):
    from index.errors import IndexCorrupt

    caplog.set_level(logging.DEBUG)
    secrets = [BOT_TOKEN, SIGNING_SECRET]
    real_ask = service.converse
    calls = {"n": 0}

    def leaky_ask(question, context=None, **kw):
        # What a careless library might do: put the token in an exception's text.
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError(f"request failed with Authorization: Bearer {BOT_TOKEN} secret={SIGNING_SECRET}")
        if calls["n"] == 2:
            raise IndexCorrupt(f"index damaged near {BOT_TOKEN}")
        return real_ask(question, context, **kw)

    monkeypatch.setattr(service, "converse", leaky_ask)
    bot = start_http_bot(fake, service)
    try:
        logging.getLogger("bot.test").warning("settings are %r; token %s", bot.runner.app, BOT_TOKEN)
        bot.event(mention("Vilka var med?", ts="1700000700.000100"), event_id="S1")
        bot.event(mention("Vad beslutades?", ts="1700000701.000100"), event_id="S2")
        bot.event(mention("Vem var ordförande?", ts="1700000702.000100"), event_id="S3")
        fake.wait_calls("chat.postMessage", n=3)
        bot.command("status", response_id="st")
        fake.wait_for(lambda calls: [c for c in calls if c.method == "response_url"], what="status")
        fake.fail_with("chat.postMessage", "invalid_auth", times=2)
        bot.event(mention("Vilka var med?", ts="1700000703.000100"), event_id="S4")
        fake.wait_calls("chat.postMessage", n=5)
        bot.secret = "forged-secret-value"
        assert bot.event(mention("x", ts="1700000704.000100"), event_id="S5")[0] == 401
        fake.settle()
    finally:
        bot.runner.stop()
    from bot.settings import Settings

    everything = "\n".join([
        "\n".join(logging.Formatter("%(message)s").format(r) + (r.exc_text or "") for r in caplog.records),
        caplog.text, *capsys.readouterr(),
        json.dumps([c.body for c in fake.calls], ensure_ascii=False),
        repr(Settings(slack_bot_token=BOT_TOKEN, slack_signing_secret=SIGNING_SECRET, _env_file=None)),
        repr(bot.runner.app.minutes_bot.upload_policy),
    ])
    assert "Bearer" in everything and "[secret]" in everything  # the leaks happened, scrubbed
    for s in secrets:
        assert s not in everything
