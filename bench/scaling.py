"""Growth of run time with input size on inputs built to make bad code super-linear.

Each case runs one stage (loading, the whole per-article pipeline, stance) on an
input of size n and of size k*n, and prints CPU seconds for both and their
ratio. Linear code gives a ratio near k; quadratic code near k squared. Cases
whose ratio passes ``LIMIT_FACTOR * k`` are marked ``SUPER-LINEAR?``.

    .venv/bin/python bench/scaling.py            # every case, a minute or two
    .venv/bin/python bench/scaling.py --check    # exit 1 when a case is marked

These were timed assertions in the test suite; times belong here, where a
loaded machine gives a slow figure instead of a failed test. The tests keep the
same inputs and check what the stages return.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from dipcli.core import analyse
from dipcli.load import parse_bytes
from dipcli.model import Analysed, Article, Claim, DipError
from dipcli.stance import find_stances

#: Small runs are noisy: ratios are taken from this many CPU seconds up.
FLOOR = 0.1
LIMIT_FACTOR = 2.0

# Inputs that make badly written regular expressions backtrack, or loops restart.
PATHOLOGICAL = {
    "unbalanced quotes": '"The minister said ' * 20,
    "open quotes": "\u201c" * 3 + "a ",
    "cue words": "said ",
    "names and cues": "President Amara Okafor said ",
    "capitals": "A ",
    "capital words": "Minister ",
    "abbreviations": "U.S. ",
    "initials": "a.",
    "numbered items": "1. ",
    "commas": "a, ",
    "open parentheses": "(",
    "open brackets": "[a](",
    "emphasis": "*a ",
    "tags": "<a ",
    "labels": "MR OKAFOR: yes\n",
    "doubled names": "Okafor Okafor ",
    "glued names": "aBc ",
    "dashes": "-- a ",
    "colons": ": ",
    "stance chain": "we support and oppose and reject ",
}

TINY_PARAGRAPHS = [
    (b"a\n\n", "many.txt", 1_000_000),  # lower case: every block continues the last paragraph
    (b"Yes.\n\n", "many.txt", 200_000),
    (b"b\n\n", "many.md", 200_000),
    (b"- a\n", "many.txt", 200_000),
    (b"<p>a</p>", "many.html", 100_000),
    (b'{"text": "a"}\n', "many.jsonl", 50_000),
]


@dataclass
class Case:
    name: str
    run: Callable[[int], object]  # does the work for size n
    n: int
    factor: int


def cpu(fn: Callable[[], object]) -> float:
    """CPU seconds of fn(): steadier than wall time on a shared machine."""
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def pipeline(data: bytes, name: str = "x.txt") -> None:
    try:
        articles = parse_bytes(data, name=name, doc="big", on_error=lambda err: None)
    except DipError:
        return
    for art in articles:
        analyse(art)


def article(text: str) -> Article:
    return Article(doc="d", path="d", format="text", title=None, date=None, source=None, place=None,
                   category=None, url=None, text=text)


def long_line_stance(n: int) -> None:
    text = "They support the plan and condemn the attack " * n + '"' * (n * 12)
    claim = Claim(doc="d", id="d:0", paragraph=0, start=0, end=len(text), text=text,
                  speaker="Anna Kowalski", speaker_kind="person")
    find_stances(Analysed(article=article(text), paragraphs=[], claims=[claim]))


def cases() -> list[Case]:
    out = [Case("one long line (load)", lambda n: parse_bytes(
        ("Delegates said the talks on trade were useful and constructive, " * (n // 60 + 1))[:n].encode(),
        name="big.txt", doc="big"), 1_000_000, 10)]
    for unit, name, count in TINY_PARAGRAPHS:
        out.append(Case(f"tiny paragraphs {unit!r} in {name} (load)",
                        lambda n, unit=unit, name=name: parse_bytes(unit * n, name=name, doc="d",
                                                                    on_error=lambda e: None),
                        count // 10, 10))
    out.append(Case("one-word paragraphs (pipeline)", lambda n: pipeline(b"Yes.\n\n" * n), 5_000, 4))
    for label, unit in PATHOLOGICAL.items():
        out.append(Case(f"{label} (pipeline)",
                        lambda n, unit=unit: pipeline((unit * (n // len(unit) + 1)).encode()), 75_000, 4))
    out.append(Case("cues late in a 2 MB sentence (pipeline)",
                    lambda n: analyse(article("x" * 2_000_000 + " said" * n)), 250, 8))
    out.append(Case("deeply nested HTML (load, refused)", lambda n: _refused(
        b"<html><body>" + b"<div><span>" * n + b"The minister said hello." + b"</span></div>" * n), 10_000, 10))
    out.append(Case("stance on a long unpunctuated line", long_line_stance, 1_000, 4))
    return out


def _refused(doc: bytes) -> None:
    try:
        parse_bytes(doc, name="deep.html", doc="deep")
    except DipError:
        pass


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 when a case looks super-linear")
    ap.add_argument("--only", help="only cases whose name contains this")
    args = ap.parse_args(argv)
    marked = 0
    print(f"{'case':58} {'n':>9} {'cpu s':>7} {'k*n cpu s':>9} {'ratio':>6} (k)")
    for case in cases():
        if args.only and args.only not in case.name:
            continue
        small = cpu(lambda: case.run(case.n))
        big = cpu(lambda: case.run(case.n * case.factor))
        ratio = big / max(small, FLOOR)
        flag = ratio > LIMIT_FACTOR * case.factor and big > FLOOR * case.factor
        marked += flag
        print(f"{case.name[:58]:58} {case.n:>9} {small:7.2f} {big:9.2f} {ratio:6.1f} ({case.factor})"
              + ("  SUPER-LINEAR?" if flag else ""), flush=True)
    if marked:
        print(f"{marked} case(s) grew faster than {LIMIT_FACTOR:g} x k")
    return 1 if marked and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
