"""What the buttons under an answer do (``block_actions`` payloads; see bot/slack/buttons.py).

- "More": the passages the answer left out, posted in the answer's thread (for an ephemeral
  answer of ``/minutes``, as ephemeral replies to whoever clicked).
- 👍 / 👎: the vote is stored with the question and the answer's sources (bot/slack/memory.py)
  and thanked for, to the voter only; a 👎 comes with a button offering more passages: the ones
  left out, else those a wider search finds beyond the answer's own.

Each handler acks first: Slack wants the ack within 3 seconds, the work may take longer."""
from __future__ import annotations

import logging

from bot.answer import Answer
from index.collections import in_collections
from index.errors import MinutesError

from .blocks import more_messages, text_message
from .buttons import MORE, MORE_AFTER_DOWN, VOTE_DOWN, VOTE_UP, more_after_down_button, parse_value
from .messages import t, user_message
from .text import escape

log = logging.getLogger(__name__)

WIDER = 5  # passages a 👎 asks the search for, beyond the answer's own


class AnswerActions:
    def __init__(self, bot):
        self.bot = bot  # the MinutesBot: service, memory, links, access, post

    def register(self, app) -> None:
        app.action(MORE)(self.on_more)
        app.action(VOTE_UP)(self.on_vote_up)
        app.action(VOTE_DOWN)(self.on_vote_down)
        app.action(MORE_AFTER_DOWN)(self.on_more_after_down)

    # -- the handlers ----------------------------------------------------------------------------
    def on_more(self, ack, body: dict, client, respond) -> None:
        ack()
        click, answer = self._clicked(body, respond, client)
        if answer is None:
            return
        # A double click (or Slack re-sending the payload) posts the passages once.
        if not self.bot.deduper.first_time("more", click.ref, click.start, click.channel, click.message_ts):
            return
        messages = more_messages(answer, click.start, self.bot.linker())
        if not messages:
            respond(**self._ephemeral(text_message(t("no_more_passages", answer.language)), answer.language))
            return
        self._deliver(client, respond, click, messages, answer.language)

    def on_vote_up(self, ack, body: dict, respond) -> None:
        ack()
        self._vote(body, respond, "up")

    def on_vote_down(self, ack, body: dict, respond) -> None:
        ack()
        self._vote(body, respond, "down")

    def on_more_after_down(self, ack, body: dict, client, respond) -> None:
        ack()
        click, answer = self._clicked(body, respond, client, replace=True)
        if answer is None:
            return
        lang = answer.language
        if click.start >= len(answer.passages):
            try:
                answer = self._wider(answer, click.seen)
            except MinutesError as e:  # the index busy, gone or damaged: say that, not "no more passages"
                respond(**self._ephemeral(text_message(escape(user_message(e, lang))), lang, replace=True))
                return
        messages = more_messages(answer, click.start, self.bot.linker())
        if not messages:
            respond(**self._ephemeral(text_message(t("no_more_passages", lang)), lang, replace=True))
            return
        # The offer was shown to the voter alone, and so are the passages; the first replaces it.
        for i, message in enumerate(messages):
            respond(**self._ephemeral(message, lang, replace=i == 0))

    # -- the work --------------------------------------------------------------------------------
    def _clicked(self, body: dict, respond, client, *, replace: bool = False) -> tuple[Click, Answer | None]:
        """The click and the answer its button belongs to, with only the passages the clicker
        may see where the click is (bot/slack/scope.py: a button in another channel, or of an
        answer from before the access changed); None (the clicker told, unless the click is
        not allowed) when the answer is gone."""
        click = Click(body)
        if not self._allowed(click):
            return click, None
        answer = self.bot.memory.answer(click.ref)
        if answer is None:
            respond(**self._ephemeral(text_message(t("answer_expired", "en")), replace=replace))
            return click, None
        click.seen = self.bot.seen(client, click.channel, click.user)
        keys = click.seen.collections
        if keys is not None:
            # Those before the button were shown with the answer; of the rest, the visible ones.
            shown, rest = answer.passages[:click.start], answer.passages[click.start:]
            answer = answer.model_copy(update={"passages": [*shown, *(p for p in rest if in_collections(p.source, keys))]})
        return click, answer

    def _vote(self, body: dict, respond, vote: str) -> None:
        click = Click(body)
        if not click.ref or not click.user:
            log.info("vote without an answer reference or a user ignored")
            return
        answer = self.bot.memory.answer(click.ref)
        self.bot.memory.vote(click.ref, click.user, vote, answer)
        lang = answer.language if answer is not None else "en"
        if vote == "up" or answer is None:
            respond(**self._ephemeral(text_message(t("vote_thanks_up", lang)), lang))
            return
        offer = text_message(t("vote_thanks_down", lang, question=escape(answer.question[:200])))
        # The vote's value carries how many passages the answer showed: the offer starts there.
        offer["blocks"].append(more_after_down_button(click.ref, lang, click.start))
        respond(**self._ephemeral(offer, lang))

    def _wider(self, answer: Answer, seen) -> Answer:
        """The answer with the passages a wider search adds after its own (none: as it was),
        from what the clicker may see. What the search raises goes to the caller: a MinutesError
        is said to the user, anything else is a bug (logged by the app's error handler)."""
        wider, _ = self.bot.service.converse(answer.question, None, k=len(answer.passages) + WIDER,
                                             collections=seen.collections)
        had = {(p.source, p.start, p.end) for p in answer.passages}
        extra = [p for p in wider.passages if (p.source, p.start, p.end) not in had]
        return answer.model_copy(update={"passages": [*answer.passages, *extra]})

    def _allowed(self, click: "Click") -> bool:
        if not click.ref:
            log.info("button without an answer reference ignored")
            return False
        return self.bot.allowed(click.channel, click.user)

    def _deliver(self, client, respond, click: "Click", messages: list[dict], lang: str) -> None:
        if click.ephemeral or not click.channel:
            for message in messages:
                respond(**self._ephemeral(message, lang))
            return
        from .posting import post

        for message in messages:
            post(client, click.channel, click.thread_ts, self.bot.out(message, lang))

    def _ephemeral(self, message: dict, lang: str = "en", *, replace: bool = False) -> dict:
        return {"response_type": "ephemeral", "replace_original": replace, **self.bot.out(message, lang)}


class Click:
    """The parts of a ``block_actions`` payload the handlers use; missing parts are None."""

    def __init__(self, body: dict):
        body = body if isinstance(body, dict) else {}
        action = (body.get("actions") or [{}])[0]
        action = action if isinstance(action, dict) else {}
        self.ref, self.start = parse_value(action.get("value"))
        self.seen = None  # what the clicker may see here (bot/slack/scope.py), once allowed
        self.user = _str((body.get("user") or {}).get("id"))
        container = body.get("container") or {}
        message = body.get("message") or {}
        self.channel = _str((body.get("channel") or {}).get("id")) or _str(container.get("channel_id"))
        self.ephemeral = bool(container.get("is_ephemeral"))
        self.message_ts = _str(message.get("ts")) or _str(container.get("message_ts"))
        # In a channel the rest goes in the answer's thread; a DM answer is not threaded, nor the rest.
        thread = _str(message.get("thread_ts")) or _str(container.get("thread_ts"))
        in_dm = (self.channel or "").startswith("D")
        self.thread_ts = thread or (None if in_dm else self.message_ts)


def _str(value) -> str | None:
    return value if isinstance(value, str) and value else None

