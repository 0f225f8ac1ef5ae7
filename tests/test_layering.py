"""Qt lives in cmsdesk/ui only: models, sync and export must run in a batch job with no Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "cmsdesk"
QT_FREE = ("models", "sync", "export", "clicmd")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_no_qt_import_outside_ui() -> None:
    offenders = [
        str(p.relative_to(PACKAGE.parent))
        for p in PACKAGE.rglob("*.py")
        if "ui" not in p.relative_to(PACKAGE).parts[:1]
        and _imports(p) & {"PySide6", "shiboken6"}
    ]
    assert offenders == []


def test_importing_the_core_loads_no_qt() -> None:
    modules = [f"cmsdesk.{area}" for area in QT_FREE]
    modules += [f"cmsdesk.{area}.{p.stem}" for area in QT_FREE
                for p in (PACKAGE / area).glob("*.py") if p.stem != "__init__"]
    code = (f"import importlib, sys\nfor m in {modules!r}: importlib.import_module(m)\n"
            "print(sorted(k for k in sys.modules if k.startswith(('PySide6', 'shiboken6'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_start_up_path_does_not_import_docx_markdown_or_alembic() -> None:
    code = ("import sys\nfrom cmsdesk.cli import main\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'docx', 'markdown', 'alembic'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
