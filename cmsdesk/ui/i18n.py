"""Translations: Qt ``.ts`` sources for French and Spanish, compiled to ``.qm`` at build time.

Every user-visible string of the window goes through ``self.tr`` or
``QCoreApplication.translate``. ``python -m cmsdesk.ui.i18n update`` refreshes the ``.ts``
sources from the code (pyside6-lupdate); ``python -m cmsdesk.ui.i18n build`` compiles them to
``.qm`` files beside them (pyside6-lrelease), which the app loads for the user's language.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from cmsdesk.paths import resource

LANGUAGES = ("fr", "es")
UI_PACKAGE = Path(__file__).resolve().parent


def translations_dir() -> Path:
    return Path(str(resource("translations")))


def ts_path(language: str) -> Path:
    return translations_dir() / f"cmsdesk_{language}.ts"


def install_translators(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Load cmsdesk's and Qt's own translations for ``locale`` (default: the system's)."""
    locale = locale or QLocale.system()
    installed = []
    for name, folder in (("cmsdesk", str(translations_dir())),
                         ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials")
    return found


def update_sources(target: Path | None = None) -> list[Path]:
    """Run pyside6-lupdate over the ui package; returns the .ts files written."""
    sources = sorted(str(p) for p in UI_PACKAGE.glob("*.py"))
    written = []
    for language in LANGUAGES:
        out = (target or translations_dir()) / f"cmsdesk_{language}.ts"
        out.parent.mkdir(parents=True, exist_ok=True)
        if target is not None and ts_path(language).exists() and not out.exists():
            shutil.copyfile(ts_path(language), out)
        subprocess.run([_tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete", *sources,
                        "-ts", str(out)], check=True, capture_output=True)
        written.append(out)
    return written


def build(target: Path | None = None) -> list[Path]:
    """Compile every .ts source to a .qm file (in ``target``, default beside the sources)."""
    built = []
    for language in LANGUAGES:
        qm = (target or translations_dir()) / f"cmsdesk_{language}.qm"
        # Written beside, then renamed: a program starting meanwhile (the frozen build compiles
        # them while the tests run in parallel) reads the old file or the new, never half of one.
        part = qm.with_name(f"{qm.stem}.{os.getpid()}.part.qm")
        try:
            subprocess.run([_tool("pyside6-lrelease"), str(ts_path(language)), "-qm", str(part)],
                           check=True, capture_output=True)
            os.replace(part, qm)
        finally:
            part.unlink(missing_ok=True)
        built.append(qm)
    return built


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "update":
        print("\n".join(str(p) for p in update_sources()))
    elif command == "build":
        print("\n".join(str(p) for p in build()))
    else:
        raise SystemExit("usage: python -m cmsdesk.ui.i18n update|build")
