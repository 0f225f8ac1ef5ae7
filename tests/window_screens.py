"""Screenshots of the window for docs/screenshots: the first start, the empty window of a
delegate waiting for the draft, the main window in a theme, a language and a size, and the
Word export's options and the preferences (to look at a theme's check boxes and forms).

One picture per run (the interface's language is fixed when the application starts)::

    Xvfb :99 -screen 0 1600x1000x24 -nolisten tcp &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python tests/window_screens.py main \\
        docs/screenshots/main-dark.png --theme dark
    ... first-start start.png --lang fr; ... main fr.png --lang fr --size 1024x768
    ... dialogs shots/dark --theme dark   (every dialog, and the history and drafts panels,
                                           one PNG each in the folder shots/dark)

Each view is grabbed by Qt once it has been shown and painted on the X server.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

DEMO = ("Amina Diallo", "Senegal", "Africa", "focal point")


def shoot(view: str, out: Path, lang: str, theme_name: str, size: tuple[int, int]) -> Path:
    from PySide6.QtCore import QLocale, QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    from cmsdesk.models.commands import create_plan_from_template
    from cmsdesk.models.identity import Profile
    from cmsdesk.models.store import Store
    from cmsdesk.ui.app import build_window
    from cmsdesk.ui.i18n import install_translators
    from cmsdesk.ui.theme import ThemeSwitcher

    app = QApplication.instance() or QApplication(["cmsdesk"])
    assert isinstance(app, QApplication)
    app.setApplicationName("cmsdesk")
    if lang != "en":
        QLocale.setDefault(QLocale(lang))
        install_translators(app, QLocale(lang))
    ThemeSwitcher.of(app).apply(theme_name)
    with tempfile.TemporaryDirectory(prefix="cmsdesk-shots-") as tmp:
        store = Store.open(Path(tmp) / "demo.db")
        store.set_profile(Profile(*DEMO))
        settings = QSettings(str(Path(tmp) / "layout.ini"), QSettings.Format.IniFormat)
        widget: QWidget
        if view == "first-start":
            from cmsdesk.ui.dialogs import StartDialog

            widget = StartDialog("delegate")
        elif view == "waiting":
            from cmsdesk.ui.waiting_window import WaitingWindow

            widget = WaitingWindow(store, settings)
            widget.resize(*size)
        else:
            from cmsdesk.ui.review_panels import install

            plan_id = create_plan_from_template(store).created or ""
            window = build_window(store, plan_id, settings)
            install(window)
            window.restore_layout()
            window.resize(*size)
            widget = window
            if view == "export-word":
                from cmsdesk.ui.export_dialogs import DOCX, DocumentOptionsDialog

                widget = DocumentOptionsDialog(window.document, DOCX, window)
            elif view == "preferences":
                from cmsdesk.ui.preferences import PreferencesDialog

                widget = PreferencesDialog(settings, store, window)
        widget.show()
        for _ in range(10):
            app.processEvents()
        if view == "main":
            window.restore_current()
            for page in window.editor.pages.values():
                if page.field.preview.isVisibleTo(window):
                    page.field.render_preview()
            for _ in range(10):
                app.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(out), "PNG")
        widget.close()
        store.close()
    return out


def shoot_dialogs(folder: Path, lang: str, theme_name: str) -> list[Path]:
    """Every dialog of the window, and the panels of history and drafts, in a theme: to look at
    each one's buttons, fields and texts on that theme's palette."""
    from PySide6.QtCore import QLocale, QSettings, QThread
    from PySide6.QtWidgets import QApplication, QWidget

    from cmsdesk.models.commands import create_plan_from_template
    from cmsdesk.models.identity import Profile
    from cmsdesk.models.store import Store
    from cmsdesk.ui.app import build_window, take_over_box
    from cmsdesk.ui.dialogs import ProfileDialog, StartDialog
    from cmsdesk.ui.drafts_view import MarkDraftDialog
    from cmsdesk.ui.export_dialogs import (
        DOCX,
        MARKDOWN,
        DocumentOptionsDialog,
        ExportBundleDialog,
    )
    from cmsdesk.ui.help_guide import GuideDialog
    from cmsdesk.ui.i18n import install_translators
    from cmsdesk.ui.import_flow import FileOutcome, ImportReportDialog
    from cmsdesk.ui.keys_view import KeysDialog
    from cmsdesk.ui.preferences import PreferencesDialog
    from cmsdesk.ui.review_panels import install
    from cmsdesk.ui.shortcuts import ShortcutsDialog
    from cmsdesk.ui.theme import ThemeSwitcher

    app = QApplication.instance() or QApplication(["cmsdesk"])
    assert isinstance(app, QApplication)
    app.setApplicationName("cmsdesk")
    if lang != "en":
        QLocale.setDefault(QLocale(lang))
        install_translators(app, QLocale(lang))
    ThemeSwitcher.of(app).apply(theme_name)
    shots: list[Path] = []
    folder.mkdir(parents=True, exist_ok=True)

    def grab(name: str, widget: QWidget) -> None:
        widget.show()
        for _ in range(10):
            app.processEvents()
        shots.append(folder / f"{name}.png")
        widget.grab().save(str(shots[-1]), "PNG")
        widget.close()

    with tempfile.TemporaryDirectory(prefix="cmsdesk-shots-") as tmp:
        store = Store.open(Path(tmp) / "demo.db")
        store.set_profile(Profile(*DEMO))
        settings = QSettings(str(Path(tmp) / "layout.ini"), QSettings.Format.IniFormat)
        plan_id = create_plan_from_template(store).created or ""
        window = build_window(store, plan_id, settings)
        panels = install(window)
        window.restore_layout()
        window.resize(1280, 800)
        window.show()
        window.restore_current()
        document = window.document
        bundle = ExportBundleDialog(document, window)
        for _ in range(50):  # the bundle is built in the background
            app.processEvents()
            if bundle.built is not None:
                break
            QThread.msleep(20)
        views: list[tuple[str, QWidget]] = [
            ("export-word", DocumentOptionsDialog(document, DOCX, window)),
            ("export-markdown", DocumentOptionsDialog(document, MARKDOWN, window)),
            ("export-bundle", bundle),
            ("import-report", ImportReportDialog(
                [FileOutcome(Path("kenya-2026-03-01.cmsb"), error="the file is damaged: it "
                             "is not a zip archive. Ask the sender to export it again."),
                 FileOutcome(Path("peru-2026-03-02.cmsb"))], window)),
            ("preferences", PreferencesDialog(settings, store, window)),
            ("identity", ProfileDialog(store.profile, window)),
            ("first-start", StartDialog("delegate")),
            ("keys", KeysDialog(document, window)),
            ("mark-draft", MarkDraftDialog(document, window)),
            ("lock", take_over_box("demo.db: left open by Amina Diallo on laptop-7", window)),
            ("shortcuts", ShortcutsDialog(window, window)),
            ("guide", GuideDialog(window)),
        ]
        for name, widget in views:
            grab(name, widget)
        panels.show_history()
        panels.show_drafts()
        for _ in range(20):
            app.processEvents()
        grab("window-history-drafts", window)
        store.close()
    return shots


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("view", choices=("main", "first-start", "waiting", "export-word",
                                    "preferences", "dialogs"))
    p.add_argument("out", type=Path)
    p.add_argument("--lang", default="en", choices=("en", "fr", "es"))
    p.add_argument("--theme", default="light", choices=("system", "light", "dark"))
    p.add_argument("--size", default="1280x800")
    args = p.parse_args()
    width, height = (int(v) for v in args.size.lower().split("x"))
    if args.view == "dialogs":
        print("\n".join(map(str, shoot_dialogs(args.out, args.lang, args.theme))))
        return
    print(shoot(args.view, args.out, args.lang, args.theme, (width, height)))


if __name__ == "__main__":
    main()
