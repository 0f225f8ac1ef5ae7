"""Build cmsdesk as a one-folder program, and optionally the file a delegate downloads.

    python installers/build.py              # dist/cmsdesk/ (macOS: dist/cmsdesk.app)
    python installers/build.py --package    # plus the platform's download:
        Linux    dist/cmsdesk-<version>-linux-<arch>.tar.gz   (unpack, run ./install.sh)
        Windows  dist/cmsdesk-<version>-setup.exe             (Inno Setup 6, per-user install)
        macOS    dist/cmsdesk-<version>-macos-<arch>.zip      (the .app, zipped with ditto)

Run it with the Python of the environment that has cmsdesk and the ``build`` extra installed
(``pip install -e .[build]``). The build is checked before it is packaged: the frozen program must
print its version. docs/installing.md explains the result and what a target machine needs.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "cmsdesk.spec"
ICONS = ROOT / "resources" / "icons"
ICON_SIZES = (16, 32, 48, 64, 128, 256)


class BuildError(Exception):
    """A build step failed; the message says which and what to do."""


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from cmsdesk import __version__

    return __version__


def compile_translations() -> None:
    """The ``.qm`` files are built from the committed ``.ts`` sources, so the build carries them."""
    if any((ROOT / "resources" / "translations").glob("*.ts")):
        subprocess.run([sys.executable, "-m", "cmsdesk.ui.i18n", "build"], check=True, cwd=ROOT,
                       stdout=subprocess.DEVNULL)


def freeze(dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; return the folder (or .app) it made."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError as exc:
        raise BuildError("PyInstaller is not installed in this Python: "
                         "pip install -e '.[build]' (or 'pyinstaller>=6.5,<7')") from exc
    if sys.platform.startswith("linux") and shutil.which("objdump") is None:
        raise BuildError("PyInstaller needs objdump and objcopy on Linux: "
                         "apt-get install binutils")
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work), str(SPEC)], check=True)
    return dist / ("cmsdesk.app" if sys.platform == "darwin" else "cmsdesk")


def program(built: Path) -> Path:
    """The executable inside a built folder or app bundle."""
    if sys.platform == "darwin":
        return built / "Contents" / "MacOS" / "cmsdesk"
    return built / ("cmsdesk-cli.exe" if sys.platform == "win32" else "cmsdesk")


def check(built: Path, expected: str) -> None:
    """The frozen program starts and reports the version it was built from."""
    out = subprocess.run([str(program(built)), "--version"], capture_output=True, text=True,
                         timeout=60)
    if out.returncode != 0 or out.stdout.strip() != f"cmsdesk {expected}":
        raise BuildError(f"the built program does not start cleanly: exit {out.returncode}, "
                         f"output {out.stdout.strip()!r} {out.stderr.strip()[-400:]!r}")


def linux_share_files() -> list[tuple[Path, str]]:
    """Files of the tarball's ``share/`` tree (XDG data layout), as (source, path in share/)."""
    linux = HERE / "linux"
    files = [(linux / "cmsdesk.desktop", "applications/cmsdesk.desktop"),
             (linux / "cmsdesk-mime.xml", "mime/packages/cmsdesk.xml"),
             (ICONS / "cmsdesk.svg", "icons/hicolor/scalable/apps/cmsdesk.svg")]
    for size in ICON_SIZES:
        png = ICONS / f"cmsdesk-{size}.png"
        files.append((png, f"icons/hicolor/{size}x{size}/apps/cmsdesk.png"))
        files.append((png, f"icons/hicolor/{size}x{size}/mimetypes/"
                           "application-x-cmsdesk-bundle.png"))
    return files


def _owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def linux_tarball(built: Path, dist: Path, ver: str) -> Path:
    """``cmsdesk-<version>/``: the program, ``install.sh`` and a ``share/`` tree, gzipped."""
    top = f"cmsdesk-{ver}"
    target = dist / f"{top}-linux-{platform.machine()}.tar.gz"
    partial = target.with_name(target.name + ".part")
    with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
        tar.add(built, arcname=top, filter=_owned_by_root)
        tar.add(HERE / "linux" / "install.sh", arcname=f"{top}/install.sh",
                filter=_owned_by_root)
        for source, inside in linux_share_files():
            tar.add(source, arcname=f"{top}/share/{inside}", filter=_owned_by_root)
    partial.replace(target)
    return target


def windows_installer(built: Path, dist: Path, ver: str) -> Path:
    default = Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"),
                   "Inno Setup 6", "ISCC.exe")
    iscc = shutil.which("iscc") or (str(default) if default.exists() else None)
    if iscc is None:
        raise BuildError("Inno Setup 6 is needed for --package on Windows: install it from "
                         "https://jrsoftware.org/isinfo.php (ISCC.exe on PATH or in its "
                         "default folder)")
    subprocess.run([iscc, f"/DAppVersion={ver}", f"/DProgramDir={built}", f"/O{dist}",
                    str(HERE / "windows" / "cmsdesk.iss")], check=True)
    return dist / f"cmsdesk-{ver}-setup.exe"


def macos_zip(built: Path, dist: Path, ver: str) -> Path:
    target = dist / f"cmsdesk-{ver}-macos-{platform.machine()}.zip"
    subprocess.run(["ditto", "-c", "-k", "--sequesterRsrc", "--keepParent", str(built),
                    str(target)], check=True)
    return target


def package(built: Path, dist: Path, ver: str) -> Path:
    if sys.platform == "win32":
        return windows_installer(built, dist, ver)
    if sys.platform == "darwin":
        return macos_zip(built, dist, ver)
    return linux_tarball(built, dist, ver)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--package", action="store_true",
                        help="also make the platform's download (tarball, installer or zip)")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist",
                        help="where the program and packages go (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build",
                        help="PyInstaller's scratch folder (default: build/)")
    args = parser.parse_args(argv)
    ver = version()
    try:
        compile_translations()
        built = freeze(args.dist.resolve(), args.work.resolve())
        check(built, ver)
        print(f"build: {built}")
        if args.package:
            print(f"build: {package(built, args.dist.resolve(), ver)}")
    except BuildError as exc:
        print(f"build: error: {exc}", file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as exc:
        print(f"build: error: {' '.join(map(str, exc.cmd[:4]))} ... failed with exit "
              f"{exc.returncode}; its messages are above", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
