"""A corpus of three bodies for the collection and access tests: the board (styrelsen, private
in the Slack tests), a culture committee (kultur) and the annual meeting at the top level (the
default collection), with an organisation profile naming the first two."""
from __future__ import annotations

from pathlib import Path

BOARD = "styrelsen/2024-03-01-styrelsemote.txt"
CULTURE = "kultur/2024-03-05-kulturutskottet.txt"
ANNUAL = "2024-02-01-arsmote.txt"
# Words only the board's minutes use: an answer from elsewhere must never carry them.
BOARD_SECRET = "Zebraprojektet"

FILES = {
    BOARD: "Protokoll styrelsemöte 2024-03-01\n\nNärvarande: Anna Berg, Erik Ek, Olle Lind\n\n"
           "§ 1 Zebraprojektet\nStyrelsen diskuterade Zebraprojektet och köpet av fastigheten.\n"
           "Beslut: Styrelsen beslutade att Zebraprojektet ska drivas vidare i tysthet.\n\n"
           "§ 2 Flygeln\nBeslut: Styrelsen beslutade att sälja den gamla flygeln.\n"
           "Anna Berg ska kontakta mäklaren senast 2024-04-01.\n\n"
           "§ 3 Nästa möte\nNästa möte: 2024-04-10\n",
    CULTURE: "Protokoll kulturutskottet 2024-03-05\n\nNärvarande: Lisa Holm, Per Sund\n\n"
             "§ 1 Flygeln\nBeslut: Kulturutskottet beslutade att stämma flygeln inför vårkonserten.\n"
             "Per Sund ska boka stämmaren senast 2024-03-20.\n\n"
             "§ 2 Nästa möte\nNästa möte: 2024-05-20\n",
    ANNUAL: "Protokoll årsmöte 2024-02-01\n\nNärvarande: Anna Berg, Lisa Holm, Karin Öberg\n\n"
            "§ 1 Verksamhetsberättelse\nBeslut: Årsmötet beslutade att godkänna verksamhetsberättelsen.\n\n"
            "§ 2 Nästa möte\nNästa möte: 2025-02-05\n",
}

PROFILE = """[collections.styrelsen]
name = "Styrelsen"
aliases = ["the board", "styrelsen"]

[collections.kultur]
name = "Kulturutskottet"
aliases = ["kulturutskottet", "the culture committee"]
"""


def write_corpus(folder: Path, profile: str | None = PROFILE) -> Path:
    for name, text in FILES.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if profile is not None:
        (folder / "minutes.toml").write_text(profile, encoding="utf-8")
    return folder
