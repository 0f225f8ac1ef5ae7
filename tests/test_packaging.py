"""The package build, and the program a wheel installs (not the checkout the other tests run).

The resources live in the top-level ``resources/`` folder; the build maps them into the package
as ``cmsdesk/resources`` and compiles the translations there, where ``cmsdesk.paths.resource``
reads them once installed. (A checkout and an editable install read the folder itself:
tests/test_installers_files.py; the frozen program: tests/test_installers_build.py.)

The source distribution is built from a copy of the checkout without what a clean clone lacks
(compiled translations, caches, virtual environments), and the wheel from that source
distribution (``python -m build``, as a release is made), then installed into a virtual environment of its
own, which borrows the test environment's dependencies only (through a ``.pth`` line, so the
editable install of this checkout stays out of it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# What a clean clone does not have: the build must not depend on it (nor write into the checkout).
NOT_IN_A_CLONE = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "*.qm",
                                        "__pycache__", ".*_cache", ".hypothesis", ".lo-profile")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("dist")
    source = base / "source"
    shutil.copytree(ROOT, source, ignore=NOT_IN_A_CLONE)
    built = subprocess.run([sys.executable, "-m", "build", "--outdir", str(base / "out"),
                            str(source)], capture_output=True, text=True, timeout=900)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    return base / "out"


@pytest.fixture(scope="module")
def wheel(dist: Path) -> Path:
    return next(dist.glob("cmsdesk-*.whl"))


def test_the_source_distribution_builds_the_package_and_leaves_the_tests_out(dist: Path) -> None:
    """Its wheel was built from it (by the fixture); the tests need the benchmark, installers
    and CI script of the repository, so they are not shipped half."""
    [sdist] = dist.glob("cmsdesk-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"setup.py", "pyproject.toml", "LICENSE", "README.md", "cmsdesk/cli.py",
            "resources/translations/cmsdesk_fr.ts", "resources/frameworks/aichi.json"} <= names
    assert not [n for n in names if n.startswith(("tests/", "bench/", "installers/"))]
    assert not [n for n in names if n.endswith(".qm")]


def test_wheel_carries_every_resource_inside_the_package(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    sources = [p.relative_to(ROOT / "resources") for p in (ROOT / "resources").rglob("*")
               if p.is_file() and p.suffix != ".qm"]
    assert sources
    missing = [str(rel) for rel in sources
               if f"cmsdesk/resources/{rel.as_posix()}" not in names]
    assert not missing
    assert not any(name.startswith("resources/") for name in names)


def test_wheel_built_from_a_clean_clone_has_compiled_translations(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        for ts in sorted((ROOT / "resources" / "translations").glob("*.ts")):
            qm = archive.read(f"cmsdesk/resources/translations/{ts.stem}.qm")
            assert qm.startswith(b"\x3c\xb8\x64\x18")  # Qt's .qm magic number
            assert len(qm) > 10_000, "the translation is nearly empty"


def test_wheel_states_its_licence(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        metadata = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        text = archive.read(metadata).decode()
        assert "License-Expression: MIT" in text
        licence = next(n for n in archive.namelist() if n.endswith("licenses/LICENSE"))
        assert archive.read(licence).startswith(b"MIT License")


@dataclass
class Installed:
    venv: Path
    env: dict[str, str]

    def run(self, *args: str | Path, check: bool = True) -> subprocess.CompletedProcess[str]:
        out = subprocess.run([str(self.venv / "bin" / "cmsdesk"), *map(str, args)],
                             capture_output=True, text=True, timeout=180, env=self.env,
                             cwd=self.venv)
        assert not check or out.returncode == 0, f"{args}: {out.stdout}\n{out.stderr}"
        return out


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Installed:
    if sys.platform == "win32":
        pytest.skip("the virtual environment layout below is the POSIX one")
    base = tmp_path_factory.mktemp("installed")
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path("
                              "'purelib'))"], capture_output=True, text=True, check=True)
    site = Path(purelib.stdout.strip())
    (site / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    done = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q",
                           "--no-deps", "--no-index", str(wheel)], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    home = base / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "LC_", "LANG"))}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"),
               QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8")
    return Installed(venv, env)


def test_the_installed_program_is_the_wheel_not_the_checkout(installed: Installed) -> None:
    out = subprocess.run([str(installed.venv / "bin" / "python"), "-c",
                          "import cmsdesk, cmsdesk.paths as p; print(cmsdesk.__file__); "
                          "print(p.resource('translations', 'cmsdesk_fr.qm'))"],
                         capture_output=True, text=True, env=installed.env, check=True,
                         cwd=installed.venv)  # not the checkout: python -c imports from cwd
    package, french = out.stdout.split()
    assert Path(package).is_relative_to(installed.venv)
    assert Path(french).is_relative_to(installed.venv) and Path(french).is_file()


def test_the_installed_program_has_the_guide_in_three_languages(installed: Installed) -> None:
    out = subprocess.run([str(installed.venv / "bin" / "python"), "-c",
                          "import cmsdesk.paths as p\nfor lang in ('', '.fr', '.es'):\n"
                          "    print(p.resource('guide', f'user-guide{lang}.md'))"],
                         capture_output=True, text=True, env=installed.env, check=True,
                         cwd=installed.venv)
    paths = [Path(line) for line in out.stdout.split()]
    assert len(paths) == 3 and all(p.is_relative_to(installed.venv) for p in paths)
    for path, name in zip(paths, ("user-guide.md", "user-guide.fr.md", "user-guide.es.md"),
                          strict=True):
        assert path.read_text(encoding="utf-8") == (ROOT / "docs" / name).read_text(
            encoding="utf-8")


def test_the_installed_program_round_trips_a_bundle_and_writes_both_word_documents(
        installed: Installed, tmp_path: Path) -> None:
    import docx

    spain, ghana = tmp_path / "spain.db", tmp_path / "ghana.db"
    installed.run("--db", spain, "identity", "--name", "Ana Pérez", "--party", "Spain",
                  "--region", "Europe", "--role", "delegate")
    installed.run("--db", spain, "init")
    installed.run("--db", spain, "bundle", "export", tmp_path / "x.cmsb", "--full")
    installed.run("--db", ghana, "identity", "--name", "Kofi Mensah", "--party", "Ghana",
                  "--region", "Africa", "--role", "delegate")
    installed.run("--db", ghana, "bundle", "import", tmp_path / "x.cmsb")
    assert "Strategic Plan for Migratory Species" in installed.run("--db", ghana, "plans").stdout

    installed.run("--db", ghana, "export", "docx", tmp_path / "plan.docx")
    installed.run("--db", ghana, "export", "compilation", tmp_path / "compilation.docx")
    plan = docx.Document(str(tmp_path / "plan.docx"))
    assert any("Strategic Plan for Migratory Species" in p.text for p in plan.paragraphs)
    compilation = docx.Document(str(tmp_path / "compilation.docx"))
    assert len(compilation.paragraphs) > 3


def test_the_installed_program_speaks_french(installed: Installed, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    installed.run("--db", tmp_path / "s.db", "identity", "--name", "Amina Diallo", "--party",
                  "Senegal", "--region", "Africa", "--role", "focal point")
    shots = []
    for lang in ("en_GB.UTF-8", "en_GB.UTF-8", "fr_FR.UTF-8"):
        installed.env["LC_ALL"] = lang
        shots.append(tmp_path / f"{len(shots)}-{lang}.png")
        installed.run("--db", tmp_path / "s.db", "--screenshot", shots[-1])
    english, again, french = (QImage(str(p)) for p in shots)
    assert not english.isNull() and english.size() == french.size()
    assert english == again  # the same language renders the same window
    assert english != french, "the French window looks like the English one"
