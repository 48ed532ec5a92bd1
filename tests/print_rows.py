"""Where each label/value row of a printed edition's back page sits: the value's first line must
be on the baseline of its label's first line, on the start side, even when the label wraps."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pdfplumber
from pdf_pages import ROOT, baseline, edition_of, find_last

from noticegen.builders.pdf import print_documents
from noticegen.languages import direction
from noticegen.pipeline import make_job
from noticegen.source import load_project
from noticegen.templating import templates_dir

WORD = re.compile(r"[^\W\d_]+|\d+")


def back_page_rows(lang: str, path: Path) -> list[tuple[str, str]]:
    """The label/value rows of the back page (who to ask, the controller), as the HTML has them."""
    project, _ = load_project(ROOT)
    langs = tuple(x.code for x in project.site.languages)
    job = make_job(project, project.notices[0], lang, templates_dir(ROOT), langs)
    (document,) = print_documents(job, (edition_of(path),))
    tree = lxml.html.fromstring(document.html.encode())
    rows = tree.xpath("//section[@class='other-formats']//table[contains(@class, 'rows')]//tr")
    return [(row.xpath("string(th)").strip(), row.xpath("string(td)").strip()) for row in rows]


def row_gaps(path: Path) -> list[tuple[str, str, float]]:
    """(label, value, distance in points between their first baselines) for each row."""
    lang = path.parent.name
    rtl = direction(lang) == "rtl"
    gaps = []
    with pdfplumber.open(path) as pdf:
        for label, value in back_page_rows(lang, path):
            # The value's first run of four or more letters or digits (pdfplumber splits
            # right-to-left lines at punctuation) that is not also in the label.
            key = next(r for r in WORD.findall(value) if len(r) >= 4 and r not in label)
            found = find_last(pdf, key, rtl=rtl and not key.isascii())
            assert found, f"{path}: {key!r} is not on any page"
            index, match = found
            labels = [
                m
                for word in dict.fromkeys([label.split()[0], label.split()[0][::-1]])
                for m in pdf.pages[index].search(word, regex=False)
                if (m["x0"] >= match["x1"] if rtl else m["x1"] <= match["x0"])
            ]
            assert labels, f"{path}: no label {label!r} beside {value!r}"
            gap = min(abs(baseline(m["chars"]) - baseline(match["chars"])) for m in labels)
            gaps.append((label, value, gap))
    return gaps
