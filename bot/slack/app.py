"""The Bolt app: which Slack events the bot listens to and what it does with each.

Bolt acknowledges events at once and runs listeners in its thread pool
(``process_before_response=False``), so Slack gets its ack within 3 seconds in both HTTP and
Socket Mode; slash commands ack() first thing, then do the work."""
from __future__ import annotations

import logging
import threading
from datetime import date

from slack_bolt import App
from slack_sdk import WebClient

from .access import Access, is_dm_channel
from .actions import AnswerActions
from .blocks import answer_message, home_view, text_message
from .dedupe import Deduper
from .home import records_blocks
from .links import SourceLinks
from .locale import LocaleCache
from .memory import BotMemory
from .messages import collections_text, guess_language, help_text, reindex_text, status_text, t, user_message
from .outgoing import clean
from .scope import CollectionAccess, Seen
from .posting import post, working  # noqa: F401 - post: the name tests and actions use
from .state import BotState
from .text import escape, question_from_slack
from .threads import ThreadMemory, is_thread_reply
from .uploads import DEFAULT_EXTENSIONS, UploadPolicy, UploadRefused, fetch_file, result_text

log = logging.getLogger(__name__)

# Slack's own limit on a message. The engine reads a long question by its question sentences
# (bot/long_question.py, with a note): cutting it here first would lose the question people
# ask after pasting the context.
MAX_QUESTION_CHARS = 40_000


class MinutesBot:
    """The handlers, holding what they share: the service, the admin list, the dedupe memory,
    where the bot may answer, whether personal data is masked, the background index job."""

    def __init__(self, service, *, admin_user_ids: frozenset[str], upload_policy: UploadPolicy,
                 deduper: Deduper | None = None, access: Access = Access(), redact: bool = True,
                 memory: BotMemory | None = None, source_url: str = "",
                 threads: ThreadMemory | None = None, locales: LocaleCache | None = None,
                 collections: CollectionAccess | None = None):
        self.service = service
        self.admins = frozenset(admin_user_ids)
        self.upload_policy = upload_policy
        self.deduper = deduper if deduper is not None else Deduper()
        self.access = access
        self.redact = redact
        # Answers (for their buttons), votes and upload permalinks; in memory unless given a file.
        self.memory = memory if memory is not None else BotMemory()
        self.links = SourceLinks(source_url, permalinks=self.memory.permalinks)
        self.threads = threads if threads is not None else ThreadMemory(BotState())
        self.locales = locales if locales is not None else LocaleCache()
        # Which collections each reader may see (bot/slack/scope.py): every answer, button,
        # Home tab and status goes through seen().
        self.collections = collections if collections is not None else CollectionAccess()
        # Held while a /minutes index runs in the background: a second one is told so.
        self._reindex_job = threading.Lock()
        self.reindex_thread: threading.Thread | None = None

    def is_admin(self, user_id: str | None) -> bool:
        return bool(user_id) and user_id in self.admins

    def allowed(self, channel: str | None, user: str | None, *, channel_type: str | None = None,
                channel_name: str | None = None) -> bool:
        is_dm = is_dm_channel(channel, channel_type, channel_name)
        if self.access.allows(channel, is_dm=is_dm, admin=self.is_admin(user)):
            return True
        log.info("not answering in %s (not in MINUTES_ALLOWED_CHANNELS%s)", channel, " / DMs off" if is_dm else "")
        return False

    def seen(self, client: WebClient, channel: str | None, user: str | None, *, is_dm: bool | None = None) -> Seen:
        """The collections ``user`` may see in ``channel`` (bot/slack/scope.py)."""
        if is_dm is None:
            is_dm = is_dm_channel(channel)
        return self.collections.for_reader(client, user, channel, is_dm=is_dm, known=self.service.catalogue().keys())

    def out(self, message: dict, lang: str = "en") -> dict:
        """What may leave for Slack: see outgoing.clean."""
        return clean(message, lang, mask=self.redact)

    def linker(self):
        """The link function for one message (bot/slack/links.py): lines need the documents."""
        snapshot = self.service.snapshot() if self.links.template else None
        return self.links.linker(snapshot.documents if snapshot is not None else None)

    def answer_blocks(self, answer) -> dict:
        """An answer with its buttons: remembered, so "More" and the votes find it again."""
        return answer_message(answer, ref=self.memory.remember(answer), link=self.linker())

    # -- events --------------------------------------------------------------------------------
    def on_app_mention(self, event: dict, client: WebClient, context) -> None:
        if event.get("bot_id"):
            return
        channel, ts = event.get("channel"), event.get("ts")
        if not isinstance(channel, str) or not isinstance(ts, str):
            log.info("app_mention without a channel or ts ignored")
            return
        if not self.allowed(channel, event.get("user"), channel_type=event.get("channel_type")):
            return
        if not self.deduper.first_time(channel, ts):
            return
        # In a channel the answer goes in a thread; in a DM (channel ids start with D) it is
        # answered in place, whichever of app_mention and message.im arrives first.
        thread_ts = event.get("thread_ts") or (None if channel.startswith("D") else ts)
        self.answer_in_slack(client, channel, ts, thread_ts, event.get("text"), context.get("bot_user_id"),
                             user=event.get("user"))

    def on_message(self, event: dict, client: WebClient, context) -> None:
        if is_thread_reply(event, self.threads, context.get("bot_user_id")):
            self.on_thread_reply(event, client, context)
            return
        if event.get("channel_type") != "im" or event.get("bot_id") or event.get("user") is None:
            return
        subtype = event.get("subtype")
        if subtype not in (None, "file_share"):
            return  # edits, deletions, joins, bot_message, ...
        channel, ts = event.get("channel"), event.get("ts")
        if not isinstance(channel, str) or not isinstance(ts, str):
            log.info("message without a channel or ts ignored")
            return
        if not self.allowed(channel, event.get("user"), channel_type="im"):
            return
        if not self.deduper.first_time(channel, ts):
            return
        if subtype == "file_share":
            self.take_upload(client, event)
            return
        self.answer_in_slack(client, channel, ts, event.get("thread_ts"), event.get("text"),
                             context.get("bot_user_id"), user=event.get("user"))

    def on_thread_reply(self, event: dict, client: WebClient, context) -> None:
        """A reply without a mention in a channel thread the bot answered in (the
        ``message.channels`` / ``message.groups`` events): a follow-up, answered in the thread."""
        channel, ts = event["channel"], event["ts"]
        if not self.allowed(channel, event.get("user"), channel_type=event.get("channel_type")):
            return
        if not self.deduper.first_time(channel, ts):
            return  # the same message as an app_mention, already answered
        self.answer_in_slack(client, channel, ts, event["thread_ts"], event.get("text"),
                             context.get("bot_user_id"), user=event.get("user"))

    def on_home_opened(self, event: dict, client: WebClient) -> None:
        if event.get("tab", "home") != "home" or not isinstance(event.get("user"), str):
            return
        lang = self.locales.language(client, event["user"]) or "en"
        try:
            seen = self.seen(client, None, event["user"], is_dm=True)  # the user's own view, as in a DM
            records = records_blocks(self.service.meetings(seen.collections), lang, link=self.linker(), today=date.today())
            if seen.withheld:  # Slack could not say which private minutes are theirs: why they are missing
                records = [{"type": "context", "elements": [{"type": "mrkdwn", "text": t("private_withheld", lang)}]},
                           *records]
            view = home_view(self.service.status(seen.collections), lang, records=records)
        except Exception as e:  # noqa: BLE001 - the tab shows the reason instead
            view = home_view(None, lang, error=user_message(e, lang))
        client.views_publish(user_id=event["user"], view=self.out(view, lang))

    # -- the slash command -----------------------------------------------------------------------
    def on_command(self, ack, command: dict, respond, client: WebClient) -> None:
        # Slack escapes &, < and > in command text as it does in messages (and may send user
        # and channel references): clean it the same way, so "R&amp;D" is asked as "R&D".
        raw = command.get("text")
        text = question_from_slack(raw if isinstance(raw, str) else "")
        word = text.lower()
        # Before the ack: the locale lookup waits at most a moment (Slack wants the ack in 3 s).
        lang = self.locales.reply_language(client, command.get("user_id"), text, wait=1.0)
        if not self.allowed(command.get("channel_id"), command.get("user_id"), channel_name=command.get("channel_name")):
            ack(response_type="ephemeral", text=t("not_here", lang))
            return
        if word in ("", "help", "hjälp", "?"):
            ack(response_type="ephemeral", **text_message(help_text(lang)))
            return
        if word in ("index", "reindex", "index rebuild"):
            if not self.is_admin(command.get("user_id")):
                ack(response_type="ephemeral", **text_message(t("admins_only", lang, what=t("what_index", lang))))
                return
            if self._start_reindex(respond, lang, rebuild=word.endswith("rebuild")):
                ack(response_type="ephemeral", text=t("reindexing", lang))
            else:
                ack(response_type="ephemeral", text=t("reindex_running", lang))
            return
        channel, user = command.get("channel_id"), command.get("user_id")
        is_dm = is_dm_channel(channel, channel_name=command.get("channel_name"))
        if word == "status":
            ack()
            self._respond(respond, lang, lambda: text_message(self.status_text(
                self.seen(client, channel, user, is_dm=is_dm), lang)))
            return
        ack(response_type="ephemeral", text=t("working", lang))
        self._respond(respond, lang, lambda: self.answer_blocks(
            self._ask(question=text, previous=None, seen=self.seen(client, channel, user, is_dm=is_dm))[0]))

    def status_text(self, seen: Seen, lang: str) -> str:
        """/minutes status: what the index holds of what this reader sees, by collection."""
        text = status_text(self.service.status(seen.collections), lang)
        text += collections_text(self.service.catalogue().visible(seen.collections), lang)
        if seen.withheld:
            text += "\n" + t("private_withheld", lang)
        return text + "\n" + self.feedback_text(lang)

    def feedback_text(self, lang: str) -> str:
        votes = self.memory.votes()
        return t("feedback_status", lang, up=votes.up, down=votes.down)

    def _start_reindex(self, respond, lang: str, *, rebuild: bool) -> bool:
        """Run the update on its own thread, so a rebuild never holds one of Bolt's workers;
        its result goes to the command's response_url. False if one is running already."""
        if not self._reindex_job.acquire(blocking=False):
            return False

        def run():
            try:
                self._respond(respond, lang, lambda: text_message(reindex_text(self.service.reindex(rebuild=rebuild), lang)))
            except Exception:  # noqa: BLE001 - response_url gone: the log is all that is left
                log.exception("could not report the index update to Slack")
            finally:
                self._reindex_job.release()

        self.reindex_thread = threading.Thread(target=run, name="minutes-slack-reindex", daemon=True)
        self.reindex_thread.start()
        return True

    def _respond(self, respond, lang: str, build) -> None:
        try:
            message = build()
        except Exception as e:  # noqa: BLE001 - one place decides what the user sees
            message = text_message(escape(user_message(e, lang)))
        respond(response_type="ephemeral", replace_original=True, **self.out(message, lang))

    # -- the work --------------------------------------------------------------------------------
    def answer_in_slack(self, client: WebClient, channel: str, ts: str, thread_ts: str | None,
                        raw_text: str | None, bot_user_id: str | None, *, user: str | None = None) -> None:
        question = question_from_slack(raw_text if isinstance(raw_text, str) else "", bot_user_id)
        if not question:
            lang = self.locales.reply_language(client, user, raw_text or "")
            post(client, channel, thread_ts, text_message(t("empty_question", lang)))
            return
        if len(question) > MAX_QUESTION_CHARS:
            # Beyond any message Slack sends: nothing real is cut here (see MAX_QUESTION_CHARS).
            question = question[:MAX_QUESTION_CHARS]
        previous = self.threads.context(channel, thread_ts)  # a follow-up in a thread we answered in
        with working(client, channel, ts):
            followup = None
            try:
                answer, followup = self._ask(question, previous, self.seen(client, channel, user))
                lang = getattr(answer, "language", None) or guess_language(question)
                message = self.answer_blocks(answer)
            except Exception as e:  # noqa: BLE001 - one place decides what the user sees
                lang = self.locales.reply_language(client, user, question)
                message = text_message(escape(user_message(e, lang)))
            if followup is not None:
                # Before posting: a reply to the answer may arrive as soon as it is posted.
                self.threads.remember(channel, thread_ts or ts, followup)
            posted = post(client, channel, thread_ts, self.out(message, lang))
            if followup is not None and posted and not thread_ts:
                # A DM answered in place: a reply may hang from the answer as well as the question.
                self.threads.remember(channel, posted, followup)

    def _ask(self, question: str, previous, seen: Seen):
        """(Answer, the context to keep): through ``service.converse``, the one entry every
        interface shares, with what this reader may see."""
        answer, context = self.service.converse(question, previous, collections=seen.collections)
        if seen.withheld:
            answer.notes.append(t("private_withheld", answer.language))
        return answer, context

    def take_upload(self, client: WebClient, event: dict) -> None:
        channel, user = event["channel"], event.get("user")
        files = event.get("files") or []
        lang = self.locales.reply_language(client, user, event.get("text") or "")
        if not self.is_admin(user):
            post(client, channel, event.get("thread_ts"), text_message(t("admins_only", lang, what=t("what_upload", lang))))
            return
        if not isinstance(files, list):
            files = []
        with working(client, channel, event["ts"]):
            lines = []
            for f in files:
                if not isinstance(f, dict) or not isinstance(f.get("id"), str):
                    continue
                name = str(f.get("name") or f.get("id", "file"))
                try:
                    name, data, permalink = fetch_file(client, f["id"], self.upload_policy)
                    result = self.service.add_file(name, data)
                    if permalink and getattr(result, "stored_as", None):
                        self.memory.remember_upload(result.stored_as, permalink)  # quotes link to the upload
                    lines.append(result_text(name, result, lang))
                except UploadRefused as e:
                    lines.append(e.say(lang))
                except Exception as e:  # noqa: BLE001 - each file gets its own verdict
                    lines.append(f"`{escape(name)}`: {escape(user_message(e, lang))}")
            post(client, channel, event.get("thread_ts"),
                 self.out(text_message("\n\n".join(lines) or t("no_file", lang)), lang))


class _DropTokenSkippedWarning(logging.Filter):
    # Bolt warns when SLACK_BOT_TOKEN is in the environment and a client is given too; our client
    # carries that same token (settings read it), so the warning only confuses operators.
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("As you gave `client` as well")


_BOLT_LOGGER = logging.getLogger("slack_bolt.App")
if not any(isinstance(f, _DropTokenSkippedWarning) for f in _BOLT_LOGGER.filters):
    _BOLT_LOGGER.addFilter(_DropTokenSkippedWarning())


def build_app(service, *, client: WebClient, signing_secret: str | None, socket_mode: bool,
              admin_user_ids: frozenset[str], max_upload_bytes: int, api_url: str,
              deduper: Deduper | None = None, access: Access = Access(), redact: bool = True,
              memory: BotMemory | None = None, source_url: str = "",
              threads: ThreadMemory | None = None, collections: CollectionAccess | None = None) -> App:
    """A Bolt app wired to ``service``. Constructing it calls ``auth.test`` with the client."""
    extensions = frozenset(getattr(service, "SUPPORTED_EXTENSIONS", None) or DEFAULT_EXTENSIONS)
    bot = MinutesBot(
        service,
        admin_user_ids=admin_user_ids,
        upload_policy=UploadPolicy(bot_token=client.token, api_url=api_url, max_bytes=max_upload_bytes,
                                   extensions=extensions),
        deduper=deduper,
        access=access,
        redact=redact,
        memory=memory,
        source_url=source_url,
        threads=threads,
        collections=collections,
    )
    app = App(
        client=client,
        signing_secret=signing_secret or "",
        # Socket Mode payloads come over the authenticated WebSocket and carry no signature.
        request_verification_enabled=not socket_mode,
        process_before_response=False,
        name="minutes",
    )
    app.event("app_mention")(bot.on_app_mention)
    app.event("message")(bot.on_message)
    app.event("app_home_opened")(bot.on_home_opened)
    app.command("/minutes")(bot.on_command)
    AnswerActions(bot).register(app)  # the buttons under answers

    @app.error
    def _log_unhandled(error, body):
        log.error("unhandled error in a Slack listener (type %s)", (body or {}).get("type"), exc_info=error)

    app.minutes_bot = bot  # for tests and introspection
    return app
