"""Topics on a short corpus written for these tests: three themes, three speakers, two house styles."""
from __future__ import annotations

import pytest

from builders import analysed
from dipcli.model import Analysed, DipError
from dipcli.topics import topics


CLIMATE = [
    "Climate finance for adaptation must reach vulnerable island states.",
    "Renewable energy investment and climate finance should double by the next summit.",
    "Rising sea levels threaten island states, so adaptation funding is urgent.",
    "Coal plants must close as renewable energy becomes cheaper.",
    "Emissions cuts and climate finance were the core of the climate talks.",
    "Island states asked for adaptation money and renewable energy grids.",
    "The emissions targets need climate finance from richer economies.",
    "Solar and wind power, renewable energy sources, cut emissions quickly.",
]
TRADE = [
    "Tariffs on steel imports hurt exporters and raise consumer prices.",
    "The trade agreement lowers tariffs on grain and steel.",
    "Exporters want customs procedures simplified under the trade agreement.",
    "Steel tariffs and grain quotas dominated the trade agreement talks.",
    "Consumer prices fell after tariffs on grain imports were removed.",
    "Customs officials will process steel exports faster under the agreement.",
    "The grain export quota and steel tariffs will be reviewed next year.",
    "Both economies expect the trade agreement to double exports of grain.",
]
SECURITY = [
    "The ceasefire along the border must hold and troops should withdraw.",
    "Peacekeepers will monitor the ceasefire and the humanitarian corridor.",
    "Troops withdrew from the border villages after the ceasefire.",
    "The humanitarian corridor lets aid convoys reach besieged towns.",
    "Violations of the ceasefire by border troops were reported to peacekeepers.",
    "Aid convoys used the humanitarian corridor during the ceasefire.",
    "Peacekeepers and troops met at the border to discuss the ceasefire.",
    "The besieged towns need the humanitarian corridor open for aid.",
]


def corpus() -> list[Analysed]:
    speakers = ["Amara Okafor", "Jonas Berg", None]
    readout, transcript = [], []
    for i, (c, t, s) in enumerate(zip(CLIMATE, TRADE, SECURITY)):
        readout.append((speakers[i % 3], c))
        readout.append((speakers[(i + 1) % 3], t))
        transcript.append((speakers[(i + 2) % 3], s))
    transcript.append(("Jonas Berg", "Thank you."))  # no content word at all
    return [analysed("readout", readout), analysed("transcript", transcript)]


THEME = {}
for _text in CLIMATE:
    THEME[_text] = "climate"
for _text in TRADE:
    THEME[_text] = "trade"
for _text in SECURITY:
    THEME[_text] = "security"


def check_invariants(run, items):
    found, model, documents = run
    ids = [c.id for item in items for c in item.claims]
    placed = [cid for t in found for cid in t.claims]
    assert len(placed) == len(set(placed))  # no claim in two topics
    assert sorted(placed + model["unassigned_claims"]) == sorted(ids)  # ... and every claim counted once
    assert model["assigned"] == len(placed) and model["unassigned"] == len(model["unassigned_claims"])
    assert all(t.claims for t in found)  # no empty topic
    assert sum(t.share for t in found) == pytest.approx(1.0, abs=1e-4)
    assert sum(t.claim_share for t in found) + model["unassigned"] / len(ids) == pytest.approx(1.0, abs=1e-4)
    assert [t.n_claims for t in found] == [len(t.claims) for t in found]
    assert [t.topic for t in found] == list(range(1, len(found) + 1))
    shares = [t.share for t in found]
    assert shares == sorted(shares, reverse=True)
    for t in found:
        assert t.terms and len(t.label.split(" / ")) <= 3
        assert t.label.split(" / ")[0] == t.terms[0].term
        assert all(s.share > 0 and 1 <= s.claims <= s.of for s in t.speakers)  # no zero entries
    assert [d.doc for d in documents] == [item.article.doc for item in items]
    assert sum(t.docs for t in found) == sum(d.dominant is not None for d in documents)
    for d in documents:
        if d.mix:
            assert sum(m.weight for m in d.mix) == pytest.approx(1.0, abs=1e-4)
            assert d.weight == max(m.weight for m in d.mix)
            assert d.dominant == min(m.topic for m in d.mix if m.weight == d.weight)


def test_nmf_separates_three_themes():
    from sklearn.metrics import adjusted_rand_score

    items = corpus()
    run = topics(items, k=3)
    check_invariants(run, items)
    assert run.model["k"] == 3 and run.model["method"] == "nmf" and run.model["reason"] == "k=3 was asked for"
    topic_of = {cid: t.topic for t in run.topics for cid in t.claims}
    claims = [c for item in items for c in item.claims if c.text in THEME]
    ari = adjusted_rand_score([THEME[c.text] for c in claims], [topic_of[c.id] for c in claims])
    assert ari > 0.6
    # Phrases are terms too.
    terms = {tt.term for t in run.topics for tt in t.terms}
    assert {"climate finance", "humanitarian corridor", "trade agreement"} & terms


def test_output_is_identical_on_every_run():
    items = corpus()
    assert topics(items, k=3) == topics(items, k=3)
    assert topics(items, k=3, random_state=1) == topics(items, k=3, random_state=1)


def test_auto_k_reports_its_choice_and_every_candidate():
    items = corpus()
    messages: list[str] = []
    run = topics(items, k="auto", k_range=(2, 6), progress=messages.append)
    check_invariants(run, items)
    candidates = run.model["candidates"]
    assert [c["k"] for c in candidates] == [2, 3, 4, 5, 6]
    best = max(candidates, key=lambda c: (c["coherence"], -c["k"]))
    assert run.model["k"] == best["k"] and [c["chosen"] for c in candidates].count(True) == 1
    assert best["chosen"] and f"k={best['k']}" in run.model["reason"]
    assert len(run.topics) == run.model["k"] - run.model["dropped"]
    assert run.model["selection"] == "coherence" and run.model["k_range"] == [2, 6]
    assert any("chose k=" in m for m in messages)


def test_claim_without_terms_is_counted_unassigned():
    items = corpus()
    run = topics(items, k=3)
    empty = next(c.id for c in items[1].claims if c.text == "Thank you.")
    assert run.model["unassigned_claims"] == [empty] and run.model["unassigned"] == 1
    assert not any(empty in t.claims for t in run.topics)


def test_top_terms_never_change_the_model():
    items = corpus()
    few, many = topics(items, k="auto", top_terms=2), topics(items, k="auto", top_terms=12)
    assert few.model == many.model and few.documents == many.documents
    assert [t.claims for t in few.topics] == [t.claims for t in many.topics]
    assert all(len(t.terms) <= 2 for t in few.topics) and any(len(t.terms) > 2 for t in many.topics)


def test_lda_keeps_the_same_invariants_and_follows_its_seed():
    items = corpus()
    run = topics(items, k=3, method="lda")
    check_invariants(run, items)
    assert run.model["method"] == "lda" and run.model["seed"] == 0
    assert topics(items, k=3, method="lda", random_state=7) == topics(items, k=3, method="lda", random_state=7)
    assert topics(items, k=3, method="lda", random_state=7).model["seed"] == 7


def test_too_many_topics_are_capped_with_a_warning():
    items = [analysed("tiny", [(None, "Grain exports rose."), (None, "Grain prices fell."),
                               ("Jonas Berg", "Steel tariffs rose.")])]
    run = topics(items, k=10)
    check_invariants(run, items)
    assert run.model["k"] < 10 and run.model["warnings"]


@pytest.mark.parametrize("bad", [{"k": 0}, {"k": "many"}, {"method": "lsa"}, {"top_terms": 0},
                                 {"k_range": (1, 5)}, {"k_range": (6, 3)}])
def test_bad_options_are_user_errors(bad):
    with pytest.raises(DipError):
        topics(corpus(), **bad)


def test_no_claims():
    run = topics([])
    assert run.topics == [] and run.documents == [] and run.model["warnings"]


# -- model selection, article view, speakers and terms ---------------------------------------

SUBJECT_WORDS = {
    "fisheries": "fisheries quota trawler harbour catch tuna vessel coastal stocks licence".split(),
    "vaccines": "vaccine clinic nurse hospital malaria dose outbreak patient medicine ward".split(),
    "elections": "election ballot parliament candidate polling voter constituency campaign referendum turnout".split(),
    "railways": "railway locomotive station tracks freight timetable signal carriage platform tunnel".split(),
}


def separated(n_docs: int = 6, per_doc: int = 8) -> list[Analysed]:
    """Articles of one subject each (four subjects), speakers taking turns."""
    import random

    rng = random.Random(5)
    items = []
    for s, (subject, words) in enumerate(SUBJECT_WORDS.items()):
        for d in range(n_docs):
            rows = []
            for i in range(per_doc):
                w = rng.sample(words, 4)
                rows.append((["Amara Okafor", "Jonas Berg", None][(d + i) % 3],
                             f"The {w[0]} and the {w[1]} need the {w[2]} for the {w[3]}."))
            items.append(analysed(f"{subject}-{d}", rows))
    return items


def test_auto_k_finds_clearly_separated_subjects():
    items = separated()
    run = topics(items, k="auto", k_range=(2, 8))
    check_invariants(run, items)
    assert run.model["k"] == 4
    # every article's dominant topic is its subject's, one topic per subject
    by_subject: dict[str, set[int]] = {}
    for d in run.documents:
        by_subject.setdefault(d.doc.rsplit("-", 1)[0], set()).add(d.dominant)
    assert all(len(t) == 1 for t in by_subject.values()) and len(set.union(*by_subject.values())) == 4


def test_units_are_runs_of_claims_of_one_article_on_a_larger_corpus():
    items = separated(n_docs=8, per_doc=30)  # 960 claims: runs of up to 9 claims
    run = topics(items, k=4)
    assert run.model["unit"] == "run" and run.model["run_length"] == 9
    assert run.model["units"] == 32 * 4  # each 30-claim article in runs of 9, 9, 9 and 3
    assert run.model["weighting"] == "ridf"


def test_speakers_are_listed_with_counts_and_support():
    items = corpus()
    run = topics(items, k=3, min_claims=1, speakers=0)
    for t in run.topics:
        assert [s.share for s in t.speakers] == sorted((s.share for s in t.speakers), reverse=True)
        for s in t.speakers:
            own = [c.id for item in items for c in item.claims if (c.speaker or "narrator") == s.speaker]
            assert s.claims == len(set(own) & set(t.claims)) >= 1
    few = topics(items, k=3, speakers=1)
    assert all(len(t.speakers) <= 1 for t in few.topics)
    assert all(not t.speakers for t in topics(items, k=3, min_claims=100).topics)


def test_terms_show_the_running_text_case_and_whole_phrases():
    from dipcli.terms import extract

    texts = ["Bank lending slowed.", "The central bank raised rates.", "A bank in the north closed.",
             "Prime Minister Hale met the Security Council.", "The Security Council heard the Prime Minister.",
             "Ministers said the Prime Minister would brief the Security Council."]
    terms = extract(texts)
    shown = {terms.keys[t]: terms.show(t) for t in range(len(terms.keys))}
    assert shown["bank"] == "bank"  # capitalised only at the start of a sentence
    assert shown["prime minist"] == "Prime Minister" and shown["secur council"] == "Security Council"


def test_a_phrase_takes_the_place_of_its_words():
    import numpy as np

    from dipcli.topics_model import top_term_ids

    keys = ["council", "minist", "prime", "prime minist", "secur", "secur council"]
    weights = np.array([0.1, 0.3, 0.25, 0.01, 0.2, 0.0])
    picked = [keys[i] for i in top_term_ids(weights, keys, 4)]
    assert picked == ["prime minist", "secur council"]  # heaviest first, each in place of its words


def test_cli_json_views(tmp_path):
    import json

    from typer.testing import CliRunner

    from dipcli.cli import app

    folder = tmp_path / "news"
    folder.mkdir()
    for item in separated(n_docs=3):
        (folder / f"{item.article.doc}.txt").write_text(item.article.text, encoding="utf-8")
    runner = CliRunner()

    def run(*args):
        r = runner.invoke(app, ["topics", str(folder), "--no-cache", "--format", "json", "--k-range", "2:6", *args])
        assert r.exit_code == 0, r.stderr
        return json.loads(r.stdout)

    found, docs, model, ks = run(), run("--by", "doc"), run("--by", "model"), run("--by", "k")
    assert len(model) == 1 and model[0]["k"] == len(found) == 4 and model[0]["seed"] == 0
    assert [c["k"] for c in ks] == [2, 3, 4, 5, 6] and sum(c["chosen"] for c in ks) == 1
    assert sorted(d["doc"] for d in docs) == sorted(p.stem for p in folder.iterdir())
    assert {d["dominant"] for d in docs} == {1, 2, 3, 4}
    assert sum(t["docs"] for t in found) == len(docs)
    assert run("--top-terms", "2", "--by", "model") == model  # display options never change the model
    assert run("--seed", "3", "--k", "4", "--method", "lda") == run("--seed", "3", "--k", "4", "--method", "lda")
    assert run("--k-range", "3", "--by", "model")[0]["k"] == 3  # one k: the range 3:3
    for wrong in ("9:3", "1:4", "two:five"):
        bad = runner.invoke(app, ["topics", str(folder), "--k-range", wrong])
        assert bad.exit_code == 2 and "k range" in bad.stderr, wrong


@pytest.mark.parametrize("view, title", [("topic", "Topics"), ("doc", "Topics by article"),
                                         ("k", "Number of topics"), ("model", "Topic model")])
def test_every_view_prints_a_table(tmp_path, view, title):
    from typer.testing import CliRunner

    from dipcli.cli import app

    folder = tmp_path / "news"
    folder.mkdir()
    for item in separated(n_docs=2):
        (folder / f"{item.article.doc}.txt").write_text(item.article.text, encoding="utf-8")
    r = CliRunner().invoke(app, ["topics", str(folder), "--no-cache", "--k-range", "2:5", "--by", view])
    assert r.exit_code == 0, r.stderr
    assert title in r.stdout and "k = " in r.stderr if view in ("topic", "doc") else title in r.stdout
