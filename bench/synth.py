"""Synthetic minutes in the style of the real ones: Swedish and English board meetings with a
dated title, an attendee list (numbered, "Närvarande:" or "Present:"), a chair and secretary,
numbered agenda items with discussion and decisions, and a next-meeting line.

    .venv/bin/python bench/synth.py OUT_DIR --meetings 1000 [--seed 0]

Deterministic for a seed. Topics, names and phrasings are drawn from word banks large enough
that the vocabulary keeps growing with the corpus, as a real archive's does."""
from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

FIRST = """Anna Erik Maria Lars Karin Johan Sara Anders Eva Per Lena Mikael Emma Peter Ingrid Jonas Sofia
Magnus Helena Daniel Linnea Fredrik Ida Oskar Elin Gustav Klara Henrik Maja Niklas Frida Viktor Alice
Tobias Hanna Martin Julia David Ebba Simon Wilma Jakob Agnes Patrik Moa Joakim Tove Rasmus Alva""".split()
LAST = """Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson
Pettersson Jonsson Jansson Hansson Bengtsson Jönsson Lindberg Jakobsson Magnusson Lindström Lindqvist
Lindgren Berg Axelsson Bergström Lundberg Lind Lundgren Lundqvist Mattsson Berglund Fredriksson Sandberg
Henriksson Forsberg Sjöberg Wallin Engström Eklund Danielsson Lundin Håkansson Björk Bergman Gunnarsson
Holm Wikström Samuelsson Isaksson Fransson Bergqvist Nyström Holmberg Arvidsson Löfgren Söderberg Nyberg""".split()
ORGS = ["Vinnova", "Almi", "Region Skåne", "Västra Götalandsregionen", "Karolinska", "Chalmers", "KTH",
        "Lunds universitet", "Uppsala universitet", "Ericsson", "Volvo", "AstraZeneca", "Sahlgrenska",
        "Naturvårdsverket", "Trafikverket", "Skolverket"]

SV_TOPICS = """budget medlemsavgift hackathon lokaler sponsorer webbplats årsmöte valberedning stadgar
kassarapport verksamhetsplan rekrytering studiebesök konferens nyhetsbrev utbildning säkerhet
servrar licenser inköp styrelsearbete arbetsmiljö jämställdhet hållbarhet digitalisering samverkan
forskning finansiering upphandling avtal försäkring ekonomi revision marknadsföring evenemang
kommunikation medlemsvärvning projektansökan lokalhyra städning nycklar inventarier kaffemaskin
sommarfest julfest kickoff workshop föreläsning mentorprogram alumner näringsliv kommun region""".split()
EN_TOPICS = """budget membership fees hackathon premises sponsors website annual meeting nominations bylaws
treasurer report roadmap hiring release planning security servers licensing procurement governance
working groups diversity sustainability documentation infrastructure testing continuous integration
funding contracts insurance audit marketing events communications outreach grant application
onboarding mentoring deprecation policy code of conduct moderation elections travel fund""".split()

SV_SAID = [
    "{p} redogjorde för läget kring {t} och föreslog att arbetet fortsätter under våren.",
    "Diskussion om {t}. Flera ledamöter framhöll att kostnaderna måste hållas nere.",
    "{p} informerade om {t}; en arbetsgrupp tillsätts för att ta fram ett underlag.",
    "Styrelsen diskuterade {t} och hur det påverkar medlemmarna och verksamheten.",
    "Frågan om {t} bordlades till nästa möte i väntan på mer information från {o}.",
    "{p} presenterade ett förslag om {t} tillsammans med {o}.",
]
SV_DECIDED = [
    "Beslut: styrelsen godkänner förslaget om {t}.",
    "Beslutades att avsätta {n} kronor till {t}.",
    "Styrelsen beslutade att {p} ansvarar för {t} till nästa möte.",
    "Beslut: frågan om {t} skickas vidare till årsmötet.",
]
EN_SAID = [
    "{p} gave an update on {t} and proposed to continue the work next quarter.",
    "Discussion of {t}. Several members stressed that costs must stay low.",
    "{p} reported on {t}; a working group will prepare a proposal.",
    "The board discussed {t} and how it affects members and the project.",
    "The question of {t} was deferred to the next meeting pending input from {o}.",
    "{p} presented a proposal on {t} together with {o}.",
]
EN_DECIDED = [
    "Decision: the board approves the proposal on {t}.",
    "It was decided to allocate {n} dollars to {t}.",
    "Resolved that {p} owns {t} until the next meeting.",
    "Decision: {t} is referred to the annual meeting.",
]
SV_MONTHS = "januari februari mars april maj juni juli augusti september oktober november december".split()
EN_MONTHS = "January February March April May June July August September October November December".split()


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def meeting(rng: random.Random, day: dt.date, swedish: bool, org: str) -> tuple[str, str]:
    """(file name, text) of one meeting."""
    people = list(dict.fromkeys(person(rng) for _ in range(rng.randint(4, 12))))
    chair, secretary = people[0], people[1]
    nxt = day + dt.timedelta(days=rng.choice((21, 28, 35, 42)))
    topics_bank = SV_TOPICS if swedish else EN_TOPICS
    items = rng.sample(topics_bank, k=rng.randint(3, 7))
    said, decided = (SV_SAID, SV_DECIDED) if swedish else (EN_SAID, EN_DECIDED)
    lines = []
    if swedish:
        lines += [f"Protokoll styrelsemöte {org} den {day.day} {SV_MONTHS[day.month - 1]} {day.year}", ""]
        if rng.random() < 0.5:
            lines += ["Närvarande: " + ", ".join(people), ""]
        else:
            lines += ["Deltagare", ""] + [f"{i}. {p}, {rng.choice(('ledamot', 'suppleant', rng.choice(ORGS)))}"
                                          for i, p in enumerate(people, 1)] + [""]
        lines += [f"Ordförande: {chair}", f"Sekreterare: {secretary}", ""]
        lines += ["§1 Mötets öppnande", f"{chair} öppnade mötet.", ""]
    else:
        lines += [f"# {org} board meeting, {EN_MONTHS[day.month - 1]} {day.day}, {day.year}", ""]
        lines += ["Present: " + ", ".join(people), "", f"Chair: {chair}", f"Secretary: {secretary}", ""]
        lines += ["## 1. Opening", f"{chair} opened the meeting.", ""]
    for i, t in enumerate(items, 2):
        lines.append(f"§{i} {t.capitalize()}" if swedish else f"## {i}. {t.capitalize()}")
        for _ in range(rng.randint(1, 3)):
            lines.append(rng.choice(said).format(p=rng.choice(people), t=t, o=rng.choice(ORGS)))
        if rng.random() < 0.7:
            lines.append(rng.choice(decided).format(p=rng.choice(people), t=t, n=rng.randrange(1, 50) * 500))
        lines.append("")
    if swedish:
        lines += [f"§{len(items) + 2} Nästa möte", f"Nästa möte hålls den {nxt.day} {SV_MONTHS[nxt.month - 1]} {nxt.year}.", ""]
    else:
        lines += [f"## {len(items) + 2}. Next meeting", f"The next meeting is on {EN_MONTHS[nxt.month - 1]} {nxt.day}, {nxt.year}.", ""]
    slug = "styrelsemote" if swedish else "board-meeting"
    return f"{day.isoformat()}-{slug}.{'txt' if swedish else 'md'}", "\n".join(lines)


def generate(out: Path, meetings: int, seed: int = 0) -> list[Path]:
    """Write ``meetings`` minutes into ``out``: organisations of 50 meetings each, a meeting every
    few weeks from 2005 on, two thirds in Swedish."""
    rng = random.Random(seed)
    paths = []
    for m in range(meetings):
        group = m // 50
        swedish = group % 3 != 2
        org = f"{rng.choice(('Föreningen', 'Nätverket', 'Projektet')) if swedish else 'Project'} {group + 1}"
        day = dt.date(2005, 1, 10) + dt.timedelta(days=(m % 50) * 30 + rng.randint(0, 6) + group)
        name, text = meeting(rng, day, swedish, org)
        path = out / f"org-{group + 1:03d}" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--meetings", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    paths = generate(args.out, args.meetings, args.seed)
    print(f"{len(paths)} meetings in {args.out}")


if __name__ == "__main__":
    main()
