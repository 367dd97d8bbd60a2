"""Personal data masked wherever a person reads output: Swedish personal identity numbers
(personnummer and samordningsnummer), e-mail addresses and phone numbers.

Masked: everything posted to Slack (bot/slack/outgoing.py), the terminal's answers and register
lines (bot/cli.py). Kept verbatim: the index, the answer object and every ``--json`` (scripts
need the text and its offsets). ``MINUTES_REDACT=off`` turns masking off everywhere. Patterns
lean towards masking: a false positive hides a number in a quote, a false negative publishes
someone's identity number to a whole workspace."""
from __future__ import annotations

import re
from dataclasses import dataclass

# YYMMDD or YYYYMMDD, an optional "-" (under 100 years old) or "+" (over), four digits. The day
# may be +60 (samordningsnummer). Not inside a longer run of digits.
_PNR = re.compile(
    r"(?<![\w+\-])(?:19|20)?\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])"
    r"(?P<sep>[-+]?)\d{4}(?![\w\-])"
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# A national number starting with 0 (070-123 45 67, 08-123 456 78, 031 12 34 56) or an
# international one (+46 70 123 45 67, +46 (0)8 123 456, +1 555 123 4567): seven or more digits
# in groups separated by single spaces or dashes.
_PHONE = re.compile(
    r"(?<![\w+\-.,/:])"
    r"(?:\+\d{1,3}[ \-]?(?:\(0\)[ \-]?)?\d|0\d)"
    r"(?:[ \-]?\d){5,11}"
    r"(?![\w\-]|[.,/:]\d)"
)


@dataclass(frozen=True)
class Masks:
    id_number: str = "[personnummer]"
    email: str = "[e-mail]"
    phone: str = "[phone]"


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(digits):
        d = int(ch) * (2 - i % 2)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def _pnr(masks: Masks):
    def sub(m: re.Match) -> str:
        # With a separator the shape alone says it; a bare run of 10 or 12 digits must also
        # carry a valid check digit, so order and invoice numbers stay readable.
        if m.group("sep") or _luhn_ok(re.sub(r"\D", "", m.group())[-10:]):
            return masks.id_number
        return m.group()
    return sub


def masks_for(lang: str) -> Masks:
    """The masks in the reader's language ("[personnummer]", "[ID number]")."""
    from .phrases import say

    return Masks(id_number=say("mask_id", lang), email=say("mask_email", lang), phone=say("mask_phone", lang))


def for_people(text: str, lang: str, enabled: bool = True) -> str:
    """``text`` as a person may be shown it: masked in ``lang`` unless masking is off."""
    return redact(text, masks_for(lang)) if enabled else text


def redact(text: str, masks: Masks = Masks()) -> str:
    """``text`` with identity numbers, e-mail addresses and phone numbers replaced by ``masks``."""
    if not text:
        return text
    text = _EMAIL.sub(masks.email, text)
    text = _PNR.sub(_pnr(masks), text)
    return _PHONE.sub(masks.phone, text)


def find_personal_data(text: str) -> list[str]:
    """What :func:`redact` would mask, for tests and audits."""
    found = [m.group() for m in _EMAIL.finditer(text)]
    found += [m.group() for m in _PNR.finditer(text) if _pnr(Masks())(m) != m.group()]
    found += [m.group() for m in _PHONE.finditer(_PNR.sub(_pnr(Masks()), text))]
    return found
