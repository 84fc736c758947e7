"""Views over several documents: tables that say where, limits that say how many more,
ranked views capped to what fits, and progress on a terminal."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from dipcli.cli import app
from dipcli.environment import Environment
from dipcli.progress import Progress
from dipcli.views import matrix_table

FIXTURES = Path(__file__).parent / "fixtures" / "identities"


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("DIPCLI_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("COLUMNS", "100")


def run(*args: str, env: Environment | None = None):
    return CliRunner().invoke(app, list(args), obj=env or Environment(stdin_isatty=True))


def test_claims_of_several_articles_come_one_table_each():
    out = run("claims", str(FIXTURES)).stdout
    for doc in ("briefing", "first-lady", "okafor-readout"):
        assert f"Claims: {doc}" in out
    single = run("claims", str(FIXTURES / "briefing.md")).stdout
    assert "Claims:" not in single and "Claims" in single


def test_kwic_and_who_said_name_the_document_of_each_line():
    kwic = run("kwic", "river", str(FIXTURES)).stdout
    assert "doc" in kwic and "okafor-toast" in kwic and "okafor-statem" in kwic
    hits = run("who-said", "river", str(FIXTURES)).stdout
    assert "okafor-toast" in hits
    assert "doc" not in run("kwic", "river", str(FIXTURES / "okafor-toast.md")).stdout.split("\n")[2]


def test_a_long_table_stops_at_its_limit_and_says_how_many_more():
    total = len(json.loads(run("claims", str(FIXTURES), "--json").stdout))
    r = run("claims", str(FIXTURES), "--limit", "4")
    assert r.exit_code == 0
    assert len(re.findall(r"^│ +\d+ │", r.stdout, re.M)) == 4  # the first article's first four claims
    assert f"{total - 4} more claims not shown" in r.stderr and "--format jsonl" in r.stderr
    assert run("claims", str(FIXTURES), "--limit", "4", "--quiet").stderr == ""
    lines = run("claims", str(FIXTURES), "--limit", "3", "--format", "jsonl").stdout.splitlines()
    assert len(lines) == 3
    assert len(json.loads(run("claims", str(FIXTURES), "--limit", "0", "--json").stdout)) == total


def test_speakers_top_and_min_claims_count_the_rest():
    everyone = json.loads(run("speakers", str(FIXTURES), "--json").stdout)
    top = json.loads(run("speakers", str(FIXTURES), "--top", "2", "--json").stdout)
    assert top == everyone[:2]
    many = json.loads(run("speakers", str(FIXTURES), "--min-claims", "3", "--json").stdout)
    assert many and all(s["claims"] >= 3 for s in many) and len(many) < len(everyone)
    table = run("speakers", str(FIXTURES), "--top", "2").stdout
    rest = everyone[2:]
    assert f"{len(rest)} more speakers with {sum(s['claims'] for s in rest)} claims" in table


def test_keywords_list_the_largest_groups_first_and_as_many_as_asked():
    rows = json.loads(run("keywords", str(FIXTURES), "--json").stdout)
    groups = list(dict.fromkeys(k["group"] for k in rows))
    assert groups[0] == "Bill Okafor"  # the speaker with most claims
    two = json.loads(run("keywords", str(FIXTURES), "--groups", "2", "--json").stdout)
    assert list(dict.fromkeys(k["group"] for k in two)) == groups[:2]


def _matrix_rows(n_holders: int, n_targets: int) -> list[dict]:
    rows = []
    for i in range(n_holders):
        for j in range(n_targets):
            if (i + j) % 3 == 0:
                sup, opp = (i + j) % 4 + 1, j % 2
                rows.append({"holder": f"Speaker Number{i:02d} Of The Delegation", "entity": f"Entity {j}",
                             "support": sup, "oppose": opp, "net": sup - opp, "cell": ""})
    rows.sort(key=lambda r: r["holder"])
    return rows


@pytest.mark.parametrize("width", [60, 100, 160])
def test_the_matrix_fits_the_terminal_and_counts_what_it_leaves_out(width):
    console = Console(file=io.StringIO(), width=width, color_system=None)
    matrix_table(_matrix_rows(40, 30), "entity", top=10, console=console)
    lines = console.file.getvalue().splitlines()
    assert max(len(line) for line in lines) <= width
    text = console.file.getvalue()
    assert "(others)" in text and "more holders" in text and "20 more entities" in " ".join(text.split())
    assert sum(1 for line in lines if line.startswith("│ Entity")) == 10


def test_progress_is_drawn_on_a_terminal_only():
    screen = io.StringIO()
    shown = Progress(enabled=True, console=Console(file=screen, force_terminal=True, width=80))
    assert list(shown.track(range(3), name=str)) == [0, 1, 2]
    assert "articles" in screen.getvalue()
    silent = io.StringIO()
    hidden = Progress(enabled=False, console=Console(file=silent, force_terminal=True, width=80))
    assert list(hidden.track(range(3))) == [0, 1, 2]
    assert silent.getvalue() == ""


def test_progress_follows_the_terminal_and_quiet(monkeypatch):
    from dipcli.runner import Run

    made = []
    monkeypatch.setattr(Run, "finish", lambda self: made.append(self.display.enabled))
    run("articles", str(FIXTURES), "--json", env=Environment(stdin_isatty=True, stderr_isatty=True))
    run("articles", str(FIXTURES), "--json", "--quiet", env=Environment(stdin_isatty=True, stderr_isatty=True))
    run("articles", str(FIXTURES), "--json", env=Environment(stdin_isatty=True, stderr_isatty=False))
    assert made == [True, False, False]


def test_a_folder_summary_fits_100_columns():
    r = run("summary", str(FIXTURES))
    assert r.exit_code == 0
    assert max(len(line) for line in r.stdout.splitlines()) <= 100
    for section in ("Corpus", "Speakers", "Distinctive keywords", "Stance matrix", "Topics", "most informative"):
        assert section in r.stdout
    assert "7 articles" in r.stdout


def test_a_folder_summary_is_the_same_read_from_memory_from_disk_or_again(monkeypatch):
    kept = run("summary", str(FIXTURES), "--json").stdout
    monkeypatch.setattr("dipcli.corpus.KEEP_CHARS", 0)  # set aside on disk
    monkeypatch.setattr("dipcli.summary.KEYWORDS_AT_ONCE_CHARS", 0)  # keywords counted in batches
    assert run("summary", str(FIXTURES), "--json").stdout == kept
    monkeypatch.setattr("dipcli.corpus.SPILL_CHARS", 0)  # read again, from the cache
    assert run("summary", str(FIXTURES), "--json").stdout == kept
    assert json.loads(kept)["corpus"]["articles"] == 7
