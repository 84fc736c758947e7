"""Same input, same bytes: under any PYTHONHASHSEED, with any --jobs, with and without the cache.

Each hash seed gets its own interpreter (hash randomisation is fixed when a
process starts). The interpreter runs every command through the CLI several
ways (cold cache, warm cache, no cache, two worker processes) and saves each
output; the test compares the bytes.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ARTICLES = {
    "agency-sweden-ghana.txt": (
        "Sweden and Ghana agree to deepen trade ties\n\n"
        "ACCRA, June 3 (Coast Wire) -- Swedish Foreign Minister Lars Lindqvist and Ghanaian Foreign "
        "Minister Amara Okafor held talks on trade, energy and maritime security on Monday.\n\n"
        "-- Lindqvist said that Sweden supports Ghana's plan to expand cocoa processing. He added that "
        "Swedish firms would invest in solar power.\n\n"
        "-- Okafor said Ghana opposes unilateral sanctions and welcomed new investment in trade.\n\n"
        "-- Both ministers condemned piracy in the Gulf of Guinea and called for joint naval patrols.\n"),
    "readout-chile-japan.md": (
        "---\ntitle: Readout of the call between the foreign ministers of Chile and Japan\n"
        "date: 2024-04-11\nsource: Example Ministry\n---\n\n"
        "Foreign Minister Paula Rojas spoke today with Foreign Minister Kenji Sato.\n\n"
        "Minister Rojas welcomed Japan's support for the lithium partnership and stressed that "
        "Chile rejects protectionism in all its forms.\n\n"
        "Minister Sato said Japan backs the regional trade agreement. He opposed any attempt to "
        "change the status quo by force.\n\n"
        "The ministers agreed to meet again in Tokyo.\n"),
    "transcript-press.html": (
        "<html><head><meta property='og:title' content='Press briefing'></head><body><article>"
        "<h1>Press briefing</h1>"
        "<p>SPOKESPERSON MWANGI: Kenya supports the ceasefire and urges both sides to return to talks.</p>"
        "<p>Q: Does Kenya back the sanctions?</p>"
        "<p>SPOKESPERSON MWANGI: We oppose unilateral sanctions. They hurt ordinary people.</p>"
        "<p>Q: And the trade agreement?</p>"
        "<p>SPOKESPERSON MWANGI: We welcome the trade agreement and hope it is signed soon.</p>"
        "</article></body></html>"),
    "feed.jsonl": (
        json.dumps({"text": "Chancellor Vogel said Germany supports the climate fund. She rejected calls "
                            "to delay the coal exit.", "title": "Vogel on climate", "date": "2024-02-01"})
        + "\n" + "{broken\n"
        + json.dumps({"text": "Prime Minister Tanaka said Japan opposes the export ban and supports free "
                              "trade. Tanaka welcomed the summit.", "title": "Tanaka"}) + "\n"),
    "binary.txt": "\x00\x01\x02",
}
COMMANDS = {
    "claims": ["claims"],
    "stance": ["stance"],
    "keywords": ["keywords"],
    "topics": ["topics", "--k", "2"],
    "topics-by-doc": ["topics", "--k-range", "2:3", "--by", "doc"],
    "speakers": ["speakers"],
    "who-said": ["who-said", "trade sanctions"],
    "kwic": ["kwic", "trade"],
    "summary": ["summary"],
    "matrix": ["stance", "--matrix"],
    "report": ["report", "-o", "-"],
}
# variant -> (options, cache): "fresh" is an empty cache folder for that run alone,
# "shared" one that an earlier run filled.
VARIANTS = {"cold": ([], "fresh"), "warm": ([], "shared"), "no-cache": (["--no-cache"], "fresh"),
            "jobs": (["--jobs", "2"], "fresh"), "jobs-warm": (["--jobs", "2"], "shared")}
FORMATS = ["json", "csv", "table"]
# The report writes HTML and takes no --format: its one "format" is html.
ONLY_HTML = {"report"}


def formats(cmd: str, variant: str = "cold") -> list[str]:
    if cmd in ONLY_HTML:
        return ["html"]
    return FORMATS if variant in ("cold", "no-cache") else ["json"]

# Runs in a fresh interpreter: every command, variant and format through the CLI.
DRIVER = textwrap.dedent("""
    import json, sys
    from typer.testing import CliRunner
    from dipcli.cli import app

    corpus, out, caches, plan = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
    for name, args, variant, fmt, cache in plan:
        env = {"DIPCLI_CACHE_DIR": f"{caches}/{name if cache == 'fresh' else cache}"}
        r = CliRunner(env=env).invoke(app, [*args, corpus, *variant, *(["--format", fmt] if fmt != "html" else [])])
        if r.exception is not None and not isinstance(r.exception, SystemExit):
            raise r.exception
        with open(f"{out}/{name}.out", "wb") as fh:
            fh.write(r.stdout_bytes)
        with open(f"{out}/{name}.err", "wb") as fh:
            fh.write(r.stderr_bytes)
        with open(f"{out}/{name}.rc", "w") as fh:
            fh.write(str(r.exit_code))
""")


def plan() -> list:
    steps = [["prime", ["articles"], [], "json", "shared"]]  # fills the shared cache
    for variant, (extra, cache) in VARIANTS.items():
        for cmd, args in COMMANDS.items():
            for fmt in formats(cmd, variant):
                steps.append([f"{cmd}.{variant}.{fmt}", args, extra, fmt, cache])
    return steps


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, dict[str, bytes]]:
    """seed -> output name -> bytes, from one interpreter per seed (run side by side)."""
    root = tmp_path_factory.mktemp("determinism")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    src = Path(__file__).resolve().parents[1] / "src"
    procs = {}
    for seed in ("1", "2"):
        out = root / f"seed{seed}"
        out.mkdir()
        caches = root / f"caches{seed}"
        env = dict(os.environ, PYTHONHASHSEED=seed, COLUMNS="120", PYTHONPATH=os.pathsep.join(filter(None, [str(src), os.environ.get("PYTHONPATH")])))
        env.pop("FORCE_COLOR", None)
        procs[seed] = (out, subprocess.Popen([sys.executable, "-c", DRIVER, str(corpus), str(out), str(caches),
                                              json.dumps(plan())],
                                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE))
    result = {}
    for seed, (out, proc) in procs.items():
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode(errors="replace")
        result[seed] = {p.name: p.read_bytes() for p in out.iterdir()}
    return result


def test_every_output_was_written(outputs):
    for files in outputs.values():
        assert len(files) == 3 * len(plan())
        for name, data in files.items():
            if name.endswith(".rc"):
                assert data == b"1"  # binary.txt and a broken JSON line are in the input
            if name.endswith(".out") and ".json" in name:
                assert json.loads(data)
            if name.endswith(".err"):
                assert b"Traceback" not in data
                assert b"binary.txt" in data and b"feed.jsonl:2" in data


@pytest.mark.parametrize("cmd", COMMANDS)
def test_same_bytes_under_two_hash_seeds(outputs, cmd):
    one, two = outputs["1"], outputs["2"]
    names = [n for n in one if n.startswith(f"{cmd}.")]
    assert names
    for name in names:
        assert one[name] == two[name], f"{name} differs between PYTHONHASHSEED=1 and 2"


@pytest.mark.parametrize("cmd", COMMANDS)
def test_same_bytes_with_and_without_cache_and_with_two_jobs(outputs, cmd):
    files = outputs["1"]
    for fmt in formats(cmd):
        assert files[f"{cmd}.cold.{fmt}.out"] == files[f"{cmd}.no-cache.{fmt}.out"]
    main = formats(cmd, "warm")[0]
    reference = files[f"{cmd}.cold.{main}.out"]
    for variant in ("warm", "jobs", "jobs-warm"):
        assert files[f"{cmd}.{variant}.{main}.out"] == reference, f"{cmd} with {variant} differs"
    assert files[f"{cmd}.warm.{main}.err"] == files[f"{cmd}.cold.{main}.err"]


def test_results_are_not_trivially_empty(outputs):
    files = outputs["1"]
    claims = json.loads(files["claims.cold.json.out"])
    assert {c["doc"] for c in claims} == {"agency-sweden-ghana", "readout-chile-japan", "transcript-press",
                                          "feed:1", "feed:3"}
    assert json.loads(files["stance.cold.json.out"])
    assert json.loads(files["keywords.cold.json.out"])
    assert json.loads(files["topics.cold.json.out"])
    page = files["report.cold.html.out"].decode()
    assert page.startswith("<!DOCTYPE html>") and page.count("<article ") == 5 and "Press briefing" in page
