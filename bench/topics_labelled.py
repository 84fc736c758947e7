"""Topic quality on a labelled corpus: does `topics` find the subjects a reader would?

The labelled development set is built from the White House texts in
``../shared/corpora/whitehouse-briefings`` by the subject their *titles* name,
with the keyword rules in ``RULES`` below (regular expressions on the
lowercased title; a reader can check every label by reading the title).
A text whose title matches no rule, or rules of two subjects, is left out;
press-briefing transcripts are left out (one briefing covers many subjects).
Subjects with fewer than ``MIN_PER_SUBJECT`` texts are dropped, and a subject
with more than ``MAX_PER_SUBJECT`` keeps that many, evenly spaced in date
order, so no subject swamps the others.

Any other labelled corpus laid out as ``DIR/LABEL/*.txt`` (the BBC News set,
say) is measured the same way with ``--folders DIR``.

For each corpus it runs ``dipcli topics --by doc --json`` with ``--k auto``
and with ``--k TRUE`` (the number of subjects) and scores each article's
dominant topic against its label (NMI and ARI, scikit-learn), next to two
baselines fitted on whole documents with scikit-learn defaults where sensible:
NMF on tf-idf and LDA on counts (English stop list, min_df 2, max_df 0.5,
seed 0). Coherence is the mean NPMI of each topic's 10 top terms over
documents, computed the same way for every method (terms matched as
dipcli's stems and phrase keys in each document).

    .venv/bin/python bench/topics_labelled.py                   # White House set
    .venv/bin/python bench/topics_labelled.py --folders bbc/    # a DIR/LABEL/*.txt corpus
    .venv/bin/python bench/topics_labelled.py --list            # the labelled set, one line per text
    .venv/bin/python bench/topics_labelled.py --drop-each       # --k auto with each subject left out in turn
    .venv/bin/python bench/topics_labelled.py --subsets 6       # --k auto on 6 random sets of 3-5 subjects
    .venv/bin/python bench/topics_labelled.py --wide            # ten subjects (three more, smaller ones kept)
    .venv/bin/python bench/topics_labelled.py --countries       # labelled by the country a title names
"""
from __future__ import annotations

import argparse
import json
import math
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WHITEHOUSE = ROOT.parent / "shared" / "corpora" / "whitehouse-briefings"
DIPCLI = ROOT / ".venv" / "bin" / "dipcli"

#: subject -> regular expression on the lowercased title
RULES = {
    "ukraine": r"ukrain|zelensk|kyiv",
    "china": r"\bchina\b|chinese|\bprc\b|xi jinping",
    "middle-east": r"israel|gaza|palestin|middle east|hamas|west bank",
    "climate": r"climate|clean energy|environmental",
    "health": r"health|cancer|covid|vaccin|medicare|medicaid|\bhiv\b|monkeypox",
    "drugs": r"fentanyl|overdose|opioid|narcotic",
    "trade": r"\btrade\b|tariff|supply chain|export",
    "reproductive-rights": r"reproductive|abortion|dobbs|contracept",
}
MIN_PER_SUBJECT = 20
MAX_PER_SUBJECT = 40
#: ``--wide``: three more subjects, smaller ones kept, larger ones less capped (a second check of k)
WIDE_RULES = {
    "guns": r"\bgun\b|firearm|gun violence|shooting",
    "infrastructure": r"infrastructure",
    "ai-tech": r"artificial intelligence|\bai\b|cyber|semiconductor|broadband",
}
WIDE_MIN, WIDE_MAX = 13, 60
#: ``--countries``: labelled instead by the country a title names (readouts of calls and
#: meetings with its leaders), for a third check: eleven of these have 20 texts or more
COUNTRIES = ["Japan", "Mexico", "Israel", "Ukraine", "China", "India", "Canada", "France", "Germany", "Korea",
             "Australia", "Qatar", "Egypt", "Italy", "Poland", "Philippines", "Brazil", "Kenya", "Jordan", "Vietnam"]


def _front(path: Path) -> dict:
    import yaml

    text = path.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    return yaml.safe_load(text.split("---", 2)[1]) or {}


def whitehouse(root: Path = WHITEHOUSE, *, rules: dict[str, str] = RULES, least: int = MIN_PER_SUBJECT,
               most: int = MAX_PER_SUBJECT) -> list[tuple[str, str, str]]:
    """``(path, subject, title)`` of the labelled White House texts, in path order."""
    by_subject: dict[str, list[tuple[str, str, str]]] = {}
    for path in sorted(root.rglob("*.md")):
        if "press-briefings" in path.parts:
            continue
        title = str(_front(path).get("title") or "")
        low = title.lower().replace("\u00a0", " ")
        hits = [s for s, rule in rules.items() if re.search(rule, low)]
        if len(hits) == 1:
            by_subject.setdefault(hits[0], []).append((str(path), hits[0], title))
    out = []
    for subject, rows in by_subject.items():
        if len(rows) < least:
            continue
        rows.sort(key=lambda r: (Path(r[0]).name, r[0]))  # file names start with the date
        if len(rows) > most:
            step = len(rows) / most
            rows = [rows[int(i * step)] for i in range(most)]
        out.extend(rows)
    return sorted(out)


def folders(root: Path) -> list[tuple[str, str, str]]:
    """``(path, label, file name)`` of every text file under ``root/LABEL/``."""
    out = []
    for sub in sorted(p for p in root.iterdir() if p.is_dir()):
        for path in sorted(sub.rglob("*")):
            if path.is_file() and path.suffix.lower() in (".txt", ".md", ".html", ".htm"):
                out.append((str(path), sub.name, path.name))
    return out


def run_dipcli(paths: list[str], view: str, *args: str) -> tuple[list, float]:
    """``dipcli topics PATHS --by VIEW --format json ARGS``: the records and the wall time."""
    start = time.perf_counter()
    out = subprocess.run([str(DIPCLI), "topics", *paths, "--by", view, "--format", "json", *args],
                         capture_output=True, text=True, check=False)
    took = time.perf_counter() - start
    if out.returncode not in (0, 1) or not out.stdout.strip():
        sys.exit(f"dipcli failed ({out.returncode}): {out.stderr[-2000:]}")
    return json.loads(out.stdout), took


def fitted(paths: list[str], *args: str) -> tuple[dict, float]:
    """The three views of one model: ``{"model", "topics", "documents"}``, and the time of one run."""
    model, took = run_dipcli(paths, "model", *args)
    return {"model": model[0], "topics": run_dipcli(paths, "topic", *args)[0],
            "documents": run_dipcli(paths, "doc", *args)[0]}, took


def path_to_doc(paths: list[str]) -> dict[str, str]:
    """Each input path's article id, as `dipcli articles` gives it."""
    out = subprocess.run([str(DIPCLI), "articles", *paths, "--format", "json"], capture_output=True, text=True)
    return {r["path"]: r["doc"] for r in json.loads(out.stdout)}


# -- the same coherence for every method ------------------------------------------------------

def doc_term_sets(texts: list[str]) -> tuple[list[set[str]], object]:
    """Per document, the set of dipcli term keys (stems and phrase keys) it holds."""
    from dipcli.terms import extract

    terms = extract(texts)
    sets: list[set[str]] = [set() for _ in texts]
    for d, t in zip(terms.doc.tolist(), terms.term.tolist()):
        sets[d].add(terms.keys[t])
    return sets, terms


def key_of(term: str) -> str:
    """A displayed term (word or phrase) as a term key: its words' stems."""
    from dipcli.terms import stem, tokens

    words = [t[2] for t in tokens(term)]
    return " ".join(words) if words else stem(term.lower())


def npmi(tops: list[list[str]], sets: list[set[str]]) -> tuple[float, list[float]]:
    """Mean NPMI over the pairs of each topic's terms, from document co-occurrence."""
    n = len(sets)
    per_topic = []
    for top in tops:
        keys = [key_of(t) for t in top]
        vals = []
        for a in range(len(keys)):
            for b in range(a + 1, len(keys)):
                na = sum(keys[a] in s for s in sets)
                nb = sum(keys[b] in s for s in sets)
                nab = sum(keys[a] in s and keys[b] in s for s in sets)
                if nab == 0:
                    vals.append(-1.0)
                elif nab == n:
                    vals.append(1.0)
                else:
                    pab, pa, pb = nab / n, na / n, nb / n
                    vals.append(math.log(pab / (pa * pb)) / -math.log(pab))
        per_topic.append(sum(vals) / len(vals) if vals else 0.0)
    return (sum(per_topic) / len(per_topic) if per_topic else 0.0), per_topic


def baselines(texts: list[str], k: int) -> dict[str, tuple[list[int], list[list[str]], float]]:
    """scikit-learn NMF (tf-idf) and LDA (counts) on whole documents: labels, top-10 terms, seconds."""
    import numpy as np
    from sklearn.decomposition import NMF, LatentDirichletAllocation
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

    out = {}
    start = time.perf_counter()
    vec = TfidfVectorizer(stop_words="english", min_df=2, max_df=0.5)
    x = vec.fit_transform(texts)
    model = NMF(n_components=k, init="nndsvda", random_state=0, max_iter=400)
    w = model.fit_transform(x)
    names = vec.get_feature_names_out()
    out["scikit-learn NMF (tf-idf, documents)"] = (
        np.argmax(w, axis=1).tolist(), [[names[j] for j in np.argsort(-h)[:10]] for h in model.components_],
        time.perf_counter() - start)
    start = time.perf_counter()
    vec = CountVectorizer(stop_words="english", min_df=2, max_df=0.5)
    x = vec.fit_transform(texts)
    model = LatentDirichletAllocation(n_components=k, random_state=0)
    w = model.fit_transform(x)
    names = vec.get_feature_names_out()
    out["scikit-learn LDA (counts, documents)"] = (
        np.argmax(w, axis=1).tolist(), [[names[j] for j in np.argsort(-h)[:10]] for h in model.components_],
        time.perf_counter() - start)
    return out


def scores(truth: list[str], found: list) -> tuple[float, float]:
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    return normalized_mutual_info_score(truth, found), adjusted_rand_score(truth, found)


def measure(rows: list[tuple[str, str, str]], *, extra: list[str], with_baselines: bool = True) -> None:
    paths = [r[0] for r in rows]
    label_of = {r[0]: r[1] for r in rows}
    true_k = len(set(label_of.values()))
    print(f"{len(rows)} texts, {true_k} subjects: " +
          ", ".join(f"{s} {n}" for s, n in sorted(Counter(label_of.values()).items())))
    doc_of = path_to_doc(paths)
    truth_by_doc = {doc_of[p]: label_of[p] for p in paths if p in doc_of}

    from dipcli.pipeline import iter_analysed

    items = list(iter_analysed(paths, on_error=lambda e: None))
    texts = {it.article.doc: "\n\n".join(c.text for c in it.claims) for it in items}
    docs = sorted(texts)
    sets, _ = doc_term_sets([texts[d] for d in docs])

    print("| run | k | NMI | ARI | coherence (NPMI, top 10, documents) | unassigned docs | seconds |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    extra = ["--top-terms", "10", *extra]
    for label, args in ((f"dipcli --k auto {' '.join(extra)}", ["--k", "auto", *extra]),
                        (f"dipcli --k {true_k} {' '.join(extra)}", ["--k", str(true_k), *extra])):
        data, took = fitted(paths, *args)
        dominant = {d["doc"]: d["dominant"] for d in data["documents"]}
        unassigned = sum(dominant.get(d) is None for d in truth_by_doc)
        truth = [truth_by_doc[d] for d in docs if d in truth_by_doc]
        found = [dominant.get(d) if dominant.get(d) is not None else -1 for d in docs if d in truth_by_doc]
        nmi, ari = scores(truth, found)
        topics = data["topics"]
        tops = [[t["term"] for t in tp["terms"]][:10] for tp in topics]
        coh, _ = npmi(tops, sets)
        print(f"| {label.strip()} | {data['model']['k']} | {nmi:.3f} | {ari:.3f} | {coh:.3f} | {unassigned} | {took:.1f} |")
        if "auto" in args:
            auto_report = data["model"]
    if with_baselines:
        truth = [truth_by_doc[d] for d in docs]
        for name, (labels, tops, took) in baselines([texts[d] for d in docs], true_k).items():
            nmi, ari = scores(truth, labels)
            coh, _ = npmi(tops, sets)
            print(f"| {name} | {true_k} | {nmi:.3f} | {ari:.3f} | {coh:.3f} | 0 | {took:.1f} |")
    print(f"\n--k auto chose {auto_report['k']} (true {true_k}): {auto_report['reason']}")
    for w in auto_report["warnings"]:
        print(f"warning: {w}")
    print("\n| k | coherence | se | explained | |\n| --- | --- | --- | --- | --- |")
    for c in auto_report["candidates"]:
        mark = "chosen" if c["chosen"] else "within noise" if c["within_noise"] else \
            "" if c["competes"] else "a subject missing"
        print(f"| {c['k']} | {c['coherence']:.3f} | {c['se']:.3f} | {c['explained']:.0%} | {mark} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--folders", type=Path, help="a DIR/LABEL/*.txt corpus instead of the White House set")
    ap.add_argument("--list", action="store_true", help="print the labelled set and stop")
    ap.add_argument("--countries", action="store_true", help="labels: the country a title names (see COUNTRIES)")
    ap.add_argument("--wide", action="store_true",
                    help="ten subjects: WIDE_RULES added, at least 13 and at most 60 texts each")
    ap.add_argument("--drop-each", action="store_true", help="--k auto with each subject left out in turn")
    ap.add_argument("--subsets", type=int, default=0, metavar="N",
                    help="--k auto on N random subsets of 3 to 5 subjects (seeded)")
    ap.add_argument("--no-baselines", action="store_true")
    ap.add_argument("extra", nargs="*", help="more dipcli topics options, after --")
    args = ap.parse_args()
    if args.folders:
        rows = folders(args.folders)
    elif args.countries:
        rows = whitehouse(rules={c.lower(): rf"\b{c.lower()}\b" for c in COUNTRIES})
    elif args.wide:
        rows = whitehouse(rules={**RULES, **WIDE_RULES}, least=WIDE_MIN, most=WIDE_MAX)
    else:
        rows = whitehouse()
    if args.list:
        for path, label, title in rows:
            print(f"{label}\t{Path(path).name}\t{title}")
        return
    if args.drop_each or args.subsets:
        import random

        subjects = sorted({r[1] for r in rows})
        if args.drop_each:
            variants = [(s, [x for x in subjects if x != s]) for s in subjects]
        else:
            rng = random.Random(1)
            variants = []
            for _ in range(args.subsets):
                kept = sorted(rng.sample(subjects, rng.choice([3, 4, 5])))
                variants.append(("none but " + ", ".join(kept), kept))
        print("| left out | true k | chosen k | NMI |")
        print("| --- | --- | --- | --- |")
        for s, kept in variants:
            keep = [r for r in rows if r[1] in kept]
            paths = [r[0] for r in keep]
            doc_of = path_to_doc(paths)
            docs, _ = run_dipcli(paths, "doc", "--k", "auto", *args.extra)
            model, _ = run_dipcli(paths, "model", "--k", "auto", *args.extra)
            dominant = {d["doc"]: d["dominant"] for d in docs}
            truth = [r[1] for r in keep]
            found = [dominant.get(doc_of[r[0]]) if dominant.get(doc_of[r[0]]) is not None else -1 for r in keep]
            print(f"| {s} | {len(kept)} | {model[0]['k']} | {scores(truth, found)[0]:.3f} |")
        return
    measure(rows, extra=args.extra, with_baselines=not args.no_baselines)


if __name__ == "__main__":
    main()
