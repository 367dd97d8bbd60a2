"""Which language the bot's fixed replies (help, status, the Home tab, upload replies, errors)
are in: the language of what the user wrote when it tells, else their Slack locale
(``users.info`` with ``include_locale``; needs the ``users:read`` scope), else English.

Locales are cached per user, so a conversation costs one ``users.info`` call a day."""
from __future__ import annotations

import logging
import threading
import time

from slack_sdk.errors import SlackApiError

from index.language import detect_language

log = logging.getLogger(__name__)

TTL = 24 * 3600.0  # people rarely change their Slack language
FAILED_TTL = 3600.0  # a missing scope or an unknown user: ask again in an hour, not every message
LANGUAGES = ("en", "sv")


def language_of_locale(locale: str | None) -> str | None:
    """"sv" for "sv-SE", "en" for "en-GB"; None for a language we have no phrases in."""
    lang = (locale or "").split("-")[0].split("_")[0].lower()
    return lang if lang in LANGUAGES else None


class LocaleCache:
    def __init__(self, clock=time.monotonic):
        self._clock = clock
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[float, str | None]] = {}

    def language(self, client, user: str | None) -> str | None:
        """The language of ``user``'s Slack locale, or None if unknown."""
        if not isinstance(user, str) or not user:
            return None
        known, lang = self.cached(user)
        if known:
            return lang
        now = self._clock()
        lang, ttl = None, FAILED_TTL
        try:
            info = client.users_info(user=user, include_locale=True)
            lang, ttl = language_of_locale((info.get("user") or {}).get("locale")), TTL
        except SlackApiError as e:
            log.info("users.info for the locale failed: %s", e.response.get("error"))
        except Exception as e:  # noqa: BLE001 - the locale is a nicety; never let it stop a reply
            log.warning("users.info for the locale failed: %s: %s", type(e).__name__, e)
        with self._lock:
            self._cache[user] = (now + ttl, lang)
        return lang

    def cached(self, user: str | None) -> tuple[bool, str | None]:
        with self._lock:
            hit = self._cache.get(user or "")
        return (True, hit[1]) if hit is not None and hit[0] > self._clock() else (False, None)

    def reply_language(self, client, user: str | None, text: str = "", *, wait: float | None = None) -> str:
        """The language for a fixed reply to ``user``, who wrote ``text``. ``wait``: wait at most
        that many seconds for Slack (the lookup finishes in the background and fills the cache)."""
        lang = detect_language(text or "", default="")
        if lang:
            return lang
        if wait is None:
            return self.language(client, user) or "en"
        known, lang = self.cached(user)
        if known:
            return lang or "en"
        lookup = threading.Thread(target=self.language, args=(client, user), name="minutes-locale", daemon=True)
        lookup.start()
        lookup.join(wait)
        return self.cached(user)[1] or "en"
