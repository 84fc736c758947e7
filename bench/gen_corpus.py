"""Generate a synthetic corpus of news-agency articles about diplomatic talks.

Each article has the layout of the bundled Xinhua piece (title line, date and
source line, dateline lead, "--" bullets in sections, Category footer), but
every sentence is assembled from the templates and word lists below with a
seeded RNG: names, countries, titles, reporting verbs, topics and sentence
shapes vary from article to article. Article ``i`` depends only on the seed and
``i``, so a small corpus is a prefix of a larger one with the same seed.

    python bench/gen_corpus.py --mb 20 --out /tmp/syn20
    python bench/gen_corpus.py --mb 100 --out /tmp/syn100 --jsonl
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

GIVEN = (
    "Maria Jonas Amara Tomas Leila Kenji Sofia Ahmed Ingrid Rafael Nadia Oluwaseun Priya Mateo "
    "Elena Yusuf Hana Lars Chiara Daniel Amina Viktor Beatriz Kwame Mirela Arjun Freya Tariq "
    "Lucia Henrik Zainab Pavel Ines Kofi Marta Emre Noura Anders Carmen Rustam Ayesha Jakub "
    "Thandiwe Matteo Dilnoza Esteban Yara Bogdan Leonie Farid Rosa Ilya Mei Sipho Alma"
).split()
FAMILY = (
    "Lindqvist Okafor Moreau Haddad Kovac Tanaka Silva Novak Mensah Rahman Petrenko Castillo "
    "Nakamura Osei Brennan Dvorak Ferreira Kaur Halvorsen Abebe Marchetti Yilmaz Sandoval "
    "Varga Achterberg Qureshi Lindgren Obi Kowalczyk Duarte Nasser Ivanova Salazar Ekström "
    "Mwangi Fontaine Aziz Horvath Quispe Bakker Demir Oyelaran Rossi Kamau Valdés Sato Popescu "
    "Karimov Jensen Barros Tembo Laurent Hakimi Rojas Wiśniewski Nyambura Castellano"
).split()
# name, adjective, a city used in datelines
COUNTRIES = [
    ("Brazil", "Brazilian", "BRASILIA"), ("Kenya", "Kenyan", "NAIROBI"), ("Norway", "Norwegian", "OSLO"),
    ("Indonesia", "Indonesian", "JAKARTA"), ("Mexico", "Mexican", "MEXICO CITY"),
    ("Egypt", "Egyptian", "CAIRO"), ("Vietnam", "Vietnamese", "HANOI"), ("Poland", "Polish", "WARSAW"),
    ("Nigeria", "Nigerian", "ABUJA"), ("Argentina", "Argentine", "BUENOS AIRES"),
    ("Kazakhstan", "Kazakh", "ASTANA"), ("Portugal", "Portuguese", "LISBON"), ("Chile", "Chilean", "SANTIAGO"),
    ("Ethiopia", "Ethiopian", "ADDIS ABABA"), ("Malaysia", "Malaysian", "KUALA LUMPUR"),
    ("Turkey", "Turkish", "ANKARA"), ("Finland", "Finnish", "HELSINKI"), ("Peru", "Peruvian", "LIMA"),
    ("Ghana", "Ghanaian", "ACCRA"), ("Thailand", "Thai", "BANGKOK"), ("Morocco", "Moroccan", "RABAT"),
    ("Hungary", "Hungarian", "BUDAPEST"), ("Colombia", "Colombian", "BOGOTA"), ("Japan", "Japanese", "TOKYO"),
    ("South Africa", "South African", "PRETORIA"), ("Uzbekistan", "Uzbek", "TASHKENT"),
    ("Canada", "Canadian", "OTTAWA"), ("Greece", "Greek", "ATHENS"), ("Senegal", "Senegalese", "DAKAR"),
    ("New Zealand", "New Zealand", "WELLINGTON"), ("Pakistan", "Pakistani", "ISLAMABAD"),
    ("Italy", "Italian", "ROME"), ("Jordan", "Jordanian", "AMMAN"), ("Mongolia", "Mongolian", "ULAN BATOR"),
    ("Ireland", "Irish", "DUBLIN"), ("Tanzania", "Tanzanian", "DODOMA"), ("Austria", "Austrian", "VIENNA"),
    ("Philippines", "Philippine", "MANILA"), ("Uruguay", "Uruguayan", "MONTEVIDEO"),
    ("Serbia", "Serbian", "BELGRADE"),
]
TITLES = ["President", "Prime Minister", "Foreign Minister", "Chancellor", "Vice President",
          "Premier", "Trade Minister", "Defence Minister"]
OUTLETS = ["Meridian News Agency", "Coastal Wire", "Global Dispatch", "Eastern Herald", "Agência Sul",
           "Northern Press Service", "Continental Times", "Pacific Bulletin"]
CATEGORIES = ["Global Governance", "Diplomacy", "Trade and Economy", "Regional Security", "Climate",
              "World", "Politics", "Development"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MONTH_ABBR = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# Reporting verbs in the simple past; INVERTIBLE ones also read well as "…, said Okafor".
CUES = ["said", "stressed", "noted", "pointed out", "emphasized", "underlined", "added", "stated",
        "reiterated", "observed", "remarked", "highlighted", "affirmed", "told reporters"]
INVERTIBLE = ["said", "noted", "added", "stressed"]
STANCE_FOR = ["welcomed", "supports", "expressed support for", "praised", "endorsed", "backed"]
STANCE_AGAINST = ["opposed", "rejected", "condemned", "voiced concern about", "criticized", "warned against"]

TOPICS = {
    "trade": ["bilateral trade", "supply chains", "investment in manufacturing", "the digital economy",
              "cross-border e-commerce", "customs cooperation", "agricultural exports",
              "the multilateral trading system", "trade in services", "industrial parks"],
    "energy": ["renewable energy", "grid connections", "nuclear safety", "energy security",
               "hydrogen projects", "oil and gas exploration", "solar power plants", "critical minerals"],
    "security": ["regional stability", "maritime security", "arms control talks", "counter-terrorism cooperation",
                 "border management", "peacekeeping missions", "cyber security", "the ceasefire agreement"],
    "climate": ["climate finance", "emission reduction targets", "forest protection", "water management",
                "disaster preparedness", "the energy transition", "adaptation funding"],
    "health": ["vaccine production", "public health systems", "pandemic preparedness", "medical training",
               "access to medicines", "health research"],
    "people": ["student exchanges", "tourism", "cultural festivals", "visa facilitation", "sports exchanges",
               "sister-city ties", "language teaching", "direct flights"],
    "sanctions": ["unilateral sanctions", "export controls", "trade barriers", "protectionism",
                  "the politicization of trade", "secondary sanctions"],
    "governance": ["reform of the Security Council", "the United Nations Charter", "global governance",
                   "the G20 agenda", "debt relief for developing countries", "the role of the World Trade Organization"],
}
ACTIONS = ["deepen", "expand", "strengthen", "promote", "uphold", "safeguard", "advance", "facilitate",
           "enhance", "consolidate", "step up", "broaden", "coordinate on", "build on"]
MODALS = ["should", "will", "must", "stand ready to", "need to", "are willing to", "will continue to",
          "agreed to", "intend to"]
QUALIFIERS = ["", "", "", " in the years ahead", " on the basis of mutual respect", " through dialogue and consultation",
              " for the benefit of both peoples", " at all levels", " in a balanced way", " without delay",
              " within the framework of existing agreements", " as a matter of priority"]
ASSESSMENTS = ["has great potential", "has made steady progress", "faces new challenges",
               "is of strategic importance", "enjoys broad support", "has entered a new stage",
               "remains a priority", "serves the interests of both countries"]
OPENERS = ["Noting that", "Recalling that", "Pointing out that", "Stressing that", "Observing that"]
NARRATION = [
    "The talks were held in {fmt} format on {weekday}.",
    "The delegations signed {n} documents covering {obj} and {obj2}.",
    "It was the {ordinal} meeting between the two leaders this year.",
    "The visit is the first by a {adj} head of state to {country2} in {n} years.",
    "Officials from both sides also discussed {obj} on the sidelines.",
    "A joint press conference followed the talks.",
]


class Writer:
    """One article's worth of sentences, drawn with the article's own RNG."""

    def __init__(self, rng: random.Random):
        self.r = rng
        (self.c1, self.adj1, self.city1), (self.c2, self.adj2, _) = rng.sample(COUNTRIES, 2)
        self.topics = rng.sample(sorted(TOPICS), rng.randint(2, 4))
        self.people = []
        used = set()
        for country, adj in ((self.c1, self.adj1), (self.c2, self.adj2)):
            family = rng.choice([f for f in FAMILY if f not in used])
            used.add(family)
            self.people.append({
                "country": country, "adj": adj, "title": rng.choice(TITLES), "given": rng.choice(GIVEN),
                "family": family, "pronoun": rng.choice(["he", "she"]), "introduced": False,
            })

    def pick(self, seq):
        return self.r.choice(seq)

    def obj(self) -> str:
        return self.pick(TOPICS[self.pick(self.topics)])

    def ref(self, p: dict) -> str:
        """How a person is named: in full the first time, by family name (or title) afterwards."""
        if not p["introduced"]:
            p["introduced"] = True
            return f"{p['adj']} {p['title']} {p['given']} {p['family']}"
        return self.pick([p["family"], p["family"], f"the {p['adj']} {p['title'].lower()}"])

    def subject(self) -> str:
        return self.pick(["the two countries", "both sides", self.c1, self.c2, f"{self.c1} and {self.c2}",
                          "the two governments", "the international community", "developing countries"])

    def clause(self) -> str:
        subj = self.subject()
        if self.r.random() < 0.3:
            return f"cooperation on {self.obj()} {self.pick(ASSESSMENTS)}"
        modal = self.pick(MODALS)
        if subj in (self.c1, self.c2, "the international community") and modal.startswith(("are", "stand", "intend")):
            modal = "should"
        return f"{subj} {modal} {self.pick(ACTIONS)} {self.obj()}{self.pick(QUALIFIERS)}"

    def claim(self, p: dict) -> str:
        """One sentence attributed to ``p`` in one of several reporting frames."""
        r = self.r
        shape = r.randrange(9)
        cue = self.pick(CUES)
        if shape == 0:
            return f"{_cap(self.ref(p))} {cue} that {self.clause()}."
        if shape == 1:
            return f"{_cap(self.clause())}, {self.ref(p)} {cue}."
        if shape == 2:
            return f"{_cap(self.clause())}, {self.pick(INVERTIBLE)} {self.ref(p)}, adding that {self.clause()}."
        if shape == 3:
            return f"{self.pick(OPENERS)} {self.clause()}, {self.ref(p)} {cue} that {self.clause()}."
        if shape == 4:
            verb = self.pick(STANCE_FOR if r.random() < 0.6 else STANCE_AGAINST)
            return f"{_cap(self.ref(p))} {verb} {self.obj()}, saying that {self.clause()}."
        if shape == 5:
            return (f"{_cap(self.ref(p))} called for efforts to {self.pick(ACTIONS)} {self.obj()} "
                    f"and {self.pick(ACTIONS)} {self.obj()}.")
        if shape == 6:
            return f"{_cap(self.ref(p))} expressed hope that {self.clause()}. {_cap(p['pronoun'])} also {cue} that {self.clause()}."
        if shape == 7:
            return f"{_cap(self.clause())}, {self.ref(p)} told {self.pick(['reporters', 'the press', 'journalists'])} after the talks."
        return f"According to {self.ref(p)}, {self.clause()}."

    def collective(self) -> str:
        shape = self.r.randrange(4)
        if shape == 0:
            return f"The two sides agreed to {self.pick(ACTIONS)} {self.obj()}{self.pick(QUALIFIERS)}."
        if shape == 1:
            return f"Both leaders {self.pick(CUES)} that {self.clause()}."
        if shape == 2:
            verb = self.pick(STANCE_AGAINST)
            return f"In the joint statement, {self.c1} and {self.c2} {verb} {self.pick(TOPICS['sanctions'])}."
        return f"The two sides {self.pick(['expressed', 'voiced'])} serious concern about {self.obj()}."

    def narration(self) -> str:
        t = self.pick(NARRATION)
        return t.format(fmt=self.pick(["restricted", "expanded", "one-on-one"]), weekday=self.pick(WEEKDAYS),
                        n=self.r.randint(2, 15), obj=self.obj(), obj2=self.obj(),
                        ordinal=self.pick(["second", "third", "fourth"]), adj=self.adj1, country2=self.c2)

    def bullet(self) -> str:
        roll = self.r.random()
        if roll < 0.7:
            body = self.claim(self.pick(self.people))
        elif roll < 0.9:
            body = self.collective()
        else:
            body = self.narration()
        if self.r.random() < 0.35:
            body += " " + self.claim(self.pick(self.people))
        return "-- " + body


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def article(seed: int, index: int) -> dict:
    """The fields and body of article ``index``."""
    r = random.Random(f"dipcli-synthetic:{seed}:{index}")
    w = Writer(r)
    a, b = w.people
    year, month, day = r.randint(2015, 2024), r.randrange(12), r.randint(1, 28)
    outlet = r.choice(OUTLETS)
    title = r.choice([
        f"Highlights of {a['family']} and {b['family']}'s talks in {w.c1}",
        f"{w.adj1} {a['title'].lower()} meets {w.adj2} counterpart in {w.city1.title()}",
        f"{w.c1}, {w.c2} pledge to {r.choice(ACTIONS)} {w.obj()}",
        f"Roundup: {w.c1} and {w.c2} talks focus on {w.obj()}",
    ])
    lead = (f"{w.city1}, {MONTHS[month]} {day} ({outlet}) -- {w.ref(a)} and {w.ref(b)} held "
            f"{r.choice(['talks', 'a meeting', 'a phone call', 'consultations'])} on {w.obj()} and {w.obj()}, "
            f"and reached {r.choice(['new', 'broad', 'important'])} common understandings in {r.choice(['many', 'several'])} fields.")
    paras = [lead]
    for _ in range(r.randint(1, 2)):
        paras.append(" ".join(w.narration() if r.random() < 0.4 else w.collective() for _ in range(r.randint(1, 3))))
    paras.append("The following are some of the highlights of their talks.")
    sections = []
    for _ in range(r.randint(1, 4)):
        sections.append("\n\n".join(w.bullet() for _ in range(r.randint(2, 9))))
    body = "\n\n".join(paras) + "\n\n\n\n" + "\n\n\n\n".join(sections)
    category = r.choice(CATEGORIES)
    date = f"{year:04d}-{month + 1:02d}-{day:02d}"
    header = f"{day} {MONTH_ABBR[month]}, {year}  |  Source:{outlet}  |  Hits:{r.randint(100, 9999)}"
    text = f"{title}\n{header}\n\n{body}\n\nCategory: {category}"
    return {"title": title, "date": date, "source": outlet, "place": w.city1.title(), "category": category,
            "url": f"https://news.example.org/{year}/{index:07d}", "text": text, "body": body}


def generate(*, mb: float, out: Path, jsonl: bool, seed: int) -> tuple[int, int]:
    """Write articles until ``mb`` megabytes (10**6 bytes) of UTF-8 are out.

    Returns:
        (articles, bytes) written.
    """
    target = int(mb * 1_000_000)
    out.mkdir(parents=True, exist_ok=True)
    written = n = 0
    sink = (out / "synthetic.jsonl").open("w", encoding="utf-8") if jsonl else None
    try:
        while written < target:
            rec = article(seed, n)
            if sink is not None:
                line = json.dumps({k: rec[k] for k in ("url", "date", "place", "title", "source", "category")}
                                  | {"text": rec["body"]}, ensure_ascii=False) + "\n"
                sink.write(line)
                written += len(line.encode("utf-8"))
            else:
                # Folders of 1000 files keep directory listings short; sorted order is generation order.
                path = out / f"{n // 1000:04d}" / f"synthetic-{n:07d}.txt"
                path.parent.mkdir(exist_ok=True)
                data = (rec["text"] + "\n").encode("utf-8")
                path.write_bytes(data)
                written += len(data)
            n += 1
    finally:
        if sink is not None:
            sink.close()
    return n, written


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--mb", type=float, required=True, help="Corpus size in MB (10**6 bytes).")
    p.add_argument("--out", type=Path, required=True, help="Output folder (created).")
    p.add_argument("--jsonl", action="store_true", help="Write one JSON Lines file OUT/synthetic.jsonl.")
    p.add_argument("--seed", type=int, default=1, help="RNG seed (default 1).")
    args = p.parse_args(argv)
    if args.mb <= 0:
        p.error("--mb must be positive")
    n, size = generate(mb=args.mb, out=args.out, jsonl=args.jsonl, seed=args.seed)
    print(f"wrote {n} articles, {size / 1e6:.1f} MB to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
