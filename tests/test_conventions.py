"""What users of data CLIs expect: --version, completion, options before or after the command,
contradictory flags refused, standard input without "-", exit codes, --keep-going, --quiet."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dipcli import __version__
from dipcli.cli import app
from dipcli.environment import Environment, ExitCode, stdin_has_data

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"
README = Path(__file__).resolve().parents[1] / "README.md"
SAID = "Foreign Minister Ana Lindqvist said the talks were useful.\n"


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("DIPCLI_CACHE_DIR", str(tmp_path / "cache"))


def run(*args: str, input: str | None = None, terminal: bool = True):
    return CliRunner().invoke(app, list(args), input=input, obj=Environment(stdin_isatty=terminal))


def test_version():
    r = run("--version")
    assert r.exit_code == 0
    assert r.stdout == f"dipcli {__version__}\n"


def test_completion_script_for_bash():
    r = run("--show-completion", "bash")
    assert r.exit_code == 0
    assert "complete" in r.stdout and "dipcli" in r.stdout.lower()


@pytest.mark.parametrize("args", [
    ["--no-cache", "claims", "-f", "jsonl"],
    ["claims", "--no-cache", "-f", "jsonl"],
    ["-f", "jsonl", "claims"],
    ["--format", "jsonl", "--jobs", "2", "claims"],
    ["--max-bytes", "100000000", "-q", "claims", "--format", "jsonl"],
])
def test_shared_options_go_before_or_after_the_command(args):
    r = run(*args[:args.index("claims") + 1], str(FIXTURES), *args[args.index("claims") + 1:])
    assert r.exit_code == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert rows and all("speaker" in row for row in rows)


def test_the_option_after_the_command_wins():
    r = run("-f", "csv", "claims", str(FIXTURES), "-f", "jsonl")
    assert r.exit_code == 0
    assert r.stdout.startswith("{")


def test_max_bytes_before_the_command_refuses_a_large_file(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(SAID * 100)
    r = run("--max-bytes", "100", "claims", str(big))
    assert r.exit_code == ExitCode.INPUT
    assert "big.txt" in r.stderr


@pytest.mark.parametrize("args, words", [
    (["claims", "--json", "-f", "csv"], ["--json", "--format csv"]),
    (["--json", "claims", "-f", "jsonl"], ["--json", "--format jsonl"]),
    (["-f", "table", "speakers", "--json"], ["--json", "--format table"]),
    (["stance", "--by-entity"], ["--by-entity", "--matrix"]),
    (["claims", "--jobs", "2", "--scheduler", "local"], ["--jobs", "--scheduler"]),
    (["claims", "-", "-"], ["standard input"]),
])
def test_contradictory_flags_are_refused_on_one_line(args, words):
    r = run(*args, str(FIXTURES))
    assert r.exit_code == ExitCode.USAGE
    assert r.stdout == ""
    assert len(r.stderr.strip().splitlines()) == 1
    assert all(w in r.stderr for w in words), r.stderr


@pytest.mark.parametrize("args", [["-f", "json", "report"], ["--json", "report"]])
def test_a_shared_option_a_command_lacks_is_refused_before_its_name(args, tmp_path):
    r = run(*args, str(FIXTURES), "-o", str(tmp_path / "r.html"))
    assert r.exit_code == ExitCode.USAGE
    assert r.stderr.strip().endswith("does not apply to report") and len(r.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "r.html").exists()


def test_json_with_format_json_is_no_contradiction():
    r = run("claims", str(FIXTURES), "--json", "-f", "json")
    assert r.exit_code == 0 and json.loads(r.stdout)


# -- standard input ---------------------------------------------------------------------------

def test_piped_input_without_a_path_is_read():
    r = run("claims", "--json", input=SAID, terminal=False)
    assert r.exit_code == 0, r.stderr
    rows = json.loads(r.stdout)
    assert [row["doc"] for row in rows] == ["stdin"]
    assert rows[0]["speaker"] == "Ana Lindqvist"


def test_a_terminal_without_a_path_reads_the_bundled_corpus():
    r = run("articles", "--json", terminal=True)
    assert r.exit_code == 0
    assert [a["doc"] for a in json.loads(r.stdout)] == ["xinhua-2023-03-22-highlights-of-xi-putin-talks"]


def test_paths_win_over_piped_input():
    r = run("articles", str(FIXTURES), "--json", input=SAID, terminal=False)
    assert r.exit_code == 0
    assert "stdin" not in {a["doc"] for a in json.loads(r.stdout)}


def test_empty_piped_input_is_an_input_error():
    r = run("claims", input="", terminal=False)
    assert r.exit_code == ExitCode.INPUT
    assert "stdin" in r.stderr


def test_what_counts_as_piped_input(tmp_path):
    path = tmp_path / "in.txt"
    path.write_text(SAID)
    with open(path) as regular:
        assert stdin_has_data(regular)
    with open(os.devnull) as null:
        assert not stdin_has_data(null)  # a job started with </dev/null reads the bundled corpus
    read, write = os.pipe()
    with os.fdopen(read) as pipe:
        os.close(write)
        assert stdin_has_data(pipe)
    assert not stdin_has_data(None)


@pytest.mark.parametrize("how", ["pipe", "redirect", "devnull"])
def test_the_installed_command_reads_stdin_without_a_dash(tmp_path, how):
    """The real entry point decides from the real standard input (no CliRunner)."""
    path = tmp_path / "note.md"
    path.write_text(SAID)
    cmd = [sys.executable, "-m", "dipcli", "articles", "--json", "--no-cache"]
    if how == "pipe":
        out = subprocess.run(cmd, input=SAID.encode(), capture_output=True)
    else:
        with open(path if how == "redirect" else os.devnull, "rb") as stdin:
            out = subprocess.run(cmd, stdin=stdin, capture_output=True)
    assert out.returncode == 0, out.stderr
    docs = [a["doc"] for a in json.loads(out.stdout)]
    assert docs == (["xinhua-2023-03-22-highlights-of-xi-putin-talks"] if how == "devnull" else ["stdin"])


# -- exit status ------------------------------------------------------------------------------

@pytest.fixture()
def mixed(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text(SAID)
    (folder / "empty.txt").write_text("   \n")
    return folder


def test_a_failed_input_makes_the_status_1(mixed):
    r = run("claims", str(mixed), "--json")
    assert r.exit_code == ExitCode.INPUT
    assert len(json.loads(r.stdout)) == 1
    assert "empty.txt" in r.stderr


@pytest.mark.parametrize("where", ["before", "after"])
def test_keep_going_exits_0_when_an_article_was_analysed(mixed, where):
    args = ["--keep-going", "claims", str(mixed), "--json"] if where == "before" else \
        ["claims", str(mixed), "--json", "--keep-going"]
    r = run(*args)
    assert r.exit_code == ExitCode.OK
    assert len(json.loads(r.stdout)) == 1
    assert "empty.txt" in r.stderr  # the failure is still reported


def test_keep_going_with_nothing_analysed_is_still_an_error(tmp_path):
    (tmp_path / "empty.txt").write_text("\n")
    r = run("claims", str(tmp_path), "--keep-going")
    assert r.exit_code == ExitCode.INPUT


def test_quiet_silences_notes_but_not_errors(mixed):
    loud = run("kwic", "zzzz", str(mixed))
    quiet = run("-q", "kwic", "zzzz", str(mixed))
    assert "no occurrence" in loud.stderr and "no occurrence" not in quiet.stderr
    assert "input(s) failed" in loud.stderr and "input(s) failed" not in quiet.stderr
    assert "empty.txt" in quiet.stderr
    assert loud.exit_code == quiet.exit_code == ExitCode.INPUT


def test_usage_errors_exit_2():
    assert run("claims", "--no-such-option").exit_code == ExitCode.USAGE
    assert run("topics", str(FIXTURES), "--k", "zero").exit_code == ExitCode.USAGE


def test_readme_documents_every_exit_code():
    section = README.read_text(encoding="utf-8").split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    documented = {int(m) for m in re.findall(r"^\| (\d+) \|", section, re.M)}
    assert documented == {int(code) for code in ExitCode}


def test_progress_lines_only_on_a_terminal(monkeypatch):
    piped = run("topics", str(FIXTURES), "--k", "2")
    assert piped.exit_code == 0
    assert "fitting" not in piped.stderr and "k = 2" in piped.stderr  # notes stay, steps go
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    from dipcli.runner import Options, Run

    said = []
    opts = Options("table", False, 1, None, None, False, False, None, Environment(), None)
    monkeypatch.setattr(Run, "note", lambda self, message, style="dim": said.append(message))
    Run([], opts).progress("topics: fitting nmf")
    assert said == ["topics: fitting nmf"]
