"""The buttons under an answer and what they carry.

Every button's ``value`` is the reference of the answer in :mod:`bot.slack.memory` and the
index of the first passage the answer did not show, so a click is understood after a restart and the
value stays far below Slack's 2000 characters whatever the answer holds."""
from __future__ import annotations

from bot.phrases import say

from .limits import BUTTON_TEXT_LIMIT, cut_plain

MORE = "minutes_more"  # post the passages left out, in the thread
VOTE_UP = "minutes_vote_up"
VOTE_DOWN = "minutes_vote_down"
MORE_AFTER_DOWN = "minutes_more_after_down"  # offered after a 👎: more passages than the answer had
ACTION_IDS = (MORE, VOTE_UP, VOTE_DOWN, MORE_AFTER_DOWN)


def button(action_id: str, label: str, value: str, style: str | None = None) -> dict:
    b = {"type": "button", "action_id": action_id, "value": value,
         "text": {"type": "plain_text", "text": cut_plain(label, BUTTON_TEXT_LIMIT), "emoji": True}}
    if style:
        b["style"] = style
    return b


def more_value(ref: str, start: int) -> str:
    return f"{ref}:{start}"


def parse_value(value) -> tuple[str, int]:
    """(answer reference, passage index) from a button's value; ("", 0) for anything else."""
    if not isinstance(value, str):
        return "", 0
    ref, _, start = value.partition(":")
    return ref.strip(), int(start) if start.isdigit() else 0


def answer_buttons(ref: str, lang: str, hidden: int, start: int) -> dict:
    """The actions block of an answer: "More" when passages were left out, then 👍 and 👎."""
    elements = []
    if hidden:
        elements.append(button(MORE, say("more_button", lang, n=hidden), more_value(ref, start), "primary"))
    # The votes carry how many passages were shown, so a 👎's offer of more starts after them.
    elements.append(button(VOTE_UP, say("vote_up_button", lang), more_value(ref, start)))
    elements.append(button(VOTE_DOWN, say("vote_down_button", lang), more_value(ref, start)))
    return {"type": "actions", "block_id": "minutes_answer_actions", "elements": elements}


def more_after_down_button(ref: str, lang: str, start: int) -> dict:
    return {"type": "actions", "block_id": "minutes_feedback_actions",
            "elements": [button(MORE_AFTER_DOWN, say("more_after_down_button", lang), more_value(ref, start))]}
