"""The plan as Markdown: the first-page lines, headings in outline order with their numbers,
the target fields, the annex table, bracketed text verbatim; and the Markdown reader that the
Word writer and the compilation share."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from export_support import node

from cmsdesk.export.markdown_blocks import markdown_to_html, parse_markdown, plain_text
from cmsdesk.export.markdown_plan import export_plan_markdown, shift_headings
from cmsdesk.export.wording import classify
from cmsdesk.models import queries
from cmsdesk.models.commands import PlanEditor
from cmsdesk.models.store import Store


def _markdown(store: Store, plan_id: str, out: Path, **options: object) -> str:
    with store.session() as s:
        export_plan_markdown(s, plan_id, out, issued=date(2014, 7, 25), **options)  # type: ignore[arg-type]
    return out.read_text(encoding="utf-8")


def test_plan_as_markdown(plan_store: tuple[Store, str], tmp_path: Path) -> None:
    store, plan_id = plan_store
    PlanEditor(store, plan_id).set_field(node(store, plan_id, "T1"), "note",
                                         "# Background\n\nWhy it matters.")
    text = _markdown(store, plan_id, tmp_path / "plan.md")
    lines = text.splitlines()
    assert lines[:4] == ["**UNEP/CMS/COP11/Doc.15.2**  ", "Distr.: General  ",
                         "25 July 2014  ", "Original: English"]
    assert "# Strategic Plan for Migratory Species 2015-2023" in lines
    with store.session() as s:
        entries = queries.outline(s, plan_id)
    headings = [x for x in lines if x.startswith("##")]
    numbers = {"Strategic Plan for Migratory Species 2015-2023": "I",
               "Companion Volume on Implementation": "II"}
    chapters: dict[str | None, int] = {}
    expected = []
    for e in entries:  # chapters numbered as in the Word document
        title = e.heading()
        if e.depth == 0:
            title = f"{numbers[e.title]}. {title}"
        elif e.kind == "chapter":
            chapters[e.parent_id] = chapters.get(e.parent_id, 0) + 1
            title = f"{'ABCDEFGHIJ'[chapters[e.parent_id] - 1]}. {title}"
        expected.append(f"{'#' * (e.depth + 2)} {title}")
    expected.insert(expected.index("##### Target 1: Awareness of the values of migratory "
                                   "species") + 1, "###### Background")
    assert headings == expected + ["## Annex A: Correspondence with the Aichi Biodiversity "
                                   "Targets"]
    assert "#### Goal 3: Status of species and ecological networks" in lines
    assert lines.count("**Explanatory note**") == 16 and lines.count("**Actors**") == 16
    assert "[Where feasible,] the transboundary dimension" in text
    table = [x for x in lines if x.startswith("| ")]
    assert table[0] == "| Target of this Plan | Aichi Biodiversity Targets |"
    assert table[1] == "| --- | --- |" and len(table) == 2 + 16
    assert table[2] == ("| Target 1: Awareness of the values of migratory species | "
                        "**Aichi 1**: Awareness of biodiversity values *(primary)* |")
    short = _markdown(store, plan_id, tmp_path / "short.md", companion=False)
    short_lines = short.splitlines()
    assert "## II. Companion Volume on Implementation" in lines
    assert "## II. Companion Volume on Implementation" not in short_lines
    assert not any(x.startswith("#### Indicator") for x in short_lines)
    assert "### E. Enabling conditions" in short_lines


def test_headings_inside_texts_move_below_their_node() -> None:
    assert shift_headings("# A\ntext #1\n## B", 4) == "##### A\ntext #1\n###### B"
    assert shift_headings("###### deep", 3) == "###### deep"
    assert shift_headings("    # code, not a heading", 2) == "    # code, not a heading"


def test_square_brackets_are_never_links() -> None:
    html = markdown_to_html("[Note]: this stays\n\n[Option 1 (Spain): a] [Option 2 (Kenya): b] "
                            "and [see](http://example.org)")
    assert "<a " not in html and "[Note]: this stays" in html
    assert "[Option 1 (Spain): a] [Option 2 (Kenya): b]" in html


def test_plain_text_keeps_list_markers_and_numbers() -> None:
    blocks = parse_markdown("Intro *x*.\n\n3. c\n4. d\n\n- e\n    - f\n\n| a | b |\n|---|---|\n"
                            "| 1 | 2 |")
    assert plain_text(blocks) == "Intro x.\n3. c\n4. d\n\u2022 e\n  \u2022 f\na | b\n1 | 2"


def test_brackets_nest_and_an_unclosed_one_runs_to_the_end() -> None:
    text = "a [b [c] d] e [Option 1 (Kenya; Spain): f] [g"
    kinds = [(text[s.start:s.end], s.kind) for s in classify(text)]
    assert kinds == [("a ", "plain"), ("[b [c] d]", "bracket"), (" e ", "plain"),
                     ("[Option 1 (Kenya; Spain):", "option"), (" f]", "bracket"),
                     (" ", "plain"), ("[g", "bracket")]
    assert classify("a ] b") == [classify("a ] b")[0]] and classify("a ] b")[0].kind == "plain"
