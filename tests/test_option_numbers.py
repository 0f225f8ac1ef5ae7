"""Stable option numbers: "Option 2" cited from a Word document names the same wording on every
site, whatever arrives later and in whatever order (models/option_numbers.py)."""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from cli_support import run
from sqlalchemy import select
from sync_support import Replicas, state, text_of

from cmsdesk.export.docx_plan import export_plan_docx
from cmsdesk.models.changelog import Key
from cmsdesk.models.commands import PlanEditor
from cmsdesk.models.drafts import draft_values, find_draft, mark_draft
from cmsdesk.models.identity import Profile
from cmsdesk.models.option_numbers import fold_numbers, unrecorded
from cmsdesk.models.schema import Conflict
from cmsdesk.models.store import Store
from cmsdesk.models.textmerge import Numbering, merge_texts, option_id
from cmsdesk.sync.conflicts import list_conflicts, resolve_conflict
from cmsdesk.sync.exporter import export_bundle
from cmsdesk.sync.importer import import_bundle
from cmsdesk.sync.peers import pin

_OPTION = re.compile(r"\[Option (\d+) \(([^()]*)\): ([^\]]*)\]")


def options_in(text: str) -> dict[int, str]:
    """Option number -> wording, as a reader of the text cites them."""
    return {int(n): wording for n, _who, wording in _OPTION.findall(text)}


def _edit(store: Store, reps: Replicas, words: str, target: int = 0) -> None:
    sentences = text_of(store, reps.targets[target]).split(". ")
    sentences[1] = words
    PlanEditor(store, reps.plan_id).set_field(reps.targets[target], "text", ". ".join(sentences))


def _bundle(store: Store, reps: Replicas, folder: Path, name: str) -> Path:
    path = folder / f"{name}.cmsb"
    export_bundle(store, reps.plan_id, path)
    return path


# -- the rule, on its own -------------------------------------------------------------------


def test_a_recorded_number_holds_and_a_new_option_takes_the_next() -> None:
    base = "Species are conserved. Range States cooperate. Threats are reduced."
    first = merge_texts(base, [(base.replace("cooperate", "work together"), ["Kenya"]),
                               (base.replace("cooperate", "act"), ["Spain"])])
    numbers = {o.oid: o.number for o in first.hunks[0][1]}
    assert options_in(first.text) == {1: "Range States act.", 2: "Range States work together."}
    # a third wording that sorts first arrives: the recorded ones keep their numbers
    later = merge_texts(base, [(base.replace("cooperate", "work together"), ["Kenya"]),
                               (base.replace("cooperate", "act"), ["Spain"]),
                               (base.replace("cooperate", "agree"), ["Peru"])],
                        numbering=Numbering(numbers))
    assert options_in(later.text) == {1: "Range States act.", 2: "Range States work together.",
                                      3: "Range States agree."}
    # an option withdrawn leaves its number unused: nothing else ever takes it
    gone = merge_texts(base, [(base.replace("cooperate", "work together"), ["Kenya"]),
                              (base.replace("cooperate", "agree"), ["Peru"])],
                       numbering=Numbering(numbers))
    assert options_in(gone.text) == {2: "Range States work together.", 3: "Range States agree."}
    assert [a.options for a in gone.alternatives] == [(2,), (3,)]


def test_options_kept_inside_a_passage_keep_their_labels() -> None:
    kept = "[Option 1 (Kenya): Range States act.] [Option 2 (Spain): Range States agree.]"
    base = f"Species are conserved. {kept} Threats are reduced."
    result = merge_texts(base, [
        (base.replace("agree.]", "agree.] [Option 3 (Peru): Range States vote.]"), ["Peru"]),
        (base.replace("act.]", "act now.]"), ["Kenya"])])
    outer = [int(n) for n in re.findall(r"(?:^|\] |\. )\[Option (\d+) \((?:Kenya|Peru)\): \[",
                                        result.text)]
    assert sorted(outer) == [4, 5]  # after every label the passage already writes
    assert "[Option 1 (Kenya): Range States act now.]" in result.text
    assert "[Option 3 (Peru): Range States vote.]" in result.text


def test_concurrent_numberings_settle_alike_and_the_secretariat_keeps_its_numbers() -> None:
    a, b, c = option_id("A"), option_id("B"), option_id("C")
    root = ("r", [], {a: 1}, "delegate")
    secretariat = ("s2", ["r"], {b: 2}, "secretariat")
    delegate = ("d1", ["r"], {c: 2}, "delegate")
    later = ("d2", ["d1"], {option_id("D"): 3}, "delegate")
    orders = [[root, secretariat, delegate, later], [later, delegate, secretariat, root],
              [delegate, root, later, secretariat]]
    results = [fold_numbers(order) for order in orders]
    assert all(r == results[0] for r in results)
    assert results[0] == {a: 1, b: 2, c: 3, option_id("D"): 4}


# -- the test: cite Option 2 from a Word export ---------------------------------------


def _cited_options(capsys: pytest.CaptureFixture[str], store: Store, out: Path) -> dict[int, str]:
    path = store.path
    store.close()
    code, _out, err = run(capsys, "--db", str(path), "export", "docx", str(out))
    assert code == 0, err
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    return options_in(text)


@pytest.mark.slow
def test_option_2_cited_from_a_word_export_is_the_same_text_on_every_site(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reps = Replicas(tmp_path / "r")
    out = tmp_path / "out"
    out.mkdir()
    secretariat = reps.origin_copy()
    first = {}
    for name, words in (("Kenya", "Range States work together"), ("Spain", "Range States act"),
                        ("Peru", "Range States agree")):
        delegate = reps.new_store(name, profile=Profile(name, name, "", "delegate"))
        _edit(delegate, reps, words)
        first[name] = _bundle(delegate, reps, out, name)
        delegate.close()
    for path in first.values():
        import_bundle(secretariat, path)
    cited = _cited_options(capsys, secretariat, out / "draft.docx")
    assert sorted(cited) == [1, 2, 3]
    option_2 = cited[2]
    secretariat = Store.open(secretariat.path)
    with secretariat.session() as s:
        assert not unrecorded(s, reps.plan_id)  # the export recorded the numbers it printed
    numbered = _bundle(secretariat, reps, out, "secretariat")
    # Ten more bundles: new wordings of the same sentence from installations that never saw
    # the numbering, one that numbered the same conflict itself (it printed a document from
    # two of the first bundles), and edits of other texts.
    more: list[Path] = []
    rival = reps.new_store("Chile", profile=Profile("Chile", "Chile", "", "delegate"))
    for name in ("Kenya", "Peru"):
        import_bundle(rival, first[name])
    PlanEditor(rival, reps.plan_id).number_options()
    more.append(_bundle(rival, reps, out, "chile"))
    rival.close()
    for i in range(9):
        name = f"Party {i}"
        delegate = reps.new_store(name, profile=Profile(name, name, "", "delegate"))
        if i % 3 == 0:
            _edit(delegate, reps, f"Range States cooperate closely ({i})")
        else:
            _edit(delegate, reps, f"Stopover sites are listed ({i})", target=1 + i % 2)
        more.append(_bundle(delegate, reps, out, f"more{i}"))
        delegate.close()
    snapshots = []
    for seed in range(3):
        site = reps.new_store(f"site{seed}", profile=Profile(f"S{seed}", "UNEP/CMS", "",
                                                             "secretariat"))
        files = [numbered, *first.values(), *more]
        random.Random(seed).shuffle(files)
        for path in files:
            import_bundle(site, path)
        shown = options_in(text_of(site, reps.targets[0]))
        assert shown[2] == option_2, (seed, shown)
        assert {n: shown[n] for n in cited} == cited
        assert len(shown) == 3 + 3  # Chile numbered two of the same wordings: nothing new
        snapshots.append(state(site, reps.plan_id))
        site.close()
    assert snapshots[0] == snapshots[1] == snapshots[2]


def _kenya_and_spain(tmp_path: Path) -> tuple[Replicas, Store]:
    """The Secretariat's store holding Kenya's and Spain's rival wordings of one sentence."""
    reps = Replicas(tmp_path / "r")
    secretariat = reps.origin_copy()
    for name, words in (("Kenya", "Range States work together"), ("Spain", "Range States act")):
        delegate = reps.new_store(name, profile=Profile(name, name, "", "delegate"))
        _edit(delegate, reps, words)
        import_bundle(secretariat, _bundle(delegate, reps, tmp_path, name))
        delegate.close()
    return reps, secretariat


def test_choosing_option_n_takes_the_text_numbered_n(tmp_path: Path) -> None:
    reps, secretariat = _kenya_and_spain(tmp_path)
    PlanEditor(secretariat, reps.plan_id).number_options()
    shown = options_in(text_of(secretariat, reps.targets[0]))
    [view] = list_conflicts(secretariat, reps.plan_id)
    assert [a["number"] for a in view.alternatives] == sorted(shown)
    resolve_conflict(secretariat, reps.plan_id, Key("node", reps.targets[0], "text"), choose=2)
    assert shown[2] in text_of(secretariat, reps.targets[0])


def test_the_word_document_marks_proposers_not_verified_here(tmp_path: Path) -> None:
    reps, secretariat = _kenya_and_spain(tmp_path)
    pin(secretariat, "Kenya")  # its fingerprint was compared: Spain's was not

    def printed(lang: str) -> list[str]:
        out = tmp_path / f"plan-{lang}.docx"
        with secretariat.session() as s:
            export_plan_docx(s, reps.plan_id, out, lang=lang)
        return [p.text for p in docx.Document(str(out)).paragraphs]

    paragraphs = printed("en")
    text = "\n".join(paragraphs)
    assert "(Spain\u2020): Range States act." in text
    assert "(Kenya): Range States work together." in text
    assert ("\u2020 Proposer not verified at this installation: the key that signed the "
            "proposal is not pinned for that Party.") in paragraphs
    assert any(p.startswith("\u2020 Auteur non vérifié") for p in printed("fr"))
    pin(secretariat, "Spain")
    assert not any("\u2020" in p for p in printed("en"))


def test_a_named_draft_holds_the_numbers_of_its_options(tmp_path: Path) -> None:
    """Marking a draft records the numbers first, so a reprint of the draft and the plan as it
    stands cite the same options whatever arrives later."""
    reps, secretariat = _kenya_and_spain(tmp_path)
    mark_draft(secretariat, reps.plan_id, "Consultation draft 2")
    with secretariat.session() as s:
        assert not unrecorded(s, reps.plan_id)
        draft = find_draft(s, reps.plan_id, "Consultation draft 2")
        printed = options_in(draft_values(s, draft)[reps.targets[0]]["text"])
    assert printed == options_in(text_of(secretariat, reps.targets[0]))
    # a wording that sorts first arrives: the draft's numbers hold in the plan as it stands
    late = reps.new_store("Chile", profile=Profile("Chile", "Chile", "", "delegate"))
    _edit(late, reps, "Range States agree")
    import_bundle(secretariat, _bundle(late, reps, tmp_path, "chile"))
    now = options_in(text_of(secretariat, reps.targets[0]))
    assert {n: now[n] for n in printed} == printed and now[3] == "Range States agree."


def test_conflicts_derived_before_numbers_existed_are_numbered_on_first_showing(
        tmp_path: Path) -> None:
    reps, secretariat = _kenya_and_spain(tmp_path)
    with secretariat.session() as s:  # the conflict row as a store older than numbers holds it
        row = s.scalars(select(Conflict)).one()
        doc = json.loads(row.alternatives)
        for hunk in doc["hunks"]:
            hunk["options"] = [{"text": o["text"], "proposers": o["proposers"]}
                               for o in hunk["options"]]
        row.alternatives = json.dumps(doc)
    PlanEditor(secretariat, reps.plan_id).number_options()
    with secretariat.session() as s:
        assert not unrecorded(s, reps.plan_id)
        options = json.loads(s.scalars(select(Conflict)).one().alternatives)["hunks"][0]
    assert [(o["number"], o["recorded"]) for o in options["options"]] == [(1, True), (2, True)]


def test_a_word_export_while_the_window_holds_the_store_says_the_numbers_wait(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reps, secretariat = _kenya_and_spain(tmp_path)
    path = secretariat.path
    secretariat.close()
    holder = subprocess.Popen(  # another program holds the store for writing, as a window does
        [sys.executable, "-c", "import sys, time\nfrom cmsdesk.models.store import Store\n"
         "store = Store.open(sys.argv[1])\nprint('ready', flush=True)\ntime.sleep(120)",
         str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        code, _out, err = run(capsys, "--db", str(path), "export", "docx",
                              str(tmp_path / "plan.docx"))
    finally:
        holder.kill()
        holder.wait()
    assert code == 0 and (tmp_path / "plan.docx").exists()
    assert "the option numbers are not recorded" in err
    reader = Store.open(path, write=False)
    with reader.session() as s:
        assert unrecorded(s, reps.plan_id)  # nothing was written behind the holder's back
    reader.close()


def test_two_delegates_numbering_one_conflict_at_once_settle_alike_and_are_told(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Chile prints Kenya's and Spain's wordings, Brazil at the same time Kenya's and Peru's:
    both print Option 1 for a different wording. Every site, in any import order, keeps one of
    the two numberings (neither is the Secretariat's: the lower version id), the other wording
    moves to Option 3, and the installation whose printed number moved is told on import."""
    reps = Replicas(tmp_path / "r")
    first = {}
    for name, words in (("Kenya", "Range States work together"), ("Spain", "Range States act"),
                        ("Peru", "Range States agree")):
        delegate = reps.new_store(name, profile=Profile(name, name, "", "delegate"))
        _edit(delegate, reps, words)
        first[name] = _bundle(delegate, reps, tmp_path, name)
        delegate.close()
    printers = {}
    for name, seen in (("Chile", ("Kenya", "Spain")), ("Brazil", ("Kenya", "Peru"))):
        site = reps.new_store(name, profile=Profile(name, name, "", "delegate"))
        for party in seen:
            import_bundle(site, first[party])
        PlanEditor(site, reps.plan_id).number_options()  # what printing a document records
        printers[name] = (site.path, options_in(text_of(site, reps.targets[0])))
        _bundle(site, reps, tmp_path, name.lower())
        site.close()
    assert printers["Chile"][1] == {1: "Range States act.", 2: "Range States work together."}
    assert printers["Brazil"][1] == {1: "Range States agree.", 2: "Range States work together."}
    files = [*first.values(), tmp_path / "chile.cmsb", tmp_path / "brazil.cmsb"]
    seen_texts = []
    for seed in range(6):
        site = reps.new_store(f"site{seed}", profile=Profile(f"S{seed}", f"P{seed}", "",
                                                             "delegate"))
        order = files[:]
        random.Random(seed).shuffle(order)
        for path in order:
            import_bundle(site, path)
        seen_texts.append(options_in(text_of(site, reps.targets[0])))
        site.close()
    assert all(t == seen_texts[0] for t in seen_texts), seen_texts
    shown = seen_texts[0]
    assert shown[2] == "Range States work together."  # both printed it as 2: it stays 2
    assert {shown[1], shown[3]} == {"Range States act.", "Range States agree."}
    loser = "Chile" if shown[1] == "Range States agree." else "Brazil"
    winner = "Brazil" if loser == "Chile" else "Chile"
    moved_text = printers[loser][1][1]
    for name, other in ((loser, winner), (winner, loser)):
        code, out, _ = run(capsys, "--db", str(printers[name][0]), "bundle", "import",
                           str(tmp_path / f"{other.lower()}.cmsb"))
        assert code == 0
        note = (f'NOTE: T1 text: the option you printed as Option 1 ("{moved_text}") is now '
                "Option 3: another installation numbered the same options at the same time")
        assert (note in out) == (name == loser), out
    code, out, _ = run(capsys, "--db", str(printers[loser][0]), "conflicts")
    assert "the option you printed as Option 1" in out and "is now Option 3" in out
