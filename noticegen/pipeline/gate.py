"""What may be built and published: the checks that stop a build before anything is written.

`--strict` stops on any check error; `--publish` also stops on a value still `to_confirm` and on a
notice whose sources differ from its latest release (the website shows released versions only).
"""

from __future__ import annotations

from noticegen.changes import compare
from noticegen.checks import CheckResult
from noticegen.errors import Refused
from noticegen.model import Project
from noticegen.releases import WORKING, list_releases, load_release


def refuse_unpublishable(project: Project, checks: CheckResult, strict: bool, publish: bool) -> None:
    """Raise Refused, with a line per problem, when the build must not go ahead."""
    # A site to publish must not state as fact a value the council has not confirmed.
    blocking = [
        f
        for f in checks.findings
        if (strict or publish) and f.level == "error" or publish and f.rule == "to-confirm"
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
