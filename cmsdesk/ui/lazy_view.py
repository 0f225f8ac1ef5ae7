"""A panel that reloads only when it is seen: the review panels read the whole change log, so
they mark themselves stale when the plan changes and refresh when shown (or at once if shown)."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from cmsdesk.ui.hub import Hub


class LazyView(QWidget):
    _stale = True

    def follow(self, hub: Hub) -> None:
        """Refresh after every command, undo, redo and import."""
        # Methods, not lambdas: Qt drops the connections when the panel is destroyed.
        hub.reloaded.connect(self.invalidate)
        hub.outcome.connect(self._outcome)

    def _outcome(self, _outcome: object) -> None:
        self.invalidate()

    def refresh(self) -> None:
        """Load and show the data again (subclasses); clears the stale mark."""
        self._stale = False

    def invalidate(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()
