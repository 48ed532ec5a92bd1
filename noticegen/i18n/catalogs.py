"""PO and POT files: where they live, reading, writing without churn, merging, counting."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from noticegen.errors import Problem, UserError
from noticegen.i18n.messages import Message
from noticegen.model import Loc

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


def load(path: Path, lang: str | None = None) -> Catalog:
    """Read a PO/POT file; a broken file is a user error with its line."""
    rel = _rel(path)
    try:
        with path.open("rb") as handle:
            return read_po(handle, locale=lang and lang.replace("-", "_"), abort_invalid=True)
    except FileNotFoundError:
        raise UserError.at(rel, "this catalog does not exist: run 'noticegen i18n init LANG' first") from None
    except Exception as exc:  # Babel raises PoFileError and plain ValueErrors
        line = getattr(exc, "lineno", 0) or 0
        raise UserError(
            Problem(
                Loc(rel, line),
                "error",
                f"this PO file cannot be read ({exc}): fix it in Poedit or restore it from version control",
            )
        ) from None


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
