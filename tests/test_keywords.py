"""Term extraction (dipcli.terms) and keywords, on short claims written for these tests."""
from __future__ import annotations

import re
from collections import Counter

import pytest

from builders import analysed
from dipcli.keywords import count_groups, group_of, keywords, rank_counts
from dipcli.model import DipError
from dipcli.terms import (NgramTotals, TermForms, add_forms, extract, extract_with_phrases, ngram_counts, stop_words,
                          tokens)


# A readout in White House style: the narrator, a minister and a president.
READOUT = analysed("readout", [
    (None, "NAIROBI, May 3 (Agency) -- Foreign Minister Lena Okafor and President Tomas Lindqvist met in Nairobi."),
    (None, "The two leaders reviewed the Grain Corridor Initiative and the state of bilateral trade."),
    (None, "The meeting in Nairobi lasted three hours, officials said."),
    (None, "Both delegations toured the port of Mombasa after the meeting."),
    (None, "The leaders agreed to meet again in Stockholm next year."),
    ("Lena Okafor", "Okafor said the Grain Corridor Initiative must be extended to feed millions."),
    ("Lena Okafor", "She stressed that unilateral sanctions hurt grain exports and food security."),
    ("Lena Okafor", "Okafor noted that sanctions on fertiliser shipments raise food prices."),
    ("Lena Okafor", "She added that the Grain Corridor Initiative protects food security in Africa."),
    ("Lena Okafor", "Okafor told reporters that any sanction on grain is a sanction on the poor."),
    ("Lena Okafor", "Food security, she said, is the first duty of every government, and the Grain Corridor Initiative serves it."),
    ("Tomas Lindqvist", "Lindqvist said climate finance must reach the most vulnerable countries."),
    ("Tomas Lindqvist", "He pointed out that climate finance pledges remain unmet."),
    ("Tomas Lindqvist", "Lindqvist expressed hope that renewable energy investment will double."),
    ("Tomas Lindqvist", "He stressed that renewable energy is cheaper than coal."),
    ("Tomas Lindqvist", "Climate finance and renewable energy go together, Lindqvist said."),
])

# A transcript in another house style, with a speaker of one claim.
TRANSCRIPT = analysed("transcript", [
    ("Mei Tanaka", "We discussed the ceasefire and the humanitarian corridor in detail."),
    ("Ahmed Haddad", "The ceasefire must hold, and the humanitarian corridor must stay open."),
    ("Ahmed Haddad", "Aid convoys need the humanitarian corridor every single day."),
])


# -- terms ---------------------------------------------------------------------------------

def test_tokens_offsets_hyphens_numbers_and_possessives():
    text = "China-Russia ties and people-to-people exchanges grew 12 percent in 2023; Kenya's view: 1,000-strong."
    toks = tokens(text)
    for start, end, _, surface in toks:
        assert text[start:end] == surface
    surfaces = [t[3] for t in toks]
    assert "China-Russia" in surfaces and "people-to-people" in surfaces
    assert "12" not in surfaces and "2023" not in surfaces and "1,000" not in surfaces
    assert "Kenya" in surfaces and "Kenya's" not in surfaces


def test_tokens_group_inflections_under_one_stem():
    stems = {t[3]: t[2] for t in tokens("sanction sanctions sanctioned Sanctions")}
    assert len(set(stems.values())) == 1


def test_stop_words_and_reporting_verbs_are_dropped_but_acronyms_kept():
    stop = stop_words()
    kept = [t[3] for t in tokens("He said the US and the UN stressed that we noted it, adding more.", stop=stop)]
    assert kept == ["US", "UN"]
    # In a heading in capitals the same letters are ordinary words again.
    assert tokens("WE ARE US", stop=stop) == []


def test_extract_finds_phrases_with_their_capitalisation():
    claims = [c.text for c in READOUT.claims]
    terms = extract(claims)
    shown = {terms.show(i) for i, key in enumerate(terms.keys) if " " in key}
    assert {"Grain Corridor Initiative", "climate finance", "renewable energy", "food security"} <= shown
    # No phrase begins or ends with a stop word, and none crosses a sentence end.
    stop = stop_words()
    for i, key in enumerate(terms.keys):
        if " " in key:
            words = terms.show(i).lower().split(" ")
            assert words[0] not in stop and words[-1] not in stop


def test_extract_words_agree_with_tokens_and_display_most_common_form():
    claims = [c.text for c in READOUT.claims + TRANSCRIPT.claims]
    terms = extract(claims)
    stop = stop_words()
    for d, text in enumerate(claims):
        words = sorted(terms.keys[t] for t, doc in zip(terms.term, terms.doc) if doc == d and " " not in terms.keys[t])
        assert words == sorted(t[2] for t in tokens(text, stop=stop))
    ids = {k: i for i, k in enumerate(terms.keys)}
    assert terms.show(ids["sanction"]) == "sanction"  # "sanctions" twice, "sanction" twice: a tie goes a-z
    assert terms.show(ids["corridor"]) == "Corridor"  # "Corridor" 4 times out of 7
    assert terms.show(ids["humanitarian corridor"]) == "humanitarian corridor"
    mixed = extract(["Energy talks.", "energy prices", "The energy grid.", "Energy now."])
    assert mixed.show(mixed.keys.index("energi")) == "energy"  # 2 of 4 capitalised: not a majority
    assert terms.show(ids["nairobi"]) == "Nairobi"  # the capitals of the dateline do not count


def test_phrase_does_not_cross_punctuation():
    texts = ["Grain, corridor talks went on.", "More grain. Corridor talks.", "Grain; corridor."] * 3
    terms = extract(texts)
    assert not [k for k in terms.keys if k.startswith("grain ")]


def test_phrases_found_batch_by_batch_are_the_phrases_found_at_once(monkeypatch):
    monkeypatch.setattr(NgramTotals, "COMPACT_ROWS", 20)  # sum the n-gram counts up along the way too
    claims = [c.text for c in READOUT.claims + TRANSCRIPT.claims]
    whole = extract(claims)
    batches = [claims[i : i + 4] for i in range(0, len(claims), 4)]
    totals = NgramTotals()
    for batch in batches:
        totals.add(ngram_counts(batch))
    phrases = totals.collocations()
    keys = phrases.keys()
    assert "grain corridor initi" in keys and "climat financ" in keys
    assert "grain corridor" not in keys  # only ever inside "Grain Corridor Initiative"
    assert keys == [k for k in whole.keys if " " in k]

    forms: dict = {}
    got = []
    for i, batch in enumerate(batches):
        part = extract_with_phrases(batch, phrases)
        add_forms(forms, part.forms)
        got += sorted((4 * i + d, part.keys[t]) for d, t in zip(part.doc.tolist(), part.term.tolist()))
    want = sorted((d, whole.keys[t]) for d, t in zip(whole.doc.tolist(), whole.term.tolist()))
    assert sorted(got) == want
    shown = TermForms(keys=whole.keys, forms=forms)
    assert [shown.show(t) for t in range(len(whole.keys))] == [whole.show(t) for t in range(len(whole.keys))]


# -- keywords ------------------------------------------------------------------------------

def group_rates(items, by="speaker"):
    """Per group: term occurrences and total, from the same extraction keywords uses."""
    claims = [c for item in items for c in item.claims]
    terms = extract([c.text for c in claims])
    label = [c.speaker or "narrator" for c in claims] if by == "speaker" else [c.doc for c in claims]
    counts: dict[str, dict[str, int]] = {}
    for d, t in zip(terms.doc.tolist(), terms.term.tolist()):
        counts.setdefault(label[d], {}).setdefault(terms.show(t), 0)
        counts[label[d]][terms.show(t)] += 1
    return counts


def test_logodds_top_terms_are_overrepresented_in_their_group():
    records, _ = keywords([READOUT, TRANSCRIPT], by="speaker", top=6)
    counts = group_rates([READOUT, TRANSCRIPT])
    totals = {g: sum(c.values()) for g, c in counts.items()}
    grand = sum(totals.values())
    assert records
    for k in records:
        assert k.z is not None and k.z > 0
        rest_total = grand - totals[k.group]
        assert k.count / totals[k.group] > k.count_rest / rest_total
        assert counts[k.group][k.term] == k.count


def test_logodds_ranks_the_groups_own_vocabulary():
    records, _ = keywords([READOUT], by="speaker", top=5)
    by_group: dict[str, list[str]] = {}
    for k in records:
        by_group.setdefault(k.group, []).append(k.term)
    assert "sanctions" in by_group["Lena Okafor"] or "food security" in by_group["Lena Okafor"]
    assert {"climate finance", "renewable energy"} & set(by_group["Tomas Lindqvist"])
    # A speaker's own name is not one of their keywords, nor is a reporting verb or stop word.
    stop = stop_words()
    for k in records:
        words = re.findall(r"[^\W\d_]+", k.term.lower())
        assert not (set(words) & {"okafor", "lindqvist", "lena", "tomas"} and k.group != "narrator")
        assert not all(w in stop for w in words), k.term


def test_phrase_replaces_its_words_when_they_only_occur_inside_it():
    records, _ = keywords([READOUT], by="speaker", top=10)
    okafor = [k.term for k in records if k.group == "Lena Okafor"]
    assert "Grain Corridor Initiative" in okafor
    assert "Corridor" not in okafor and "Initiative" not in okafor


def test_order_is_largest_group_then_rank_then_term_and_runs_are_identical():
    first = keywords([READOUT, TRANSCRIPT], by="speaker", top=4)
    second = keywords([READOUT, TRANSCRIPT], by="speaker", top=4)
    assert first == second
    records = first[0]
    groups = list(dict.fromkeys(k.group for k in records))
    size = Counter(group_of(c, "speaker") for item in (READOUT, TRANSCRIPT) for c in item.claims)
    assert groups == sorted(groups, key=lambda g: (-size[g], g))
    assert size[groups[0]] > size[groups[-1]]  # the order is by size, not by name
    for g in set(groups):
        zs = [k.z for k in records if k.group == g]
        assert zs == sorted(zs, reverse=True)


def test_small_groups_are_listed_with_a_warning():
    records, warnings = keywords([READOUT, TRANSCRIPT], by="speaker", top=3, min_claims=5)
    small = [w for w in warnings if "small sample" in w]
    assert any(w.startswith("Mei Tanaka") for w in small)
    assert any(w.startswith("Ahmed Haddad") for w in small)
    assert not any(w.startswith("Lena Okafor") for w in small)
    assert "Mei Tanaka" in {k.group for k in records}


@pytest.mark.parametrize("method", ["tfidf", "frequency"])
def test_other_methods_have_no_z_and_rank_by_score(method):
    records, _ = keywords([READOUT, TRANSCRIPT], by="doc", top=5, method=method)
    assert {k.group for k in records} == {"readout", "transcript"}
    for g in ("readout", "transcript"):
        scores = [k.score for k in records if k.group == g]
        assert scores == sorted(scores, reverse=True)
    assert all(k.z is None for k in records)
    if method == "frequency":
        assert all(k.score == k.count for k in records)


def test_single_group_falls_back_to_tfidf_and_says_so():
    records, warnings = keywords([READOUT, TRANSCRIPT], by="none", top=5)
    assert {k.group for k in records} == {"all"}
    assert any("tf-idf" in w for w in warnings)
    assert all(k.z is None and k.count_rest == 0 for k in records)


def test_bad_options_are_user_errors():
    with pytest.raises(DipError):
        keywords([READOUT], method="chi2")
    with pytest.raises(DipError):
        keywords([READOUT], by="paragraph")


@pytest.mark.parametrize("by", ["speaker", "doc", "none"])
def test_counting_and_ranking_apart_is_keywords(by):
    counts = count_groups(iter([READOUT, TRANSCRIPT]), by=by)  # read once, as the CLI streams it
    assert sum(counts.sizes) == len(READOUT.claims) + len(TRANSCRIPT.claims)
    assert (counts.claim_df is not None) == (by == "none")
    for method in ("logodds", "tfidf", "frequency"):
        assert rank_counts(counts, by=by, top=5, method=method) == keywords([READOUT, TRANSCRIPT], by=by, top=5,
                                                                           method=method)


def test_no_claims_gives_nothing():
    records, warnings = keywords([], top=3)
    assert records == [] and warnings


def test_stop_words_in_a_speakers_name_do_not_hide_phrases():
    ministry = analysed("ministry", [
        ("Ministry of Justice", "Justice needs the rule of law in every court."),
        ("Ministry of Justice", "Judges defend the rule of law daily."),
        ("Ministry of Justice", "Without the rule of law, contracts fail."),
        (None, "The spokesman spoke about tariffs."),
        (None, "Tariffs went up on Monday."),
    ])
    records, _ = keywords([ministry], by="speaker", top=20)
    terms = [k.term for k in records if k.group == "Ministry of Justice"]
    assert "courts" in terms or "court" in terms
    assert "rule of law" in terms
    assert "Justice" not in terms and "justice" not in terms


def test_counting_in_batches_gives_the_same_counts_as_counting_at_once():
    from dipcli.keyword_batches import count_groups_batched

    items = [READOUT, TRANSCRIPT]
    for by in ("speaker", "doc", "none"):
        at_once = rank_counts(count_groups(items, by=by), by=by, top=5)
        for size in (1, 2, 1000):
            assert rank_counts(count_groups_batched(iter(items), by=by, batch_claims=size), by=by, top=5) == at_once
