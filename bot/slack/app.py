"""The Bolt app: which Slack events the bot listens to and what it does with each.

Bolt acknowledges events at once and runs listeners in its thread pool
(``process_before_response=False``), so Slack gets its ack within 3 seconds in both HTTP and
Socket Mode; slash commands ack() first thing, then do the work."""
from __future__ import annotations

import contextlib
import logging
import threading

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from .access import Access, is_dm_channel
from .blocks import answer_message, home_view, text_message
from .dedupe import Deduper
from .messages import guess_language, help_text, reindex_text, status_text, t, user_message
from .outgoing import clean
from .text import escape, question_from_slack
from .uploads import DEFAULT_EXTENSIONS, UploadPolicy, UploadRefused, fetch, result_text

log = logging.getLogger(__name__)

WORKING_REACTION = "hourglass_flowing_sand"
MAX_QUESTION_CHARS = 2000


class MinutesBot:
    """The handlers, holding what they share: the service, the admin list, the dedupe memory,
    where the bot may answer, whether personal data is masked, the background index job."""

    def __init__(self, service, *, admin_user_ids: frozenset[str], upload_policy: UploadPolicy,
                 deduper: Deduper | None = None, access: Access = Access(), redact: bool = True):
        self.service = service
        self.admins = frozenset(admin_user_ids)
        self.upload_policy = upload_policy
        self.deduper = deduper if deduper is not None else Deduper()
        self.access = access
        self.redact = redact
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

    def out(self, message: dict, lang: str = "en") -> dict:
        """What may leave for Slack: see outgoing.clean."""
        return clean(message, lang, mask=self.redact)

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
        self.answer_in_slack(client, channel, ts, thread_ts, event.get("text"), context.get("bot_user_id"))

    def on_message(self, event: dict, client: WebClient, context) -> None:
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
                             context.get("bot_user_id"))

    def on_home_opened(self, event: dict, client: WebClient) -> None:
        if event.get("tab", "home") != "home" or not isinstance(event.get("user"), str):
            return
        try:
            view = home_view(self.service.status())
        except Exception as e:  # noqa: BLE001 - the tab shows the reason instead
            view = home_view(None, error=user_message(e))
        client.views_publish(user_id=event["user"], view=self.out(view))

    # -- the slash command -----------------------------------------------------------------------
    def on_command(self, ack, command: dict, respond) -> None:
        # Slack escapes &, < and > in command text as it does in messages (and may send user
        # and channel references): clean it the same way, so "R&amp;D" is asked as "R&D".
        raw = command.get("text")
        text = question_from_slack(raw if isinstance(raw, str) else "")
        word = text.lower()
        lang = guess_language(text)
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
        if word == "status":
            ack()
            self._respond(respond, lang, lambda: text_message(status_text(self.service.status(), lang)))
            return
        ack(response_type="ephemeral", text=t("working", lang))
        self._respond(respond, lang, lambda: answer_message(self.service.ask(text)))

    def _start_reindex(self, respond, lang: str, *, rebuild: bool) -> bool:
        """Run the update on its own thread, so a rebuild never holds one of Bolt's workers;
        its result goes to the command's response_url. False if one is running already."""
        if not self._reindex_job.acquire(blocking=False):
            return False

        def run():
            try:
                self._respond(respond, lang, lambda: text_message(reindex_text(self.service.reindex(rebuild=rebuild))))
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
                        raw_text: str | None, bot_user_id: str | None) -> None:
        question = question_from_slack(raw_text if isinstance(raw_text, str) else "", bot_user_id)
        if not question:
            post(client, channel, thread_ts, text_message(t("empty_question", guess_language(raw_text or ""))))
            return
        if len(question) > MAX_QUESTION_CHARS:
            # A question is a sentence or two; a pasted document would only make the engine slow.
            question = question[:MAX_QUESTION_CHARS]
        lang = guess_language(question)
        with working(client, channel, ts):
            try:
                answer = self.service.ask(question)
                lang = getattr(answer, "language", None) or lang
                message = answer_message(answer)
            except Exception as e:  # noqa: BLE001 - one place decides what the user sees
                message = text_message(escape(user_message(e, lang)))
            post(client, channel, thread_ts, self.out(message, lang))

    def take_upload(self, client: WebClient, event: dict) -> None:
        channel, user = event["channel"], event.get("user")
        files = event.get("files") or []
        if not self.is_admin(user):
            lang = guess_language(event.get("text") or "")
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
                    name, data = fetch(client, f["id"], self.upload_policy)
                    lines.append(result_text(name, self.service.add_file(name, data)))
                except UploadRefused as e:
                    lines.append(str(e))
                except Exception as e:  # noqa: BLE001 - each file gets its own verdict
                    lines.append(f"`{escape(name)}`: {escape(user_message(e))}")
            lang = guess_language(event.get("text") or "")
            post(client, channel, event.get("thread_ts"),
                 self.out(text_message("\n\n".join(lines) or t("no_file", lang)), lang))


def post(client: WebClient, channel: str, thread_ts: str | None, message: dict) -> None:
    """Post ``message``; if Slack refuses it (``invalid_blocks``, ``msg_too_long``, ...), post its
    text once more as a plain section, so the user still gets an answer. A second refusal
    (``not_in_channel``) is logged: there is no one left to tell."""
    try:
        _post(client, channel, thread_ts, message)
        return
    except SlackApiError as e:
        log.warning("chat.postMessage refused (%s); retrying as plain text", e.response.get("error"))
    try:
        _post(client, channel, thread_ts, text_message(message.get("text") or "…"))
    except Exception as e:  # noqa: BLE001 - the listener has done all it can
        error = e.response.get("error") if isinstance(e, SlackApiError) else f"{type(e).__name__}: {e}"
        log.error("could not post to %s even as plain text: %s", channel, error)


def _post(client: WebClient, channel: str, thread_ts: str | None, message: dict) -> None:
    client.chat_postMessage(channel=channel, thread_ts=thread_ts, unfurl_links=False, unfurl_media=False, **message)


@contextlib.contextmanager
def working(client: WebClient, channel: str, ts: str):
    """An hourglass on the question while the bot works on it; best effort."""
    added = _react(client.reactions_add, channel, ts)
    try:
        yield
    finally:
        if added:
            _react(client.reactions_remove, channel, ts)


def _react(method, channel: str, ts: str) -> bool:
    try:
        method(channel=channel, timestamp=ts, name=WORKING_REACTION)
        return True
    except SlackApiError as e:
        log.info("reaction %s failed: %s", method.__name__, e.response.get("error"))
        return False
    except Exception as e:  # noqa: BLE001 - the hourglass is decoration; never let it stop the answer
        log.warning("reaction %s failed: %s: %s", method.__name__, type(e).__name__, e)
        return False


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
              deduper: Deduper | None = None, access: Access = Access(), redact: bool = True) -> App:
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

    @app.error
    def _log_unhandled(error, body):
        log.error("unhandled error in a Slack listener (type %s)", (body or {}).get("type"), exc_info=error)

    app.minutes_bot = bot  # for tests and introspection
    return app
