"""``dipcli claims`` on JSON Lines texts, timed the way bench/spacy_baseline.py times spaCy.

Reads ``{"doc", "text"}`` records, loads dipcli (imports, then
``pipeline.prepare``: Punkt, the cue patterns and the gazetteer's tables, the
equivalent of loading a spaCy model), then segments and
attributes every text and writes its claims as JSON Lines, as ``dipcli claims
--format jsonl`` does. The last line on stderr is a timing summary with the
same keys as the baseline's, so the two processing rates compare like with
like: same characters in, same kind of records out, start-up excluded.

    python bench/dipcli_timed.py texts.jsonl > claims.jsonl
"""
from __future__ import annotations

import argparse
import json
import sys
import time


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("texts", help="JSON Lines with 'doc' and 'text'.")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    from dipcli.model import Article
    from dipcli.pipeline import analyse, prepare
    from dipcli.render import dumps

    def article(doc: str, text: str) -> Article:
        return Article(doc=doc, path=doc, format="text", title=None, date=None, source=None, place=None,
                       category=None, url=None, text=text)

    prepare()
    loaded, loaded_cpu = time.perf_counter(), time.process_time()
    with open(args.texts, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    chars = sum(len(r["text"]) for r in records)
    claims = 0
    out = sys.stdout
    for rec in records:
        for claim in analyse(article(rec["doc"], rec["text"])).claims:
            out.write(dumps(claim) + "\n")
            claims += 1
    done, done_cpu = time.perf_counter(), time.process_time()
    print(json.dumps({"model": "dipcli", "pipes": ["segment", "attribute"], "load_s": loaded - t0,
                      "process_s": done - loaded, "process_cpu_s": done_cpu - loaded_cpu, "chars": chars,
                      "claims": claims}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
