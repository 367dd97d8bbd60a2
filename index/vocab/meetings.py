"""Words that name a meeting rather than a time: its kind, its season, its place in a series.

Read by the meeting resolver (bot/resolve.py) on the question side and, as plain stems, against
a meeting's title, file name and opening lines. Each kind lists the stems a question may use
(``asked``, matched as word beginnings, folded to lower case) and the stems that show a meeting
is of that kind (``shown``, found anywhere in its title, file name or first lines)."""
from __future__ import annotations

# kind -> (stems a question names it by, stems its minutes show it by). Swedish compounds take
# the kind as their first part; the first kind a question names is the one read, so "extra
# årsmöte" is an extra meeting ("årsmötet", "årsmötesprotokoll", "extrastämman").
MEETING_KINDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "extra": (("extra möte", "extramöte", "extra årsmöte", "extrainsatt", "extra stämma", "extrastämma",
               "extra meeting", "extraordinary", "special meeting"),
              ("extra", "extrainsatt", "extraordinary", "special meeting")),
    "annual": (("årsmöte", "årsstämma", "annual meeting", "annual general meeting", "agm", "föreningsstämma"),
               ("årsmöte", "årsstämma", "annual meeting", "annual general meeting", "agm", "föreningsstämma")),
    "general": (("stormöte", "medlemsmöte", "general meeting", "members' meeting", "members meeting",
                 "membership meeting"),
                ("stormöte", "medlemsmöte", "general meeting", "members' meeting", "members meeting",
                 "membership meeting")),
    "face_to_face": (("f2f", "face-to-face", "face to face", "in-person", "in person", "fysiskt möte",
                      "fysiska mötet"),
                     ("f2f", "face-to-face", "face to face", "in-person", "in person", "fysiskt möte", "fysiska mötet")),
    "interim": (("interim",), ("interim",)),
    "kickoff": (("uppstartsmöte", "uppstart", "kick-off", "kickoff", "kick off", "startmöte"),
                ("uppstart", "kick-off", "kickoff", "kick off", "startmöte")),
    "constituent": (("konstituerande", "constituent", "inaugural"), ("konstituerande", "constituent", "inaugural")),
    "workshop": (("workshop",), ("workshop",)),
}

# Kinds that are the first meeting of a series: when no meeting is called so, the first one is meant.
FIRST_KINDS = frozenset({"kickoff", "constituent"})

# season -> (months, stems a question or a title names it by)
SEASONS: dict[str, tuple[tuple[int, ...], tuple[str, ...]]] = {
    "spring": ((3, 4, 5), ("spring", "vår", "våren", "vårmöte", "vårens", "vårstämma")),
    "summer": ((6, 7, 8), ("summer", "sommar", "sommaren", "sommarmöte", "sommarens")),
    "autumn": ((9, 10, 11), ("autumn", "fall", "höst", "hösten", "höstmöte", "höstens", "höststämma")),
    "winter": ((12, 1, 2), ("winter", "vinter", "vintern", "vintermöte", "vinterns")),
}

# Ordinal words of a meeting's place in a series or a year ("the first meeting of 2026", "det
# andra mötet"); digits with a suffix ("7th", "3:e") are read as numbers.
MEETING_ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "första": 1, "andra": 2, "tredje": 3, "fjärde": 4, "femte": 5, "sjätte": 6, "sjunde": 7,
    "åttonde": 8, "nionde": 9, "tionde": 10, "elfte": 11, "tolfte": 12,
}

# Words that point at a meeting from another ("the one before", "mötet innan"), and at the
# last one of a series ("the final meeting").
MEETING_BEFORE = ("the one before", "the previous one", "meeting before", "föregående möte", "mötet innan",
                  "mötet före", "mötet dessförinnan")
MEETING_LAST_WORDS = ("last", "latest", "final", "most recent", "sista", "senaste", "förra")

# Nouns that name a meeting in a question ("the Berlin meeting", "mötet i Berlin").
MEETING_NOUNS = ("meeting", "meetings", "session", "sessions", "call", "calls", "telecon", "möte", "mötet",
                 "möten", "mötena", "sammanträde", "sammanträdet", "stämma", "stämman", "träff", "träffen")
