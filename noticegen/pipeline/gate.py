"""What may be built and published: the checks that stop a build before anything is written.

`--strict` stops on any check error; `--publish` also stops on a value still `to_confirm` and on a
notice whose sources differ from its latest release (the website shows released versions only).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from noticegen.changes import compare
from noticegen.checks import CheckResult
from noticegen.errors import Refused
from noticegen.i18n.translate import content_catalog, translate
from noticegen.model import Notice, Project
from noticegen.releases import WORKING, list_releases, load_release


def admit(
    project: Project, checks: CheckResult, strict: bool, publish: bool, langs: tuple[str, ...]
) -> tuple[Project, list[str]]:
    """Refuse what must not be built; for a site to publish, leave out drafts and thin translations
    first (a note for each): a draft's findings do not stop the others."""
    if not publish:
        refuse_unpublishable(project, checks, strict, False)
        return project, []
    drafts = {n.id for n in project.notices if n.status == "draft"}
    project, notes = leave_out(project, langs)
    refuse_unpublishable(project, checks, strict, True, drafts)
    return project, notes


def refuse_unpublishable(
    project: Project,
    checks: CheckResult,
    strict: bool,
    publish: bool,
    left_out: set[str] | frozenset = frozenset(),
) -> None:
    """Raise Refused, with a line per problem, when the build must not go ahead. The findings of
    notices `left_out` (drafts a site to publish leaves out) do not stop it."""
    # A site to publish must not state as fact a value the council has not confirmed.
    blocking = [
        f
        for f in checks.findings
        if ((strict or publish) and f.level == "error" or publish and f.rule == "to-confirm")
        and f.notice not in left_out
    ]
    if blocking:
        raise Refused(
            [str(f) for f in blocking] + (unreleased(project) if publish else []),
            f"checks: {checks.summary_line()}: nothing was built; fix the findings above "
            "(see 'noticegen check' and docs/checks.md)",
        )
    lines = unreleased(project) if publish else []
    if lines:
        raise Refused(
            lines,
            "nothing was built: the website must show released versions only, so that the council "
            "can say what a family was told and when (see docs/releasing.md)",
        )


def notice_langs(notice: Notice, langs: tuple[str, ...]) -> tuple[str, ...]:
    """The languages of this build a notice is made in: those its `languages:` names (default: all)."""
    return tuple(lang for lang in langs if not notice.languages or lang in notice.languages)


def leave_out(project: Project, langs: tuple[str, ...]) -> tuple[Project, list[str]]:
    """What a site to publish leaves out, with a line for each: draft notices, and translations
    whose coverage is below site.yaml's `publish: min_coverage:`."""
    notes, kept = [], []
    for notice in project.notices:
        if notice.status == "draft":
            notes.append(
                f"{notice.loc.path}: note: {notice.id} is a draft (status: draft): left out of the site to publish"
            )
            continue
        chosen = notice_langs(notice, langs)
        thin = _thin(project, notice, chosen)
        for lang, percent in thin.items():
            notes.append(
                f"{notice.loc.path}: note: {notice.id} is {percent:.0f}% translated into '{lang}', below "
                f"publish: min_coverage ({project.site.min_coverage}%): that language is left out"
            )
        kept.append(replace(notice, languages=tuple(x for x in chosen if x not in thin)) if thin else notice)
    return replace(project, notices=tuple(kept)), notes


def _thin(project: Project, notice: Notice, langs: tuple[str, ...]) -> dict[str, float]:
    """The translations of a notice below the site's minimum coverage (none when it sets none)."""
    minimum, source = project.site.min_coverage, project.site.default_language
    if minimum is None:
        return {}
    found = {}
    for lang in langs:
        if lang != source:
            strings = content_catalog(Path(project.root), lang, source)
            percent = translate(project.site, notice, lang, strings, source).coverage.percent
            if percent < minimum:
                found[lang] = percent
    return found


def unreleased(project: Project) -> list[str]:
    """A line for each notice whose source differs from its latest release, or has none."""
    lines = []
    for notice in project.notices:
        releases = list_releases(project.root, notice.id)
        if not releases:
            lines.append(
                f"{notice.loc.path}: error: {notice.id} has never been released: release it first with "
                f"'noticegen release {notice.id} --major --summary \"…\"'"
            )
            continue
        latest = releases[-1].version
        _, site, released = load_release(project.root, notice.id, latest)
        changes = compare(site, released, project.site, notice, from_version=latest, to_version=WORKING)
        if not changes.is_empty:
            lines.append(
                f"{notice.loc.path}: error: {notice.id} has changes since release {latest} "
                f"({changes.summary.split(': ', 1)[-1].rstrip('.')}): raise its version and release it, "
                f"or undo them (see 'noticegen diff {notice.id}')"
            )
    return lines
