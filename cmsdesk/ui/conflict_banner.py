"""A banner beside a contested field: every alternative, and who proposed it.

The editor never hides that a field is contested. The field itself shows the bracketed options
form; the banner lists the alternatives with their proposers (Parties and people), and lets the
user settle the field with one of them.
"""

from __future__ import annotations

import difflib
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cmsdesk.models.queries import ConflictView
from cmsdesk.ui.labels import field_name, fill, status_name, translate
from cmsdesk.ui.safe_browser import plain_tip
from cmsdesk.ui.theme import background, css, foreground

PREVIEW_CHARS = 240
CONTEXT_WORDS = 4


def _clip(text: str) -> str:
    return text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS] + "…"


def what_differs(base: str, value: str) -> str:
    """The words of ``value`` that differ from ``base``, with a little context: a proposal to a
    long text is told by what it changes, not by its first sentence."""
    old, new = base.split(), value.split()
    ops = [op for op in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
           if op[0] != "equal"]
    if not ops or not old:
        return _clip(" ".join(new))
    first, last = ops[0], ops[-1]
    lo, hi = first[3], last[4]
    if lo == hi:  # only removes words
        removed = " ".join(old[first[1]:last[2]])
        return fill(translate("ConflictBanner", "removes “%1”"), _clip(removed))
    start, end = max(0, lo - CONTEXT_WORDS), min(len(new), hi + CONTEXT_WORDS)
    excerpt = " ".join(new[start:end])
    return _clip(("…" if start else "") + excerpt + ("…" if end < len(new) else ""))


def describe_value(conflict: ConflictView, value: Any) -> str:
    if conflict.field == "status":
        return status_name(str(value))
    if isinstance(value, str):
        return what_differs(conflict.base, value) if conflict.kind == "text" else _clip(value)
    return ""


def describe_authors(authors: list[dict[str, str]]) -> str:
    people = []
    for a in authors:
        bits = [b for b in (a.get("party"), a.get("region"), a.get("role")) if b]
        people.append(f"{a.get('name') or '?'} ({', '.join(bits)})" if bits else a.get("name", ""))
    return "; ".join(p for p in people if p)


class ConflictBanner(QFrame):
    """Hidden while the field is not contested."""

    # the alternative chosen: its value ("keep" / "delete" for a contested deletion)
    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflict-banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"#conflict-banner {{ background: {css(background('alert'))}; "
                           f"border: 1px solid {css(foreground('alert'))}; border-radius: 3px; }}")
        self.setAccessibleName(self.tr("Contested field"))
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 6, 8, 6)
        self._layout.setSpacing(4)
        self.conflict: ConflictView | None = None
        self.hide()

    def _clear(self) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # at once: deletion waits for the event loop
                widget.deleteLater()

    def show_conflict(self, conflict: ConflictView | None) -> None:
        if conflict == self.conflict:
            return
        self.conflict = conflict
        self._clear()
        if conflict is None:
            self.hide()
            return
        alternatives = conflict.alternatives
        if conflict.kind == "delete":
            head = self.tr("Contested deletion: some moved this to the Trash while others "
                           "edited it. It stays visible until someone decides.")
        elif conflict.field == "placement":
            head = self.tr("Contested place: this was moved to different places. "
                           "Move it where it belongs to settle it.")
        elif conflict.kind == "text":
            head = fill(self.tr("The %1 is contested: %2 proposals. The field shows them as "
                                "bracketed options."), field_name(conflict.field),
                        len(alternatives))
        else:
            head = fill(self.tr("The %1 is contested: %2 proposals. The first is shown until "
                                "someone chooses."), field_name(conflict.field),
                        len(alternatives))
        title = QLabel(f"<b>{head}</b>", self)
        title.setWordWrap(True)
        title.setTextFormat(Qt.TextFormat.RichText)
        self._layout.addWidget(title)
        for number, alt in enumerate(alternatives, start=1):
            self._layout.addWidget(self._alternative(conflict, alt.get("number", number), alt))
        self.show()

    def _alternative(self, conflict: ConflictView, number: int, alt: dict[str, Any]) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        proposers = ", ".join(alt.get("proposers", [])) or self.tr("unknown")
        value = alt.get("value")
        if conflict.kind == "delete":
            what = self.tr("Move to the Trash") if value == "delete" else self.tr("Keep it")
            text = fill(self.tr("%1 — wanted by %2"), what, proposers)
        else:
            regions = ", ".join(alt.get("endorsed_by", []))
            text = (fill(self.tr("Option %1 — position of %2, proposed by %3"), number, regions,
                         proposers) if regions else
                    fill(self.tr("Option %1 — proposed by %2"), number, proposers))
            shown = describe_value(conflict, value)
            if shown:
                text += f": {shown}"
        label = QLabel(text, row)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setToolTip(plain_tip(describe_authors(alt.get("authors", []))))
        layout.addWidget(label, 1)
        if conflict.field != "placement":
            if conflict.kind == "delete":
                caption = self.tr("Delete") if value == "delete" else self.tr("Keep it")
            else:
                caption = self.tr("Use this")
            button = QPushButton(caption, row)
            button.setToolTip(self.tr("Settle the field with this alternative"))
            button.clicked.connect(lambda _c=False, v=value: self.chosen.emit(v))
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return row
