"""Release change notes as translatable text: extracted into the notices catalog, shown translated.

Each release's change note is one message, its context the release's stable id
("supporting-families/release/2.0"), so translators see it beside the notice's own text. A note
without a usable translation is shown in the source language, marked as such (a Text with `lang`).
"""

from __future__ import annotations

from pathlib import Path

from noticegen.i18n.messages import Message
from noticegen.i18n.translate import content_catalog
from noticegen.model import Project, Text
from noticegen.releases.store import RELEASES, Release, list_releases


def note_key(notice_id: str, version: str) -> str:
    return f"{notice_id}/release/{version}"


def release_messages(root: Path | str, project: Project) -> list[Message]:
    """One message per release of every notice, oldest first."""
    out = []
    for notice in project.notices:
        for release in list_releases(root, notice.id):
            where = (str(RELEASES / notice.id / f"{release.version}.json"), 0)
            comment = (
                f"The change note of version {release.version} ({release.kind}): what changed, "
                "said to the public on the notice's page, its history page, announcements and feed."
            )
            out.append(Message(release.summary, note_key(notice.id, release.version), [where], [comment]))
    return out


def release_note(root: Path | str, notice_id: str, release: Release, lang: str, source_lang: str) -> Text:
    """The change note in `lang`, or in the source language (marked) when not translated."""
    key = note_key(notice_id, release.version)
    strings = content_catalog(Path(root), lang, source_lang)
    if strings is None:
        return Text(release.summary, key)
    found = strings.get((release.summary, key))
    return Text(found, key) if found else Text(release.summary, key, lang=source_lang)
