"""What may be built and published: the checks that stop a build before anything is written.

`--strict` stops on any check error; `--publish` also stops on a value still `to_confirm` and on a
notice whose sources differ from its latest release (the website shows released versions only).
A site to publish leaves out draft notices and translations below `publish: min_coverage`, a note
for each. Which notices and languages a build makes: --notice, --lang, each notice's `languages:`.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from noticegen.changes import compare
from noticegen.checks import CheckResult
from noticegen.errors import Refused, UserError
from noticegen.i18n.translate import content_catalog, translate
from noticegen.languages import notice_langs
from noticegen.model import Notice, Project
from noticegen.releases import WORKING, list_releases, load_release


def admit(project: Project, checks: CheckResult, strict: bool, publish: bool) -> tuple[Project, list[str]]:
    """Refuse what must not be built; a site to publish first leaves out its draft notices (a note
    for each), whose findings do not stop the others."""
    if not publish:
        refuse_unpublishable(project, checks, strict, False)
        return project, []
    drafts = [n for n in project.notices if n.status == "draft"]
    notes = [
        f"{n.loc.path}: note: {n.id} is a draft (status: draft): left out of the site to publish"
        for n in drafts
    ]
    project = replace(project, notices=tuple(n for n in project.notices if n.status != "draft"))
    refuse_unpublishable(project, checks, strict, True, {n.id for n in drafts})
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


def leave_out_thin(project: Project, langs: tuple[str, ...], notes: list[str]) -> tuple[Project, list[str]]:
    """A site to publish leaves out each translation of a notice whose coverage is below
    site.yaml's `publish: min_coverage:`: `notes` with a line for each added."""
    notes, kept = list(notes), []
    for notice in project.notices:
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


def select_notices(project: Project, wanted: tuple[str, ...]) -> list[Notice]:
    """The notices to build: those named (--notice), or all."""
    known = {n.id: n for n in project.notices}
    missing = [w for w in wanted if w not in known]
    if missing:
        raise UserError(f"there is no notice '{missing[0]}': choose one of {', '.join(known)}")
    return [known[w] for w in wanted] if wanted else list(project.notices)


def select_langs(project: Project, wanted: tuple[str, ...], publish: bool = False) -> tuple[str, ...]:
    """The languages to build; a site to publish leaves out translations still in draft."""
    known = [
        lang.code
        for lang in project.site.languages
        if not publish or lang.status == "approved" or lang.code == project.site.default_language
    ]
    missing = [w for w in wanted if w not in known]
    if missing:
        raise UserError(
            f"the site has no language '{missing[0]}': choose one of "
            f"{', '.join(known)} (languages are listed in notice_src/site.yaml)"
        )
    return tuple(wanted) if wanted else tuple(known)


def pairs(notices: list[Notice], langs: tuple[str, ...]) -> list[tuple[Notice, str]]:
    """Each notice with each language it is built in."""
    return [(notice, lang) for notice in notices for lang in notice_langs(notice, langs)]
