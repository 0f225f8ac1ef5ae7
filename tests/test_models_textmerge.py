"""The sentence merge: clean where edits do not overlap, attributed options where they do,
and the same result whatever order the heads come in."""

from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cmsdesk.models.textmerge import join_tokens, merge_texts, split_sentences

BASE = "Parties shall act. They will report annually. Funds are needed."


def test_split_keeps_sentences_and_list_items() -> None:
    tokens = split_sentences('One. Two? "Three." Four\n- a\n- b.')
    assert [t.text for t in tokens] == ["One.", "Two?", '"Three."', "Four", "- a", "- b."]
    assert join_tokens(tokens) == 'One. Two? "Three." Four\n- a\n- b.'


def test_edits_of_different_sentences_all_apply() -> None:
    result = merge_texts(BASE, [
        ("Parties shall act now. They will report annually. Funds are needed.", ["Spain"]),
        ("Parties shall act. They will report every year. Funds are needed.", ["Kenya"]),
        ("Parties shall act. They will report annually. Funds are needed. New text.", ["Brazil"]),
    ])
    assert result.clean
    assert result.text == ("Parties shall act now. They will report every year. "
                           "Funds are needed. New text.")


def test_overlapping_edits_become_attributed_sorted_options() -> None:
    result = merge_texts(BASE, [
        ("Parties should act. They will report annually. Funds are needed.", ["Kenya"]),
        ("Parties must act. They will report annually. Funds are needed.", ["Spain"]),
        ("Parties must act. They will report annually. Funds are needed.", ["France"]),
        ("Parties shall act. They will report annually. Funds are needed. Extra.", ["Brazil"]),
    ])
    assert not result.clean
    assert result.text == ("[Option 1 (France; Spain): Parties must act.] "
                           "[Option 2 (Kenya): Parties should act.] They will report annually. "
                           "Funds are needed. Extra.")
    assert [a.proposers for a in result.alternatives] == [("France", "Spain"), ("Kenya",)]
    # every alternative keeps the clean edit of the Party that was not in conflict
    assert all(a.text.endswith("Extra.") for a in result.alternatives)


def test_deletion_racing_an_edit_is_an_option() -> None:
    result = merge_texts(BASE, [
        ("They will report annually. Funds are needed.", ["Spain"]),
        ("Parties must act. They will report annually. Funds are needed.", ["Kenya"]),
    ])
    assert not result.clean
    assert "(delete)" in result.text and "Parties must act." in result.text


sentences = st.sampled_from(["Alpha one.", "Beta two.", "Gamma three.", "Delta four.",
                             "Épsilon cinco.", "Zeta ñ six."])
texts = st.lists(sentences, min_size=0, max_size=5).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(base=texts, heads=st.lists(st.tuples(texts, st.sampled_from(["A", "B", "C", "D"])),
                                  min_size=2, max_size=4))
def test_merge_does_not_depend_on_head_order(base: str, heads: list[tuple[str, str]]) -> None:
    inputs = [(text, [who]) for text, who in heads]
    results = {
        (r.text, tuple(r.alternatives))
        for r in (merge_texts(base, list(p)) for p in itertools.permutations(inputs))
    }
    assert len(results) == 1


@settings(max_examples=150, deadline=None)
@given(base=texts, heads=st.lists(texts, min_size=2, max_size=4))
def test_no_sentence_is_lost_or_garbled(base: str, heads: list[str]) -> None:
    result = merge_texts(base, [(h, [f"P{i}"]) for i, h in enumerate(heads)])
    vocabulary = {t.text for h in [base, *heads] for t in split_sentences(h)}
    if result.clean:
        assert {t.text for t in split_sentences(result.text)} <= vocabulary
    # each sentence a head added is in the merged text (clean or inside an option)
    base_sentences = {t.text for t in split_sentences(base)}
    for h in heads:
        for tok in split_sentences(h):
            if tok.text not in base_sentences:
                assert tok.text in result.text


def test_an_item_added_after_the_last_list_item_keeps_its_own_line() -> None:
    base = "- Parties\n- CMS Secretariat"
    result = merge_texts(base, [
        ("- Parties\n- CMS Secretariat\n- Civil society", ["Kenya"]),
        ("- All Parties\n- CMS Secretariat", ["Spain"]),
    ])
    assert result.clean
    assert result.text == "- All Parties\n- CMS Secretariat\n- Civil society"
    contested = merge_texts(base, [
        ("- Parties\n- CMS Secretariat\n- Civil society", ["Kenya"]),
        ("- Parties", ["Spain"]),
    ])
    assert contested.alternatives[1].text == "- Parties\n- CMS Secretariat\n- Civil society"
    # next to a contested passage, an agreed item added at the end keeps its line too
    shown = merge_texts("- A\n- B", [("- X\n- B\n- C", ["Kenya"]), ("- Y\n- B\n- C", ["Spain"])])
    assert shown.text == "[Option 1 (Kenya): - X] [Option 2 (Spain): - Y] - B\n- C"


items = st.sampled_from(["- Alpha one", "- Beta two.", "- Gamma three", "Delta four",
                         "Epsilon five."])
lists = st.lists(items, min_size=0, max_size=5, unique=True).map("\n".join)


@settings(max_examples=150, deadline=None)
@given(base=lists, heads=st.lists(lists, min_size=2, max_size=4))
def test_merged_list_items_and_unpunctuated_sentences_stay_whole(base: str,
                                                                 heads: list[str]) -> None:
    result = merge_texts(base, [(h, [f"P{i}"]) for i, h in enumerate(heads)])
    vocabulary = {t.text for h in [base, *heads] for t in split_sentences(h)}
    views = [result.text] if result.clean else [a.text for a in result.alternatives]
    # the passages of the shown text between its contested ones (whose options are views')
    views += [p.strip() for p in re.split(r"\[Option \d+ \([^)]*\): [^\]]*\]", result.text)]
    for view in views:
        assert {t.text for t in split_sentences(view)} <= vocabulary


# -- an insertion beside an edited sentence --------------------------------------------------
# Where one delegate inserts a sentence right next to a sentence another rewrote, the reader of
# the merged text could not tell which wording the insertion was written against: it conflicts.


def test_an_insertion_after_an_edited_sentence_conflicts() -> None:
    result = merge_texts(BASE, [
        ("Parties shall act. They will report every year. Funds are needed.", ["Spain"]),
        ("Parties shall act. They will report annually. On time. Funds are needed.", ["Kenya"]),
    ])
    assert not result.clean
    [(passage, options)] = result.hunks
    assert passage == "They will report annually."
    assert [(o.text, o.proposers) for o in options] == [
        ("They will report annually. On time.", ("Kenya",)),
        ("They will report every year.", ("Spain",))]
    assert result.text.endswith("Funds are needed.") and result.text.startswith("Parties shall")


def test_an_insertion_before_an_edited_sentence_conflicts() -> None:
    result = merge_texts(BASE, [
        ("Parties shall act. They will report every year. Funds are needed.", ["Spain"]),
        ("Parties shall act. Each year. They will report annually. Funds are needed.", ["Kenya"]),
    ])
    assert not result.clean
    [(passage, options)] = result.hunks
    assert passage == "They will report annually."
    assert {o.text for o in options} == {"Each year. They will report annually.",
                                         "They will report every year."}


def test_an_insertion_one_sentence_away_from_an_edit_merges() -> None:
    result = merge_texts(BASE, [
        ("Parties shall act. They will report every year. Funds are needed.", ["Spain"]),
        ("Parties shall act. They will report annually. Funds are needed. More.", ["Kenya"]),
    ])
    assert result.clean
    assert result.text == "Parties shall act. They will report every year. Funds are needed. More."


def test_two_insertions_at_the_same_place_conflict() -> None:
    result = merge_texts(BASE, [
        ("Parties shall act. Now. They will report annually. Funds are needed.", ["Spain"]),
        ("Parties shall act. Soon. They will report annually. Funds are needed.", ["Kenya"]),
    ])
    assert not result.clean
    assert result.text == ("Parties shall act. [Option 1 (Spain): Now.] [Option 2 (Kenya): "
                           "Soon.] They will report annually. Funds are needed.")


# -- option numbers (issue 14 makes them stable across arrivals; this is today's rule) -------


def test_options_are_numbered_by_their_wording_whatever_the_arrival_order() -> None:
    proposals = [
        ("Parties should act. They will report annually. Funds are needed.", ["Kenya"]),
        ("Parties must act. They will report annually. Funds are needed.", ["Spain"]),
        ("Parties may act. They will report annually. Funds are needed.", ["Brazil"]),
    ]
    shown = {merge_texts(BASE, list(order)).text for order in itertools.permutations(proposals)}
    assert shown == {"[Option 1 (Brazil): Parties may act.] [Option 2 (Spain): Parties must "
                     "act.] [Option 3 (Kenya): Parties should act.] They will report annually. "
                     "Funds are needed."}


def test_a_clean_edit_elsewhere_does_not_renumber_the_options() -> None:
    proposals = [
        ("Parties should act. They will report annually. Funds are needed.", ["Kenya"]),
        ("Parties must act. They will report annually. Funds are needed.", ["Spain"]),
    ]
    before = merge_texts(BASE, proposals)
    after = merge_texts(BASE, [*proposals, (BASE.replace("Funds are", "Funds were"), ["Peru"])])
    numbering = re.compile(r"\[Option (\d) \(([^)]*)\)")
    assert numbering.findall(before.text) == numbering.findall(after.text) == [
        ("1", "Spain"), ("2", "Kenya")]


def test_options_are_numbered_by_the_contested_wording_not_by_the_whole_text() -> None:
    result = merge_texts(BASE, [
        # Spain also edits the first sentence cleanly: its whole text sorts first
        ("Parties shall act now. They will report annually. Funds are scarce.", ["Spain"]),
        ("Parties shall act. They will report annually. Funds are lacking.", ["Kenya"]),
    ])
    assert result.text == ("Parties shall act now. They will report annually. "
                           "[Option 1 (Kenya): Funds are lacking.] "
                           "[Option 2 (Spain): Funds are scarce.]")
