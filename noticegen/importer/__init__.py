"""`noticegen import`: an existing Word privacy notice to a notice source file.

reader (docx -> paragraphs) -> structure (sections and blocks) -> site (shared blocks) ->
contacts (emails and phones) -> facts (privacy-notice topics) -> compose + writer (YAML),
then the YAML is validated against the project's site.yaml exactly as `build` would load it.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from noticegen.errors import Reporter
from noticegen.importer import compose, details, owner, package, reader, structure, writer
from noticegen.importer.contacts import Contacts
from noticegen.importer.facts import Mapper
from noticegen.importer.model import Draft, Report
from noticegen.importer.report import gaps, render
from noticegen.importer.site import load_site, use_shared_blocks


class ImportBug(RuntimeError):
    """The importer wrote a notice that does not validate: a bug in noticegen, not in the document."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class Imported:
    yaml: str
    report: str
    draft: Draft
    notes: Report


def import_docx(path: Path, root: Path, notice_id: str, target: str) -> Imported:
    """Read `path`, make the notice `notice_id`; nothing is written to disk here."""
    document = package.open_docx(path)
    report = Report()
    paras = reader.read(document, report)
    _page_furniture(document, report)
    title, title_index, version, sections = structure.build(paras, report)
    details.find(sections, report)
    version = version or details.version(sections, report)
    site = load_site(root)
    use_shared_blocks(sections, site, report)
    owners = owner.find(title, sections, site, report)
    contacts = Contacts(site, report, owners).run(sections)
    facts = Mapper(report).map(sections)
    draft = Draft(notice_id, title, title_index, sections, version, facts, contacts, owners)
    gaps(draft, report)
    header = [
        f"Imported from the Word document {path.name} by 'noticegen import'.",
        f"What is left to do is in {notice_id}.import-report.txt beside this file.",
        "The reference for every key is docs/source-format.md.",
    ]
    report.add(
        0,
        "",
        f"the notice is a draft in {site.source_lang} only: when it is checked, change 'status: draft' "
        "to 'status: ready'; add a language to 'languages:' when its translation is ready",
    )
    text = writer.dump(compose.to_document(draft, site.source_lang), header)
    validate(root, notice_id, text)
    return Imported(text, render(draft, report, path.name, target), draft, report)


def _page_furniture(document, report: Report) -> None:
    seen: set[str] = set()
    for section in document.sections:
        for part in (section.header, section.footer):
            try:
                texts = [p.text.strip() for p in part.paragraphs if p.text.strip()]
            except (KeyError, ValueError):  # pragma: no cover - a broken header part
                continue
            for text in texts:
                if text not in seen:
                    seen.add(text)
                    report.add(0, text, "page header or footer text was left out", "info")


def validate(root: Path, notice_id: str, text: str) -> None:
    """Load the notice with the project's site.yaml as `build` does; any error is a bug here."""
    from noticegen.source import load_notice, load_site

    reporter = Reporter()
    site, blocks = load_site(root, root / "notice_src" / "site.yaml", reporter)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "notice_src" / f"{notice_id}.yaml"
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
        load_notice(Path(tmp), path, site, blocks, reporter)
    if reporter.errors:
        raise ImportBug([str(p) for p in reporter.errors])
