"""The package layout pyproject.toml cannot say: the top-level ``resources/`` folder (beside
``installers/`` and ``tests/``) is shipped inside the package as ``cmsdesk/resources``, where
``cmsdesk.paths.resource`` finds it in a wheel. Everything else is declared in pyproject.toml.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["cmsdesk", "cmsdesk.*"]), "cmsdesk.resources"],
    package_dir={"cmsdesk.resources": "resources"},
)
