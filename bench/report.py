"""Figures, the machine they were measured on, and the JSON and Markdown they are written as.

Every measurement produces :class:`Figure` rows: a value, optionally the baseline measured in
the same run and the ratio to it, and the goal with whether it was met. The Markdown table and
the JSON file are two views of the same rows.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

LIBRARIES = ("PySide6-Essentials", "SQLAlchemy", "python-docx", "Markdown", "cryptography",
             "alembic")


@dataclass
class Figure:
    """One reported number. ``met`` is None where there is no goal."""

    name: str
    value: float
    unit: str
    baseline: float | None = None
    baseline_name: str = ""
    goal: str = ""
    met: bool | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or not self.baseline:
            return None
        return self.value / self.baseline

    def to_json(self) -> dict[str, Any]:
        return asdict(self) | {"ratio": self.ratio}


@dataclass
class Measurement:
    """The figures of one of the six measurements, the raw samples and how it was done."""

    key: str
    title: str
    figures: list[Figure] = field(default_factory=list)
    samples: dict[str, list[float]] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0  # wall time the measurement took, set-up included

    def add(self, *figures: Figure) -> None:
        self.figures.extend(figures)

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "figures": [f.to_json() for f in self.figures],
                "samples": self.samples, "details": self.details, "seconds": self.seconds}


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


# -- the machine ------------------------------------------------------------------------------


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def _commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, check=True, cwd=Path(__file__).resolve().parent)
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def load_average() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def machine() -> dict[str, Any]:
    from cmsdesk import __version__

    return {
        "cpu": _cpu_model(), "cores": os.cpu_count(), "memory_gib": _memory_gib(),
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(), "cmsdesk": __version__, "commit": _commit(),
        "libraries": {name: _version(name) for name in LIBRARIES},
        "executable": sys.executable,
    }


# -- Markdown ---------------------------------------------------------------------------------


def _number(value: float | None, unit: str = "") -> str:
    if value is None:
        return ""
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "bytes":
        return f"{value:,.0f} B" if value < 10_000 else f"{value / 1024:,.1f} KiB"
    if unit == "MiB":
        return f"{value:,.1f} MiB"
    if unit == "yes/no":
        return "yes" if value else "no"
    if float(value).is_integer():
        return f"{value:,.0f}" + (f" {unit}" if unit else "")
    return f"{value:,.2f}" + (f" {unit}" if unit else "")


def markdown_table(measurements: list[Measurement]) -> str:
    rows = ["| measurement | figure | value | baseline (same run) | ratio | goal | met |",
            "| --- | --- | --- | --- | --- | --- | --- |"]
    for m in measurements:
        for f in m.figures:
            base = f"{_number(f.baseline, f.unit)} ({f.baseline_name})" if f.baseline is not None \
                else ""
            ratio = f"{f.ratio:.2f}×" if f.ratio is not None else ""
            met = "" if f.met is None else ("yes" if f.met else "**no**")
            name = f.name + (f" ({f.note})" if f.note else "")
            rows.append(f"| {m.title} | {name} | {_number(f.value, f.unit)} | {base} | {ratio} "
                        f"| {f.goal} | {met} |")
    return "\n".join(rows) + "\n"


def markdown(result: dict[str, Any], measurements: list[Measurement]) -> str:
    mach = result["machine"]
    libs = ", ".join(f"{k} {v}" for k, v in mach["libraries"].items())
    load = result["load_average"]
    lines = [
        f"cmsdesk benchmarks, {result['date']} ({'quick smoke mode, ' if result['quick'] else ''}"
        f"{result['runs']} run(s) per figure, medians)",
        "",
        f"Machine: {mach['cpu']}, {mach['cores']} cores, {mach['memory_gib']} GiB; "
        f"{mach['system']}; Python {mach['python']}; {libs}; cmsdesk {mach['cmsdesk']} "
        f"({mach['commit']}).",
        f"Load average (1, 5, 15 min): {load['before']} before, {load['after']} after.",
        "",
        markdown_table(measurements),
    ]
    return "\n".join(lines)
