"""The golden gate: compare ``claims`` and ``stance`` of the working tree with a base revision.

Runs both commands (JSON Lines) on every corpus it can find, once with the base
revision's ``src/`` and once with the working tree's, and prints how many
records changed per corpus, by kind of change, with a few examples of each:

    claims:  speaker changed, narration -> speaker, speaker -> narration,
             other fields (same speaker; via, cue, confidence, ...),
             added, removed (the sentence itself moved: segmentation)
    stance:  added, removed, changed (same cue span, other fields)

Corpora: the bundled corpus, the test fixtures and, when ``../shared/corpora``
is present, each of its folders (and the sentences of the directed-sentiment
set, one article each, as its scorer feeds them).

    .venv/bin/python bench/golden.py                 # against main (make golden)
    .venv/bin/python bench/golden.py --base HEAD~3   # any revision (make golden BASE=HEAD~3)
    .venv/bin/python bench/golden.py --expect        # changes are intended: exit 0 anyway

Exit status: 0 when nothing changed (or with ``--expect``), 1 when a record
changed, 2 when a run failed. The base revision's output is kept under
``.golden/`` by commit, so a second run only runs the working tree.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tarfile
import io
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpora"
STORE = ROOT / ".golden"
COMMANDS = ("claims", "stance")


def corpora() -> dict[str, list[Path]]:
    """Name -> paths, in a fixed order; shared folders only where present."""
    found = {
        "bundled": [ROOT / "corpus"],
        "fixtures": [ROOT / "tests" / "fixtures" / "corpus", ROOT / "tests" / "fixtures" / "load"],
    }
    shared = {
        "whitehouse": [SHARED / "whitehouse-briefings"],
        "kremlin-html": [SHARED / "kremlin-news" / "html"],
        "kremlin-talks": [SHARED / "kremlin-news" / "talks.jsonl"],
        "un": [SHARED / "un-general-debate" / "data" / "data_original" / "TXT"],
        "polnear-dev": [SHARED / "polnear" / "dev" / "text"],
        "polnear-train": [SHARED / "polnear" / "train" / "text"],
    }
    for name, paths in shared.items():
        if all(p.exists() for p in paths):
            found[name] = paths
    for split in ("valid", "train"):
        source = SHARED / "directed-sentiment" / f"{split}.txt"
        if source.exists():
            found[f"dsa-{split}"] = [_dsa_articles(source, split)]
    return found


def _dsa_articles(source: Path, split: str) -> Path:
    """The benchmark's sentences without their entity brackets, one article per line, written
    under .golden/ (derived data for measurement only: never part of the project)."""
    out = STORE / "inputs" / f"dsa-{split}.jsonl"
    if out.exists() and out.stat().st_mtime >= source.stat().st_mtime:
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(source, encoding="utf-8", newline="") as f, open(out, "w", encoding="utf-8") as w:
        for n, row in enumerate(csv.reader(f, delimiter="\t"), 1):
            if row:
                text = row[0].replace("[", "").replace("]", "")
                w.write(json.dumps({"title": f"DSA {split} {n}", "text": text}, ensure_ascii=False) + "\n")
    return out


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()


def base_src(sha: str) -> Path:
    """The base revision's ``src/`` tree, extracted once per commit."""
    target = STORE / "src" / sha
    if not (target / "src" / "dipcli").is_dir():
        data = subprocess.run(["git", "archive", sha, "src"], cwd=ROOT, check=True, capture_output=True).stdout
        target.mkdir(parents=True, exist_ok=True)
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            tar.extractall(target, filter="data")
    return target / "src"


def run(src: Path, command: str, paths: list[Path], jobs: int, cache: Path) -> bytes:
    """One dipcli run with ``src`` first on the import path; exit 1 (some input unreadable) is
    a result like any other, anything else is a failure."""
    env = dict(os.environ, PYTHONPATH=str(src), DIPCLI_CACHE_DIR=str(cache), PYTHONHASHSEED="0")
    cmd = [sys.executable, "-m", "dipcli", command, *map(str, paths), "--format", "jsonl", "--jobs", str(jobs)]
    proc = subprocess.run(cmd, env=env, capture_output=True)
    if proc.returncode not in (0, 1):
        tail = proc.stderr.decode("utf-8", "replace").strip()[-800:]
        raise SystemExit(f"golden: {' '.join(cmd[2:5])} failed with {proc.returncode} ({src}):\n{tail}")
    return proc.stdout


def records(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.splitlines() if line.strip()]


def diff_claims(old: list[dict], new: list[dict]) -> dict[str, list[tuple[dict | None, dict | None]]]:
    kinds: dict[str, list] = defaultdict(list)
    key = lambda r: (r["doc"], r["start"], r["end"])  # noqa: E731
    before = {key(r): r for r in old}
    after = {key(r): r for r in new}
    for k, b in before.items():
        a = after.get(k)
        if a is None:
            kinds["removed"].append((b, None))
        elif a != b:
            if b["speaker"] == a["speaker"]:
                kinds["other fields"].append((b, a))
            elif b["speaker"] is None:
                kinds["narration -> speaker"].append((b, a))
            elif a["speaker"] is None:
                kinds["speaker -> narration"].append((b, a))
            else:
                kinds["speaker changed"].append((b, a))
    for k, a in after.items():
        if k not in before:
            kinds["added"].append((None, a))
    return kinds


def diff_stance(old: list[dict], new: list[dict]) -> dict[str, list[tuple[dict | None, dict | None]]]:
    kinds: dict[str, list] = defaultdict(list)

    def keyed(rows: list[dict]) -> dict:
        out: dict = {}
        for r in rows:
            k = (r["doc"], r["start"], r.get("cue_start"), r.get("cue_end"))
            n = 0
            while (k, n) in out:
                n += 1
            out[(k, n)] = r
        return out

    before, after = keyed(old), keyed(new)
    for k, b in before.items():
        a = after.get(k)
        if a is None:
            kinds["removed"].append((b, None))
        elif a != b:
            kinds["changed"].append((b, a))
    for k, a in after.items():
        if k not in before:
            kinds["added"].append((None, a))
    return kinds


def _short(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def describe(command: str, b: dict | None, a: dict | None) -> str:
    r = a or b
    where = f"{r['doc']} @{r['start']}"
    if command == "claims":
        if b and a:
            changed = [f for f in a if a.get(f) != b.get(f) and f not in ("text",)]
            what = (f"{b['speaker']!r} ({b['via']}) -> {a['speaker']!r} ({a['via']})" if "speaker" in changed
                    else ", ".join(f"{f}: {b.get(f)!r} -> {a.get(f)!r}" for f in changed))
        else:
            what = f"{'+' if a else '-'} {r['speaker']!r} ({r['via']})"
    else:
        def act(x: dict) -> str:
            return f"{x['speaker']!r} {x['polarity']} {x['cue']!r} -> {_short(x.get('target') or '', 50)!r}"
        if b and a:
            what = f"{act(b)}  =>  {act(a)}"
        else:
            what = f"{'+' if a else '-'} {act(r)}"
    return f"      {where}: {what}\n        {_short(r['text'])}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", default="main", help="base revision (default: main)")
    ap.add_argument("--expect", action="store_true", help="changes are intended: report them, exit 0")
    ap.add_argument("--corpus", action="append", help="only these corpora (repeatable)")
    ap.add_argument("--command", action="append", choices=COMMANDS, help="only these commands")
    ap.add_argument("--examples", type=int, default=3, help="examples per kind of change (default 3)")
    ap.add_argument("--jobs", type=int, default=2, help="dipcli --jobs (default 2)")
    args = ap.parse_args(argv)

    sha = git("rev-parse", "--verify", f"{args.base}^{{commit}}")
    old_src, new_src = base_src(sha), ROOT / "src"
    found = corpora()
    names = [n for n in found if not args.corpus or n in args.corpus]
    unknown = set(args.corpus or ()) - set(found)
    if unknown:
        print(f"golden: no such corpus here: {', '.join(sorted(unknown))} (have: {', '.join(found)})",
              file=sys.stderr)
        return 2
    print(f"golden: working tree against {args.base} ({sha[:10]}); corpora: {', '.join(names)}")
    total = 0
    for name in names:
        for command in args.command or COMMANDS:
            t0 = time.perf_counter()
            kept = STORE / "base" / sha / f"{name}.{command}.jsonl"
            if kept.exists():
                old = kept.read_bytes()
            else:
                old = run(old_src, command, found[name], args.jobs, STORE / "cache" / "base")
                kept.parent.mkdir(parents=True, exist_ok=True)
                kept.write_bytes(old)
            new = run(new_src, command, found[name], args.jobs, STORE / "cache" / "work")
            seconds = time.perf_counter() - t0
            if old == new:
                print(f"{name:14} {command:7} {len(records(new)):>8} records, none changed ({seconds:.1f} s)")
                continue
            before, after = records(old), records(new)
            kinds = (diff_claims if command == "claims" else diff_stance)(before, after)
            changed = sum(len(v) for v in kinds.values())
            if not changed:  # same records, other order
                kinds = {"order": [(None, after[0])]} if after else {"order": []}
                changed = 1
            total += changed
            print(f"{name:14} {command:7} {len(after):>8} records, {changed} changed ({seconds:.1f} s)")
            for kind in sorted(kinds, key=lambda k: (-len(kinds[k]), k)):
                pairs = kinds[kind]
                print(f"    {kind}: {len(pairs)}")
                step = max(1, len(pairs) // args.examples) if args.examples else 0
                for b, a in pairs[::step][: args.examples] if step else ():
                    print(describe(command, b, a))
    if total:
        print(f"golden: {total} records changed" + (" (expected)" if args.expect else
              "; if intended, say so: make golden EXPECT=1 (and give the counts in the commit message)"))
        return 0 if args.expect else 1
    print("golden: no record changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
