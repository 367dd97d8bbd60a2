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
_NAMED_ORDER = (".txt", ".md", ".tex", ".docx", ".pdf")
_UNLISTED_ALIASES = frozenset({".markdown"})
SLACK_FILE_HOSTS = frozenset({"files.slack.com"})
DOWNLOAD_TIMEOUT = 60


class UploadRefused(MinutesError):
    """The file was not taken; ``str()`` says why, in words for the uploader."""


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
        raise UploadRefused(f"I won't fetch a file from {escape(host or url)}: it is not a Slack file host.")


def file_kinds(extensions=DEFAULT_EXTENSIONS, lang: str = "en") -> str:
    """The accepted types for people: ".txt, .md, .tex, .docx or .pdf" ("eller" in Swedish)."""
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
        raise UploadRefused(f"`{escape(name)}` is a {escape(kind)} file; I can read "
                            f"{escape(file_kinds(policy.extensions))} minutes.")
    size = info.get("size")
    if isinstance(size, int) and size > policy.max_bytes:
        raise UploadRefused(f"`{escape(name)}` is {_human_mb(size)}; the limit is {_human_mb(policy.max_bytes)}.")
    if info.get("mode") in ("external", "snippet_external") or info.get("is_external"):
        raise UploadRefused(f"`{escape(name)}` is stored outside Slack; upload the file itself.")


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
        raise UploadRefused(f"Slack refused the download (HTTP {e.code}).") from None
    except urllib.error.URLError as e:
        raise UploadRefused(f"Could not download the file: {escape(str(e.reason))}.") from None
    except (http.client.HTTPException, ValueError, OSError) as e:
        raise UploadRefused(f"Could not download the file: {escape(str(e) or type(e).__name__)}.") from None
    if len(data) > policy.max_bytes:
        raise UploadRefused(f"The file is larger than the limit of {_human_mb(policy.max_bytes)}.")
    if content_type.startswith("text/html"):
        # Slack answers a download without a valid token or the files:read scope with its login page.
        raise UploadRefused("Slack sent a login page instead of the file: does the app have the `files:read` scope?")
    return data


def fetch(client: WebClient, file_id: str, policy: UploadPolicy) -> tuple[str, bytes]:
    """(file name, bytes) of a file shared with the bot, after the type and size checks."""
    try:
        info = client.files_info(file=file_id)["file"]
    except SlackApiError as e:  # file_not_found, missing_scope, ...: Slack's word, not a bug
        raise UploadRefused(f"Slack would not describe the file: `{escape(str(e.response.get('error')))}`.") from None
    check_info(info, policy)
    url = info.get("url_private_download") or info.get("url_private")
    if not url:
        raise UploadRefused(f"Slack gave no download link for `{escape(describe_file(info))}`.")
    return describe_file(info), download(url, policy)


def result_text(name: str, result) -> str:
    """What the uploader is told about ``service.add_file``'s result."""
    if result.error:
        return f"I could not add `{escape(name)}`: {escape(result.error)}"
    if result.duplicate_of:
        return f"`{escape(name)}` is already in the minutes as `{escape(result.duplicate_of)}` (same content); nothing changed."
    lines = [f"Added `{escape(name)}` as `{escape(result.stored_as or name)}`."]
    if getattr(result, "pending", None):
        # Stored; the corpus watcher indexes it once the running update is done.
        lines.append("It will be indexed as soon as the index update now running has finished.")
        return "\n".join(lines)
    m = result.meeting
    if m is not None:
        lines.append(f"Meeting: *{escape(m.title or 'no title found')}*, {escape(m.date or 'no date found')}.")
        lines.append(f"Attendees: {len(m.attendees)}. Passages indexed: {result.chunks}.")
    else:
        lines.append(f"Passages indexed: {result.chunks}.")
    return "\n".join(lines)
