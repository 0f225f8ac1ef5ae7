"""The benchmark's smoke mode runs end to end and writes its JSON and Markdown.

It checks structure, never timings: the figures of ``--quick`` prove the code runs (the real
figures are in docs/benchmarks.md). It runs the command a user runs, in a process of its own.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MEASUREMENTS = {"cold_start", "merge_round", "one_sentence_delta", "long_history", "word_export",
                "editor", "server_store", "stalls", "field_saves", "loro_round"}


@pytest.mark.slow
def test_quick_mode_writes_a_figure_for_every_measurement(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-m", "bench", "--quick", "--out", str(tmp_path)],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads((tmp_path / "latest.json").read_text())
    assert result["format"] == "cmsdesk-bench" and result["quick"] is True
    assert set(result["measurements"]) == MEASUREMENTS
    assert result["machine"]["cores"] and result["machine"]["python"]
    assert len(result["load_average"]["before"]) == 3
    for key, m in result["measurements"].items():
        assert m["figures"], key
        for f in m["figures"]:
            assert isinstance(f["value"], int | float) and math.isfinite(f["value"]), (key, f)
            if f["baseline"] is not None:
                assert f["baseline"] > 0 and f["ratio"] == pytest.approx(f["value"] / f["baseline"])
            assert f["met"] in (None, True, False)
    round_ = result["measurements"]["merge_round"]["details"]
    assert round_["changes_imported"] == round_["changes_written"] > 0
    assert set(round_["same_state"]) == {"reversed", "shuffled"}
    assert round_["backup"]["bytes"] > 0  # the import backed the store up, timed within it
    loro = result["measurements"]["loro_round"]["details"]
    assert loro["delegates"] == round_["delegates"] and loro["update_bytes"] > 0
    saves = result["measurements"]["field_saves"]["samples"]["save_s"]
    assert len(saves) == result["sizes"]["saves"]
    table = (tmp_path / "latest.md").read_text()
    assert "| measurement |" in table and table.strip() in out.stdout
    assert table.count("\n| ") >= sum(len(m["figures"]) for m in result["measurements"].values())


@pytest.mark.slow
def test_quick_growth_writes_its_series_and_plot(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-m", "bench", "--quick", "--only", "growth", "--out",
                          str(tmp_path)], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    m = json.loads((tmp_path / "latest.json").read_text())["measurements"]["growth"]
    assert [r["bundles"] for r in m["details"]["rounds"]] == [2, 4]
    assert [s["changes"] >= c for s, c in zip(m["details"]["stores"], (300, 600),
                                                strict=True)] == [True, True]
    assert len(m["figures"]) == 4 and all(f["met"] in (True, False) for f in m["figures"])
    assert (tmp_path / "growth.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
