"""The installer recipes say what the platforms need, and every resource reaches the program.

Fast checks of the files under installers/ (the frozen build itself is tested in
test_installers_build.py): the Linux desktop entry and MIME type, the macOS Info.plist, the
Inno Setup script, the icon renders, and importlib.resources access to every resource.
"""

from __future__ import annotations

import configparser
import plistlib
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from cmsdesk.paths import resource

ROOT = Path(__file__).resolve().parent.parent
INSTALLERS = ROOT / "installers"
LINUX = INSTALLERS / "linux"
RESOURCES = ROOT / "resources"
ICONS = RESOURCES / "icons"
MIME_TYPE = "application/x-cmsdesk-bundle"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
ICON_SIZES = (16, 32, 48, 64, 128, 256)


# -- Linux --------------------------------------------------------------------------------------

def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(LINUX / "cmsdesk.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_opens_bundles_with_the_program() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application" and entry["Terminal"] == "false"
    exec_line = entry["Exec"].split()
    assert exec_line[0] == entry["TryExec"] == "cmsdesk"
    assert exec_line[1:] == ["%F"], "file managers must pass the bundles' paths"
    assert MIME_TYPE in entry["MimeType"].rstrip(";").split(";")
    assert entry["Icon"] == "cmsdesk" and "Office" in entry["Categories"].split(";")
    for lang in ("fr", "es"):
        assert entry[f"Comment[{lang}]"] and entry[f"GenericName[{lang}]"]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate (desktop-file-utils) is not installed")
def test_desktop_entry_passes_desktop_file_validate() -> None:
    out = subprocess.run(["desktop-file-validate", str(LINUX / "cmsdesk.desktop")],
                         capture_output=True, text=True)
    assert out.returncode == 0 and not out.stdout.strip(), out.stdout + out.stderr


def test_mime_type_declares_cmsb_glob() -> None:
    root = ET.parse(LINUX / "cmsdesk-mime.xml").getroot()
    assert root.tag == f"{MIME_NS}mime-info"
    (mime,) = root.findall(f"{MIME_NS}mime-type")
    assert mime.get("type") == MIME_TYPE
    assert [g.get("pattern") for g in mime.findall(f"{MIME_NS}glob")] == ["*.cmsb"]
    assert mime.find(f"{MIME_NS}sub-class-of").get("type") == "application/zip"  # type: ignore[union-attr]
    assert mime.find(f"{MIME_NS}comment").text == "cmsdesk draft bundle"  # type: ignore[union-attr]


@pytest.mark.skipif(shutil.which("update-mime-database") is None,
                    reason="update-mime-database (shared-mime-info) is not installed")
def test_mime_database_maps_cmsb_to_the_type(tmp_path: Path) -> None:
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(LINUX / "cmsdesk-mime.xml", packages / "cmsdesk.xml")
    out = subprocess.run(["update-mime-database", str(tmp_path / "mime")],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    globs = (tmp_path / "mime" / "globs2").read_text("utf-8").splitlines()
    assert any(line.endswith(f":{MIME_TYPE}:*.cmsb") for line in globs)


def test_install_script_is_valid_posix_shell() -> None:
    script = LINUX / "install.sh"
    assert script.stat().st_mode & 0o111, "install.sh must be executable"
    out = subprocess.run(["sh", "-n", str(script)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


def test_linux_package_files_exist() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("installers_build", INSTALLERS / "build.py")
    assert spec and spec.loader
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    files = build.linux_share_files()
    assert all(source.is_file() for source, _ in files)
    inside = {path for _, path in files}
    assert {"applications/cmsdesk.desktop", "mime/packages/cmsdesk.xml",
            "icons/hicolor/scalable/apps/cmsdesk.svg"} <= inside
    assert all(f"icons/hicolor/{n}x{n}/apps/cmsdesk.png" in inside for n in ICON_SIZES)


# -- macOS --------------------------------------------------------------------------------------

def test_info_plist_declares_the_cmsb_document_type() -> None:
    with (INSTALLERS / "macos" / "Info.plist").open("rb") as fh:
        info = plistlib.load(fh)
    assert info["CFBundleExecutable"] == "cmsdesk"
    assert (ICONS / info["CFBundleIconFile"]).is_file()
    exported = {t["UTTypeIdentifier"]: t for t in info["UTExportedTypeDeclarations"]}
    (doc,) = info["CFBundleDocumentTypes"]
    assert doc["CFBundleTypeExtensions"] == ["cmsb"] and doc["LSHandlerRank"] == "Owner"
    (uti,) = doc["LSItemContentTypes"]
    tags = exported[uti]["UTTypeTagSpecification"]
    assert tags["public.filename-extension"] == ["cmsb"]
    assert tags["public.mime-type"] == [MIME_TYPE]
    assert "public.data" in exported[uti]["UTTypeConformsTo"]


# -- Windows ------------------------------------------------------------------------------------

def inno_sections() -> dict[str, list[str]]:
    """The .iss file's lines by section, without comments and preprocessor lines."""
    raw = (INSTALLERS / "windows" / "cmsdesk.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads non-ASCII text right only with a BOM"
    sections: dict[str, list[str]] = {}
    current = ""
    for line in raw.decode("utf-8-sig").splitlines():
        line = line.strip()
        if not line or line.startswith((";", "#")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections[current] = []
        else:
            sections.setdefault(current, []).append(line)
    return sections


def inno_entries(lines: list[str]) -> list[dict[str, str]]:
    """``Name: "x"; Flags: y`` lines as dicts (values unquoted, doubled quotes undone)."""
    entries = []
    for line in lines:
        fields = re.findall(r'(\w+):\s*("(?:[^"]|"")*"|[^;]*)', line)
        entries.append({k: v.strip()[1:-1].replace('""', '"') if v.strip().startswith('"')
                        else v.strip() for k, v in fields})
    return entries


def test_inno_setup_installs_per_user_without_admin() -> None:
    sections = inno_sections()
    setup = dict(line.split("=", 1) for line in sections["Setup"])
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup
    assert setup["DefaultDirName"].startswith("{autopf}")  # %LOCALAPPDATA%\Programs when per-user
    assert setup["ChangesAssociations"] == "yes"
    iss_dir = INSTALLERS / "windows"
    assert (iss_dir / setup["SetupIconFile"].replace("\\", "/")).resolve() == ICONS / "cmsdesk.ico"


def test_inno_setup_registers_cmsb_to_import_into_cmsdesk() -> None:
    sections = inno_sections()
    registry = inno_entries(sections["Registry"])
    assert all(e["Root"] == "HKCU" and e["Subkey"].startswith("Software\\Classes\\")
               for e in registry)
    by_key = {(e["Subkey"], e.get("ValueName", "")): e.get("ValueData") for e in registry}
    progid = by_key[("Software\\Classes\\.cmsb", "")]
    assert by_key[(f"Software\\Classes\\{progid}\\shell\\open\\command", "")] == \
        '"{app}\\cmsdesk.exe" "%1"'
    verb = by_key[(f"Software\\Classes\\{progid}\\shell\\open", "")]
    messages = dict(line.split("=", 1) for line in sections["CustomMessages"])
    assert verb == "{cm:ImportVerb}" and messages["en.ImportVerb"] == "Import into cmsdesk"
    assert {"fr.ImportVerb", "es.ImportVerb"} <= set(messages)


# -- icons and resources ------------------------------------------------------------------------

def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_icon_renders_have_their_sizes_and_are_drawn() -> None:
    from PySide6.QtGui import QImage

    for size in ICON_SIZES:
        data = (ICONS / f"cmsdesk-{size}.png").read_bytes()
        assert png_size(data) == (size, size)
        image = QImage.fromData(data)
        colours = {image.pixel(x, y) for x in range(size) for y in range(size)}
        corner, centre = image.pixelColor(0, 0), image.pixelColor(size // 2, size // 2)
        assert len(colours) >= 4 and centre.alpha() == 255 and corner.alpha() < 255


def test_ico_and_icns_hold_every_size() -> None:
    """Read back by Qt's own ICO and ICNS decoders, not by the code that wrote them."""
    from PySide6.QtGui import QImageReader

    for name, fmt, wanted in (("cmsdesk.ico", b"ico", list(ICON_SIZES)),
                              ("cmsdesk.icns", b"icns", [16, 32, 64, 128, 256, 512, 1024])):
        reader = QImageReader(str(ICONS / name))
        assert reader.canRead() and reader.format() == fmt
        sizes = []
        for i in range(reader.imageCount()):
            reader.jumpToImage(i)
            image = reader.read()
            assert not image.isNull() and image.width() == image.height()
            sizes.append(image.width())
        assert sorted(sizes) == wanted, name


def test_every_resource_is_reachable_through_importlib_resources() -> None:
    files = [p for p in RESOURCES.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert any(p.suffix == ".json" for p in files) and (ICONS / "cmsdesk.svg") in files
    for path in files:
        node = resource(*path.relative_to(RESOURCES).parts)
        assert node.is_file() and node.read_bytes() == path.read_bytes(), path

