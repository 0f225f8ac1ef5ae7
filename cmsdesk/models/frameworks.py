"""External reference frameworks (the Aichi Biodiversity Targets, the KMGBF, the SDGs...).

A framework is data, not code: a JSON file of format ``cmsdesk-framework`` with goals and
targets. The bundled ones are installed in every new store; any other file of the same format
can be loaded with ``cmsdesk framework load FILE``.

The file's own texts are English. An optional ``languages`` object gives the framework's title,
short name, source and each goal's and target's title and summary in French and Spanish
(``{"fr": {"title", "short", "source", "goals": {code: title}, "targets": {code: {"title",
"summary"}}, "official": [...], "translator": ...}}``); ``official`` lists the entries that are
the CBD's own wording in that language, ``translator`` says who translated the rest. A text
missing in a language reads as the English one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from cmsdesk.models.languages import LANGUAGES
from cmsdesk.models.schema import Framework, FrameworkGoal, FrameworkTarget, FrameworkText
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
    # other languages: (lang, kind framework|goal|target, code, title, summary)
    texts: tuple[tuple[str, str, str, str, str], ...] = ()


def _language_texts(data: Any, goals: set[str], targets: set[str],
                    origin: str) -> list[tuple[str, str, str, str, str]]:
    """The ``languages`` object of a framework file as rows; the error names what is wrong."""
    out: list[tuple[str, str, str, str, str]] = []
    if not isinstance(data, dict):
        raise FrameworkFileError(f"{origin}: 'languages' is not an object")
    for lang, texts in data.items():
        if lang not in LANGUAGES or lang == "en":
            raise FrameworkFileError(f"{origin}: unknown language {lang!r} (the file's own "
                                     "texts are English; give fr or es)")
        if not isinstance(texts, dict):
            raise FrameworkFileError(f"{origin}: the {lang} texts are not an object")
        out.append((lang, "framework", "", str(texts.get("title", "")),
                    str(texts.get("short", ""))))
        for code, title in dict(texts.get("goals", {})).items():
            if code not in goals:
                raise FrameworkFileError(f"{origin}: {lang} text of unknown goal {code}")
            out.append((lang, "goal", code, str(title), ""))
        for code, item in dict(texts.get("targets", {})).items():
            if code not in targets or not isinstance(item, dict):
                raise FrameworkFileError(f"{origin}: {lang} text of unknown target {code}")
            out.append((lang, "target", code, str(item.get("title", "")),
                        str(item.get("summary", ""))))
    return out


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
    texts = _language_texts(data.get("languages", {}), codes, {t[0] for t in targets}, origin)
    return FrameworkData(fid, str(data.get("title", fid)), str(data.get("short", fid)),
                         str(data.get("source", "")), goals, targets, tuple(texts))


def read_framework_file(path: Path) -> FrameworkData:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise FrameworkFileError(f"{path}: cannot read framework file: {exc}") from exc
    return parse_framework(data, str(path))


def install_framework(session: Session, fw: FrameworkData) -> None:
    """Insert or replace a framework and all its goals, targets and texts in other languages."""
    session.execute(delete(FrameworkText).where(FrameworkText.framework_id == fw.id))
    session.execute(delete(FrameworkTarget).where(FrameworkTarget.framework_id == fw.id))
    session.execute(delete(FrameworkGoal).where(FrameworkGoal.framework_id == fw.id))
    session.merge(Framework(id=fw.id, title=fw.title, short=fw.short, source=fw.source))
    session.flush()
    for i, (code, title) in enumerate(fw.goals):
        session.add(FrameworkGoal(framework_id=fw.id, code=code, title=title, ordinal=i))
    for i, (code, goal, title, summary) in enumerate(fw.targets):
        session.add(FrameworkTarget(framework_id=fw.id, code=code, goal_code=goal, title=title,
                                    summary=summary, ordinal=i))
    for lang, kind, code, title, summary in fw.texts:
        session.add(FrameworkText(framework_id=fw.id, lang=lang, kind=kind, code=code,
                                  title=title, summary=summary))


def install_bundled_frameworks(session: Session) -> None:
    folder = resource("frameworks")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            install_framework(session, parse_framework(json.loads(entry.read_text("utf-8")),
                                                       entry.name))


@dataclass
class FrameworkWords:
    """A framework's texts in one language, the English ones standing in where none."""

    title: str
    short: str
    goals: dict[str, str]  # code -> title
    targets: dict[str, tuple[str, str]]  # code -> (title, summary)


def framework_words(session: Session, framework: str, lang: str = "en") -> FrameworkWords:
    """The title, short name and goal and target texts of ``framework`` in ``lang``."""
    fw = session.get(Framework, framework)
    if fw is None:
        return FrameworkWords(framework, framework, {}, {})
    words = FrameworkWords(fw.title, fw.short, {}, {})
    for goal, targets in framework_tree(session, framework):
        words.goals[goal.code] = goal.title
        for t in targets:
            words.targets[t.code] = (t.title, t.summary)
    if lang == "en":
        return words
    for row in session.scalars(select(FrameworkText).where(
            FrameworkText.framework_id == framework, FrameworkText.lang == lang)):
        if row.kind == "framework":
            words.title = row.title or words.title
            words.short = row.summary or words.short
        elif row.kind == "goal" and row.title:
            words.goals[row.code] = row.title
        elif row.kind == "target" and row.code in words.targets:
            title, summary = words.targets[row.code]
            words.targets[row.code] = (row.title or title, row.summary or summary)
    return words


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
