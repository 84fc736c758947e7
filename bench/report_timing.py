"""How long `dipcli report` spends analysing and how long building the page, and the page's size.

Usage: .venv/bin/python bench/report_timing.py [PATHS] [--jobs N]
Parsing goes through the parse cache as the command does (run it twice for a warm cache).
"""
from __future__ import annotations

import argparse
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()

    from dipcli.html_report import build_report
    from dipcli.keywords import keywords
    from dipcli.pipeline import iter_analysed
    from dipcli.speakers import speakers
    from dipcli.topics import topics

    t0 = time.perf_counter()
    pairs = list(iter_analysed(args.paths, on_error=lambda err: None, jobs=args.jobs, stances=True))
    items = [item for item, _ in pairs]
    acts = [st for _, found in pairs for st in found]
    t1 = time.perf_counter()
    kw, _ = keywords(items, by="speaker", top=8)
    t2 = time.perf_counter()
    found, info = topics(items, k="auto")
    t3 = time.perf_counter()
    page = build_report(items, acts, keywords=kw, topics=found, topics_info=info, speakers=speakers(items))
    t4 = time.perf_counter()
    print(f"{len(items)} articles, {sum(len(i.claims) for i in items)} claims, {len(acts)} stance acts")
    print(f"parse+attribute+stance {t1 - t0:.2f} s, keywords {t2 - t1:.2f} s, topics {t3 - t2:.2f} s, "
          f"page {t4 - t3:.3f} s; page {len(page.encode()) / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
