"""The Linux one-folder program, built from the spec, does what a delegate needs.

One PyInstaller build (and its tarball) per test run, in a temporary folder, then the frozen
program is run as a user would: its version, a new store, an identity, importing a bundle made by
the source tree, a screenshot of the window rendered offscreen, and the per-user install from the
tarball. About 40-60 s on two cores, most of it PyInstaller.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from cmsdesk import __version__

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="builds the Linux program"),
]

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "cmsdesk"


class Build:
    """The built folder, its tarball, and a private HOME for running them."""

    def __init__(self, base: Path) -> None:
        self.dist = base / "dist"
        self.folder = self.dist / "cmsdesk"
        self.program = self.folder / "cmsdesk"
        self.tarball = self.dist / f"cmsdesk-{__version__}-linux-{platform.machine()}.tar.gz"
        self.home = base / "home"
        self.home.mkdir()

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "PYTHON"))}
        env.update(HOME=str(self.home), XDG_DATA_HOME=str(self.home / ".local" / "share"),
                   QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8")
        return env

    def run(self, *args: str | Path, program: Path | None = None,
            timeout: float = 60) -> subprocess.CompletedProcess[str]:
        out = subprocess.run([str(program or self.program), *map(str, args)], env=self.env(),
                             capture_output=True, text=True, timeout=timeout)
        assert out.returncode == 0, f"{args}: exit {out.returncode}\n{out.stdout}\n{out.stderr}"
        return out


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    pytest.importorskip("PyInstaller", reason="install the build extra: pip install -e '.[build]'")
    base = tmp_path_factory.mktemp("installers")
    built = Build(base)
    out = subprocess.run([sys.executable, str(ROOT / "installers" / "build.py"), "--package",
                          "--dist", str(built.dist), "--work", str(base / "work")],
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    assert built.program.is_file() and built.tarball.is_file()
    return built


def source_cli(*args: str | Path) -> None:
    """The same command from the source tree, to make inputs for the frozen program."""
    out = subprocess.run([sys.executable, "-m", "cmsdesk", *map(str, args)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, f"{args}: {out.stdout}\n{out.stderr}"


def test_program_reports_its_version(build: Build) -> None:
    assert build.run("--version").stdout.strip() == f"cmsdesk {__version__}"


def test_program_holds_every_resource_and_migration(build: Build) -> None:
    internal = next(p for p in build.folder.iterdir() if p.is_dir())  # PyInstaller's _internal
    for folder, inside in ((ROOT / "resources", Path("resources")),
                           (PACKAGE / "models" / "migrations", Path("models", "migrations"))):
        wanted = {inside / p.relative_to(folder) for p in folder.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}
        assert wanted
        missing = [str(rel) for rel in wanted if not (internal / "cmsdesk" / rel).is_file()]
        assert not missing
    # Translations are compiled by the build: every .ts source has its .qm in the program.
    for ts in (ROOT / "resources" / "translations").glob("*.ts"):
        assert (internal / "cmsdesk" / "resources" / "translations" / f"{ts.stem}.qm").is_file()


def test_program_creates_a_store_and_an_identity(build: Build, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    assert "Create plan" in build.run("--db", db, "init").stdout
    build.run("--db", db, "identity", "--name", "Amina Diallo", "--party", "Senegal",
              "--region", "Africa", "--role", "focal point")
    identity = json.loads(build.run("--db", db, "identity", "--json").stdout)
    assert identity["party"] == "Senegal" and identity["name"] == "Amina Diallo"
    outline = json.loads(build.run("--db", db, "outline", "--json").stdout)["outline"]
    assert sum(e["kind"] == "target" for e in outline) == 16  # the starter template
    frameworks = build.run("--db", db, "framework", "list").stdout
    assert "aichi" in frameworks and "kmgbf" in frameworks


def test_program_imports_a_bundle(build: Build, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    bundle = tmp_path / "x.cmsb"
    source_cli("--db", other, "identity", "--name", "Ana Pérez", "--party", "Spain",
               "--region", "Europe", "--role", "delegate")
    source_cli("--db", other, "init")
    source_cli("--db", other, "bundle", "export", bundle, "--full")

    db = tmp_path / "s.db"
    build.run("--db", db, "identity", "--name", "Kofi Mensah", "--party", "Ghana",
              "--region", "Africa", "--role", "delegate")
    build.run("--db", db, "bundle", "import", bundle)
    plans = build.run("--db", db, "plans").stdout
    assert "Strategic Plan for Migratory Species 2015-2023" in plans
    outline = json.loads(build.run("--db", db, "outline", "--json").stdout)["outline"]
    assert sum(e["kind"] == "target" for e in outline) == 16


def test_program_writes_both_word_documents(build: Build, tmp_path: Path) -> None:
    """python-docx starts every document from its template files, which the spec collects."""
    import docx

    db = tmp_path / "s.db"
    build.run("--db", db, "identity", "--name", "Kofi Mensah", "--party", "Ghana",
              "--region", "Africa", "--role", "delegate")
    build.run("--db", db, "init")
    build.run("--db", db, "export", "docx", tmp_path / "plan.docx")
    build.run("--db", db, "export", "compilation", tmp_path / "compilation.docx")
    plan = docx.Document(str(tmp_path / "plan.docx"))
    assert any("Strategic Plan for Migratory Species" in p.text for p in plan.paragraphs)
    assert len(docx.Document(str(tmp_path / "compilation.docx")).paragraphs) > 3


def test_program_renders_a_screenshot_offscreen(build: Build, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    shot = tmp_path / "out.png"
    build.run("--db", tmp_path / "s.db", "--screenshot", shot, timeout=30)
    image = QImage(str(shot))
    assert not image.isNull() and image.width() >= 640 and image.height() >= 400
    step = max(1, image.width() // 200)
    colours = {image.pixel(x, y) for x in range(0, image.width(), step)
               for y in range(0, image.height(), step)}
    assert len(colours) > 50, "the screenshot is nearly blank"


def test_tarball_installs_for_the_user_and_uninstalls(build: Build, tmp_path: Path) -> None:
    with tarfile.open(build.tarball) as tar:
        tar.extractall(tmp_path, filter="tar")
    unpacked = tmp_path / f"cmsdesk-{__version__}"
    local = build.home / ".local"
    install = subprocess.run(["sh", str(unpacked / "install.sh")], env=build.env(),
                             capture_output=True, text=True, timeout=120)
    assert install.returncode == 0, install.stderr

    installed = local / "bin" / "cmsdesk"
    assert build.run("--version", program=installed).stdout.strip() == f"cmsdesk {__version__}"
    desktop = (local / "share" / "applications" / "cmsdesk.desktop").read_text("utf-8")
    assert f'Exec="{local}/opt/cmsdesk/cmsdesk" %F' in desktop
    assert (local / "share" / "icons" / "hicolor" / "16x16" / "apps" / "cmsdesk.png").is_file()
    assert (local / "share" / "mime" / "packages" / "cmsdesk.xml").is_file()
    globs = local / "share" / "mime" / "globs2"
    if globs.exists():  # update-mime-database was there to run
        assert "application/x-cmsdesk-bundle:*.cmsb" in globs.read_text("utf-8")

    uninstall = subprocess.run(["sh", str(local / "opt" / "cmsdesk" / "install.sh"),
                                "--uninstall"], env=build.env(), capture_output=True, text=True,
                               timeout=60)
    assert uninstall.returncode == 0, uninstall.stderr
    assert not installed.exists() and not (local / "opt" / "cmsdesk").exists()
    assert not (local / "share" / "applications" / "cmsdesk.desktop").exists()


def test_program_writes_a_document_in_its_export_child(build: Build, tmp_path: Path) -> None:
    """The window writes documents in a child process that is the program itself, started with
    --multiprocessing-fork (cmsdesk/export/child.py); freeze_support() must answer it."""
    import docx

    db = tmp_path / "s.db"
    build.run("--db", db, "identity", "--name", "Kofi Mensah", "--party", "Ghana",
              "--region", "Africa", "--role", "delegate")
    build.run("--db", db, "init")
    out = subprocess.run([sys.executable, str(ROOT / "tests" / "frozen_child.py"),
                          str(build.program), str(db), str(tmp_path / "plan.docx")],
                         env=build.env() | {"PYTHONPATH": str(ROOT)}, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    plan = docx.Document(str(tmp_path / "plan.docx"))
    assert any("Strategic Plan for Migratory Species" in p.text for p in plan.paragraphs)
