"""Conflicts are kept, attributed and resolvable; a resolution travels and sticks."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pg_support import Locations
from sqlalchemy import select
from sync_support import Replicas, state, text_of

from cmsdesk.models.changelog import Key, heads
from cmsdesk.models.commands import CommandError, PlanEditor
from cmsdesk.models.identity import Profile
from cmsdesk.models.schema import Change, Node
from cmsdesk.models.store import Store
from cmsdesk.sync.conflicts import list_conflicts, resolve_conflict
from cmsdesk.sync.exporter import export_bundle
from cmsdesk.sync.importer import import_bundle

Make = Callable[..., Store]
BASE = ("Migratory species are conserved along their routes. Range States cooperate. "
        "Threats are reduced. Progress is reported.")

BOTH_BACKENDS = True  # the merge suite runs on SQLite and on PostgreSQL (conftest)


@pytest.fixture(scope="module")
def reps(tmp_path_factory: pytest.TempPathFactory, locations: Locations) -> Replicas:
    return Replicas(tmp_path_factory.mktemp("conflicts"), locations)


@pytest.fixture
def make(reps: Replicas) -> Iterator[Make]:
    opened: list[Store] = []

    def new(name: str, party: str, region: str = "Europe") -> Store:
        store = reps.new_store(name, profile=Profile(f"{party} delegate", party, region,
                                                     "delegate"))
        opened.append(store)
        return store

    yield new
    for store in opened:
        store.close()


def send(store: Store, reps: Replicas, folder: Path, to: str | None = None) -> Path:
    out = folder / f"{store.replica_id[:8]}-{len(list(folder.iterdir()))}.cmsb"
    export_bundle(store, reps.plan_id, out, to_peer=to)
    return out


def set_text(store: Store, reps: Replicas, text: str, target: int = 0) -> None:
    PlanEditor(store, reps.plan_id).set_field(reps.targets[target], "text", text)


def text_key(reps: Replicas, target: int = 0) -> Key:
    return Key("node", reps.targets[target], "text")


def contested(reps: Replicas, make: Make, tmp_path: Path) -> tuple[Store, list[Path]]:
    """Spain and Kenya rewrite the same sentence; the Secretariat imports both."""
    spain, kenya = make("es", "Spain"), make("ke", "Kenya", "Africa")
    set_text(spain, reps, BASE.replace("Range States cooperate.", "Range States act together."))
    set_text(kenya, reps, BASE.replace("Range States cooperate.", "All Range States cooperate."))
    bundles = [send(spain, reps, tmp_path, "UNEP/CMS"), send(kenya, reps, tmp_path, "UNEP/CMS")]
    sec = make("sec", "UNEP/CMS", "")
    for b in bundles:
        import_bundle(sec, b)
    return sec, bundles


def test_overlapping_edits_are_an_attributed_conflict_shown_in_brackets(
        reps: Replicas, make: Make, tmp_path: Path) -> None:
    sec, _ = contested(reps, make, tmp_path)
    [c] = list_conflicts(sec, reps.plan_id)
    assert (c.kind, c.field, c.label) == ("text", "text", "T1")
    assert [a["proposers"] for a in c.alternatives] == [["Kenya"], ["Spain"]]  # by content
    assert c.alternatives[0]["authors"][0]["region"] == "Africa"
    assert c.base == BASE
    shown = text_of(sec, reps.targets[0])
    assert shown == ("Migratory species are conserved along their routes. "
                     "[Option 1 (Kenya): All Range States cooperate.] "
                     "[Option 2 (Spain): Range States act together.] "
                     "Threats are reduced. Progress is reported.")


def test_identical_proposals_are_one_alternative_naming_every_proposer(
        reps: Replicas, make: Make, tmp_path: Path) -> None:
    a, b, c = make("a", "Chile"), make("b", "Peru"), make("c", "Norway")
    same = BASE.replace("Threats are reduced.", "Threats are halved.")
    set_text(a, reps, same)
    set_text(b, reps, same)
    set_text(c, reps, BASE.replace("Threats are reduced.", "Threats end."))
    sec = make("sec", "UNEP/CMS")
    for s in (c, b, a):
        import_bundle(sec, send(s, reps, tmp_path, "UNEP/CMS"))
    [conflict] = list_conflicts(sec, reps.plan_id)
    assert [alt["proposers"] for alt in conflict.alternatives] == [["Chile", "Peru"], ["Norway"]]


def test_choosing_an_alternative_records_a_resolution_on_all_heads(
        reps: Replicas, make: Make, tmp_path: Path) -> None:
    sec, _ = contested(reps, make, tmp_path)
    key = text_key(reps)
    with sec.session() as s:
        before = heads(s, key)
    outcome = resolve_conflict(sec, reps.plan_id, key, choose=2)
    assert not list_conflicts(sec, reps.plan_id)
    assert text_of(sec, reps.targets[0]) == BASE.replace("Range States cooperate.",
                                                         "Range States act together.")
    with sec.session() as s:
        row = s.scalar(select(Change).where(Change.id == outcome.changes[0]))
        assert row is not None and row.op == "resolve"
        assert sorted(json.loads(row.parents)) == before


def test_a_proposal_arriving_while_an_officer_resolves_is_not_dropped(
        reps: Replicas, make: Make, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another officer imports Brazil's wording of the same sentence between the moment the
    conflict was read and the moment the resolution is written: it stays, as a new conflict."""
    sec, _ = contested(reps, make, tmp_path)
    brazil = make("br", "Brazil", "South and Central America")
    set_text(brazil, reps, BASE.replace("Range States cooperate.", "Range States unite."))
    late = send(brazil, reps, tmp_path, "UNEP/CMS")
    key = text_key(reps)
    real_resolve = PlanEditor.resolve

    def import_first(editor: PlanEditor, *args: Any) -> Any:
        import_bundle(sec, late)  # lands between reading the conflict and writing
        return real_resolve(editor, *args)

    monkeypatch.setattr(PlanEditor, "resolve", import_first)
    resolve_conflict(sec, reps.plan_id, key, choose=2)
    [conflict] = list_conflicts(sec, reps.plan_id)
    values = [a["value"] for a in conflict.alternatives]
    assert any("Range States unite." in v for v in values)
    assert any("Range States act together." in v for v in values)


def test_two_sites_resolving_alike_make_the_same_version(reps: Replicas, make: Make,
                                                         tmp_path: Path) -> None:
    sec, bundles = contested(reps, make, tmp_path)
    focal = make("focal", "Germany")
    for b in bundles:
        import_bundle(focal, b)
    key = text_key(reps)
    one = resolve_conflict(sec, reps.plan_id, key, text="Range States cooperate fully.")
    two = resolve_conflict(focal, reps.plan_id, key, text="Range States cooperate fully.")
    assert one.changes != two.changes  # different authors and counters...
    with sec.session() as s:
        mine = heads(s, key)
    report = import_bundle(sec, send(focal, reps, tmp_path, "UNEP/CMS"))
    assert report.new_changes == 1 and report.conflicts_created == 0
    with sec.session() as s:
        assert heads(s, key) == mine  # ...but one version: nothing new to merge
    assert not list_conflicts(sec, reps.plan_id)


def test_a_resolution_sticks_and_an_old_bundle_does_not_bring_the_conflict_back(
        reps: Replicas, make: Make, tmp_path: Path) -> None:
    sec, (spain_bundle, kenya_bundle) = contested(reps, make, tmp_path)
    resolve_conflict(sec, reps.plan_id, text_key(reps), choose=1)
    settled = state(sec, reps.plan_id)
    for old in (spain_bundle, kenya_bundle):
        assert import_bundle(sec, old).new_changes == 0
    assert state(sec, reps.plan_id) == settled and not list_conflicts(sec, reps.plan_id)
    # Spain receives the Secretariat's answer, then Kenya's old bundle arrives late
    spain = make("es2", "Spain")
    import_bundle(spain, spain_bundle)
    import_bundle(spain, send(sec, reps, tmp_path, "Spain"))
    assert import_bundle(spain, kenya_bundle).conflicts_created == 0
    assert not list_conflicts(spain, reps.plan_id)
    assert state(spain, reps.plan_id) == settled


def test_keep_options_writes_the_bracketed_negotiation_form(reps: Replicas, make: Make,
                                                            tmp_path: Path) -> None:
    sec, _ = contested(reps, make, tmp_path)
    shown = text_of(sec, reps.targets[0])
    resolve_conflict(sec, reps.plan_id, text_key(reps), keep_options=True)
    assert not list_conflicts(sec, reps.plan_id)
    assert text_of(sec, reps.targets[0]) == shown and "[Option 2 (Spain): " in shown


def test_a_status_conflict_takes_one_value(reps: Replicas, make: Make, tmp_path: Path) -> None:
    a, b = make("a", "Chile"), make("b", "Peru")
    PlanEditor(a, reps.plan_id).set_field(reps.targets[1], "status", "proposed")
    PlanEditor(b, reps.plan_id).set_field(reps.targets[1], "status", "agreed")
    import_bundle(a, send(b, reps, tmp_path))
    [c] = list_conflicts(a, reps.plan_id)
    assert c.kind == "value" and [x["value"] for x in c.alternatives] == ["agreed", "proposed"]
    key = Key("node", reps.targets[1], "status")
    with pytest.raises(CommandError, match="--keep-options is for text"):
        resolve_conflict(a, reps.plan_id, key, keep_options=True)
    with pytest.raises(CommandError, match="status must be one of"):
        resolve_conflict(a, reps.plan_id, key, text="maybe")
    with pytest.raises(CommandError, match="between 1 and 2"):
        resolve_conflict(a, reps.plan_id, key, choose=3)
    resolve_conflict(a, reps.plan_id, key, text="draft")
    with a.session() as s:
        node = s.get(Node, reps.targets[1])
        assert node is not None and node.status == "draft"


def test_a_deletion_racing_an_edit_is_a_conflict_settled_by_delete_or_keep(
        reps: Replicas, make: Make, tmp_path: Path) -> None:
    deleter, editor = make("d", "Chile"), make("e", "Peru")
    PlanEditor(deleter, reps.plan_id).delete_node(reps.targets[2])
    set_text(editor, reps, "Bycatch is reduced by half. Monitoring improves.", target=2)
    bundles = [send(deleter, reps, tmp_path), send(editor, reps, tmp_path)]
    outcomes = {}
    for choice in ("delete", "keep"):
        sec = make(f"sec-{choice}", "UNEP/CMS")
        for b in bundles:
            import_bundle(sec, b)
        [c] = list_conflicts(sec, reps.plan_id)
        assert c.kind == "delete" and [a["value"] for a in c.alternatives] == ["delete", "keep"]
        assert [a["proposers"] for a in c.alternatives] == [["Chile"], ["Peru"]]
        key = Key("node", reps.targets[2], "deleted")
        with sec.session() as s:
            node = s.get(Node, reps.targets[2])
            assert node is not None and not node.deleted  # contested: still visible
        resolve_conflict(sec, reps.plan_id, key, choose=1 if choice == "delete" else 2)
        assert not list_conflicts(sec, reps.plan_id)
        with sec.session() as s:
            node = s.get(Node, reps.targets[2])
            assert node is not None
            outcomes[choice] = (node.deleted, node.text)
    assert outcomes["delete"][0] is True
    assert outcomes["keep"] == (False, "Bycatch is reduced by half. Monitoring improves.")


@pytest.mark.parametrize("deletion_first", [True, False])
def test_an_edit_below_a_deleted_chapter_contests_the_deletion_in_any_order(
        reps: Replicas, make: Make, tmp_path: Path, deletion_first: bool) -> None:
    deleter, editor = make("d", "Chile"), make("e", "Peru")
    PlanEditor(deleter, reps.plan_id).delete_node(reps.chapter)
    set_text(editor, reps, "Bycatch is reduced by half.", target=1)
    bundles = [send(deleter, reps, tmp_path), send(editor, reps, tmp_path)]
    sec = make("sec", "UNEP/CMS")
    for b in bundles if deletion_first else bundles[::-1]:
        import_bundle(sec, b)
    [c] = list_conflicts(sec, reps.plan_id)
    assert (c.kind, c.eid) == ("delete", reps.chapter)
    assert [a["proposers"] for a in c.alternatives] == [["Chile"], ["Peru"]]
    with sec.session() as s:
        chapter = s.get(Node, reps.chapter)
        assert chapter is not None and not chapter.deleted  # contested: still visible


def test_resolving_needs_a_conflict_and_exactly_one_way(reps: Replicas, make: Make,
                                                        tmp_path: Path) -> None:
    sec, _ = contested(reps, make, tmp_path)
    with pytest.raises(CommandError, match="not in conflict"):
        resolve_conflict(sec, reps.plan_id, text_key(reps, 1), choose=1)
    with pytest.raises(CommandError, match="one way"):
        resolve_conflict(sec, reps.plan_id, text_key(reps), choose=1, keep_options=True)
    with pytest.raises(CommandError, match="one way"):
        resolve_conflict(sec, reps.plan_id, text_key(reps))


def two_passages(reps: Replicas, make: Make, tmp_path: Path) -> Store:
    """Kenya and Spain each rewrite the second and the fourth sentence, differently: options
    1 (Kenya) and 2 (Spain) in the first passage, 3 (Kenya) and 4 (Spain) in the second."""
    spain, kenya = make("es", "Spain"), make("ke", "Kenya", "Africa")
    set_text(kenya, reps, BASE.replace("Range States cooperate.", "All Range States cooperate.")
             .replace("Progress is reported.", "Progress is reported yearly."))
    set_text(spain, reps, BASE.replace("Range States cooperate.", "Range States act together.")
             .replace("Progress is reported.", "Progress is published."))
    sec = make("sec", "UNEP/CMS", "")
    for store in (spain, kenya):
        import_bundle(sec, send(store, reps, tmp_path, "UNEP/CMS"))
    assert text_of(sec, reps.targets[0]) == (
        "Migratory species are conserved along their routes. "
        "[Option 1 (Kenya): All Range States cooperate.] "
        "[Option 2 (Spain): Range States act together.] Threats are reduced. "
        "[Option 3 (Spain): Progress is published.] "
        "[Option 4 (Kenya): Progress is reported yearly.]")
    return sec


def test_choose_takes_options_by_their_printed_numbers_in_a_field_of_two_passages(
        reps: Replicas, make: Make, tmp_path: Path) -> None:
    sec = two_passages(reps, make, tmp_path)
    # Option 2 is Spain's wording of the first passage (by place it was the second side's
    # whole text); the second passage keeps its options bracketed
    resolve_conflict(sec, reps.plan_id, text_key(reps), choose=2)
    assert not list_conflicts(sec, reps.plan_id)
    assert text_of(sec, reps.targets[0]) == (
        "Migratory species are conserved along their routes. Range States act together. "
        "Threats are reduced. [Option 3 (Spain): Progress is published.] "
        "[Option 4 (Kenya): Progress is reported yearly.]")


def test_one_option_per_passage_mixes_the_sides_wordings(reps: Replicas, make: Make,
                                                         tmp_path: Path) -> None:
    sec = two_passages(reps, make, tmp_path)
    resolve_conflict(sec, reps.plan_id, text_key(reps), choose=[4, 2])
    assert text_of(sec, reps.targets[0]) == (
        "Migratory species are conserved along their routes. Range States act together. "
        "Threats are reduced. Progress is reported yearly.")


def test_choosing_each_option_of_one_side_takes_its_text_as_written(
        reps: Replicas, make: Make, tmp_path: Path) -> None:
    sec = two_passages(reps, make, tmp_path)
    resolve_conflict(sec, reps.plan_id, text_key(reps), choose=[1, 4])
    assert text_of(sec, reps.targets[0]) == BASE.replace(
        "Range States cooperate.", "All Range States cooperate.").replace(
        "Progress is reported.", "Progress is reported yearly.")


@pytest.mark.parametrize(("choose", "message"), [
    (5, "no option 5 in this field: its options are passage 1: 1, 2; passage 2: 3, 4"),
    ([1, 2], "options 1 and 2 are wordings of the same passage: choose one of them"),
])
def test_an_option_the_field_does_not_have_is_refused_naming_the_valid_numbers(
        reps: Replicas, make: Make, tmp_path: Path, choose: int | list[int], message: str) -> None:
    sec = two_passages(reps, make, tmp_path)
    before = text_of(sec, reps.targets[0])
    with pytest.raises(CommandError, match=f"^{message}$"):
        resolve_conflict(sec, reps.plan_id, text_key(reps), choose=choose)
    assert text_of(sec, reps.targets[0]) == before
    assert len(list_conflicts(sec, reps.plan_id)) == 1
