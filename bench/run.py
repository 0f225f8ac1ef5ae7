"""The benchmark runner: ``python -m bench [--quick] [--runs N] [--only NAME ...] [--out DIR]``.

Runs the measurements of issues 7 and 19 in a temporary folder, prints the Markdown table, and
writes ``latest.json`` and ``latest.md`` to ``bench/results/`` (or ``--out``). ``--quick`` is a
smoke mode with tiny sizes (a few seconds; the test suite runs it so the benchmark does not rot):
its figures prove the code runs, not how fast it is.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import (
    coldstart,
    editor,
    growth,
    history,
    loro_round,
    merge_round,
    saves,
    server_store,
    stalls,
    word,
)
from bench.plans import count_nodes, large_template, plan_store
from bench.report import Measurement, load_average, machine, markdown

RESULTS = Path(__file__).resolve().parent / "results"
NAMES = ("cold_start", "merge_round", "one_sentence_delta", "long_history", "word_export",
         "editor", "server_store", "stalls", "field_saves", "loro_round", "growth")
OPT_IN = ("growth",)  # long: run only when named with --only


@dataclass(frozen=True)
class Sizes:
    delegates: int
    edits: int
    history_changes: int
    large_nodes: int
    selections: int
    saves: int
    warm_up: bool  # one unrecorded run of each process and export first
    growth_delegates: tuple[int, ...]
    growth_changes: tuple[int, ...]


FULL = Sizes(delegates=130, edits=20, history_changes=50_000, large_nodes=1000, selections=12,
             saves=1000, warm_up=True, growth_delegates=(130, 260, 520, 1040),
             growth_changes=(50_000, 200_000, 500_000))
QUICK = Sizes(delegates=3, edits=2, history_changes=300, large_nodes=30, selections=2,
              saves=20, warm_up=False, growth_delegates=(2, 4), growth_changes=(300, 600))


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="tiny smoke mode (a few seconds)")
    p.add_argument("--runs", type=int, default=None,
                   help="repetitions of each timed step; medians are reported (default 5, "
                   "quick 1)")
    p.add_argument("--only", action="append", choices=NAMES, metavar="NAME",
                   help=f"run only these measurements (repeat); one of {', '.join(NAMES)} "
                   f"(without it: all but {', '.join(OPT_IN)})")
    p.add_argument("--out", type=Path, default=RESULTS, help="folder for latest.json/.md")
    p.add_argument("--seed", type=int, default=7, help="seed of the synthetic plans and edits")
    p.add_argument("--keep", action="store_true", help="keep the working folder (printed)")
    return p.parse_args(argv)


class Runner:
    """Shares the stores several measurements use, and makes each at most once."""

    def __init__(self, work: Path, sizes: Sizes, runs: int, seed: int, out: Path) -> None:
        self.work = work
        self.out = out
        self.sizes = sizes
        self.runs = runs
        self.seed = seed
        self._starter: Path | None = None
        self._large: Path | None = None
        self._round: merge_round.Round | None = None

    @property
    def starter(self) -> Path:
        if self._starter is None:
            self._starter = self.work / "starter.db"
            plan_store(self._starter)
        return self._starter

    @property
    def large(self) -> Path:
        if self._large is None:
            self._large = self.work / "large.db"
            plan_store(self._large, large_template(self.sizes.large_nodes, self.seed))
        return self._large

    @property
    def round(self) -> merge_round.Round:
        if self._round is None:
            self._round = merge_round.prepare(self.work / "round", self.sizes.delegates,
                                              self.sizes.edits, self.seed)
        return self._round

    def measurements(self) -> dict[str, Callable[[], Measurement]]:
        s, runs, seed, work = self.sizes, self.runs, self.seed, self.work
        nodes = count_nodes(large_template(s.large_nodes, seed))
        return {
            "cold_start": lambda: coldstart.measure(work / "start", runs, s.warm_up),
            "merge_round": lambda: merge_round.measure_round(self.round, runs, seed),
            "one_sentence_delta": lambda: merge_round.measure_one_sentence(self.round, seed),
            "long_history": lambda: history.measure(work / "history", s.history_changes, runs,
                                                    seed, s.warm_up),
            "word_export": lambda: word.measure(work / "word", self.starter, self.large, nodes,
                                                runs, s.warm_up),
            "editor": lambda: editor.measure(work / "editor", self.starter, self.large, nodes,
                                             runs, s.selections),
            "server_store": lambda: server_store.measure(self.round, runs),
            # the scripted window session takes a minute: at most three runs
            "stalls": lambda: stalls.measure(work / "stalls", s.large_nodes, s.delegates,
                                             min(runs, 3), seed),
            "field_saves": lambda: saves.measure(work / "saves", self.large, s.saves, seed),
            "loro_round": lambda: loro_round.measure(self.round, s.edits, runs, seed),
            "growth": lambda: growth.measure(work / "growth", s.growth_delegates,
                                             s.growth_changes, s.edits, min(runs, 3), seed,
                                             self.out),
        }


def run(args: argparse.Namespace) -> dict[str, Any]:
    sizes = QUICK if args.quick else FULL
    runs = args.runs or (1 if args.quick else 5)
    wanted = args.only or [name for name in NAMES if name not in OPT_IN]
    before = load_average()
    started = datetime.now(UTC)
    measured: list[Measurement] = []
    work = Path(tempfile.mkdtemp(prefix="cmsdesk-bench-"))
    try:
        runner = Runner(work, sizes, runs, args.seed, args.out)
        todo = runner.measurements()
        for name in wanted:
            start = time.perf_counter()
            m = todo[name]()
            m.seconds = round(time.perf_counter() - start, 1)
            measured.append(m)
            print(f"# {m.title}: done in {m.seconds} s", flush=True)
    finally:
        if args.keep:
            print(f"# working folder kept: {work}")
        else:
            import shutil

            shutil.rmtree(work, ignore_errors=True)
    result = {
        "format": "cmsdesk-bench", "version": 1,
        "date": started.isoformat(timespec="seconds").replace("+00:00", "Z"),
        "quick": args.quick, "runs": runs, "seed": args.seed, "sizes": sizes.__dict__,
        "machine": machine(), "load_average": {"before": before, "after": load_average()},
        "measurements": {m.key: m.to_json() for m in measured},
    }
    table = markdown(result, measured)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "latest.json").write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n")
    (args.out / "latest.md").write_text(table)
    print()
    print(table)
    return result


def main(argv: list[str] | None = None) -> int:
    run(parse_args(argv))
    return 0
