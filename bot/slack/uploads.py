"""Minutes files uploaded to the bot in a DM: check, fetch from Slack, hand to the service.

Limits are checked on ``files.info`` before anything is downloaded, and the bot token is only
ever sent to Slack's own hosts (a redirect elsewhere is refused, since urllib would forward
the Authorization header with it)."""
from __future__ import annotations

import http.client
import os
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.phrases import say
from index.errors import MinutesError
from index.loaders import SUPPORTED_EXTENSIONS

from .text import escape

DEFAULT_EXTENSIONS = frozenset(SUPPORTED_EXTENSIONS)  # what the service reads
# How the accepted types are named to people, in this order; an alias (.markdown is Markdown
# like .md) is accepted but not listed.
_NAMED_ORDER = (".txt", ".md", ".tex", ".html", ".docx", ".pdf")
_UNLISTED_ALIASES = frozenset({".markdown", ".htm"})
SLACK_FILE_HOSTS = frozenset({"files.slack.com"})
DOWNLOAD_TIMEOUT = 60


class UploadRefused(MinutesError):
    """The file was not taken; ``str()`` says why, in words for the uploader (English);
    :meth:`say` in the uploader's language. ``key`` is the phrase in bot/phrases.py, ``values``
    its (already escaped) fields."""

    def __init__(self, key: str, **values):
        self.key, self.values = key, values
        super().__init__(say(key, "en", **values))

    def say(self, lang: str) -> str:
        return say(self.key, lang, **self.values)


@dataclass(frozen=True)
class UploadPolicy:
    bot_token: str = field(repr=False)  # never in a log line or a traceback
    api_url: str  # the configured Web API base URL; its host may serve downloads too
    max_bytes: int
    extensions: frozenset[str] = DEFAULT_EXTENSIONS

    def check_url(self, url: str) -> None:
        api = urlsplit(self.api_url)
        u = urlsplit(url)
        host = (u.hostname or "").lower()
        if u.scheme == "https" and host in SLACK_FILE_HOSTS | {(api.hostname or "").lower()}:
            return
        if u.scheme == api.scheme and host == (api.hostname or "").lower() and u.port == api.port:
            return  # a plain-http API URL is a local test server; its host serves files too
        raise UploadRefused("refused_host", host=escape(host or url))


def file_kinds(extensions=DEFAULT_EXTENSIONS, lang: str = "en") -> str:
    """The accepted types for people: ".txt, .md, .tex, .html, .docx or .pdf" ("eller" in Swedish)."""
    exts = {e.lower() for e in extensions}
    named = [e for e in _NAMED_ORDER if e in exts]
    named += sorted(exts - set(_NAMED_ORDER) - _UNLISTED_ALIASES)
    if len(named) <= 1:
        return "".join(named)
    return ", ".join(named[:-1]) + say("file_kinds_or", lang) + named[-1]


def _human_mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def describe_file(info: dict) -> str:
    return info.get("name") or info.get("title") or info.get("id") or "file"


def check_info(info: dict, policy: UploadPolicy) -> None:
    name = describe_file(info)
    ext = os.path.splitext(name)[1].lower()
    if ext not in policy.extensions:
        kind = ext or info.get("filetype") or "unknown"
        raise UploadRefused("refused_kind", name=escape(name), kind=escape(kind),
                            kinds=escape(file_kinds(policy.extensions)))
    size = info.get("size")
    if isinstance(size, int) and size > policy.max_bytes:
        raise UploadRefused("refused_size", name=escape(name), size=_human_mb(size), limit=_human_mb(policy.max_bytes))
    if info.get("mode") in ("external", "snippet_external") or info.get("is_external"):
        raise UploadRefused("refused_external", name=escape(name))


class _SlackOnlyRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, policy: UploadPolicy):
        self.policy = policy

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        self.policy.check_url(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def download(url: str, policy: UploadPolicy) -> bytes:
    policy.check_url(url)
    opener = urllib.request.build_opener(_SlackOnlyRedirects(policy))
    req = urllib.request.Request(url, headers={"Authorization": f"Bearer {policy.bot_token}"})
    try:
        with opener.open(req, timeout=DOWNLOAD_TIMEOUT) as resp:
            data = resp.read(policy.max_bytes + 1)
            content_type = resp.headers.get("Content-Type", "")
    except urllib.error.HTTPError as e:
        raise UploadRefused("refused_http", code=e.code) from None
    except urllib.error.URLError as e:
        raise UploadRefused("refused_download", reason=escape(str(e.reason))) from None
    except (http.client.HTTPException, ValueError, OSError) as e:
        raise UploadRefused("refused_download", reason=escape(str(e) or type(e).__name__)) from None
    if len(data) > policy.max_bytes:
        raise UploadRefused("refused_larger", limit=_human_mb(policy.max_bytes))
    if content_type.startswith("text/html"):
        # Slack answers a download without a valid token or the files:read scope with its login page.
        raise UploadRefused("refused_login_page")
    return data


def fetch(client: WebClient, file_id: str, policy: UploadPolicy) -> tuple[str, bytes]:
    """(file name, bytes) of a file shared with the bot, after the type and size checks."""
    name, data, _ = fetch_file(client, file_id, policy)
    return name, data


def fetch_file(client: WebClient, file_id: str, policy: UploadPolicy) -> tuple[str, bytes, str | None]:
    """(file name, bytes, Slack permalink or None): the permalink is where a quote from the
    file links to (bot/slack/links.py)."""
    try:
        info = client.files_info(file=file_id)["file"]
    except SlackApiError as e:  # file_not_found, missing_scope, ...: Slack's word, not a bug
        raise UploadRefused("refused_info", error=escape(str(e.response.get("error")))) from None
    check_info(info, policy)
    url = info.get("url_private_download") or info.get("url_private")
    if not url:
        raise UploadRefused("refused_no_link", name=escape(describe_file(info)))
    permalink = info.get("permalink")
    return describe_file(info), download(url, policy), permalink if isinstance(permalink, str) else None


def result_text(name: str, result, lang: str = "en") -> str:
    """What the uploader is told about ``service.add_file``'s result, in ``lang``."""
    name_ = escape(name)
    if result.error:
        return say("upload_failed", lang, name=name_, reason=escape(result.error))
    if result.duplicate_of:
        return say("upload_duplicate", lang, name=name_, other=escape(result.duplicate_of))
    lines = [say("upload_added", lang, name=name_, stored=escape(result.stored_as or name))]
    if getattr(result, "pending", None):
        # Stored; the corpus watcher indexes it once the running update is done.
        lines.append(say("upload_pending", lang))
        return "\n".join(lines)
    m = result.meeting
    if m is not None:
        lines.append(say("upload_meeting", lang, title=escape(m.title or say("no_title", lang)),
                         date=escape(m.date or say("no_date", lang))))
        lines.append(say("upload_counts", lang, n=len(m.attendees), chunks=result.chunks))
    else:
        lines.append(say("upload_chunks", lang, chunks=result.chunks))
    return "\n".join(lines)
