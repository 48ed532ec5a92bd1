"""PO and POT catalogs: where they live, their headers, merging new English in, counting."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import polib
from babel import Locale, UnknownLocaleError
from babel.plural import to_gettext

from noticegen.errors import Problem, UserError
from noticegen.i18n import pofile
from noticegen.i18n.contexts import bring_up_to_date
from noticegen.i18n.messages import Message
from noticegen.model import Loc

DOMAINS = ("notices", "interface")
HEADER = """\
{title} of {project}'s privacy notices ({domain}).
msgctxt is the stable id of each piece of text: keep it; translate msgstr only.
A translation marked "fuzzy" has English that changed: check it, then remove the fuzzy flag."""
# Header fields that change without any text changing: a file differing only in them is kept.
DATE_FIELDS = ("POT-Creation-Date", "PO-Revision-Date")
TEMPLATE_ONLY = (*DATE_FIELDS, "Project-Id-Version")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # all but tab and line ends
FROM_TEMPLATE = ("Report-Msgid-Bugs-To", "POT-Creation-Date", "Content-Type")


def pot_path(root: Path, domain: str) -> Path:
    return root / "locales" / f"{domain}.pot"


def po_path(root: Path, lang: str, domain: str) -> Path:
    return root / "locales" / lang / "LC_MESSAGES" / f"{domain}.po"


def _date(when: dt.datetime) -> str:
    return when.strftime("%Y-%m-%d %H:%M+0000")


def template(messages: list[Message], domain: str, project: str, version: str, when: dt.datetime):
    """The POT: xgettext's header conventions, one entry per message, references without lines."""
    metadata = {
        "Project-Id-Version": f"{project} privacy notices {version}",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": _date(when),
        "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
        "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
        "Language-Team": "LANGUAGE <LL@li.org>",
        "Language": "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    if any(m.plural for m in messages):
        metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"  # English's, so msgfmt accepts the POT
    catalog = pofile.new(HEADER.format(title="Translations", project=project, domain=domain), metadata)
    for m in messages:
        _refuse_control_characters(m)
        entry = polib.POEntry(
            msgctxt=m.context,
            msgid=m.msgid,
            comment="\n".join(m.comments),
            occurrences=[(path, "") for path in dict.fromkeys(path for path, _ in m.locations)],
            flags=list(m.flags),
        )
        if m.plural:
            entry.msgid_plural = m.plural
            entry.msgstr_plural = {0: "", 1: ""}
        catalog.append(entry)
    return catalog


def _refuse_control_characters(message: Message) -> None:
    """gettext cannot carry control characters (U+0004 separates the context, U+0000 ends a
    string): a text with one stops extraction at its place instead of writing a broken file."""
    found = CONTROL.search(message.msgid + (message.plural or "") + (message.context or ""))
    if found:
        path, line = message.locations[0] if message.locations else ("", 0)
        raise UserError(
            Problem(
                Loc(path, line),
                "error",
                f"this text contains the invisible control character U+{ord(found.group(0)):04X}, "
                "which translation files cannot carry: delete it",
            )
        )


def translation_header(pot, lang: str, language_name: str) -> polib.POFile:
    """The header `i18n init` writes: the template's project and dates, the language's plural rule;
    the translator and language team are left for the translator to fill in."""
    metadata = dict(pot.metadata)
    metadata.update(
        {
            "PO-Revision-Date": metadata.get("POT-Creation-Date", ""),
            "Last-Translator": "",
            "Language-Team": "",
            "Language": lang,
            "Plural-Forms": plural_forms(lang),
        }
    )
    domain = re.search(r"\((\w+)\)\.$", pot.header.splitlines()[0])
    project = pot.metadata.get("Project-Id-Version", "").rsplit(" privacy notices", 1)[0]
    title = f"{language_name} ({lang}) translation"
    header = HEADER.format(title=title, project=project, domain=domain.group(1) if domain else "")
    return pofile.new(header, metadata)


def plural_forms(lang: str) -> str:
    """gettext's Plural-Forms for `lang`, from CLDR's plural rules (cy and ar have six forms)."""
    try:
        rule = Locale.parse(lang.replace("-", "_")).plural_form
    except (UnknownLocaleError, ValueError):
        return "nplurals=2; plural=(n != 1);"
    return to_gettext(rule).rstrip(";") + ";"


def nplurals(catalog) -> int:
    match = re.search(r"nplurals\s*=\s*(\d+)", catalog.metadata.get("Plural-Forms", ""))
    return int(match.group(1)) if match else 2


def dump(catalog) -> bytes:
    return pofile.render(catalog)


def load(path: Path, lang: str | None = None):
    """Read a PO/POT file; a broken file is a user error with its line."""
    return bring_up_to_date(pofile.read(path, shown(path)))  # contexts written by an earlier noticegen


def shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _key(entry) -> tuple[str, str | None]:
    return entry.msgid, entry.msgctxt


def merge(old, pot):
    """The template's entries with the old translations, as `msgmerge --previous` would leave them.

    Messages are matched on context and English first, then on context alone, so a reworded
    paragraph keeps its translation as a fuzzy suggestion with the previous English (`#| msgid`).
    The translator's header is kept (X-Generator, Last-Translator, Language-Team, PO-Revision-Date);
    the fields msgmerge takes from the template follow it.
    """
    merged = pofile.new(old.header, old.metadata)
    for name in FROM_TEMPLATE:  # what msgmerge copies from the template
        merged.metadata[name] = pot.metadata.get(name, "")
    if merged.metadata.get("Generated-By", "").startswith("Babel"):
        del merged.metadata["Generated-By"]  # no longer true: noticegen and gettext wrote it
    live = [e for e in old if not e.obsolete]
    by_key = {_key(e): e for e in [*old.obsolete_entries(), *live]}
    # A reworded text is found by its context only where the context names one text (a notice's
    # stable id), not a group of interface words ("banner", "notice details").
    unique = _unique_contexts(live) & _unique_contexts([e for e in pot if not e.obsolete])
    by_context = {e.msgctxt: e for e in live if e.msgctxt in unique}
    used: set[tuple[str, str | None]] = set()
    forms = nplurals(old)
    for new in pot:
        if new.obsolete or not new.msgid:
            continue
        entry = polib.POEntry(
            msgctxt=new.msgctxt,
            msgid=new.msgid,
            msgid_plural=new.msgid_plural,
            comment=new.comment,
            occurrences=list(new.occurrences),
            flags=[f for f in new.flags if f != "fuzzy"],
        )
        # Same English formerly without a context (interface.po before contexts): same translation.
        previous = by_key.get(_key(new)) or by_key.get((new.msgid, None))
        if previous is None and _has_string(by_context.get(new.msgctxt)):
            previous = by_context[new.msgctxt]
            entry.flags.insert(0, "fuzzy")
            entry.previous_msgctxt, entry.previous_msgid = _previous(previous)
        elif previous is not None and previous.fuzzy:
            entry.flags.insert(0, "fuzzy")
            entry.previous_msgctxt, entry.previous_msgid = previous.previous_msgctxt, previous.previous_msgid
        if previous is not None:
            used.add(_key(previous))
            entry.tcomment = previous.tcomment
        _copy_strings(entry, previous, forms)
        merged.append(entry)
    for key, entry in by_key.items():
        if key not in used and _has_string(entry):
            merged.append(_obsolete(entry))
    return merged


def _unique_contexts(entries) -> set[str]:
    seen: dict[str, int] = {}
    for entry in entries:
        if entry.msgctxt:
            seen[entry.msgctxt] = seen.get(entry.msgctxt, 0) + 1
    return {context for context, count in seen.items() if count == 1}


def _has_string(entry) -> bool:
    return entry is not None and bool(entry.msgstr or any(entry.msgstr_plural.values()))


def _previous(entry) -> tuple[str | None, str]:
    if entry.fuzzy and entry.previous_msgid:  # still the English the translation was made from
        return entry.previous_msgctxt, entry.previous_msgid
    return entry.msgctxt, entry.msgid


def _copy_strings(entry, previous, forms: int) -> None:
    if entry.msgid_plural:
        old = previous.msgstr_plural if previous is not None else {}
        entry.msgstr_plural = {i: old.get(i, "") for i in range(forms)}
    else:
        entry.msgstr = previous.msgstr if previous is not None else ""


def _obsolete(entry):
    return polib.POEntry(
        msgctxt=entry.msgctxt,
        msgid=entry.msgid,
        msgid_plural=entry.msgid_plural,
        msgstr=entry.msgstr,
        msgstr_plural=dict(entry.msgstr_plural),
        tcomment=entry.tcomment,
        flags=list(entry.flags),
        obsolete=True,
    )


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


def coverage(catalog, contexts: set[str | None] | None = None) -> Coverage:
    """Counts over the catalog's messages (optionally only those whose context is given)."""
    done = fuzzy = missing = 0
    for entry in catalog:
        if entry.obsolete or not entry.msgid or (contexts is not None and entry.msgctxt not in contexts):
            continue
        if entry.fuzzy and _has_string(entry):
            fuzzy += 1
        elif entry.translated():
            done += 1
        else:
            missing += 1
    return Coverage(done, fuzzy, missing)
