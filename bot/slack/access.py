"""Where the bot answers: ``MINUTES_ALLOWED_CHANNELS`` and ``MINUTES_ALLOW_DMS``."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Access:
    channels: frozenset[str] = frozenset()  # empty: every channel the bot is in
    dms: bool = True

    def allows(self, channel: str | None, *, is_dm: bool, admin: bool = False) -> bool:
        """Admins may always use a DM: uploads and ``/minutes index`` happen there."""
        if is_dm:
            return self.dms or admin
        return not self.channels or (channel or "") in self.channels


def is_dm_channel(channel: str | None, channel_type: str | None = None, channel_name: str | None = None) -> bool:
    # Direct-message channel ids start with D; slash commands from a DM say "directmessage".
    # Group DMs (mpim) are channels here: they must be listed to be answered.
    return channel_type == "im" or (channel or "").startswith("D") or channel_name == "directmessage"
