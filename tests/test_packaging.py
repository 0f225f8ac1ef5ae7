"""The package build: what a wheel built from this checkout carries.

The resources live in the top-level ``resources/`` folder; the build maps them into the package
as ``cmsdesk/resources``, where ``cmsdesk.paths.resource`` reads them once installed. (A checkout
and an editable install read the folder itself: tests/test_installers_files.py; the frozen
program: tests/test_installers_build.py.)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


# What a clean clone does not have: the build must not depend on it (nor write into the checkout).
NOT_IN_A_CLONE = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "*.qm",
                                        "__pycache__", ".*_cache", ".hypothesis", ".lo-profile")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"
    shutil.copytree(ROOT, source, ignore=NOT_IN_A_CLONE)
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(source),
                            "-w", str(base)], capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr[-3000:]
    return next(base.glob("cmsdesk-*.whl"))


@pytest.mark.slow
def test_wheel_carries_every_resource_inside_the_package(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    sources = [p.relative_to(ROOT / "resources") for p in (ROOT / "resources").rglob("*")
               if p.is_file() and p.suffix != ".qm"]
    assert sources
    missing = [str(rel) for rel in sources
               if f"cmsdesk/resources/{rel.as_posix()}" not in names]
    assert not missing
    assert not any(name.startswith("resources/") for name in names)
