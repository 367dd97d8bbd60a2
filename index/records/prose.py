"""Decisions stated in running text, not under a "Beslut" heading: "Styrelsen beslutade att …",
"RESOLVED that …", "It was agreed that …", "Mötet godkände …", "Vi väljer …", "… we should not
proceed with it", "Nobody voiced concerns with …", and elections in prose ("Anna Berg valdes
till ordförande"). The patterns only; ``decisions.py`` reads a statement with them."""
from __future__ import annotations

import re

from index.person_names import UP
from index.records.text import trim_end
from index.vocab import BODY_ABBREVIATION, DECIDING_BODIES

BODIES = "|".join(sorted((re.escape(b) for b in DECIDING_BODIES), key=len, reverse=True))
BODIES_SV = r"[\wåäöÅÄÖ]+(?:en|et|na|n)"  # "Styrelsen", "Mötet", "Nämnden", "Divisionsstämman"
# Decisions stated in running text. Each alternative names its clause group t1..t12.
SENTENCE = re.compile(rf"""(?isx)
    # Styrelsen beslutar att …, Mötet beslutade därför att …, Nämnden har beslutat att …
    (?<![\w-])(?:{BODIES}|{BODIES_SV})\s+(?:har\s+)?(?:beslutar|beslutade|beslöt|beslutat)
      \s+(?:(?:därför|därmed|också|även|enhälligt|vidare)\s+){{0,2}}(?:att|om)\s+(?P<t1>.+)
  | # Med 4 röster mot 2 beslutar nämnden att …, Därefter beslutade styrelsen att … (inverted order)
    \b(?:beslutar|beslutade|beslöt|har)\s+(?:{BODIES}|{BODIES_SV})\s+(?:(?:därför|därmed|också|även|enhälligt|beslutat)\s+){{0,2}}
      (?:att|om)\s+(?P<t9>.+)
  | # Beslutades att …, Det beslutades att …, Beslöts att …
    (?<![\w-])(?:det\s+)?(?:beslutades|beslöts|beslutas)\s+(?:(?:därför|därmed|också|även|enhälligt)\s+){{0,2}}
      (?:att|om)\s+(?P<t2>.+)
  | # RESOLVED that …
    \bresolved,?\s+that\s+(?P<t3>.+)
  | # The board agreed to …, We decided that …, The group agreed on …, The TSC agreed to …
    \b(?:{BODIES}|group|everyone|all|board|committee|we|(?:the\s+)?{BODY_ABBREVIATION})\s+(?:all\s+)?(?:unanimously\s+)?(?:agreed|decided|resolved)
      \s+(?:to|that|on)\s+(?P<t4>.+)
  | # It was agreed that …, It was decided to …
    \bit\s+was\s+(?:unanimously\s+)?(?:agreed|decided|resolved)\s+(?:that|to)\s+(?P<t5>.+)
  | # The motion to … carried / Motion that … failed
    \b(?:the\s+)?motion\s+(?:to|that)\s+(?P<t6>.{{3,300}}?)\s*,?\s+(?:was\s+)?(?P<o6>carried|passed|failed|defeated|adopted|rejected)\b
  | # Unanimous vote of present TSC members to move forward with this request
    \b(?:unanimous|majority)\s+vote\s+(?:of\s+[^.\n]{{0,60}}?\s+)?(?:to|in\s+favou?r\s+of)\s+(?P<t8>.+)
  | # Mötet nekar ansvarsfrihet …, Styrelsen godkänner budgeten, Nämnden bordlägger ärendet
    (?<![\w-])(?:{BODIES}|{BODIES_SV}|vi)\s+(?:(?:därför|därmed|också|enhälligt)\s+)?
      (?P<v7>nekar|godtar|bifaller|avslår|godkänner|antar|fastställer|beviljar|bordlägger|återremitterar|avvisar
        # the same in the past tense: "Mötet godkände budgeten", "Styrelsen avslog ansökan"
        |nekade|godtog|biföll|avslog|godkände|antog|fastställde|beviljade|bordlade|återremitterade|avvisade
        # a choice: "Vi väljer 2a maj", "Styrelsen valde leverantör B"
        |väljer|valde)\s+(?P<t7>.+)
  | # "… so we should not proceed with it at this point", "we will not move forward with X": a no
    \bwe\s+(?:should|will|shall|would|do|can)\s*(?:not|n[o']t)\s+(?:proceed|move\s+forward|go\s+ahead|pursue)
      (?:\s+with)?(?P<t10>[^.\n]*)
  | # "Nobody voiced concerns with allowing X", "No objections to the bot user": a yes
    \b(?:nobody|no\s+one|none)\s+(?:voiced?|raised?|had|has|expressed)\s+(?:any\s+)?(?:concerns?|objections?)
      \s+(?:with|to|about|against)\s+(?P<t11>[^.\n]+)
  | \bno\s+objections?\s+to\s+(?P<t12>[^.\n]+)
""")
V7 = {"nekar": "rejected", "avslår": "rejected", "avvisar": "rejected", "godtar": "approved",
       "bifaller": "approved", "godkänner": "approved", "antar": "approved", "fastställer": "approved",
       "beviljar": "approved", "bordlägger": "tabled", "återremitterar": "referred_back",
       "nekade": "rejected", "avslog": "rejected", "avvisade": "rejected", "godtog": "approved",
       "biföll": "approved", "godkände": "approved", "antog": "approved", "fastställde": "approved",
       "beviljade": "approved", "bordlade": "tabled", "återremitterade": "referred_back",
       "väljer": "decided", "valde": "decided"}
# An election stated in prose: "Anna Berg valdes till ordförande", "Erik Ek väljs som kassör".
# Case-sensitive: the elected are capitalised names (one to four words).
ELECTED = re.compile(rf"""(?x)
    (?<![\w-])(?P<t>(?:[{UP}][\w'-]+\s+){{1,4}}(?:och\s+(?:[{UP}][\w'-]+\s+){{1,4}})?
    (?:valdes|väljs|omvaldes|omväljs|utsågs|utses)\s+(?:till|som|in\s+(?:i|till))\s+[^.\n]{{2,160}})""")

_BULLET = re.compile(r"[ \t]*(?:[-*+•]|\d{1,3}[.)])\s+")
# How far up a nested statement looks for its topic, in lines.
OUTER_LINES = 60


def outer_entry(text: str, pos: int) -> tuple[int, int] | None:
    """The span of the outermost list entry that the line at ``pos`` is nested under ("* Adopt
    Datadog … tool" above "    * … we should not proceed with it"), or None."""
    start = text.rfind("\n", 0, pos) + 1
    line = text[start:text.find("\n", start) if "\n" in text[start:] else len(text)]
    indent = len(line) - len(line.lstrip(" \t"))
    best = None
    end = start - 1
    for _ in range(OUTER_LINES):
        if end <= 0 or indent == 0:
            break
        ls = text.rfind("\n", 0, end) + 1
        ln = text[ls:end]
        if ln.strip():
            if ln.lstrip().startswith(("#", "\\")):
                break  # a heading: the list began below it
            ind = len(ln) - len(ln.lstrip(" \t"))
            if ind < indent and _BULLET.match(ln):
                best, indent = trim_end(text, ls, end), ind
        end = ls - 1
    return best
