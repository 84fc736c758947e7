"""Streaming topics: separated subjects, the same bytes every run, and the same records on Dask."""
from __future__ import annotations

import json
import random
from dataclasses import asdict

import pytest
from typer.testing import CliRunner

from builders import analysed
from dipcli import topics_model, topics_stream
from dipcli.cli import app
from dipcli.model import DipError
from dipcli.topics_stream import stream_topics

SUBJECTS = {
    "fisheries": "fisheries quota trawler harbour catch tuna vessel coastal stocks marine licence".split(),
    "health": "vaccine clinic nurse hospital malaria dose outbreak patient medicine surgeon ward".split(),
    "elections": "election ballot parliament candidate polling voter constituency campaign referendum turnout".split(),
}
COMMON = "government people country plan year progress".split()
SPEAKERS = ["Amara Okafor", "Jonas Berg", "Lucia Ferraz", None]


def generated(per_subject: int = 30, seed: int = 3) -> list[tuple[str, str]]:
    """``(subject, sentence)`` pairs, the subjects taking turns."""
    rng = random.Random(seed)
    out = []
    for _ in range(per_subject):
        for subject, words in SUBJECTS.items():
            w = rng.sample(words, 4) + rng.sample(COMMON, 1)
            out.append((subject, f"The {w[0]} and the {w[1]} shape the {w[2]} {w[3]} of the {w[4]}."))
    return out


def corpus(per_subject: int = 30):
    """Documents of 15 claims, speakers taking turns, and one claim of stop words only."""
    pairs = generated(per_subject)
    items = []
    for d in range(0, len(pairs), 15):
        rows = [(SPEAKERS[(d + i) % len(SPEAKERS)], text) for i, (_, text) in enumerate(pairs[d:d + 15])]
        items.append(analysed(f"doc{d // 15}", rows))
    items.append(analysed("closing", [("Jonas Berg", "We are all here.")]))
    return items


SUBJECT_OF = {text: subject for subject, text in generated()}


@pytest.fixture
def small_batches(monkeypatch):
    """Many batches of a few claims and several fit steps per pass, so every step is exercised; fewer passes."""
    monkeypatch.setattr(topics_stream, "BATCH_CLAIMS", 8)
    monkeypatch.setattr(topics_stream, "FIT_UNITS", 20)
    monkeypatch.setattr(topics_stream, "EPOCHS", {"nmf": 6, "lda": 10})


def check_invariants(run, items):
    found, model, documents = run
    ids = [c.id for item in items for c in item.claims]
    placed = [cid for t in found for cid in t.claims]
    assert sorted(placed + model["unassigned_claims"]) == sorted(ids)  # every claim counted once
    assert all(t.claims for t in found)
    assert sum(t.share for t in found) == pytest.approx(1.0, abs=1e-4)
    assert sum(t.claim_share for t in found) + model["unassigned"] / len(ids) == pytest.approx(1.0, abs=1e-4)
    assert [d.doc for d in documents] == [item.article.doc for item in items]
    assert sum(t.docs for t in found) == sum(d.dominant is not None for d in documents)
    assert [t.topic for t in found] == list(range(1, len(found) + 1))
    assert [t.share for t in found] == sorted((t.share for t in found), reverse=True)
    for t in found:
        assert t.label.split(" / ")[0] == t.terms[0].term
        assert all(" " not in tt.term for tt in t.terms)  # words only, never phrases


def records(found) -> list[dict]:
    return [asdict(t) for t in found]


# -- one process -----------------------------------------------------------------------------

@pytest.mark.parametrize("method", ["nmf", "lda"])
def test_three_subjects_land_in_three_topics(small_batches, method):
    from sklearn.metrics import adjusted_rand_score

    items = corpus()
    run = stream_topics(items, k=3, method=method)
    check_invariants(run, items)
    found, info, _ = run
    assert info["k"] == 3 and info["streaming"] is True and info["phrases"] is False
    assert info["batches"] == 12 and info["claims"] == 91
    topic_of = {cid: t.topic for t in found for cid in t.claims}
    claims = [c for item in items for c in item.claims if c.text in SUBJECT_OF]
    ari = adjusted_rand_score([SUBJECT_OF[c.text] for c in claims], [topic_of[c.id] for c in claims])
    assert ari > 0.8
    for t in found:
        subjects = {s for s, words in SUBJECTS.items() if {tt.term.lower() for tt in t.terms[:3]} <= set(words)}
        assert len(subjects) == 1, t.terms  # each topic's top terms are one subject's words


def test_units_of_several_claims_and_auto_k(small_batches, monkeypatch):
    monkeypatch.setattr(topics_model, "MAX_UNITS", 30)  # 91 claims -> units of up to 4 claims
    items = corpus()
    messages: list[str] = []
    run = stream_topics(items, k="auto", k_range=(2, 6), progress=messages.append)
    check_invariants(run, items)
    info = run.model
    assert info["run_length"] == 4 and info["units"] < info["claims"] and info["unit"] == "run"
    scores = info["candidates"]
    assert [s["k"] for s in scores] == [2, 3, 4, 5, 6]
    assert info["k"] == max(scores, key=lambda s: (s["coherence"], -s["k"]))["k"]  # ties go to the smaller k
    assert any("chose k=" in m for m in messages)


def test_lda_chooses_k_on_a_sample_then_streams(small_batches, monkeypatch):
    monkeypatch.setattr(topics_stream, "LDA_SELECT_UNITS", 40)
    items = corpus()
    run = stream_topics(items, k="auto", k_range=(2, 5), method="lda")
    check_invariants(run, items)
    assert run.model["selection_units"] == 40 and len(run.model["candidates"]) == 4


def test_same_records_on_every_run(small_batches):
    first = stream_topics(corpus(), k="auto", k_range=(2, 5))
    again = stream_topics(iter(corpus()), k="auto", k_range=(2, 5))  # a generator is read once, the same way
    assert records(first[0]) == records(again[0]) and first[1] == again[1]
    assert json.dumps(records(first[0])) == json.dumps(records(again[0]))
    assert records(first[2]) == records(again[2])
    assert records(stream_topics(corpus(), k=3, random_state=1)[0]) == records(stream_topics(corpus(), k=3, random_state=1)[0])


def test_examples_are_each_topics_first_claim(small_batches):
    items = corpus()
    found, info, _ = stream_topics(items, k=3, examples=True)
    text = {c.id: c.text for item in items for c in item.claims}
    assert info["examples"] == {t.claims[0]: text[t.claims[0]] for t in found}
    assert "examples" not in stream_topics(items, k=3).model


# -- edge cases ------------------------------------------------------------------------------

def test_no_claims():
    found, info, documents = stream_topics([])
    assert found == [] == documents and info["claims"] == 0 and info["warnings"] == ["no claims to find topics in"]


def test_only_stop_words():
    items = [analysed("empty", [(None, "We are all here."), ("Jonas Berg", "It is what it is.")])]
    found, info, _ = stream_topics(items, k=2)
    assert found == [] and info["vocabulary"] == 0
    assert "only stop words" in info["warnings"][0]


def test_too_many_topics_are_capped_with_a_warning():
    items = [analysed("tiny", [(None, "Grain exports rose."), (None, "Grain prices fell."),
                               ("Jonas Berg", "Steel tariffs rose.")])]
    run = stream_topics(items, k=10)
    check_invariants(run, items)
    assert run.model["k"] < 10 and "at most" in run.model["warnings"][0]


@pytest.mark.parametrize("bad", [{"k": 0}, {"k": "many"}, {"method": "lsa"}, {"top_terms": 0}])
def test_bad_options_are_user_errors(bad):
    with pytest.raises(DipError):
        stream_topics(corpus(2), **bad)


# -- Dask --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def client():
    """One two-process local cluster for the module, started the way --scheduler local starts it."""
    pytest.importorskip("distributed")
    from dipcli.distributed import connect

    with connect("local") as c:
        yield c


@pytest.mark.parametrize("options", [{"k": "auto", "k_range": (2, 5)}, {"k": "auto", "k_range": (2, 5), "method": "lda"}])
def test_dask_gives_the_one_process_records(client, small_batches, monkeypatch, options):
    from dipcli.topics_stream import topics_on_dask

    monkeypatch.setattr(topics_model, "MAX_UNITS", 46)  # units of two claims
    monkeypatch.setattr(topics_stream, "LDA_SELECT_UNITS", 30)
    items = corpus()
    want = stream_topics(items, examples=True, **options)
    got = topics_on_dask(iter(items), client, examples=True, **options)
    assert records(got.topics) == records(want.topics) and got.model == want.model
    assert records(got.documents) == records(want.documents)
    assert got.model["batches"] == 12 and got.model["run_length"] == 2
    check_invariants(got, items)


def test_cli_scheduler_local_prints_the_stream_bytes(tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    monkeypatch.setenv("DIPCLI_CACHE_DIR", str(tmp_path / "cache"))
    pairs = generated(10)
    docs = [{"title": f"Statement {d}", "text": "\n\n".join(text for _, text in pairs[d:d + 6])}
            for d in range(0, len(pairs), 6)]
    path = tmp_path / "speeches.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    runner = CliRunner()
    local = runner.invoke(app, ["topics", str(path), "--stream", "--k", "3", "--format", "json"])
    dask = runner.invoke(app, ["topics", str(path), "--scheduler", "local", "--k", "3", "--format", "json"])
    assert local.exit_code == 0 and dask.exit_code == 0, (local.stderr, dask.stderr)
    assert dask.stdout == local.stdout
    rows = json.loads(local.stdout)
    assert len(rows) == 3 and sum(len(r["claims"]) for r in rows) == len(pairs)
    model = runner.invoke(app, ["topics", str(path), "--stream", "--k", "3", "--by", "model", "--format", "json"])
    assert json.loads(model.stdout)[0]["streaming"] is True
    table = runner.invoke(app, ["topics", str(path), "--stream", "--k", "3"])
    assert table.exit_code == 0 and "Topics" in table.stdout and "example" in table.stdout


def test_cli_stream_takes_the_topics_options(tmp_path, monkeypatch):
    monkeypatch.setenv("DIPCLI_CACHE_DIR", str(tmp_path / "cache"))
    pairs = generated(10)
    docs = [{"title": f"Statement {d}", "text": "\n\n".join(text for _, text in pairs[d:d + 6])}
            for d in range(0, len(pairs), 6)]
    path = tmp_path / "speeches.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    runner = CliRunner()

    def run(*args):
        r = runner.invoke(app, ["topics", str(path), "--stream", "--format", "json", *args])
        assert r.exit_code == 0, r.stderr
        return json.loads(r.stdout)

    by_doc = run("--k", "3", "--by", "doc", "--seed", "2")
    assert [d["title"] for d in by_doc] == [d["title"] for d in docs]
    assert all(d["dominant"] in (1, 2, 3) and abs(sum(m["weight"] for m in d["mix"]) - 1) < 1e-4 for d in by_doc)
    model = run("--k", "auto", "--k-range", "2:4", "--by", "model")[0]
    assert model["streaming"] and model["k_range"] == [2, 4] and len(model["candidates"]) == 3
    assert run("--k", "auto", "--k-range", "2:4", "--by", "model", "--top-terms", "3") == [model]
    topics = run("--k", "3", "--speakers", "1", "--min-claims", "1")
    assert all(len(t["speakers"]) <= 1 for t in topics)
