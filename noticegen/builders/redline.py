"""A tracked-changes Word file for sign-off: the newer version, with the edits from the older one
as real Word revisions (w:ins / w:del), so a reviewer can accept or reject each in Word.

Both versions are read as the plain-text builder lays them out (the same expanded model people
read: placeholders filled in, `none` said in words), one Word paragraph per paragraph, heading
and list item. Paragraphs are aligned in reading order; a changed paragraph carries word-level
revisions, an added one is inserted whole, a removed one deleted whole (its paragraph mark too),
so accepting every revision gives the newer text and rejecting every one the older.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import re
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from noticegen.builders import ooxml
from noticegen.builders.job import Job
from noticegen.builders.text import notice_text
from noticegen.changes.engine import TOKEN
from noticegen.model import Notice, Site
from noticegen.releases.store import WORKING, load_release, load_version
from noticegen.reproducible import source_moment
from noticegen.templating import template_file, templates_dir

UNDERLINES = {"=": "Title", "-": "Heading 2", "~": "Heading 3"}
PAIRED = 0.5  # two paragraphs this alike (difflib ratio) are one paragraph edited
RULE = re.compile(r"^([=~-])\1*$")
RULES = re.compile(r"^[=~ -]+$")  # a heading's underline, or the line under a table's header
UNWRAPPED = 10**6  # columns: the text laid out with one line per paragraph


@dataclass(frozen=True)
class Para:
    style: str
    text: str


@dataclass(frozen=True)
class Author:
    """Who the revisions are by, and when (from the release, or --approved-by)."""

    name: str
    when: dt.datetime

    @property
    def stamp(self) -> str:
        return self.when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def sign_off(
    root: Path | str, notice_id: str, from_version: str, to_version: str, approved_by: str | None
) -> bytes:
    """The Word file for `noticegen diff --format docx`: revisions by the approver, dated with
    the newer release (or, for the working copy, SOURCE_DATE_EPOCH or its effective date)."""
    old, new = (load_version(root, notice_id, v) for v in (from_version, to_version))
    release = None if to_version == WORKING else load_release(root, notice_id, to_version)[0]
    name = approved_by or (release.approved_by if release else None) or new[0].org_name.value
    when = source_moment(release.date if release else new[1].effective)
    return version_redline(root, old, new, Author(name, when))


def version_redline(
    root: Path | str, old: tuple[Site, Notice], new: tuple[Site, Notice], author: Author
) -> bytes:
    """The tracked-changes DOCX from one version (site, notice) of a notice to another."""
    templates = templates_dir(root)
    old_text, new_text = (
        notice_text(Job(site, notice, site.default_language, templates, str(root)), UNWRAPPED)
        for site, notice in (old, new)
    )
    reference = template_file(templates, "reference.docx")
    return redline(paragraphs(old_text), paragraphs(new_text), author, reference)


def paragraphs(text: str) -> list[Para]:
    """The plain text (laid out unwrapped) as paragraphs; an underlined line is a heading."""
    lines = [re.sub(r"\s{2,}", "  ", line.strip()) for line in text.split("\n")]
    out: list[Para] = []
    for n, line in enumerate(lines):
        if not line or RULES.match(line) and n and lines[n - 1]:
            continue
        below = lines[n + 1] if n + 1 < len(lines) else ""
        style = UNDERLINES[below[0]] if below and RULE.match(below) and len(below) >= 3 else "Normal"
        out.append(Para(style, line))
    return out


def redline(old: list[Para], new: list[Para], author: Author, reference: Path) -> bytes:
    """The DOCX: `new` with tracked revisions from `old`, styled by the reference document."""
    document = docx.Document(str(reference))
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    marks = _Marks(author)
    anchor = body.find(qn("w:sectPr"))
    for element in _aligned(old, new, marks):
        anchor.addprevious(element)
    settings = document.settings.element
    if settings.find(qn("w:trackRevisions")) is None:
        settings.insert(0, parse_xml(f"<w:trackRevisions {nsdecls('w')}/>"))
    document.core_properties.title = new[0].text if new else ""
    document.core_properties.author = author.name
    document.core_properties.created = author.when.replace(tzinfo=None)
    document.core_properties.modified = author.when.replace(tzinfo=None)
    document.core_properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return ooxml.reproducible_zip(buffer.getvalue(), author.when.date())


def _aligned(old: list[Para], new: list[Para], marks: _Marks) -> list:
    matcher = difflib.SequenceMatcher(None, [p.text for p in old], [p.text for p in new], autojunk=False)
    out = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out += [marks.paragraph(p.style, [("equal", p.text)]) for p in new[j1:j2]]
            continue
        gone, came = list(old[i1:i2]), list(new[j1:j2])
        while gone and came:
            if difflib.SequenceMatcher(None, gone[0].text, came[0].text).ratio() >= PAIRED:
                out.append(marks.paragraph(came[0].style, exact_runs(gone[0].text, came[0].text)))
                gone, came = gone[1:], came[1:]
            elif len(gone) >= len(came):
                out.append(marks.whole(gone.pop(0), "delete"))
            else:
                out.append(marks.whole(came.pop(0), "insert"))
        out += [marks.whole(p, "delete") for p in gone] + [marks.whole(p, "insert") for p in came]
    return out


def exact_runs(old: str, new: str) -> list[tuple[str, str]]:
    """Word-level runs from `old` to `new` that rebuild both exactly (spaces too), so rejecting
    every revision gives the old paragraph character for character; words as `noticegen diff`
    splits them (TOKEN)."""
    a, b = TOKEN.findall(old), TOKEN.findall(new)
    matcher = difflib.SequenceMatcher(None, [t.strip() for t in a], [t.strip() for t in b], autojunk=False)
    runs: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        gone, came = "".join(a[i1:i2]), "".join(b[j1:j2])
        if op == "equal" and gone == came:
            runs.append(("equal", came))
            continue
        runs += [(kind, text) for kind, text in (("delete", gone), ("insert", came)) if text]
    merged: list[tuple[str, str]] = []
    for kind, text in runs:  # neighbours of one kind as one run: fewer, larger revisions
        if merged and merged[-1][0] == kind:
            merged[-1] = (kind, merged[-1][1] + text)
        else:
            merged.append((kind, text))
    return merged


class _Marks:
    """Word XML for paragraphs with revisions; each revision gets the next id."""

    def __init__(self, author: Author) -> None:
        self.author = author
        self.next_id = 0

    def _attrs(self) -> str:
        self.next_id += 1
        name = _escape(self.author.name)
        return f'w:id="{self.next_id}" w:author="{name}" w:date="{self.author.stamp}"'

    def whole(self, para: Para, op: str) -> object:
        """A paragraph added or removed whole: its text and its paragraph mark."""
        tag = "w:ins" if op == "insert" else "w:del"
        mark = f"<w:rPr><{tag} {self._attrs()}/></w:rPr>"
        return self.paragraph(para.style, [(op, para.text)], mark)

    def paragraph(self, style: str, runs: tuple[tuple[str, str], ...] | list, mark: str = "") -> object:
        parts = []
        for op, value in runs:
            if op == "equal":
                parts.append(_run(value, "w:t"))
            elif op == "insert":
                parts.append(f"<w:ins {self._attrs()}>{_run(value, 'w:t')}</w:ins>")
            else:
                parts.append(f"<w:del {self._attrs()}>{_run(value, 'w:delText')}</w:del>")
        style_id = style.replace(" ", "")
        ppr = f'<w:pPr><w:pStyle w:val="{style_id}"/>{mark}</w:pPr>'
        return parse_xml(f"<w:p {nsdecls('w')}>{ppr}{''.join(parts)}</w:p>")


def _run(text: str, tag: str) -> str:
    return f'<w:r><{tag} xml:space="preserve">{_escape(text)}</{tag}></w:r>'


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
