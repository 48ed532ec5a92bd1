"""A Babel extractor for notice sources, so plain `pybabel extract -F babel.cfg` works too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any


def extract_notices(fileobj: Any, keywords: Any, comment_tags: Any, options: dict) -> Iterator[tuple]:
    """Yield (line, 'pgettext', (msgctxt, msgid), comments) for the texts of one YAML file.

    The whole project is loaded (a notice may use site.yaml's shared blocks), and the messages
    whose origin is this file are yielded.
    """
    from noticegen.i18n.messages import notice_messages
    from noticegen.source import load_project

    path = Path(getattr(fileobj, "name", "")).resolve()
    root = path.parent.parent
    project, _ = load_project(root)
    rel = path.relative_to(root).as_posix()
    for message in notice_messages(project):
        for where, line in message.locations:
            if where == rel:
                yield line, "pgettext", (message.context, message.msgid), message.comments
