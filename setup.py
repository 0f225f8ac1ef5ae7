"""What pyproject.toml cannot say about the package build.

* The top-level ``resources/`` folder (beside ``installers/`` and ``tests/``) is shipped inside
  the package as ``cmsdesk/resources``, where ``cmsdesk.paths.resource`` finds it in a wheel.
* The translations are compiled while the package is built: each ``resources/translations/*.ts``
  source becomes a ``.qm`` file beside it in the wheel (Qt's lrelease, from PySide6, which is
  therefore a build requirement). A wheel built from a clean clone speaks French and Spanish.

Everything else is declared in pyproject.toml.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

TRANSLATIONS = Path("resources", "translations")
# pyside6-lrelease, run through the PySide6 of the build environment whatever its PATH.
LRELEASE = ("import sys; from PySide6.scripts.pyside_tool import lrelease; "
            "sys.argv[0] = 'pyside6-lrelease'; lrelease()")


class BuildWithTranslations(build_py):
    """build_py, then the .qm files of the translations into the built package."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads the checkout (./dev compiles there)
            return
        target = Path(self.build_lib, "cmsdesk", "resources", "translations")
        target.mkdir(parents=True, exist_ok=True)
        for source in sorted(TRANSLATIONS.glob("*.ts")):
            qm = target / f"{source.stem}.qm"
            done = subprocess.run([sys.executable, "-c", LRELEASE, str(source), "-qm", str(qm)],
                                  capture_output=True, text=True)
            if done.returncode != 0 or not qm.is_file():
                raise SystemExit(f"compiling {source} failed: {done.stderr.strip()[-500:]}")


setup(
    packages=[*find_packages(include=["cmsdesk", "cmsdesk.*"]), "cmsdesk.resources"],
    package_dir={"cmsdesk.resources": "resources"},
    cmdclass={"build_py": BuildWithTranslations},
)
