"""The Dask path gives the same claims, stance acts, term counts and keywords as one process."""
from __future__ import annotations

import json
import sys
from dataclasses import asdict

import pytest
from typer.testing import CliRunner

pytest.importorskip("distributed")

from dipcli import distributed, stance  # noqa: E402
from dipcli.cli import app  # noqa: E402
from dipcli.distributed import connect, count_groups_dask, iter_analysed_dask  # noqa: E402
from dipcli.keywords import count_groups, keywords, rank_counts  # noqa: E402
from dipcli.model import DipError  # noqa: E402
from dipcli.pipeline import iter_analysed  # noqa: E402
from dipcli.stance import find_stances  # noqa: E402

WIRE = """Ministers agree on grain corridor
12 Apr., 2024  |  Source:Harbour Wire  |  Hits:310

ACCRA, April 12 (Harbour Wire) -- Ghanaian Foreign Minister Efua Boateng and Norwegian Foreign Minister Erik Solheim Dahl met on Friday.

-- Boateng said that the two countries should expand cocoa processing. She added that new port capacity would help.

-- Shipping costs remain too high, Dahl said, adding that Norway would fund a feasibility study.

-- The two sides agreed to meet again in Oslo in the autumn.

Category: Trade
"""

READOUT = """---
title: Readout of the Prime Minister's call with President Ruiz
date: 2023-09-02
---

Prime Minister Hana Lindqvist spoke today with President Tomas Ruiz of Chile.
The leaders discussed lithium supply chains and climate finance.

Prime Minister Lindqvist underscored her support for the new trade
agreement. President Ruiz welcomed the decision to open a consulate in
Valparaiso and said that both governments would work on visa facilitation.
"""

# Repeated phrases, so collocations are found and the phrase path is covered.
BRIEFING = """Ministers discuss climate finance and debt relief
3 May, 2024  |  Source:Harbour Wire

SUVA, May 3 (Harbour Wire) -- Fijian Finance Minister Amara Osei and Danish Development Minister Lars Berg met on Friday.

Osei said that climate finance must reach small island states. She said that climate finance pledges remain unmet. \
Osei said the loss and damage fund needs climate finance too. She added that small island states cannot wait.

Berg said that debt relief cannot wait for another summit. He said that debt relief frees money for schools. \
Berg said that debt relief and climate finance go together. He added that the loss and damage fund should open this year.

The two ministers agreed to meet again in Copenhagen.
"""

SPEECHES = [
    {"title": "Statement to the Assembly", "date": "2022-09-21",
     "text": "Mr. President, my delegation believes that debt relief cannot wait. We call on all creditors "
             "to act.\n\nThe Minister for Foreign Affairs, Ayesha Rahman, said the country would host the next summit."},
    {"title": "Press remarks", "date": "2022-10-03",
     "text": "AMBASSADOR KOVAC: Thank you. We oppose any unilateral sanctions.\n\n"
             "AMBASSADOR OKAFOR: We share that view and will say so in the Council."},
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    (root / "a-wire.txt").write_text(WIRE, encoding="utf-8")
    (root / "b-readout.md").write_text(READOUT, encoding="utf-8")
    (root / "c-speeches.jsonl").write_text("".join(json.dumps(r) + "\n" for r in SPEECHES), encoding="utf-8")
    (root / "d-briefing.txt").write_text(BRIEFING, encoding="utf-8")
    return [str(root)]


@pytest.fixture(scope="module")
def expected(corpus):
    errors = []
    items = list(iter_analysed(corpus, on_error=errors.append, use_cache=False))
    assert not errors and len(items) == 5
    return items


@pytest.fixture(scope="module")
def client():
    """One two-process local cluster for the module, started the way --scheduler local starts it."""
    with connect("local") as c:
        yield c


def claim_dicts(items) -> list[dict]:
    return [asdict(c) for item in items for c in item.claims]


def test_same_claims_in_input_order_as_single_process(client, corpus, expected, monkeypatch, tmp_path):
    monkeypatch.setattr("dipcli.parallel.FIRST_BATCH_CHARS", 300)  # several batches in flight
    assert len(client.scheduler_info()["workers"]) == 2
    errors = []
    paths = corpus + [str(tmp_path / "missing.txt")]
    got = list(iter_analysed_dask(paths, scheduler=client.scheduler.address, on_error=errors.append))
    assert [g.article.doc for g in got] == [e.article.doc for e in expected]
    assert claim_dicts(got) == claim_dicts(expected)
    assert len(claim_dicts(got)) >= 8
    assert len(errors) == 1 and isinstance(errors[0], DipError)


def test_stance_acts_found_on_dask_equal_one_process(client, corpus, expected, monkeypatch):
    monkeypatch.setattr("dipcli.parallel.FIRST_BATCH_CHARS", 300)
    errors = []
    got = list(iter_analysed_dask(corpus, client=client, on_error=errors.append, stances=True))
    assert not errors
    assert [item.article.doc for item, _ in got] == [e.article.doc for e in expected]
    assert claim_dicts(item for item, _ in got) == claim_dicts(expected)
    want = [[asdict(s) for s in find_stances(e)] for e in expected]
    assert [[asdict(s) for s in found] for _, found in got] == want
    assert sum(map(len, want)) >= 4


class NothingSent:
    """A client that knows its workers but refuses work: every article must come from the cache."""

    def __init__(self, client):
        self.client = client

    def scheduler_info(self):
        return self.client.scheduler_info()

    def submit(self, *args, **kwargs):
        raise AssertionError("an article was sent to the cluster")


def test_parse_cache_serves_a_second_dask_run(client, corpus, expected, monkeypatch, tmp_path):
    monkeypatch.setenv("DIPCLI_CACHE_DIR", str(tmp_path / "cache"))
    errors = []
    first = list(iter_analysed_dask(corpus, client=client, on_error=errors.append, use_cache=True))
    assert claim_dicts(first) == claim_dicts(expected) and not errors
    assert len(list((tmp_path / "cache").rglob("*.json.gz"))) == len(expected)
    again = list(iter_analysed_dask(corpus, client=NothingSent(client), on_error=errors.append, use_cache=True,
                                    stances=True))
    assert claim_dicts(item for item, _ in again) == claim_dicts(expected) and not errors
    assert [[asdict(s) for s in acts] for _, acts in again] == [[asdict(s) for s in find_stances(e)] for e in expected]
    with pytest.raises(AssertionError, match="sent to the cluster"):
        list(iter_analysed_dask(corpus, client=NothingSent(client), on_error=errors.append, use_cache=False))


@pytest.mark.parametrize("options", [[], ["--matrix"], ["--matrix", "--by-entity"], ["--speaker", "kovac"],
                                     ["--target", "sanctions"]], ids=" ".join)
def test_stance_cli_on_dask_prints_the_same_bytes(client, corpus, options, monkeypatch):
    monkeypatch.setattr("dipcli.parallel.FIRST_BATCH_CHARS", 300)
    for fmt in ["json", "jsonl", "csv", "table"]:
        args = ["stance", *corpus, *options, "--format", fmt, "--no-cache"]
        plain = CliRunner().invoke(app, args)
        # the module's cluster by its address: "--scheduler local" would start a second one
        dask = CliRunner().invoke(app, args + ["--scheduler", client.scheduler.address])
        assert plain.exit_code == dask.exit_code == 0
        assert dask.stdout_bytes == plain.stdout_bytes, f"{fmt} differs"
        assert dask.stderr == plain.stderr
    assert plain.stdout.strip()


def test_stance_acts_are_found_on_the_dask_workers(client, corpus, monkeypatch):
    args = ["stance", *corpus, "--format", "json", "--no-cache"]
    plain = CliRunner().invoke(app, args)

    def not_here(item):
        raise AssertionError("stance acts found on the client")

    # the workers are other processes, with the real function
    monkeypatch.setattr(stance, "find_stances", not_here)
    dask = CliRunner().invoke(app, args + ["--scheduler", client.scheduler.address])
    assert dask.exit_code == 0 and dask.stdout_bytes == plain.stdout_bytes
    assert len(json.loads(plain.stdout)) >= 4
    assert isinstance(CliRunner().invoke(app, args).exception, AssertionError)


def same_counts(got, want) -> None:
    assert (got.groups, got.sizes, got.keys) == (want.groups, want.sizes, want.keys)
    assert (got.counts != want.counts).nnz == 0 and got.counts.nnz == want.counts.nnz
    assert [got.shown.show(t) for t in range(len(got.keys))] == [want.shown.show(t) for t in range(len(want.keys))]
    if want.claim_df is None:
        assert got.claim_df is None
    else:
        assert got.claim_df.tolist() == want.claim_df.tolist()


@pytest.mark.parametrize("by", ["speaker", "doc", "none"])
def test_keyword_counts_on_dask_equal_one_process(client, expected, by, monkeypatch):
    monkeypatch.setattr(distributed, "CLAIMS_PER_BATCH", 3)  # many batches, more than the window in flight
    got = count_groups_dask(iter(expected), client, by=by)
    want = count_groups(expected, by=by)
    same_counts(got, want)
    assert sum(got.sizes) == len(claim_dicts(expected)) > distributed.batches_in_flight(client) * 3
    shown = {got.shown.show(t) for t in range(len(got.keys))}
    assert {"climate finance", "debt relief", "small island states", "loss and damage"} <= shown
    assert "debt" in got.keys and "debt relief" in got.keys


@pytest.mark.parametrize("method", ["logodds", "tfidf", "frequency"])
@pytest.mark.parametrize("by", ["speaker", "doc", "none"])
def test_keywords_on_dask_equal_one_process(client, expected, by, method, monkeypatch):
    monkeypatch.setattr(distributed, "CLAIMS_PER_BATCH", 4)
    got = rank_counts(count_groups_dask(iter(expected), client, by=by), by=by, top=15, method=method)
    want = keywords(expected, by=by, top=15, method=method)
    assert got == want
    records = got[0]
    assert records and any(" " in k.term for k in records)


def test_keywords_cli_on_dask_prints_the_same_bytes(client, corpus, monkeypatch):
    monkeypatch.setattr(distributed, "CLAIMS_PER_BATCH", 5)
    args = ["keywords", *corpus, "--by", "speaker", "--format", "json", "--no-cache"]
    plain = CliRunner().invoke(app, args)
    # the module's cluster by its address: "--scheduler local" would start a second one
    dask = CliRunner().invoke(app, args + ["--scheduler", client.scheduler.address])
    assert plain.exit_code == dask.exit_code == 0
    assert dask.stdout_bytes == plain.stdout_bytes
    assert dask.stderr == plain.stderr
    terms = [k["term"] for k in json.loads(plain.stdout)]
    assert "debt relief" in terms


def test_keywords_on_dask_without_claims(client):
    counts = count_groups_dask(iter([]), client, by="speaker")
    assert rank_counts(counts) == keywords([]) == ([], ["no claims to rank keywords in"])
    with pytest.raises(DipError, match="unknown grouping"):
        count_groups_dask(iter([]), client, by="paragraph")


def test_missing_dask_is_a_user_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # makes "import distributed" fail
    with pytest.raises(DipError, match=r"pip install 'dipcli\[dask\]'"):
        list(iter_analysed_dask([], scheduler="local", on_error=lambda err: None))


def test_unreachable_scheduler_is_a_user_error(monkeypatch):
    monkeypatch.setattr(distributed, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(DipError, match="cannot connect"):
        with connect("tcp://127.0.0.1:9"):
            pass


def test_a_worker_lost_mid_run_is_one_line_and_exit_1(monkeypatch, capsys):
    """KilledWorker (a task's workers died, out of memory say) reaches the user as one line, not a traceback."""
    from distributed import KilledWorker

    from dipcli import cli

    def dying(*args, **kwargs):
        from types import SimpleNamespace

        raise KilledWorker("analyse_batch-1234", SimpleNamespace(address="tcp://127.0.0.1:40000"), 3)
        yield  # a generator, like the real one

    monkeypatch.setattr(distributed, "iter_analysed_dask", dying)
    monkeypatch.setattr(sys, "argv", ["dipcli", "claims", "--scheduler", "local", "--format", "jsonl"])
    monkeypatch.setattr(cli.Run, "dask_client", lambda self: None)
    with pytest.raises(SystemExit) as stop:
        cli.main()
    err = capsys.readouterr().err
    assert stop.value.code == 1
    assert err.startswith("dipcli: error: the Dask cluster failed: KilledWorker") and err.count("\n") == 1
    assert "Traceback" not in err


@pytest.mark.parametrize("command", ["claims", "speakers"])
@pytest.mark.parametrize("keep", [None, "aside", "again"])
def test_identities_on_dask_are_the_same_bytes(client, corpus, command, keep, monkeypatch):
    monkeypatch.setattr("dipcli.parallel.FIRST_BATCH_CHARS", 300)
    if keep is not None:
        monkeypatch.setattr("dipcli.corpus.KEEP_CHARS", 0)  # set aside on disk
    if keep == "again":
        monkeypatch.setattr("dipcli.corpus.SPILL_CHARS", 0)  # the corpus is read a second time
    args = [command, *corpus, "--format", "jsonl", "--no-cache"]
    plain = CliRunner().invoke(app, args)
    dask = CliRunner().invoke(app, args + ["--scheduler", client.scheduler.address])
    assert plain.exit_code == dask.exit_code == 0
    assert dask.stdout_bytes == plain.stdout_bytes
    assert (b"\"speaker_id\":\"person:" if command == "claims" else b"\"id\":\"person:") in plain.stdout_bytes
    jobs = CliRunner().invoke(app, args + ["--jobs", "2"])
    assert jobs.stdout_bytes == plain.stdout_bytes
