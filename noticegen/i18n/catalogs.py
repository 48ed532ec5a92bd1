"""PO and POT files: where they live, reading, writing without churn, merging, counting."""

from __future__ import annotations

import datetime as dt
import gettext
import io
import re
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from noticegen import hygiene
from noticegen.errors import Problem, UserError
from noticegen.i18n.contexts import bring_up_to_date
from noticegen.i18n.messages import Message
from noticegen.model import Loc
from noticegen.source import limits

DOMAINS = ("notices", "interface")
HEADER = """\
# Translations of {project}'s privacy notices ({domain}).
# msgctxt is the stable id of each piece of text: keep it; translate msgstr only.
# A translation marked "fuzzy" has English that changed: check it, then remove the fuzzy flag."""


def pot_path(root: Path, domain: str) -> Path:
    return root / "locales" / f"{domain}.pot"


def po_path(root: Path, lang: str, domain: str) -> Path:
    return root / "locales" / lang / "LC_MESSAGES" / f"{domain}.po"


def template(messages: list[Message], domain: str, project: str, when: dt.datetime) -> Catalog:
    catalog = Catalog(
        project=project,
        version="1",
        domain=domain,
        header_comment=HEADER.format(project=project, domain=domain),
        creation_date=when,
        revision_date=when,
        fuzzy=False,
        copyright_holder=project,
        msgid_bugs_address="",
    )
    for m in messages:
        catalog.add(m.msgid, locations=m.locations, auto_comments=m.comments, context=m.context)
    return catalog


def dump(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=0, include_previous=True, sort_output=False, omit_header=False)
    return out.getvalue()


_DATE_LINES = re.compile(rb'^"(POT-Creation-Date|PO-Revision-Date): .*\\n"\n', re.M)


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write unless the file differs only in its date headers (no churn in version control)."""
    if path.exists() and _DATE_LINES.sub(b"", path.read_bytes()) == _DATE_LINES.sub(b"", data):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


MAX_BYTES = limits.CATALOG_BYTES


def load(path: Path, lang: str | None = None) -> Catalog:
    """Read a PO/POT file; a broken or unsafe file is a user error with its line."""
    rel = _rel(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError.at(rel, "this catalog does not exist: run 'noticegen i18n init LANG' first") from None
    text = _screened(rel, data)
    try:
        catalog = read_po(io.StringIO(text), locale=lang and lang.replace("-", "_"), abort_invalid=True)
    except Exception as exc:  # Babel raises PoFileError and plain ValueErrors
        line = getattr(exc, "lineno", 0) or 0
        raise UserError(
            Problem(
                Loc(rel, line),
                "error",
                f"this PO file cannot be read ({exc}): fix it in Poedit or restore it from version control",
            )
        ) from None
    _check_plural_forms(rel, text, catalog)
    return bring_up_to_date(catalog)  # contexts written by an earlier noticegen


def _screened(rel: str, data: bytes) -> str:
    """The file as text, refused when too big, not UTF-8, or holding invisible characters."""
    if len(data) > MAX_BYTES:
        raise UserError.at(
            rel, f"this catalog is larger than {MAX_BYTES // 1024 // 1024} MB: it cannot be right"
        )
    try:
        text = hygiene.without_bom(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise UserError(
            Problem(Loc(rel, line), "error", "the file is not UTF-8 text: save it as UTF-8")
        ) from None
    found = hygiene.file_findings(text, marks_allowed=True)
    problems = [Problem(Loc(rel, line, col), "error", message) for line, col, message in found]
    if problems:
        raise UserError(problems)
    return text


PLURAL_FORMS = re.compile(r"^\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*$")


def _check_plural_forms(rel: str, text: str, catalog: Catalog) -> None:
    """The Plural-Forms header must be an expression gettext can use (it is run for every number)."""
    header = catalog.mime_headers and dict(catalog.mime_headers).get("Plural-Forms")
    if not header:
        return
    line = next((n for n, row in enumerate(text.splitlines(), 1) if "Plural-Forms:" in row), 0)
    match = PLURAL_FORMS.match(header)
    problem = None if match else "it should read like 'nplurals=2; plural=(n != 1);'"
    if match:
        try:
            gettext.c2py(match.group(2))
        except (ValueError, SyntaxError, RecursionError, MemoryError) as exc:
            problem = f"its expression cannot be used ({exc})"
        if not 1 <= int(match.group(1)) <= 6:
            problem = "nplurals must be a number from 1 to 6"
    if problem:
        raise UserError(
            Problem(
                Loc(rel, line),
                "error",
                f"the Plural-Forms header is not valid: {problem}; copy the line for your "
                "language from the gettext manual, or restore the file from version control",
            )
        )


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def merge(old: Catalog, pot: Catalog) -> Catalog:
    """The new template with the old translations: same id kept, changed English made fuzzy.

    Messages are matched by their context (the stable id) first, so a reworded paragraph keeps
    its translation as a fuzzy suggestion, with the previous English shown as `#| msgid`.
    """
    merged = Catalog(
        locale=old.locale,
        domain=pot.domain,
        project=old.project,
        version=old.version,
        header_comment=old.header_comment,
        creation_date=pot.creation_date,
        revision_date=old.revision_date,
        last_translator=old.last_translator,
        language_team=old.language_team,
        fuzzy=False,
    )
    # Keep the translator's header (language, team, their Plural-Forms: Babel's own Arabic rule
    # differs from the gettext one translators use), with the template's creation date.
    merged.mime_headers = old.mime_headers
    merged.creation_date = pot.creation_date
    by_context = {m.context: m for m in old if m.id and m.context}
    by_key = {(m.id, m.context): m for m in old if m.id}
    used: set[tuple[str, str | None]] = set()
    for message in pot:
        if not message.id:
            continue
        previous = by_key.get((message.id, message.context))
        flags, previous_id, string = set(), (), ""
        if previous is not None:
            string, flags = previous.string, set(previous.flags) - {"python-format"}
            previous_id = previous.previous_id if previous.fuzzy else ()
            used.add((previous.id, previous.context))
        elif message.context in by_context and by_context[message.context].string:
            previous = by_context[message.context]
            string, flags, previous_id = previous.string, {"fuzzy"}, (previous.id,)
            used.add((previous.id, previous.context))
        merged.add(
            message.id,
            string,
            locations=message.locations,
            flags=flags,
            auto_comments=message.auto_comments,
            user_comments=previous.user_comments if previous else (),
            previous_id=previous_id,
            context=message.context,
        )
    for key, message in by_key.items():
        if key not in used and message.string:
            merged.obsolete[key] = message
    return merged


@dataclass(frozen=True)
class Coverage:
    translated: int
    fuzzy: int
    untranslated: int

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def coverage(catalog: Catalog, contexts: set[str | None] | None = None) -> Coverage:
    """Counts over the catalog's messages (optionally only those whose context is given)."""
    done = fuzzy = missing = 0
    for message in catalog:
        if not message.id or (contexts is not None and message.context not in contexts):
            continue
        if message.fuzzy and message.string:
            fuzzy += 1
        elif message.string:
            done += 1
        else:
            missing += 1
    return Coverage(done, fuzzy, missing)
