"""Benchmarks for dipcli, run through the installed console script as a user would.

Prints the machine, then for each figure the median of several runs: wall
time, throughput, CPU time (user + system, all processes of the run) and peak
memory (max RSS of the largest process of the run, from ``wait4``). MB per
CPU-second is throughput that other load on the machine does not skew; with
``--jobs 2`` on two idle cores the wall time approaches CPU time / 2.

    .venv/bin/python bench/bench.py              # full run (make bench)
    .venv/bin/python bench/bench.py --quick      # smoke run, a minute or two
    .venv/bin/python bench/bench.py --out BENCHMARKS-run.md

Figures only, no assertions: times depend on the machine and on what else runs
on it (the load average at the start is printed with the machine).

The spaCy comparison runs when an interpreter with spaCy and an English model
is found: ``--spacy-python PATH`` or ``$DIPCLI_SPACY_PYTHON``, else this one.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
SHARED = ROOT.parent / "shared" / "corpora"
UN_TXT = SHARED / "un-general-debate" / "data" / "data_original" / "TXT"


@dataclass
class Sample:
    wall: float
    cpu: float
    rss_mb: float
    rc: int
    lines: int
    stderr: str


@dataclass
class Row:
    figure: str
    samples: list[Sample] = field(default_factory=list)
    mb: float | None = None  # input size, for MB/s
    claims: bool = False  # whether stdout lines are claims (for claims/s)
    note: str = ""
    accept: tuple[int, ...] = (0,)  # exit codes of a complete run

    def ok(self) -> list[Sample]:
        return [s for s in self.samples if s.rc in self.accept]

    def median(self, attr: str) -> float | None:
        vals = [getattr(s, attr) for s in self.ok()]
        return statistics.median(vals) if vals else None

    def cells(self) -> dict[str, str]:
        if not self.ok():
            last = self.samples[-1] if self.samples else None
            why = f"failed (exit {last.rc}): {_last_line(last.stderr)}" if last else "not run"
            return {"figure": self.figure, "wall s": why, "MB/s": "", "MB/CPU-s": "", "claims/s": "", "CPU s": "",
                    "max RSS MB": "", "runs": str(len(self.samples)), "note": self.note}
        wall = self.median("wall")
        lines = self.median("lines")
        return {
            "figure": self.figure,
            "wall s": f"{wall:.2f}",
            "MB/s": f"{self.mb / wall:.3f}" if self.mb else "",
            "MB/CPU-s": f"{self.mb / self.median('cpu'):.3f}" if self.mb else "",
            "claims/s": f"{lines / wall:.0f}" if self.claims else "",
            "CPU s": f"{self.median('cpu'):.2f}",
            "max RSS MB": f"{max(s.rss_mb for s in self.ok()):.0f}",
            "runs": f"{len(self.ok())}/{len(self.samples)}",
            "note": self.note,
        }


COLUMNS = ["figure", "wall s", "MB/s", "MB/CPU-s", "claims/s", "CPU s", "max RSS MB", "runs", "note"]


def run(cmd: list[str], *, env: dict[str, str] | None = None, count_lines: bool = False) -> Sample:
    """Run ``cmd`` to completion; its rusage (with reaped descendants) via wait4."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                env={**os.environ, **(env or {})})
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        lines = 0
        if count_lines:
            out.seek(0)
            while chunk := out.read(1 << 20):
                lines += chunk.count(b"\n")
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    rss = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return Sample(wall=wall, cpu=usage.ru_utime + usage.ru_stime, rss_mb=rss, rc=proc.returncode,
                  lines=lines, stderr=stderr)


def measure(figure: str, cmd: list[str], *, runs: int, env=None, mb: float | None = None, claims: bool = False,
            note: str = "", fresh_env=None) -> Row:
    """``runs`` runs of ``cmd``; ``fresh_env()`` gives a new environment per run (cold caches).

    With ``claims``, stdout is JSON Lines with one claim per line.
    """
    row = Row(figure=figure, mb=mb, claims=claims, note=note)
    for _ in range(runs):
        sample = run(cmd, env=fresh_env() if fresh_env else env, count_lines=claims)
        row.samples.append(sample)
        if sample.rc != 0:
            break
    print_row(row)
    return row


def measure_interleaved(variants: list[tuple[str, list[str]]], *, runs: int, mb: float, note: str,
                        accept: tuple[int, ...] = (0,)) -> list[Row]:
    """Alternate the variants run by run, so a change in machine load hits each alike.

    ``accept`` lists the exit codes of a complete run (1: some inputs were
    unreadable and skipped, as in the shared corpora).
    """
    rows = [Row(figure=name, mb=mb, claims=True, note=note, accept=accept) for name, _ in variants]
    for _ in range(runs):
        for row, (_, cmd) in zip(rows, variants):
            if row.samples and row.samples[-1].rc not in accept:
                continue
            row.samples.append(run(cmd, count_lines=True))
    for row in rows:
        done = row.ok()
        if done and done[-1].rc != 0:
            row.note += f"; exit {done[-1].rc}: {_last_line(done[-1].stderr)}"
    for row in rows:
        print_row(row)
    return rows


def _last_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[-1].removeprefix("dipcli: ")[:80] if lines else ""


def print_row(row: Row) -> None:
    c = row.cells()
    print(f"  {c['figure']:<46} {c['wall s']:>7} s {c['MB/s']:>6} MB/s {c['MB/CPU-s']:>6} MB/CPU-s "
          f"{c['claims/s']:>6} claims/s  "
          f"cpu {c['CPU s']:>7} s  rss {c['max RSS MB']:>5} MB  [{c['runs']}] {c['note']}", flush=True)


# -- the machine -------------------------------------------------------------------------------

def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    try:
        from importlib.metadata import version

        dipcli_version = version("dipcli")
    except Exception:
        dipcli_version = "?"
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip() or "?"
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return {"CPU": cpu, "cores": f"{os.cpu_count()} ({usable} usable)", "RAM": ram,
            "Python": f"{platform.python_version()} ({platform.python_implementation()})",
            "OS": platform.platform(terse=True), "dipcli": f"{dipcli_version} (commit {commit})",
            "load average at start": load}


# -- inputs ------------------------------------------------------------------------------------

def input_mb(path: Path) -> float:
    """Bytes of the files dipcli reads under ``path``, in MB (10**6)."""
    from dipcli.load import READABLE_EXTENSIONS

    total = 0
    for p in [path] if path.is_file() else path.rglob("*"):
        if p.is_file() and p.suffix.lower() in READABLE_EXTENSIONS and not p.name.lower().startswith(
                ("readme", "license", "licence", "changelog", "notice", "snapshot_commit")):
            total += p.stat().st_size
    return total / 1e6


def generate(mb: float, out: Path) -> Path:
    subprocess.run([sys.executable, str(BENCH / "gen_corpus.py"), "--mb", str(mb), "--out", str(out)], check=True)
    return out


def spacy_python(explicit: str | None) -> str | None:
    """An interpreter that can import spaCy, or None."""
    for candidate in (explicit, os.environ.get("DIPCLI_SPACY_PYTHON"), sys.executable):
        if not candidate:
            continue
        probe = subprocess.run([candidate, "-c", "import spacy"], capture_output=True)
        if probe.returncode == 0:
            return candidate
    return None


# -- the figures -------------------------------------------------------------------------------

SECTIONS = ("startup", "synthetic", "shared", "analyses", "spacy")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="dipcli benchmarks (figures, no assertions).")
    ap.add_argument("--quick", action="store_true", help="Fewer runs and a 2 MB corpus: a smoke run.")
    ap.add_argument("--runs", type=int,
                    help="Runs per figure (default 3, and 5 for the start-up figures; with --quick 1 and 3).")
    ap.add_argument("--mb", type=float, help="Size of the generated corpus (default 20; 2 with --quick).")
    ap.add_argument("--out", type=Path, help="Also write the results as Markdown to this file.")
    ap.add_argument("--spacy-python", help="Interpreter with spaCy and an English model for the baseline.")
    ap.add_argument("--only", help=f"Comma-separated sections to run (default all): {', '.join(SECTIONS)}.")
    args = ap.parse_args(argv)
    only = set(args.only.split(",")) if args.only else set(SECTIONS)
    if only - set(SECTIONS):
        ap.error(f"unknown section(s): {', '.join(sorted(only - set(SECTIONS)))}")

    dipcli = Path(sys.executable).with_name("dipcli")
    if not dipcli.exists():
        print(f"bench: {dipcli} not found; install the package first: make, or "
              f"{sys.executable} -m pip install -e {ROOT}", file=sys.stderr)
        return 1
    quick = args.quick
    runs = args.runs or (1 if quick else 3)
    short_runs = args.runs or (3 if quick else 5)
    mb = args.mb or (2.0 if quick else 20.0)
    dip = [str(dipcli)]

    info = machine()
    print("machine")
    for k, v in info.items():
        print(f"  {k:<22} {v}")
    section_rows: list[tuple[str, list[Row]]] = []

    def section(title: str) -> list[Row]:
        print(title, flush=True)
        current: list[Row] = []
        section_rows.append((title, current))
        return current

    with tempfile.TemporaryDirectory(prefix="dipcli-bench-") as tmp_s:
        tmp = Path(tmp_s)

        if "startup" in only:
            cur = section("start-up and cache (bundled corpus)")
            cur.append(measure("dipcli --help", dip + ["--help"], runs=short_runs))
            counter = iter(range(1_000_000))

            def cold_env():
                return {"DIPCLI_CACHE_DIR": str(tmp / f"cold-{next(counter)}")}

            cur.append(measure("who-said sanctions --json, cold cache", dip + ["who-said", "sanctions", "--json"],
                               runs=short_runs, fresh_env=cold_env, note="empty DIPCLI_CACHE_DIR"))
            warm = {"DIPCLI_CACHE_DIR": str(tmp / "warm")}
            run(dip + ["who-said", "sanctions", "--json"], env=warm)
            cur.append(measure("who-said sanctions --json, warm cache", dip + ["who-said", "sanctions", "--json"],
                               runs=short_runs, env=warm))

        corpora = []
        if "synthetic" in only:
            corpora.append((f"synthetic {mb:g} MB (bench/gen_corpus.py)", generate(mb, tmp / "synthetic"), (0,)))
        if "shared" in only and not quick:
            if SHARED.is_dir():
                corpora.append(("../shared/corpora (all)", SHARED, (0, 1)))
            else:
                print(f"({SHARED} not present: shared-corpus figures skipped)")
        if corpora:
            cur = section("claims --format jsonl --no-cache (throughput)")
        for name, path, accept in corpora:
            size = input_mb(path)
            cur += measure_interleaved(
                [(f"{name}, --jobs {jobs}",
                  dip + ["claims", str(path), "--format", "jsonl", "--no-cache", "--jobs", str(jobs)])
                 for jobs in (1, 2)],
                runs=runs, mb=size, note=f"{size:.1f} MB in", accept=accept)

        if "analyses" in only and not UN_TXT.is_dir():
            print(f"({UN_TXT} not present: keywords/stance/topics figures skipped)")
        elif "analyses" in only:
            target = UN_TXT if not quick else next(p for p in sorted(UN_TXT.iterdir()) if p.is_dir())
            size = input_mb(target)
            label = "UN debates" if not quick else f"UN debates, {target.name}"
            cur = section(f"corpus analyses on {label} ({size:.1f} MB), --no-cache")
            for cmd in ("keywords", "stance", "topics"):
                cur.append(measure(f"{cmd} --format json", dip + [cmd, str(target), "--format", "json", "--no-cache"],
                                   runs=runs, mb=size, note=f"{size:.1f} MB in"))

        spacy_line = ""
        if "spacy" in only:
            cur = section("spaCy baseline (same texts, one process each)")
            py = spacy_python(args.spacy_python)
            if py is None:
                spacy_line = "spaCy baseline: not installed"
                print(f"  {spacy_line}")
            else:
                spacy_line = spacy_comparison(cur, dip, py, tmp, quick=quick)

    if args.out:
        write_markdown(args.out, info, section_rows, spacy_line, argv if argv is not None else sys.argv[1:])
        print(f"wrote {args.out}")
    return 0


EVAL = ROOT.parent / "shared" / "eval"


def real_sample(mb: float, out: Path) -> Path | None:
    """Copies of shared-corpus files, a third of the bytes from each collection
    (White House Markdown, Kremlin HTML, UN speeches), every n-th file in name order."""
    import shutil

    groups = [sorted((SHARED / "whitehouse-briefings").rglob("*.md")),
              sorted((SHARED / "kremlin-news").rglob("*.html")),
              sorted(UN_TXT.rglob("*.txt")) if UN_TXT.is_dir() else []]
    groups = [g for g in groups if g]
    if not groups:
        return None
    out.mkdir(parents=True)
    budget = mb * 1e6 / len(groups)
    for g, files in enumerate(groups):
        step = max(1, len(files) // 60)
        taken = 0
        for i, f in enumerate(files[::step]):
            if taken >= budget:
                break
            shutil.copyfile(f, out / f"{g}-{i:04d}{f.suffix}")
            taken += f.stat().st_size
    return out


def _texts_jsonl(folder: Path, path: Path) -> None:
    """The texts dipcli's loader reads from ``folder``, for the baseline: both see the same characters."""
    from dipcli.load import iter_articles

    with path.open("w", encoding="utf-8") as fh:
        for a in iter_articles([str(folder)], on_error=lambda err: None):
            fh.write(json.dumps({"doc": a.doc, "text": a.text}, ensure_ascii=False) + "\n")


def _accuracy(claims_jsonl: str) -> str:
    """Attribution accuracy on the seed article's gold labels (../shared/eval), or ""."""
    gold = EVAL / "seed-claims.gold.jsonl"
    if not gold.is_file():
        return ""
    done = subprocess.run([sys.executable, str(EVAL / "score.py"), "claims", str(gold)], input=claims_jsonl,
                          capture_output=True, text=True)
    return done.stdout.strip().splitlines()[0] if done.stdout.strip() else f"score.py failed: {done.stderr.strip()}"


def spacy_comparison(cur: list[Row], dip: list[str], py: str, tmp: Path, *, quick: bool) -> str:
    """dipcli claims and the spaCy baseline on the same samples; returns the summary lines.

    Two samples: generated text (bench/gen_corpus.py) and, when present, real
    texts from ../shared/corpora. Throughput is compared in processing CPU time,
    which other load on the machine does not skew: the loop over the texts of
    bench/dipcli_timed.py and of bench/spacy_baseline.py, start-up and model
    load excluded on both sides; and end to end in wall time (``dipcli
    claims`` against the baseline script). Accuracy: both on the bundled seed article, scored by
    ../shared/eval/score.py against its gold labels.
    """
    sample_mb = 0.2 if quick else 1.0
    samples = [("generated", generate(sample_mb, tmp / "spacy-generated"))]
    real = real_sample(sample_mb, tmp / "spacy-real") if SHARED.is_dir() else None
    if real is not None:
        samples.append(("shared corpora", real))
    lines = []
    for label, folder in samples:
        texts = tmp / f"spacy-{label.replace(' ', '-')}.jsonl"
        _texts_jsonl(folder, texts)
        size = input_mb(folder)
        chars = sum(len(json.loads(line)["text"]) for line in texts.open(encoding="utf-8"))
        note = f"{chars / 1e6:.2f} M chars of text"
        cli = measure(f"dipcli claims, {label} sample, --jobs 1",
                      dip + ["claims", str(folder), "--format", "jsonl", "--no-cache", "--jobs", "1"],
                      runs=1 if quick else 3, mb=size, claims=True, note=note)
        ours = measure(f"dipcli, timed loop (bench/dipcli_timed.py), {label}",
                       [sys.executable, str(BENCH / "dipcli_timed.py"), str(texts)],
                       runs=1 if quick else 3, mb=size, claims=True, note=note)
        theirs = measure(f"spaCy baseline, {label} sample",
                         [py, str(BENCH / "spacy_baseline.py"), str(texts)], runs=1, mb=size, claims=True,
                         note=note)
        cur += [cli, ours, theirs]
        if not (cli.ok() and ours.ok() and theirs.ok()):
            lines.append(f"{label}: failed (see table)")
            continue
        mine = [json.loads(s.stderr.strip().splitlines()[-1]) for s in ours.ok()]
        report = json.loads(theirs.ok()[-1].stderr.strip().splitlines()[-1])
        # characters of text per CPU second in the processing loop, start-up and model load excluded
        ours_rate = statistics.median(m["chars"] / 1e6 / m["process_cpu_s"] for m in mine)
        their_rate = report["chars"] / 1e6 / report["process_cpu_s"]
        lines.append(
            f"{label} ({chars / 1e6:.2f} M chars): dipcli {ours_rate:.3f} M chars/CPU-s, "
            f"spaCy {report['model']} ({'+'.join(report['pipes'])}) {their_rate:.4f}: "
            f"**{ours_rate / their_rate:.0f}x** in processing CPU time; "
            f"{theirs.median('wall') / cli.median('wall'):.1f}x end to end in wall time "
            f"(`dipcli claims` against the baseline script, start-up and model load included)")
    seed = tmp / "seed.jsonl"
    corpus = ROOT / "corpus"
    _texts_jsonl(corpus, seed)
    ours_acc = _accuracy(subprocess.run(dip + ["claims", str(corpus), "--format", "jsonl", "--no-cache"],
                                        capture_output=True, text=True).stdout)
    theirs_acc = _accuracy(subprocess.run([py, str(BENCH / "spacy_baseline.py"), str(seed)],
                                          capture_output=True, text=True).stdout)
    if ours_acc or theirs_acc:
        lines.append(f"seed article, gold labels: dipcli {ours_acc}; spaCy baseline {theirs_acc}")
    for line in lines:
        print(f"  {line}")
    return "\n\n".join(lines)


def write_markdown(path: Path, info: dict[str, str], sections, spacy_line: str, argv: list[str]) -> None:
    lines = ["| machine | |", "| --- | --- |"] + [f"| {k} | {v} |" for k, v in info.items()]
    command = " ".join([".venv/bin/python bench/bench.py", *argv])
    lines += ["", f"Command: `{command}`", ""]
    for title, rows in sections:
        if not rows:
            continue
        lines += [f"**{title}**", "", "| " + " | ".join(COLUMNS) + " |", "|" + " --- |" * len(COLUMNS)]
        for r in rows:
            c = r.cells()
            lines.append("| " + " | ".join(c[k] for k in COLUMNS) + " |")
        lines.append("")
    lines += [spacy_line, ""]
    path.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
