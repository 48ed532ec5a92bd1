"""Collection notices: short snippets for forms, letters and calls, made from facts named by id."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from conftest import ROOT, copy_root
from test_i18n import add_language, untransformed_words

from noticegen.cli import main
from noticegen.i18n.pseudo import write_pseudo_catalogs
from noticegen.layers.collection import word_count
from noticegen.pipeline import BuildOptions, build
from noticegen.source import load_project
from noticegen.templating import Renderer

FORM = """
collection_notices:
  - id: join-form
    title: Library joining form
    purpose: We use your details to give you a library card.
    collects: [name]
    shared_with: [supplier]
    lawful_bases: [public-task]
    retention: [membership]
sections:"""


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("collection") / "dist"
    build(BuildOptions(root=ROOT, formats=("collection",), out=out))
    return out


def test_the_seed_referral_form_in_every_language(seed):
    for lang in ("en", "pl", "ar", "uk"):
        folder = seed / "supporting-families" / lang / "collection"
        snippet = (folder / "referral-form.html").read_text(encoding="utf-8")
        direction = "rtl" if lang == "ar" else "ltr"
        assert snippet.startswith(f'<div class="collection-notice" lang="{lang}" dir="{direction}">')
        assert f'href="https://www.sefton.gov.uk/privacy-notices/supporting-families/{lang}/"' in snippet
        assert (folder / "referral-form.txt").read_text(encoding="utf-8").count("\n") > 5
        if lang != "en":  # translated: its own words and the interface's, nothing left in English
            assert ' lang="en"' not in snippet and "What we collect" not in snippet
    english = seed / "supporting-families/en/collection/referral-form.txt"
    assert word_count(english.read_text(encoding="utf-8")) <= 100  # what the check counts


def test_it_shows_the_facts_it_names_and_no_others(seed):
    project, _ = load_project(ROOT)
    notice = project.notices[0]
    (form,) = notice.collection_notices
    r = Renderer(project.site, notice)
    snippet = (seed / "supporting-families/en/collection/referral-form.html").read_text(encoding="utf-8")
    shown = [html.unescape(re.sub(r"<[^>]+>", "", s)) for s in re.findall(r"<span>(.*?)</span>", snippet)]
    by_id = {i.id: r.plain(i.text) for i in (*notice.facts.categories, *notice.facts.recipients)}
    named = [i.id for i in form.items if i.kind in ("categories", "recipients")]
    assert shown[:-1] == [by_id[i] for i in named]
    assert shown[-1] == "a public task (UK GDPR Article 6(1)(e))"
    text = (seed / "supporting-families/en/collection/referral-form.txt").read_text(encoding="utf-8")
    assert "What we collect: Name, Address" in text
    assert "NHS number" not in text and "NHS number" not in snippet


def test_a_fact_id_that_names_no_fact_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    root = copy_root("basic", tmp_path)
    source = root / "notice_src/library.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("\nsections:", FORM.replace("[name]", "[name, nmae]"), 1))
    assert main(["check", "--root", str(root)]) == 2
    err = capsys.readouterr().err
    line = source.read_text(encoding="utf-8").splitlines().index("    collects: [name, nmae]") + 1
    assert (
        f"notice_src/library.yaml:{line}:22: error: 'nmae' in 'collects' is not the id of any of the "
        "notice's facts.categories (did you mean 'name'?): use one of name, health"
    ) in err
    assert "Traceback" not in err


def test_a_pseudo_translation_leaves_no_english(tmp_path: Path):
    root = copy_root("basic", tmp_path)
    source = root / "notice_src/library.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("\nsections:", FORM, 1))
    write_pseudo_catalogs(root, "eo")
    add_language(root, "eo", "approved")
    out = root / "dist"
    build(BuildOptions(root=root, formats=("collection",), out=out, langs=("eo",)))
    for ext in ("html", "txt"):
        made = (out / f"library/eo/collection/join-form.{ext}").read_text(encoding="utf-8")
        text = html.unescape(re.sub(r"<[^>]+>", " ", made))
        assert not untransformed_words(text), (ext, untransformed_words(text))
