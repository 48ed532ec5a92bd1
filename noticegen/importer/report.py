"""The import report: what was made, what a person has to finish, and the guesses to check."""

from __future__ import annotations

from noticegen.importer.model import Draft, Note, Report

LABELS = {
    "categories": ("category", "categories"),
    "sources": ("source", "sources"),
    "recipients": ("recipient", "recipients"),
    "sharing_without_knowledge": ("case of sharing without knowledge", "cases of sharing without knowledge"),
    "lawful_bases": ("lawful basis", "lawful bases"),
    "legislation": ("piece of legislation", "pieces of legislation"),
    "retention": ("retention fact", "retention facts"),
    "rights": ("right", "rights"),
}
NEEDED = {
    "categories": "the categories of personal data",
    "recipients": "who the data is shared with",
    "lawful_bases": "the lawful basis (UK GDPR Article 6)",
    "retention": "how long the data is kept",
    "rights": "people's rights",
}


def gaps(draft: Draft, report: Report) -> None:
    """What the law asks a notice to say that the importer found nowhere in the document."""
    for kind, what in NEEDED.items():
        if not draft.facts.get(kind):
            report.add(
                0,
                "",
                f"nothing was recognised as {what}: write it under 'facts: {kind}:' "
                "('noticegen check' asks for it)",
            )


def render(draft: Draft, report: Report, source: str, target: str) -> str:
    facts = ", ".join(f"{len(v)} {LABELS[k][len(v) != 1]}" for k, v in draft.facts.items() if v)
    shared = [s.shared for s in draft.sections if s.shared]
    lines = [
        f"Import report: {source} -> {target}",
        "",
        f"Made: {len(draft.sections)} section{'s' if len(draft.sections) != 1 else ''}"
        + (f" ({len(shared)} from site.yaml's shared blocks: {', '.join(shared)})" if shared else "")
        + f"; {len(draft.contacts)} new contact{'s' if len(draft.contacts) != 1 else ''}.",
        f"Facts: {facts or 'none'}.",
        "Paragraph numbers count every paragraph and table of the Word document from the top,",
        "empty paragraphs included.",
    ]
    todo = report.of("todo")
    if draft.version:
        todo.append(
            Note(
                0,
                "",
                "the effective date is a placeholder marked to_confirm: set it, and confirm the version",
            )
        )
    else:
        todo.append(
            Note(0, "", "the version and effective date are placeholders marked to_confirm: set them")
        )
    done = [_line(note) for note in report.of("info")]
    if report.dropped:
        done.append(
            "  Word artefacts left out: " + ", ".join(f"{what}: {n}" for what, n in report.dropped.items())
        )
    for title, found in (
        ("To finish by hand", [_line(note) for note in todo]),
        ("Guesses to check", [_line(note) for note in report.of("guess")]),
        ("Structure changed", [_line(note) for note in report.of("change")]),
        ("Done for you", done),
    ):
        lines += ["", f"{title} ({len(found)}):"]
        lines += found or ["  nothing"]
    lines += [
        "",
        f"Next: read {target} beside the Word document, finish what is listed above, then run",
        f"'noticegen check {draft.id}' and 'noticegen build --notice {draft.id}'.",
    ]
    return "\n".join(lines) + "\n"


def _line(note: Note) -> str:
    where = f"paragraph {note.index}" if note.index else "the document"
    quoted = f' "{note.text}"' if note.text else ""
    return f"  {where}{quoted}: {note.message}"
