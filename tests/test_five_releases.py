"""The five-release scenario of issue 14, end to end, on the shipped Supporting Families notice.

1. a new section on transfers and a retention period (major);
2. the Acts' titles `check` flags and two typos (minor);
3. two recipients added, one removed, one category moved, the DPO's email changed (major);
4. a section split in two with paragraphs moved into the new one, two short paragraphs merged (major);
5. a release with no change (refused).

Every change is reported once, with the right kind, nothing invented; no placeholder or setting
name reaches any public output; the no-change release is refused.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

from noticegen.changes import diff_versions
from noticegen.changes.render import FORMATS, render
from noticegen.cli import main
from noticegen.pipeline import BuildOptions, build

NOTICE = "notice_src/supporting-families.yaml"
SITE = "notice_src/site.yaml"
PLACEHOLDER = re.compile(r"\{[a-z0-9-]+\.[a-z_]+\}")
SETTINGS = ("none:", "none: true", "only:", "special: true", "applies_to", "url_label", "review_by")


def edit(root: Path, name: str, *pairs: tuple[str, str]) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    for old, new in pairs:
        assert text.count(old) == 1, f"{old!r} should be in {name} once"
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def cut(root: Path, start: str, end: str) -> str:
    """Remove the lines from the one starting `start` up to (not including) the one starting `end`."""
    path = root / NOTICE
    text = path.read_text(encoding="utf-8")
    a = text.index(start)
    b = text.index(end, a)
    path.write_text(text[:a] + text[b:], encoding="utf-8")
    return text[a:b]


def release(root: Path, version: str, kind: str, summary: str, date: str, *more: str) -> int:
    edit(root, NOTICE, (f'version: "{current_version(root)}"', f'version: "{version}"'))
    args = ["release", "supporting-families", "--root", str(root), f"--{kind}", "--summary", summary]
    return main([*args, "--date", date, "--approved-by", "Jane Smith, Data Protection Officer", *more])


def current_version(root: Path) -> str:
    found = re.search(r'^version: "([^"]+)"', (root / NOTICE).read_text(encoding="utf-8"), re.M)
    assert found
    return found.group(1)


def release_1(root: Path) -> None:
    edit(
        root,
        NOTICE,
        ("  value: 2022-10-01\n", "  value: 2025-04-01\n"),
        (
            "  # international_transfers and automated_decisions are left out on purpose: the\n",
            "  international_transfers:\n    none: true\n    text: We do not send your information "
            "outside the UK. {org.name} keeps it on servers in the UK.\n"
            "  # international_transfers and automated_decisions are left out on purpose: the\n",
        ),
        (
            "  - id: retention\n",
            "  - id: transfers\n    title: Do we send your information abroad?\n    body:\n"
            "      - facts: international_transfers\n\n  - id: retention\n",
        ),
        (
            "  rights:\n    - id: informed\n",
            "    - id: case-records\n      text: We keep case records for 6 years after our work with "
            "your family ends.\n\n  rights:\n    - id: informed\n",
        ),
    )


def release_2(root: Path) -> None:
    edit(
        root,
        NOTICE,
        ("title: The Children’s Act 2004", "title: The Children Act 2004"),
        ("title: The Children’s and Families Act 2014", "title: The Children and Families Act 2014"),
        ("Sefton Supporting families programme is", "Sefton Supporting Families programme is"),
        ("securely deleted or anonymised", "securely deleted or anonymized"),
    )


def release_3(root: Path) -> None:
    nhs = cut(root, "    - {id: nhs-number", "    - {id: offending")
    edit(
        root,
        NOTICE,
        ("    - {id: gender", nhs + "    - {id: gender"),
        (
            "    - {id: dwp,",
            "    - {id: schools, text: Schools and colleges your children attend}\n    - {id: dwp,",
        ),
        (
            "    - {id: public-health, text: Public Health}\n",
            "    - {id: housing-associations, text: Housing associations that house your family}\n",
        ),
    )
    edit(root, SITE, ("email: ino.information@sefton.gov.uk", "email: dpo@sefton.gov.uk"))


def release_4(root: Path) -> None:
    cut(root, "      - id: without-your-knowledge\n", "      - id: without-knowledge-intro\n")
    moved = cut(root, "      - id: without-knowledge-intro\n", "      - id: no-marketing\n")
    edit(
        root,
        NOTICE,
        (
            "  - id: legal-basis\n",
            "  - id: sharing-without-knowledge\n    title: Sharing without your knowledge\n    body:\n"
            + moved
            + "\n  - id: legal-basis\n",
        ),
        (
            "data management systems for the purpose of assessing, monitoring and processing.\n"
            "      - id: security-measures\n        paragraph: Your",
            "data management systems for the purpose of assessing, monitoring and processing. Your",
        ),
    )


EXPECTED = {
    "1.1": [
        ("changed", "notice/effective"),
        ("added", "section/transfers"),
        ("added", "facts/retention/case-records"),
        ("added", "facts/international_transfers"),
    ],
    "1.2": [
        ("reworded", "section/who-we-are/sefton-programme"),
        ("reworded", "facts/legislation/childrens-act-2004"),
        ("reworded", "facts/legislation/childrens-and-families-act-2014"),
        ("reworded", "facts/retention/identifiable-data"),
    ],
    "2.0": [
        ("moved", "facts/categories/nhs-number"),
        ("removed", "facts/recipients/public-health"),
        ("added", "facts/recipients/schools"),
        ("added", "facts/recipients/housing-associations"),
        ("changed", "site/dpo/email"),
    ],
    "2.1": [
        ("removed", "section/sharing/without-your-knowledge"),
        ("added", "section/sharing-without-knowledge"),
        ("moved", "section/sharing-without-knowledge/without-knowledge-intro"),
        ("moved", "section/sharing-without-knowledge/sharing_without_knowledge"),
        ("moved", "section/sharing-without-knowledge/refuse-release"),
        ("merged", "section/security/secure-network"),
    ],
}


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("five") / "council"
    shutil.copytree(ROOT / "notice_src", root / "notice_src")
    shutil.copytree(ROOT / "locales", root / "locales")
    release_1(root)
    assert release(root, "1.1", "major", "We now say where your data is kept.", "2025-03-01") == 0
    release_2(root)
    assert release(root, "1.2", "minor", "Corrected the names of two Acts and two typos.", "2025-03-10") == 0
    release_3(root)
    assert release(root, "2.0", "major", "We now share information with schools.", "2025-05-01") == 0
    release_4(root)
    assert (
        release(root, "2.1", "major", "A new section on sharing without your knowledge.", "2025-06-01") == 0
    )
    build(BuildOptions(root=root, formats=("html", "txt"), workers=1))
    return root


def test_every_change_is_reported_once_with_its_kind(scenario: Path) -> None:
    versions = ["1.0", *EXPECTED]
    for old, new in zip(versions, versions[1:], strict=False):
        changes = diff_versions(scenario, "supporting-families", old, new)
        assert [(c.kind, c.path) for c in changes.changes] == EXPECTED[new], new


def test_the_fifth_release_with_no_change_is_refused(scenario: Path, capsys) -> None:
    edit(scenario, NOTICE, ("  value: 2023-10-01\n", "  value: 2026-10-01\n"))  # a new review date only
    capsys.readouterr()
    assert release(scenario, "2.2", "minor", "Reviewed, nothing to change.", "2025-07-01") == 2
    err = capsys.readouterr().err
    assert "--allow-no-change" in err and "Traceback" not in err
    assert not (scenario / "notice_src/releases/supporting-families/2.2.json").exists()
    edit(scenario, NOTICE, ('version: "2.2"', 'version: "2.1"'))


def public_texts(scenario: Path) -> dict[str, str]:
    dist = scenario / "dist"
    found = {str(p.relative_to(dist)): p.read_text(encoding="utf-8") for p in dist.glob("feed*.atom")}
    for path in dist.glob("supporting-families/*/changes/*"):
        if path.suffix in (".html", ".txt"):
            found[str(path.relative_to(dist))] = path.read_text(encoding="utf-8")
        elif path.suffix == ".docx":
            xml = zipfile.ZipFile(io.BytesIO(path.read_bytes())).read("word/document.xml").decode()
            found[str(path.relative_to(dist))] = " ".join(re.findall(r">([^<]+)<", xml))
    versions = ["1.0", *EXPECTED]
    for old, new in zip(versions, versions[1:], strict=False):
        changes = diff_versions(scenario, "supporting-families", old, new)
        for fmt in FORMATS:
            found[f"diff {old}..{new} {fmt}"] = render(changes, fmt)
    return found


def test_no_placeholder_or_setting_name_reaches_any_public_output(scenario: Path) -> None:
    texts = public_texts(scenario)
    assert len([k for k in texts if k.endswith("tracked-changes.docx")]) == 4
    for name, text in texts.items():
        assert not PLACEHOLDER.search(text), (name, PLACEHOLDER.search(text))
        for setting in SETTINGS:
            assert setting not in text, (name, setting)
    announcement = texts["supporting-families/en/changes/1.1.txt"]
    assert "We do not send your information outside the UK. Sefton Council keeps it" in announcement
    assert "Effective date" not in announcement  # the release has one date: its own


def test_announcements_say_what_residents_need_and_the_full_page_says_all(scenario: Path) -> None:
    changes = scenario / "dist/supporting-families/en/changes"
    assert not (changes / "1.2.txt").exists()  # minor: not announced
    third = (changes / "2.0.txt").read_text(encoding="utf-8")
    assert "Recipient added: “Schools and colleges your children attend”" in third
    assert "Recipient removed: “Public Health”" in third
    assert "dpo@sefton.gov.uk" in third
    assert "moved from" not in third
    fourth = (changes / "2.1.txt").read_text(encoding="utf-8")
    assert "moved from" not in fourth and "joined from 2 parts" in fourth
    page = (changes / "index.html").read_text(encoding="utf-8")
    assert "moved from position" in page and "moved from section “Who will your information be shared" in page
    assert "2.1-tracked-changes.docx" in page


def test_the_feed_is_newest_first_and_titled_by_what_changed(scenario: Path) -> None:
    import feedparser

    feed = feedparser.parse((scenario / "dist/feed.atom").read_bytes())
    assert [e.id.rsplit("/", 1)[1] for e in feed.entries] == ["2.1", "2.0", "1.1", "1.0"]
    assert feed.entries[1].title.endswith("updated: who we share information with; how to contact us")


def test_a_polish_announcement_says_each_change_in_polish(scenario: Path) -> None:
    import lxml.html

    changes = scenario / "dist/supporting-families/pl/changes"
    text = (changes / "2.0.txt").read_text(encoding="utf-8")
    assert "- komu udostępniamy informacje: dodano “Schools and colleges your children attend”" in text
    assert "- komu udostępniamy informacje: usunięto “Public Health”" in text
    assert "- jak się z nami skontaktować: teraz “dpo@sefton.gov.uk”" in text
    assert "Recipient added" not in text
    html = lxml.html.fromstring((changes / "2.0.html").read_text(encoding="utf-8"))
    quoted = html.xpath("//li/q")
    assert quoted and all(q.get("lang") == "en" for q in quoted)
    assert [li.text for li in html.xpath("//li")][:2] == [
        "komu udostępniamy informacje: usunięto ",
        "komu udostępniamy informacje: dodano ",
    ]


def test_the_sign_off_files_are_by_the_approver_on_the_release_date(scenario: Path) -> None:
    data = (scenario / "dist/supporting-families/en/changes/2.1-tracked-changes.docx").read_bytes()
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert set(re.findall(r'w:author="([^"]*)"', xml)) == {"Jane Smith, Data Protection Officer"}
    assert set(re.findall(r'w:date="([^"]*)"', xml)) == {"2025-06-01T00:00:00Z"}
    assert not list((scenario / "dist/supporting-families/pl/changes").glob("*.docx"))


def test_the_polish_changes_page_says_what_residents_need_in_polish(scenario: Path) -> None:
    import lxml.html

    page = (scenario / "dist/supporting-families/pl/changes/index.html").read_text(encoding="utf-8")
    tree = lxml.html.fromstring(page)
    said = [
        li.text_content()
        for li in tree.xpath('//h3[text()="Co musisz wiedzieć"]/following-sibling::ul[1]/li')
    ]
    assert "komu udostępniamy informacje: dodano Schools and colleges your children attend" in said
    assert all(div.get("lang") == "en" for div in tree.xpath('//div[div[@class="changes"]]'))
