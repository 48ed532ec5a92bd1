"""Translations: extraction, merging, fallback to marked English, checks, pseudo-locale builds."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import polib
import pytest
from conftest import copy_root

from noticegen.cli import main
from noticegen.errors import UserError
from noticegen.i18n.pseudo import write_pseudo_catalogs
from noticegen.pipeline import BuildOptions, build

PO = "locales/pl/LC_MESSAGES/notices.po"


def cli(root: Path, *args: str) -> int:
    return main(["i18n", *args, "--root", str(root)])


def add_language(root: Path, code: str, status: str = "draft") -> None:
    """List `code` in site.yaml with `status` (`i18n init` has usually listed it as a draft)."""
    site = root / "notice_src/site.yaml"
    listed = re.compile(rf"^  {re.escape(code)}: \{{status: \w+\}}$", re.M)
    if listed.search(site.read_text()):
        site.write_text(listed.sub(f"  {code}: {{status: {status}}}", site.read_text()))
        return
    site.write_text(
        site.read_text().replace(
            "languages:\n  en: {status: approved}\n",
            f"languages:\n  en: {{status: approved}}\n  {code}: {{status: {status}}}\n",
        )
    )


def translate_all(root: Path, lang: str, rule=lambda m: m.msgid.upper()) -> None:
    for domain in ("notices", "interface"):
        path = root / f"locales/{lang}/LC_MESSAGES/{domain}.po"
        po = polib.pofile(str(path))
        for entry in po:
            if entry.msgid_plural:
                entry.msgstr_plural = {i: rule(entry) for i in entry.msgstr_plural}
            else:
                entry.msgstr = rule(entry)
        po.save()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_root("basic", tmp_path)


def test_extract_gives_context_references_and_comments(project: Path) -> None:
    assert cli(project, "extract") == 0
    pot = polib.pofile(str(project / "locales/notices.pot"))
    title = pot.find("Who we are", msgctxt="library/section/who-we-are/title")
    assert title is not None
    assert title.occurrences == [("notice_src/library.yaml", "")]  # no line: edits elsewhere move nothing
    assert title.comment == "Section heading, in section “Who we are”"
    item = pot.find("Your name", msgctxt="library/facts/categories/name")
    assert item.comment == "A category of personal data"
    placeholder = pot.find(
        "{org.name} runs the libraries. Our ICO registration number is {org.ico_registration}. "
        "*Read this carefully*.",
        msgctxt="library/block/intro",
    )
    assert "Keep every {placeholder}" in placeholder.comment


def test_extract_does_not_rewrite_when_only_the_date_changes(project: Path, monkeypatch) -> None:
    assert cli(project, "extract") == 0
    pot = project / "locales/notices.pot"
    before = pot.stat().st_mtime_ns
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert cli(project, "extract") == 0
    assert pot.stat().st_mtime_ns == before


def test_changed_english_becomes_fuzzy_with_previous_msgid_and_removed_becomes_obsolete(
    project: Path,
) -> None:
    assert cli(project, "init", "pl") == 0
    translate_all(project, "pl", lambda m: "PL " + m.msgid)
    notice = project / "notice_src/library.yaml"
    text = notice.read_text()
    text = text.replace("title: Who we are", "title: Who we are and what we do")
    text = text.replace("          - {id: events, text: To tell you about events}\n", "")
    notice.write_text(text)
    assert cli(project, "update") == 0
    po = polib.pofile(str(project / PO))
    changed = po.find("Who we are and what we do", msgctxt="library/section/who-we-are/title")
    assert changed.fuzzy
    assert changed.previous_msgid == "Who we are"
    assert changed.msgstr == "PL Who we are"
    obsolete = [e for e in po.obsolete_entries() if e.msgctxt == "library/block/uses/events"]
    assert obsolete and obsolete[0].msgstr == "PL To tell you about events"


def test_untranslated_units_fall_back_to_marked_english(project: Path) -> None:
    assert cli(project, "init", "pl") == 0
    add_language(project, "pl")
    po = polib.pofile(str(project / PO))
    po.find("Who we are", msgctxt="library/section/who-we-are/title").msgstr = "Kim jesteśmy"
    fuzzy = po.find("What we collect", msgctxt="library/section/what-we-collect/title")
    fuzzy.msgstr = "Co zbieramy"
    fuzzy.flags.append("fuzzy")
    po.save()
    out = project / "dist"
    build(BuildOptions(root=project, formats=("html",), out=out))
    page = (out / "library/pl/index.html").read_text()
    assert '<html lang="pl" dir="ltr">' in page
    assert "Kim jesteśmy</h2>" in page
    assert "Co zbieramy" not in page  # a fuzzy translation is never shown
    assert '<h2 id="what-we-collect" lang="en">' in page
    assert "Part of this notice is not translated yet and is shown in English" in page
    assert "This translation has not been checked yet." in page


def test_publish_leaves_drafts_out(project: Path, monkeypatch) -> None:
    # This fixture has check findings and no release: the publish gate (tested in test_checks.py
    # and test_history.py) would stop it; here only which languages a published site has matters.
    monkeypatch.setattr("noticegen.pipeline.gate.refuse_unpublishable", lambda *args: None)
    assert cli(project, "init", "pl") == 0
    add_language(project, "pl", "draft")
    translate_all(project, "pl")
    out = project / "dist"
    build(BuildOptions(root=project, formats=("html",), out=out, publish=True))
    assert (out / "library/en/index.html").exists()
    assert not (out / "library/pl").exists()


def test_check_rejects_lost_link_script_and_broken_placeholder(project: Path, capsys) -> None:
    assert cli(project, "init", "pl") == 0
    translate_all(project, "pl", lambda m: m.msgid)
    po = polib.pofile(str(project / PO))
    po.find("If you are unhappy, you can complain to the {ico.link}.").msgstr = "Skarga: {ico.lnk}."
    po.find("You can ask for a copy of your data.").msgstr = "Kopia <script>alert(1)</script>."
    po.find("This notice covers **all** our libraries.").msgstr = "Dotyczy wszystkich bibliotek."
    po.save()
    capsys.readouterr()
    assert cli(project, "check") == 1
    err = capsys.readouterr().err
    lines = (project / PO).read_text().splitlines()
    script_line = next(
        i for i, line in enumerate(lines, 1) if line == 'msgid "You can ask for a copy of your data."'
    )
    assert (
        f'{PO}:{script_line}: error: the translation of msgctxt "library/facts/rights/access" adds raw HTML; '
        "write the text only (use Markdown for links and emphasis)"
    ) in err
    assert "does not keep the placeholders of the English exactly ({ico.link})" in err
    assert "does not keep the emphasis of the English" in err


def test_check_rejects_a_dropped_link(project: Path, capsys) -> None:
    notice = project / "notice_src/library.yaml"
    notice.write_text(
        notice.read_text().replace(
            'paragraph: "You can also:"',
            'paragraph: "You can also [read more](https://example.gov.uk/rights):"',
        )
    )
    assert cli(project, "init", "pl") == 0
    translate_all(project, "pl", lambda m: m.msgid)
    po = polib.pofile(str(project / PO))
    po.find("You can also [read more](https://example.gov.uk/rights):").msgstr = "Możesz też:"
    po.save()
    capsys.readouterr()
    assert cli(project, "check") == 1
    assert "drops the link to https://example.gov.uk/rights" in capsys.readouterr().err


def test_status_and_min_coverage(project: Path, capsys) -> None:
    assert cli(project, "init", "pl") == 0
    capsys.readouterr()
    assert cli(project, "status", "--min-coverage", "50") == 1
    out = capsys.readouterr()
    assert re.search(r"pl\s+library\s+0\s+0\s+\d+\s+0%", out.out)
    assert "locales/pl: error: less than 50% translated" in out.err
    translate_all(project, "pl")
    assert cli(project, "status", "--min-coverage", "100") == 0


def test_shipped_catalogs_pass_msgfmt_check() -> None:
    root = Path(__file__).resolve().parent.parent
    catalogs = sorted((root / "locales").rglob("*.po"))
    for path in catalogs:
        result = subprocess.run(
            ["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
        )
        assert result.returncode == 0, f"{path}: {result.stderr}"


PROPER = re.compile(
    r"https?://\S+|[\w.+-]+@[\w.-]+|\+?\d[\d ]{6,}\d|\b\d+\b|Z0000000|Example Council|noticegen"
)


def untransformed_words(text: str) -> list[str]:
    """ASCII words of two or more letters outside ⟦pseudo⟧ spans: English someone forgot."""
    text = re.sub(r"⟦[^⟧]*⟧", " ", text)
    text = PROPER.sub(" ", text)
    return re.findall(r"\b[A-Za-z]{2,}\b", text)


@pytest.mark.parametrize("fmt", ["html", "txt"])
def test_pseudo_locale_build_has_no_untranslated_text(tmp_path: Path, fmt: str) -> None:
    root = copy_root("basic", tmp_path)
    write_pseudo_catalogs(root, "eo")
    add_language(root, "eo", "approved")
    out = root / "dist"
    build(BuildOptions(root=root, formats=(fmt,), out=out, langs=("eo",)))
    made = out / "library/eo" / ("index.html" if fmt == "html" else "library.txt")
    text = made.read_text(encoding="utf-8")
    if fmt == "html":
        text = re.sub(r"<(style|script)\b.*?</\1>", " ", text, flags=re.S)
        text = re.sub(r"<[^>]+>", " ", text)
        text = re.sub(r"&\w+;", " ", text)
    import datetime as dt

    from noticegen.languages import long_date

    text = text.replace(long_date(dt.date(2024, 4, 1), "eo"), " ")  # Babel's own date words
    leftovers = untransformed_words(text)
    assert not leftovers, f"untranslated English in the {fmt} output: {sorted(set(leftovers))}"


def test_a_translation_that_breaks_a_placeholder_is_not_published(project: Path, monkeypatch) -> None:
    assert cli(project, "init", "pl") == 0
    add_language(project, "pl", "approved")
    translate_all(project, "pl", lambda m: "PL " + m.msgid)
    po = polib.pofile(str(project / PO))
    po.find("If you are unhappy, you can complain to the {ico.link}.").msgstr = "Skarga: {ico.lnk}."
    po.save()
    out = project / "dist"
    # The build refuses a catalog that `i18n check` refuses, naming the entry (issue 15)...
    with pytest.raises(UserError) as refused:
        build(BuildOptions(root=project, formats=("html",), out=out))
    assert f"{PO}:" in str(refused.value) and "{ico.link}" in str(refused.value)
    assert not out.exists()
    # ...and behind that gate, the broken translation is still never published.
    from noticegen import pipeline

    monkeypatch.setattr(pipeline, "refuse_bad_catalogs", lambda root, langs: None)
    build(BuildOptions(root=project, formats=("html",), out=out))
    page = (out / "library/pl/index.html").read_text()
    assert "{ico.lnk}" not in page
    assert '<p lang="en">If you are unhappy, you can complain to the' in page
