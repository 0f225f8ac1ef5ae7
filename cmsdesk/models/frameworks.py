"""External reference frameworks (the Aichi Biodiversity Targets, the KMGBF, the SDGs...).

A framework is data, not code: a JSON file of format ``cmsdesk-framework`` with goals and
targets. The bundled ones are installed in every new store; any other file of the same format
can be loaded with ``cmsdesk framework load FILE``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from cmsdesk.models.schema import Framework, FrameworkGoal, FrameworkTarget
from cmsdesk.paths import resource

FORMAT = "cmsdesk-framework"


class FrameworkFileError(ValueError):
    pass


@dataclass(frozen=True)
class FrameworkData:
    id: str
    title: str
    short: str
    source: str
    goals: list[tuple[str, str]]  # (code, title)
    targets: list[tuple[str, str, str, str]]  # (code, goal code, title, summary)


def parse_framework(data: Any, origin: str = "framework file") -> FrameworkData:
    """Validate a decoded framework file; the error names what is wrong."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise FrameworkFileError(f"{origin}: not a cmsdesk framework file (format {FORMAT!r})")
    if data.get("version") != 1:
        raise FrameworkFileError(f"{origin}: unsupported framework format version")
    try:
        goals = [(str(g["code"]), str(g["title"])) for g in data["goals"]]
        codes = {g[0] for g in goals}
        targets = []
        for t in data["targets"]:
            if str(t["goal"]) not in codes:
                raise FrameworkFileError(f"{origin}: target {t['code']} names unknown goal {t['goal']}")
            targets.append((str(t["code"]), str(t["goal"]), str(t["title"]), str(t.get("summary", ""))))
        fid = str(data["id"])
    except (KeyError, TypeError) as exc:
        raise FrameworkFileError(f"{origin}: missing or malformed entry ({exc})") from exc
    if not fid or not targets:
        raise FrameworkFileError(f"{origin}: a framework needs an id and at least one target")
    return FrameworkData(fid, str(data.get("title", fid)), str(data.get("short", fid)),
                         str(data.get("source", "")), goals, targets)


def read_framework_file(path: Path) -> FrameworkData:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise FrameworkFileError(f"{path}: cannot read framework file: {exc}") from exc
    return parse_framework(data, str(path))


def install_framework(session: Session, fw: FrameworkData) -> None:
    """Insert or replace a framework and all its goals and targets."""
    session.execute(delete(FrameworkTarget).where(FrameworkTarget.framework_id == fw.id))
    session.execute(delete(FrameworkGoal).where(FrameworkGoal.framework_id == fw.id))
    session.merge(Framework(id=fw.id, title=fw.title, short=fw.short, source=fw.source))
    session.flush()
    for i, (code, title) in enumerate(fw.goals):
        session.add(FrameworkGoal(framework_id=fw.id, code=code, title=title, ordinal=i))
    for i, (code, goal, title, summary) in enumerate(fw.targets):
        session.add(FrameworkTarget(framework_id=fw.id, code=code, goal_code=goal, title=title,
                                    summary=summary, ordinal=i))


def install_bundled_frameworks(session: Session) -> None:
    folder = resource("frameworks")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            install_framework(session, parse_framework(json.loads(entry.read_text("utf-8")),
                                                       entry.name))


def framework_target_exists(session: Session, framework: str, code: str) -> bool:
    return session.get(FrameworkTarget, (framework, code)) is not None


def list_frameworks(session: Session) -> list[Framework]:
    return list(session.scalars(select(Framework).order_by(Framework.id)))


def framework_tree(session: Session, framework: str) -> list[tuple[FrameworkGoal, list[FrameworkTarget]]]:
    """Goals with their targets, in file order (for the cross-reference panel and the annex)."""
    goals = session.scalars(select(FrameworkGoal).where(FrameworkGoal.framework_id == framework)
                            .order_by(FrameworkGoal.ordinal)).all()
    targets = session.scalars(select(FrameworkTarget).where(FrameworkTarget.framework_id == framework)
                              .order_by(FrameworkTarget.ordinal)).all()
    return [(g, [t for t in targets if t.goal_code == g.code]) for g in goals]
