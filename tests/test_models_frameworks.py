"""Reference frameworks are data: Aichi ships, and any file of the same format loads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cmsdesk.models.commands import PlanEditor
from cmsdesk.models.frameworks import (
    FrameworkFileError,
    framework_tree,
    install_framework,
    list_frameworks,
    read_framework_file,
)
from cmsdesk.models.queries import node_view, resolve_node
from cmsdesk.models.store import Store

SDG_EXCERPT = {
    "format": "cmsdesk-framework", "version": 1, "id": "sdg", "title": "Sustainable Development Goals",
    "short": "SDG", "source": "UN General Assembly resolution 70/1",
    "goals": [{"code": "14", "title": "Life below water"}, {"code": "15", "title": "Life on land"}],
    "targets": [
        {"code": "14.4", "goal": "14", "title": "End overfishing", "summary": "Regulate harvest."},
        {"code": "15.5", "goal": "15", "title": "Halt biodiversity loss", "summary": "Protect species."},
        {"code": "15.7", "goal": "15", "title": "End poaching and trafficking", "summary": "Act."},
    ],
}


def test_aichi_has_twenty_targets_under_goals_a_to_e(store: Store) -> None:
    with store.session() as s:
        tree = framework_tree(s, "aichi")
    assert [g.code for g, _ in tree] == ["A", "B", "C", "D", "E"]
    assert [len(ts) for _, ts in tree] == [4, 6, 3, 3, 4]
    assert [t.code for _, ts in tree for t in ts] == [str(i) for i in range(1, 21)]
    assert all(t.title for _, ts in tree for t in ts)


def test_another_framework_loads_from_a_file_without_code_changes(
        plan_store: tuple[Store, str], tmp_path: Path) -> None:
    store, plan_id = plan_store
    path = tmp_path / "sdg.json"
    path.write_text(json.dumps(SDG_EXCERPT), encoding="utf-8")
    with store.session() as s:
        install_framework(s, read_framework_file(path))
    with store.session() as s:
        assert "sdg" in {f.id for f in list_frameworks(s)}
        assert [len(ts) for _, ts in framework_tree(s, "sdg")] == [1, 2]
        t8 = resolve_node(s, plan_id, "T8")
    PlanEditor(store, plan_id).add_xref(t8, "sdg", "15.7", "supporting", "illegal killing")
    with store.session() as s:
        assert ("sdg", "15.7") in {(x.framework, x.target) for x in node_view(s, t8).xrefs}


@pytest.mark.parametrize("broken, message", [
    ({"format": "other"}, "not a cmsdesk framework file"),
    ({**SDG_EXCERPT, "targets": [{"code": "1", "goal": "Z", "title": "x"}]}, "unknown goal Z"),
    ({**SDG_EXCERPT, "goals": [{"title": "no code"}]}, "missing or malformed"),
])
def test_a_malformed_framework_file_is_refused(tmp_path: Path, broken: dict[str, object],
                                               message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(FrameworkFileError, match=message):
        read_framework_file(path)
