"""Screenshots of the Review and Conflicts panels on a real consultation round.

The Secretariat's window after four delegations' bundles came back (:mod:`review_support`),
with Target 6 selected: in the review its text field with every proposal marked against the
draft, in the conflicts panel its three options beside the common text. Writes
``review.png`` and ``resolve.png`` (the window grabbed by Qt) to the folder given::

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/review_screens.py docs/screenshots

Under Xvfb (``DISPLAY=:99 QT_QPA_PLATFORM=xcb``) add ``--hold SECONDS`` to keep each view on
screen that long, for ``import -window root`` to take it as a person would see it; ``--theme
dark`` shows them in View > Theme > Dark.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from review_support import build_round, open_copy  # noqa: E402

SIZE = (1280, 800)


def shoot(out: Path, hold: float = 0.0, theme: str = "system") -> list[Path]:
    from PySide6.QtCore import QSettings, Qt, QTimer

    from cmsdesk.models import queries
    from cmsdesk.ui.app import build_window, make_application
    from cmsdesk.ui.review_panels import install
    from cmsdesk.ui.theme import ThemeSwitcher

    app = make_application()
    ThemeSwitcher.of(app).apply(theme)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="cmsdesk-review-shots-") as tmp:
        rnd = build_round(Path(tmp) / "round")
        store = open_copy(rnd.secretariat, Path(tmp))
        settings = QSettings(str(Path(tmp) / "layout.ini"), QSettings.Format.IniFormat)
        window = build_window(store, rnd.plan_id, settings)
        panels = install(window)
        window.resize(*SIZE)
        with store.session() as s:
            t6 = queries.resolve_node(s, rnd.plan_id, "T6")

        def review() -> None:
            window.outline.select(t6)
            panels.show_review()
            for item in panels.review._all_items():
                if item.data(0, Qt.ItemDataRole.UserRole) == ("field", t6, "text"):
                    item.setSelected(True)
                    panels.review.tree.scrollToItem(item)

        def resolve() -> None:
            panels.show_resolve()
            row = next(i for i, c in enumerate(panels.resolve.conflicts) if c.label == "T6")
            panels.resolve.list.setCurrentRow(row)

        def grab(name: str) -> None:
            written.append(out / name)
            window.grab().save(str(written[-1]))

        # Each step in the running event loop, as a user's clicks are (deferred deletions
        # and layouts happen in between).
        steps = [review, lambda: grab("review.png"), resolve, lambda: grab("resolve.png"),
                 app.quit]
        wait = int(max(hold, 0.4) * 1000)
        for i, step in enumerate(steps):
            QTimer.singleShot(300 + i * wait, step)
        window.show()
        app.exec()
        window.close()
        store.close()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--hold", type=float, default=0.0, metavar="SECONDS")
    parser.add_argument("--theme", default="system", choices=("system", "light", "dark"))
    args = parser.parse_args()
    for path in shoot(args.folder, args.hold, args.theme):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
