"""Making Word replies the way Word writes them: tracked insertions and deletions (w:ins,
w:del with authors and dates), edits without Track Changes, comments anchored on a range."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

_ids = iter(range(9000, 99999))


def open_copy(path: Path) -> Any:
    return docx.Document(str(path))


def paragraph_with(doc: Any, text: str) -> Any:
    """The first paragraph (body or table) whose text contains ``text``."""
    for p in doc.element.body.iter(qn("w:p")):
        if text in "".join(t.text or "" for t in p.iter(qn("w:t"))):
            return p
    raise AssertionError(f"no paragraph contains {text!r}")


def _split_run(p: Any, text: str) -> tuple[Any, Any, Any]:
    """Split the run of ``p`` that holds ``text`` into (before, the text, after) runs."""
    for r in p.iter(qn("w:r")):
        t = r.find(qn("w:t"))
        if t is None or text not in (t.text or ""):
            continue
        full = t.text
        start = full.index(text)
        parts = []
        for piece in (full[:start], text, full[start + len(text):]):
            run = copy.deepcopy(r)
            run.find(qn("w:t")).text = piece
            run.find(qn("w:t")).set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            parts.append(run)
        for run in parts:
            r.addprevious(run)
        r.getparent().remove(r)
        return parts[0], parts[1], parts[2]
    raise AssertionError(f"no single run holds {text!r}")


def _change(kind: str, author: str, date: str) -> Any:
    el = OxmlElement(f"w:{kind}")
    el.set(qn("w:id"), str(next(_ids)))
    el.set(qn("w:author"), author)
    el.set(qn("w:date"), date)
    return el


def track_replace(doc: Any, old: str, new: str, author: str,
                  date: str = "2014-06-20T10:00:00Z") -> None:
    """Replace ``old`` by ``new`` as Word does with Track Changes on: the old words in a w:del
    (as w:delText), the new in a w:ins right after it."""
    p = paragraph_with(doc, old)
    _before, middle, _after = _split_run(p, old)
    if old:
        deletion = _change("del", author, date)
        middle.addprevious(deletion)
        t = middle.find(qn("w:t"))
        t.tag = qn("w:delText")
        deletion.append(middle)
        anchor = deletion
    else:
        anchor = middle
    if new:
        insertion = _change("ins", author, date)
        run = copy.deepcopy(middle)
        text = run.find(qn("w:delText"))
        if text is None:
            text = run.find(qn("w:t"))
        text.tag = qn("w:t")
        text.text = new
        insertion.append(run)
        anchor.addnext(insertion)


def plain_replace(doc: Any, old: str, new: str) -> None:
    """Edit the text without Track Changes."""
    p = paragraph_with(doc, old)
    for t in p.iter(qn("w:t")):
        if old in (t.text or ""):
            t.text = t.text.replace(old, new)
            return
    raise AssertionError(f"no single run holds {old!r}")


def add_paragraph_after(doc: Any, anchor_text: str, text: str, tracked_by: str = "") -> Any:
    """A new paragraph after the one holding ``anchor_text`` (as pressing Enter at its end and
    typing would make), tracked as an insertion if ``tracked_by``."""
    p = paragraph_with(doc, anchor_text)
    new = OxmlElement("w:p")
    ppr = p.find(qn("w:pPr"))
    if ppr is not None:
        new.append(copy.deepcopy(ppr))
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    if tracked_by:
        ins = _change("ins", tracked_by, "2014-06-21T09:00:00Z")
        ins.append(run)
        new.append(ins)
    else:
        new.append(run)
    # a new paragraph carries no bookmark of the copy: it is text the Party typed
    for b in new.iter(qn("w:bookmarkStart"), qn("w:bookmarkEnd")):
        b.getparent().remove(b)
    p.addnext(new)
    return new


def comment_on(doc: Any, text_in_paragraph: str, comment: str, author: str) -> None:
    """A Word comment anchored on the paragraph holding ``text_in_paragraph``."""
    from docx.text.paragraph import Paragraph

    p = paragraph_with(doc, text_in_paragraph)
    runs = Paragraph(p, doc._body).runs
    doc.add_comment(runs, text=comment, author=author, initials=author[:2])


def move_paragraph(doc: Any, text: str, before_text: str) -> None:
    """Cut a paragraph and paste it before another (its hidden anchors travel with it)."""
    p = paragraph_with(doc, text)
    target = paragraph_with(doc, before_text)
    target.addprevious(p)


def duplicate_paragraph(doc: Any, text: str) -> None:
    p = paragraph_with(doc, text)
    p.addnext(copy.deepcopy(p))
