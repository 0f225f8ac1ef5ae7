"""Running the ``cmsdesk`` command in-process, as the CLI tests do."""

from __future__ import annotations

import pytest

from cmsdesk.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``cmsdesk ARGS``; returns (exit code, standard output, standard error)."""
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err
