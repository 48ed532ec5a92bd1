"""Stale facts: a review date passed, a body renamed or abolished, wording from before 2018 or Brexit,
and values still waiting for confirmation. Only these checks compare dates with today's date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from noticegen.checks.core import Context, Hit, rule
from noticegen.model import Project, ToConfirm


@dataclass(frozen=True)
class Change:
    """A public body that was renamed or abolished on a date."""

    names: tuple[str, ...]  # the old name, then its abbreviations
    date: dt.date
    what: str  # what happened, written to follow the old name


# Only changes whose date has been checked. Each "what" follows "'<old name>' ...".
CHANGES = (
    Change(
        ("Department for Levelling Up, Housing and Communities", "DLUHC"),
        dt.date(2024, 7, 8),
        "was renamed the Ministry of Housing, Communities and Local Government on 8 July 2024",
    ),
    Change(
        ("Department for Communities and Local Government", "DCLG"),
        dt.date(2018, 1, 8),
        "was renamed on 8 January 2018: it is now the Ministry of Housing, Communities and Local Government",
    ),
    Change(
        ("Public Health England",),
        dt.date(2021, 10, 1),
        "was abolished: since 1 October 2021 its work is done by the UK Health Security Agency and the "
        "Office for Health Improvement and Disparities (in the Department of Health and Social Care)",
    ),
    Change(
        ("National Offender Management Service", "NOMS"),
        dt.date(2017, 4, 1),
        "was replaced by HM Prison and Probation Service on 1 April 2017",
    ),
    Change(
        ("Criminal Records Bureau", "CRB"),
        dt.date(2012, 12, 1),
        "merged with the Independent Safeguarding Authority into the Disclosure and Barring Service on "
        "1 December 2012",
    ),
    Change(
        ("Independent Safeguarding Authority",),
        dt.date(2012, 12, 1),
        "merged with the Criminal Records Bureau into the Disclosure and Barring Service on 1 December 2012",
    ),
    Change(
        ("Department for Children, Schools and Families", "DCSF"),
        dt.date(2010, 5, 12),
        "was replaced by the Department for Education on 12 May 2010",
    ),
    Change(
        ("Department for Digital, Culture, Media and Sport",),
        dt.date(2023, 2, 7),
        "was renamed the Department for Culture, Media and Sport on 7 February 2023",
    ),
    Change(
        ("Department for Business, Energy and Industrial Strategy", "BEIS"),
        dt.date(2023, 2, 7),
        "was abolished on 7 February 2023: its work moved to the Department for Business and Trade, the "
        "Department for Energy Security and Net Zero and the Department for Science, Innovation and "
        "Technology",
    ),
    Change(
        ("clinical commissioning groups", "clinical commissioning group", "CCGs", "CCG"),
        dt.date(2022, 7, 1),
        "were abolished on 1 July 2022 and replaced by integrated care boards",
    ),
    Change(
        ("primary care trusts", "primary care trust", "PCTs", "PCT"),
        dt.date(2013, 4, 1),
        "were abolished on 1 April 2013",
    ),
    Change(("NHS Digital",), dt.date(2023, 2, 1), "merged into NHS England on 1 February 2023"),
    Change(("Health Education England",), dt.date(2023, 4, 1), "merged into NHS England on 1 April 2023"),
)

EU_WORDING = (
    (
        re.compile(r"\bUnion or Member State law\b", re.IGNORECASE),
        "comes from the EU GDPR: under the UK GDPR write 'domestic law' (or name the UK law)",
    ),
    (re.compile(r"\bMember States?\b"), "comes from the EU GDPR: the UK is not an EU Member State"),
    (
        re.compile(r"\bsupervisory authorit(?:y|ies)\b", re.IGNORECASE),
        "comes from the EU GDPR: in the UK say 'the Information Commissioner' (the ICO)",
    ),
    (
        re.compile(r"\bEU GDPR\b|(?<!UK )\bGDPR\b|(?<!UK )\bGeneral Data Protection Regulation\b"),
        "is the EU law: since 1 January 2021 the UK law is the UK GDPR (the 'UK General Data Protection "
        "Regulation')",
    ),
    (
        re.compile(r"\bDirective 95/46/EC\b|\bPrivacy Shield\b", re.IGNORECASE),
        "names an EU arrangement that no longer applies in the UK: remove it or name the UK rule",
    ),
)
DPA_1998 = (
    (
        re.compile(r"\bData Protection Act 1998\b", re.IGNORECASE),
        "was repealed on 25 May 2018: cite the Data Protection Act 2018 and the UK GDPR",
    ),
    (
        re.compile(r"\bdamage or distress\b", re.IGNORECASE),
        "is the wording of the Data Protection Act 1998 (section 10): the UK GDPR right to object (Article 21) "
        "does not depend on damage or distress",
    ),
    (
        re.compile(r"\bblock(?:ed|ing)?\b[^.]{0,40}\b(?:eras|destr)\w*", re.IGNORECASE),
        "is the wording of the Data Protection Act 1998 (section 14): under the UK GDPR these are the rights to "
        "rectification, erasure and restriction of processing",
    ),
)


def _pattern(name: str) -> re.Pattern[str]:
    parts = ["(?:and|&)" if w == "and" else re.escape(w) for w in name.split()]
    body = r"[\s,]+".join(parts)
    flags = 0 if name.isupper() else re.IGNORECASE
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", flags)


@rule(
    "review-date",
    "warning",
    "ICO guidance: keep privacy information under regular review; UK GDPR Art. 12(1)",
    "The notice has a review date, and it has not passed.",
)
def review_date(ctx: Context):
    notice = ctx.notice
    if notice.review_by is None:
        yield Hit(
            ctx.anchor("effective"),
            "the notice has no review date: add 'review_by:' with the date by which it should be reviewed",
        )
    elif notice.review_by < ctx.today:
        yield Hit(
            ctx.anchor("review_by"),
            f"the review date {notice.review_by.isoformat()} has passed "
            f"(today is {ctx.today.isoformat()}): review the notice and set the next review date",
        )


@rule(
    "renamed-body",
    "warning",
    "UK GDPR Art. 12(1) intelligible; Art. 13(1)(e), 14(1)(e) recipients",
    "No body is named that has since been renamed or abolished (a small dated list).",
)
def renamed_body(ctx: Context):
    for piece in ctx.pieces:
        for change in CHANGES:
            if change.date > ctx.today:
                continue
            for name in change.names:
                found = _pattern(name).search(piece.plain)
                if found:
                    yield Hit(
                        piece.loc,
                        f"'{found.group(0)}' {change.what}: use the current name, if the "
                        "data still goes there",
                        piece.path,
                    )
                    break


@rule(
    "eu-wording",
    "warning",
    "UK GDPR as amended by S.I. 2019/419 (EU exit)",
    "No wording of the EU GDPR where UK law applies ('Union or Member State law', 'supervisory authority').",
)
def eu_wording(ctx: Context):
    for piece in ctx.pieces:
        if piece.role != "law":
            yield from _wording(piece, EU_WORDING)


@rule(
    "dpa-1998-wording",
    "warning",
    "Data Protection Act 1998, repealed by the Data Protection Act 2018",
    "No rights or law described in the words of the Data Protection Act 1998.",
)
def dpa_1998(ctx: Context):
    for piece in ctx.pieces:
        yield from _wording(piece, DPA_1998)


def _wording(piece, patterns):
    """One finding per phrase; a phrase inside one already reported is not reported again."""
    taken: list[tuple[int, int]] = []
    for pattern, why in patterns:
        for found in pattern.finditer(piece.plain):
            if any(a <= found.start() < b for a, b in taken):
                continue
            taken.append(found.span())
            yield Hit(piece.loc, f"'{found.group(0)}' {why}", piece.path)
            break


def _confirm(items: tuple[ToConfirm, ...]):
    for item in items:
        yield Hit(item.loc, f"value to confirm ({item.field}): {item.reason}")


def _site_confirm(project: Project, today: dt.date):
    return _confirm(project.site.to_confirm)


@rule(
    "to-confirm",
    "warning",
    "docs/source-format.md, section 4 (values to confirm)",
    "Every value written with 'to_confirm' is listed until someone confirms it.",
    site=_site_confirm,
)
def to_confirm(ctx: Context):
    return _confirm(ctx.notice.to_confirm)
