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
