"""What the i18n commands do: extract, init, update, status and check, as plain functions."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from noticegen.errors import Problem, UserError
from noticegen.grammar import PLACEHOLDER, link_targets
from noticegen.i18n import contexts
from noticegen.i18n.catalogs import (
    DOMAINS,
    TEMPLATE_ONLY,
    Coverage,
    coverage,
    dump,
    load,
    merge,
    po_path,
    pot_path,
    template,
    translation_header,
)
from noticegen.i18n.messages import interface_messages, notice_messages
from noticegen.i18n.pofile import msgid_lines, write_if_changed
from noticegen.i18n.release_notes import release_messages
from noticegen.i18n.safety import format_problem
from noticegen.i18n.site_languages import add_draft_language, english_name
from noticegen.i18n.validity import msgfmt_problems
from noticegen.model import Loc, Project
from noticegen.reproducible import source_moment
from noticegen.source import load_project
from noticegen.source.schema import RAW_HTML, link_problem
from noticegen.templating import templates_dir
from noticegen.walk import texts

FORMAT = re.compile(r"%\([a-z_]+\)[sd]|%[sd]")
EMPHASIS = re.compile(r"\*\*|__|\*|_(?=\S)")


def templates(root: Path, project: Project) -> dict[str, object]:
    """The two POT catalogs for the project as it is now."""
    newest = max((n.effective for n in project.notices), default=None) or dt.date(2000, 1, 1)
    when = source_moment(newest)
    name = project.site.org_name.value
    version = newest.isoformat()
    return {
        "notices": template(
            notice_messages(project) + release_messages(root, project), "notices", name, version, when
        ),
        "interface": template(interface_messages(templates_dir(root)), "interface", name, version, when),
    }


def extract(root: Path) -> list[tuple[Path, bool, int]]:
    """Write both POT files; one whose texts did not change is left as it is, date and all."""
    project, _ = load_project(root)
    written = []
    for domain, catalog in templates(root, project).items():
        path = pot_path(root, domain)
        changed = write_if_changed(path, dump(catalog), ignore=TEMPLATE_ONLY)
        written.append((path, changed, len(catalog)))  # type: ignore[arg-type]
    return written


def init(root: Path, lang: str) -> list[Path]:
    """Start `lang`'s catalogs with a real header, and list it in site.yaml as a draft."""
    project, _ = load_project(root)
    if lang == project.site.default_language:
        raise UserError(f"'{lang}' is the language the notices are written in: it needs no translation")
    existing = [p for d in DOMAINS if (p := po_path(root, lang, d)).exists()]
    if existing:
        raise UserError.at(
            existing[0].relative_to(root),
            "this catalog exists already: use 'noticegen i18n update' to bring it up to date",
        )
    extract(root)
    made = []
    for domain in DOMAINS:
        pot = load(pot_path(root, domain))
        path = po_path(root, lang, domain)
        catalog = merge(translation_header(pot, lang, english_name(lang)), pot)
        write_if_changed(path, dump(catalog))
        made.append(path)
    if lang not in {language.code for language in project.site.languages}:
        add_draft_language(root / "notice_src" / "site.yaml", lang)
    return made


def catalog_langs(root: Path) -> list[str]:
    base = root / "locales"
    return sorted(p.name for p in base.iterdir() if (p / "LC_MESSAGES").is_dir()) if base.is_dir() else []


def update(root: Path) -> list[tuple[Path, bool]]:
    """Bring every language's catalogs up to date with the POT files as written on disk."""
    extract(root)
    pots = {domain: load(pot_path(root, domain)) for domain in DOMAINS}
    done = []
    for lang in catalog_langs(root):
        for domain, pot in pots.items():
            path = po_path(root, lang, domain)
            old = load(path, lang) if path.exists() else translation_header(pot, lang, english_name(lang))
            done.append((path, write_if_changed(path, dump(merge(old, pot)))))
    return done


@dataclass(frozen=True)
class Status:
    lang: str
    notice: str
    counts: Coverage
    up_to_date_with: str | None = None  # the newest release whose every text is translated
    changed_since: int = 0  # texts of the working source not translated since that release


def translation_lag(root: Path, lang: str, notice) -> tuple[str | None, int]:
    """The newest release the `lang` translation fully covers, and how many texts changed since."""
    from noticegen.i18n.translate import content_catalog
    from noticegen.releases import list_releases, load_release

    strings = content_catalog(root, lang, "") or {}
    current = {(t.value, t.key) for t, _ in texts(notice)}
    missing = sum(1 for key in current if key not in strings)
    for release in reversed(list_releases(root, notice.id)):
        _, _, old = load_release(root, notice.id, release.version)
        if all((t.value, contexts.current(t.key)) in strings for t, _ in texts(old)):
            return release.version, missing
    return None, missing


def status(root: Path) -> list[Status]:
    project, _ = load_project(root)
    rows = []
    for lang in catalog_langs(root):
        path = po_path(root, lang, "notices")
        catalog = load(path, lang) if path.exists() else None
        for notice in project.notices:
            keys = {(t.value, t.key) for t, _ in texts(notice)}
            if catalog is None:
                rows.append(Status(lang, notice.id, Coverage(0, 0, len(keys))))
                continue
            current = {(m.msgid, m.msgctxt) for m in catalog if m.msgid and not m.obsolete}
            counted = coverage(catalog, {c for _, c in keys})
            stale = sum(1 for k in keys if k not in current)  # English changed since the last update
            counts = Coverage(counted.translated, counted.fuzzy, counted.untranslated + stale)
            rows.append(Status(lang, notice.id, counts, *translation_lag(root, lang, notice)))
        interface = po_path(root, lang, "interface")
        if interface.exists():
            rows.append(Status(lang, "(interface)", coverage(load(interface, lang))))
    return rows


def check(root: Path, langs: tuple[str, ...] | None = None) -> list[Problem]:
    """Every catalog parses, passes msgfmt --check, and keeps its links, emphasis and placeholders."""
    problems: list[Problem] = []
    for lang in [x for x in catalog_langs(root) if langs is None or x in langs]:
        for domain in DOMAINS:
            path = po_path(root, lang, domain)
            if not path.exists():
                continue
            rel = path.relative_to(root).as_posix()
            problems += msgfmt_problems(path, rel)
            live = [m for m in load(path, lang) if not m.obsolete]
            lines = dict(zip((id(m) for m in live), msgid_lines(path)[1:], strict=False))
            for message in live:
                if message.msgid and not message.fuzzy:
                    where = Loc(rel, lines.get(id(message), 0))
                    for english, translated in _forms(message):
                        problems += _compare(where, message, english, translated, domain)
    return problems


def _forms(message) -> list[tuple[str, str]]:
    """(English, translation) pairs: one, or for a plural message each form against the plural."""
    if message.msgid_plural:
        return [(message.msgid_plural, form) for form in message.msgstr_plural.values() if form]
    return [(message.msgid, message.msgstr)] if message.msgstr else []


def refuse_bad_catalogs(root: Path, langs: tuple[str, ...]) -> None:
    """Build and preview use no catalog `i18n check` refuses: UserError (exit 2) with file:line."""
    errors = [p for p in check(root, langs) if p.level == "error"]
    if errors:
        raise UserError(
            [
                *errors,
                Problem(Loc(""), "error", "nothing was built: fix these translations (docs/translators.md)"),
            ]
        )


def _compare(where: Loc, message, english: str, translated: str, domain: str) -> list[Problem]:
    found = [p for p in [format_problem(english, translated)] if p and domain == "interface"]
    link = link_problem(translated) if not link_problem(english) else None
    if link:
        found.append(link[1])
    if RAW_HTML.search(translated) and not RAW_HTML.search(english):
        found.append("adds raw HTML; write the text only (use Markdown for links and emphasis)")
    if re.search(r"(?i)javascript:|data:|vbscript:", translated) and not re.search(
        r"(?i)javascript:|data:", english
    ):
        found.append("adds a script or data address; links may go to https://, mailto: or tel: only")
    lost = link_targets(english) - link_targets(translated)
    if lost:
        found.append(
            f"drops the link to {sorted(lost)[0]}; keep every link of the English, translating only its text"
        )
    for name, pattern in (("placeholder", PLACEHOLDER), ("format", FORMAT)):
        if sorted(m.group(0) for m in pattern.finditer(english)) != sorted(
            m.group(0) for m in pattern.finditer(translated)
        ):
            wanted = ", ".join(sorted({m.group(0) for m in pattern.finditer(english)})) or "none"
            found.append(
                f"does not keep the {name}s of the English exactly ({wanted}); copy them "
                "unchanged into the translation"
            )
    if (
        len(EMPHASIS.findall(english.replace("\\*", "")))
        != len(EMPHASIS.findall(translated.replace("\\*", "")))
        and "*" in english + translated
    ):
        found.append("does not keep the emphasis of the English (*…* or **…**)")
    return [
        Problem(
            where,
            "error",
            f'the translation of msgctxt "{message.msgctxt}" {text}'
            if message.msgctxt
            else f'the translation of "{english[:40]}" {text}',
        )
        for text in found
    ]
