"""Function words (which language a text is in) and stop words (what retrieval ignores)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

# Words that say which language a text or question is written in: the commonest function words
# of minutes (counted over a whole document), and the words questions are made of (counted over
# a few words, so each one matters).
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "sv": frozenset("""
och att det som är för på med till av inte vi har om den ett de var ska kan från också mötet
vad vem vilka vilken vilket när hur nästa möte mötena sades deltog finns ordförande sekreterare
många protokoll beslut beslutades skulle sa säger kommer hade inom under förra senaste styrelsen
styrelsemötet
""".split()),
    "en": frozenset("""
the and to of is for that we on with be this are will it was have from not meeting
what who whom when how were did which meetings next attended about said say do does there at
chair chaired secretary propose proposed present presented people many last in
""".split()),
}

# Stop words for retrieval: function words, and the words questions are made of ("what was
# said about"). They carry no topic, so they neither score nor count when deciding whether a
# question is on topic.
STOP_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("""
a an the and or but if of at by for with about against between into through during before after
above below to from up down in out on off over under again further then once here there when where
why how all any both each few more most other some such no nor not only own same so than too very
s t can will just don should now is are was were be been being have has had having do does did
doing i me my we our you your he him his she her it its they them their what which who whom this
that these those am would could shall may might must let lets tell say said says anything something
know please give find show list get got any much many also meeting meetings minutes discuss discussed
mention mentioned talk talked regarding concerning whether everything thing things people anyone
as happen happened happens made make makes go goes went going done get gets take takes took keep kept
""".split()),
    "sv": frozenset("""
och i att det som en på är av för med till den har de inte om ett han men var jag sig från vi så
kan man när år sin nu eller efter hade ska skall vid hon mot under ut alla också mycket många upp bara
dem få andra hur där två sina denna detta dessa vilken vilket vilka vem vad varför vart här
mitt min mina din dina ditt du ni er era ert oss vår våra vårt hans hennes deras dess sitt
blev bli blir blivit varit vara är skulle kunde kommer kom något någon några inga ingen inget
än då sedan såg också ju väl nog både samt mellan genom hos över utan innan efter enligt samma
sades sagt säga sa sägs nämndes nämnde diskuterades diskuterade togs tog upp berättade
möte mötet möten mötena protokoll protokollet angående gällande kring finns fanns
""".split()),
}


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Words known to be written right (case-folded): the plain words of this vocabulary's
    tables and the Swedish word list svlang ships (Hunspell sv_SE). Repairing text damaged in
    transit (index/normalise.py) prefers them to a guess."""
    from . import labels, records, roles

    words: set[str] = set()
    for module in (labels, records, roles):
        for name in dir(module):
            table = getattr(module, name)
            if name.isupper() and isinstance(table, (tuple, frozenset, set, dict)):
                for entry in table:
                    if isinstance(entry, str):
                        words.update(w.casefold() for w in re.findall(r"[^\W\d_]{2,}", entry))
    import svlang

    path = Path(svlang.__file__).parent / "data" / "sv_wordlist.txt"
    words.update(w.strip().casefold() for w in path.read_text(encoding="utf-8").splitlines()
                 if w.strip() and not w.startswith("#"))
    return frozenset(words)
