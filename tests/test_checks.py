"""The notice checks (docs/checks.md).

Every rule has a fixture that triggers it and one that passes it, written for a small Blue
Badge notice of an imaginary council (tests/roots/checks), not for the seed: the clean fixture
passes every rule, and each case below changes it just enough to trigger one. Messages are
asserted exactly, with line and column. Then the seed notice, silencing, and the CLI.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from conftest import ROOT, copy_root

from noticegen.checks import RULES, run
from noticegen.cli import main
from noticegen.source import load_project

TODAY = dt.date(2026, 11, 25)
NOTICE = "notice_src/blue-badge.yaml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_root("checks", tmp_path)


def edit(project: Path, old: str, new: str, name: str = NOTICE) -> None:
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def findings(project: Path, rule: str | None = None, today: dt.date = TODAY) -> list[str]:
    loaded, _ = load_project(project)
    return [str(f) for f in run(loaded, today=today).findings if rule is None or f.rule == rule]


def cli(*args: str) -> tuple[int, list[str], list[str]]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue().splitlines(), err.getvalue().splitlines()


# -- one fixture per rule ----------------------------------------------------------------------

# case: (edits to blue-badge.yaml, every finding of the case's rule, without the file name)
TRIGGERS = {
    "controller-name": (
        [('"{org.name} is responsible for your data. Write', '"We are responsible for your data. Write')],
        [
            "44:1: error: controller: the notice never names the organisation responsible for the data (the controller): name it, for example with {org.name} (source: UK GDPR Art. 13(1)(a), 14(1)(a))",
        ],
    ),
    "controller-contact": (
        [(" Write to us at {org.address}.", "")],
        [
            "44:1: error: controller: the notice gives no way to contact the organisation: add its address, website, email or phone number, for example with {org.address} (source: UK GDPR Art. 13(1)(a), 14(1)(a))",
        ],
    ),
    "dpo-contact": (
        [('      - id: dpo\n        paragraph: "You can contact {dpo.name} at {dpo.email}."\n', "")],
        [
            "44:1: error: dpo-contact: the notice does not give the Data Protection Officer's contact details: add them, for example 'Contact {dpo.name} at {dpo.email}' (source: UK GDPR Art. 13(1)(b), 14(1)(b))",
        ],
    ),
    "lawful-basis-no-art6": (
        [('basis: ["6(1)(e)"]', 'basis: ["DPA 2018 s.8(c)"]')],
        [
            "17:3: error: lawful-basis: none of the lawful bases is an Article 6(1) basis, such as 6(1)(e): add the one the council relies on (source: UK GDPR Art. 13(1)(c), 14(1)(c); Art. 6(1))",
        ],
    ),
    "lawful-basis-uncovered": (
        [('basis: ["6(1)(e)"]', 'basis: ["6(1)(e)"]\n      applies_to: [name]')],
        [
            "9:7: error: lawful-basis: category 'health' is not covered by any Article 6(1) lawful basis: add it to the 'applies_to' of one (source: UK GDPR Art. 13(1)(c), 14(1)(c); Art. 6(1))",
            "10:7: error: lawful-basis: category 'misuse' is not covered by any Article 6(1) lawful basis: add it to the 'applies_to' of one (source: UK GDPR Art. 13(1)(c), 14(1)(c); Art. 6(1))",
        ],
    ),
    "lawful-basis-unknown-category": (
        [("applies_to: [misuse]", "applies_to: [misuse, convictions]")],
        [
            "25:7: error: lawful-basis: lawful basis 'misuse-condition' applies to 'convictions', which is not a category of the notice: fix the id (source: UK GDPR Art. 13(1)(c), 14(1)(c); Art. 6(1))",
        ],
    ),
    "special-category-condition": (
        [('basis: ["9(2)(g)", ', "basis: [")],
        [
            "9:7: error: special-category-condition: category 'health' is special category data but no lawful basis gives an Article 9(2) condition for it: add one, such as 9(2)(g), that applies to it (source: UK GDPR Art. 9(2); Art. 13(1)(c), 14(1)(c))",
        ],
    ),
    "criminal-offence-basis": (
        [("applies_to: [misuse]", "applies_to: [name]")],
        [
            "10:7: error: criminal-offence-basis: category 'misuse' is criminal offence data but no lawful basis gives an Article 10 or DPA 2018 Schedule 1 condition for it: add one that applies to it (source: UK GDPR Art. 10; DPA 2018 s.10(5) and Sch. 1)",
        ],
    ),
    "legitimate-interests": (
        [
            (
                '"Article 6(1)(e): we need the data to run the Blue Badge scheme."\n      basis: ["6(1)(e)"]',
                '"Article 6(1)(f): we need the data to run the Blue Badge scheme."\n      basis: ["6(1)(f)"]',
            )
        ],
        [
            "18:7: error: legitimate-interests: lawful basis 'public-task' relies on legitimate interests (Article 6(1)(f)) but does not say what the interests are: describe them in its text (source: UK GDPR Art. 13(1)(d), 14(2)(b))",
        ],
    ),
    "categories": (
        [
            (
                "  categories:\n    - {id: name, text: Your name and address}\n    - {id: health, text: Details of your disability, special: true}\n    - {id: misuse, text: Any past misuse of a badge, criminal: true}\n",
                "",
            ),
            ("      - facts: categories\n", ""),
            ("      applies_to: [health]\n", ""),
            ("      applies_to: [misuse]\n", ""),
        ],
        [
            "6:1: error: categories: the notice gets data from other organisations but does not list the categories of data: add them under 'facts: categories:' (source: UK GDPR Art. 14(1)(d))",
        ],
    ),
    "recipients": (
        [
            (
                '  recipients:\n    - {id: police, text: "The police, to stop badges being misused"}\n    - {id: printer, text: The company that prints the badges}\n',
                "",
            ),
            ("      - facts: recipients\n", "      - {id: nobody, paragraph: We do not share it.}\n"),
        ],
        [
            "6:1: error: recipients: the notice does not say who the data is shared with: list the recipients under 'facts: recipients:' (if it is shared with no one, silence this check and say so in the reason) (source: UK GDPR Art. 13(1)(e), 14(1)(e))",
        ],
    ),
    "international-transfers-missing": (
        [("  international_transfers: none\n", "")],
        [
            "6:1: error: international-transfers: the notice does not say whether personal data is sent outside the UK: add 'international_transfers:' under 'facts:', with 'none' or the transfers and their safeguards (source: UK GDPR Art. 13(1)(f), 14(1)(f))",
        ],
    ),
    "international-transfers-safeguards": (
        [
            (
                "  international_transfers: none\n",
                "  international_transfers: {text: Our supplier stores the data in the United States.}\n",
            )
        ],
        [
            "42:28: error: international-transfers: the transfers outside the UK are described without their safeguards: say what protects the data, such as UK adequacy regulations or an International Data Transfer Agreement (source: UK GDPR Art. 13(1)(f), 14(1)(f))",
        ],
    ),
    "unshown-facts": (
        [('      - id: sources-intro\n        paragraph: "We get it from:"\n      - facts: sources\n', "")],
        [
            "11:3: warning: unshown-facts: the facts 'sources' are not shown in any section, so readers never see them: add '- facts: sources' to the section where they belong (source: docs/source-format.md (facts are shown by a 'facts:' block))",
        ],
    ),
    "unshown-facts-item": (
        [("      - facts: recipients\n", "      - {facts: recipients, only: [police]}\n")],
        [
            "16:7: warning: unshown-facts: 'printer' of facts 'recipients' is not shown: every 'facts: recipients' block lists other items in 'only:'; add it to one of them (source: docs/source-format.md (facts are shown by a 'facts:' block))",
        ],
    ),
    "retention-missing": (
        [
            (
                "  retention:\n    - {id: applications, text: We keep your application for 3 years after your badge ends}\n    - {id: refusals, text: We keep a refused application for 1 year}\n",
                "",
            ),
            ("      - facts: retention\n", "      - {id: keep, paragraph: We keep it safe.}\n"),
        ],
        [
            "6:1: error: retention: the notice does not say how long data is kept: add the periods, or the criteria used to set them, under 'facts: retention:' (source: UK GDPR Art. 13(2)(a), 14(2)(a))",
        ],
    ),
    "retention-vague": (
        [
            (
                "We keep your application for 3 years after your badge ends",
                "We keep your application for no longer than necessary",
            ),
            ("We keep a refused application for 1 year", "We delete it when we no longer need it"),
        ],
        [
            "33:7: error: retention: retention 'applications' gives no period and no criteria ('no longer than necessary' is not enough): say how long, such as '6 years after the case is closed', or how the period is decided (source: UK GDPR Art. 13(2)(a), 14(2)(a))",
            "34:7: error: retention: retention 'refusals' gives no period and no criteria ('no longer than necessary' is not enough): say how long, such as '6 years after the case is closed', or how the period is decided (source: UK GDPR Art. 13(2)(a), 14(2)(a))",
        ],
    ),
    "rights": (
        [("    - {id: restriction, right: restriction, text: ask us to limit how we use your data}\n", "")],
        [
            "35:3: error: rights: the notice does not mention the right to restriction of processing (Article 18): add it under 'facts: rights:' with 'right: restriction' (source: UK GDPR Art. 13(2)(b), 14(2)(c); Art. 15-18, 20, 21)",
        ],
    ),
    "withdraw-consent": (
        [('basis: ["6(1)(e)"]', 'basis: ["6(1)(e)", "6(1)(a)"]')],
        [
            "35:3: error: withdraw-consent: the notice relies on consent but does not say that people can withdraw it at any time: add that right under 'facts: rights:' with 'right: withdraw-consent' (source: UK GDPR Art. 13(2)(c), 14(2)(d))",
        ],
    ),
    "complain-ico-right": (
        [
            ("    - {id: complain, right: complain, text: complain to the Information Commissioner}\n", ""),
            (
                '"To complain to the Information Commissioner, use this form: {ico.link}."',
                '"The Information Commissioner’s website is {ico.url}."',
            ),
        ],
        [
            "35:3: error: complain-ico: the notice does not say that people can complain to the Information Commissioner: add that right under 'facts: rights:' with 'right: complain' (source: UK GDPR Art. 13(2)(d), 14(2)(e))",
        ],
    ),
    "complain-ico-contact": (
        [
            (
                '"To complain to the Information Commissioner, use this form: {ico.link}."',
                '"You can complain to the Information Commissioner."',
            )
        ],
        [
            "44:1: error: complain-ico: the notice does not give the Information Commissioner's contact details: add a link to ico.org.uk, for example as a contact in site.yaml (source: UK GDPR Art. 13(2)(d), 14(2)(e))",
        ],
    ),
    "statutory-requirement": (
        [
            (
                "      - id: must-give\n        paragraph: You must give us this information to get a badge. If you do not give it, we cannot decide your application.\n",
                "",
            )
        ],
        [
            "44:1: error: statutory-requirement: the notice does not say whether people must give their data (a legal or contract requirement) or what happens if they do not: say so (if all the data comes from other organisations, silence this check with that reason) (source: UK GDPR Art. 13(2)(e))",
        ],
    ),
    "sources": (
        [
            (
                '  sources:\n    - {id: you, text: "You, when you apply"}\n    - {id: doctor, text: "Your doctor, if you agree"}\n',
                "",
            ),
            ('      - id: sources-intro\n        paragraph: "We get it from:"\n      - facts: sources\n', ""),
        ],
        [
            "6:1: error: sources: the notice does not say where the data comes from: list the sources under 'facts: sources:' (if all of it comes from the person, silence this check with that reason) (source: UK GDPR Art. 14(2)(f))",
        ],
    ),
    "automated-decisions": (
        [("  automated_decisions: none\n", "")],
        [
            "6:1: error: automated-decisions: the notice does not say whether decisions about people are made by automated means: add 'automated_decisions:' under 'facts:', with 'none' or what the decisions are (source: UK GDPR Art. 13(2)(f), 14(2)(g); Art. 22A-22D)",
        ],
    ),
    "legislation-title": (
        [("title: The Equality Act 2010,", 'title: "The Equality Act, 2010",')],
        [
            "31:29: warning: legislation-title: 'The Equality Act, 2010' is not the official title: write 'The Equality Act 2010' (2010 c. 15) (source: legislation.gov.uk (the short title each law gives itself))",
        ],
    ),
    "legislation-title-ampersand": (
        [
            (
                "title: The Equality Act 2010, year: 2010, url: https://www.legislation.gov.uk/ukpga/2010/15",
                'title: "Anti-social Behaviour, Crime & Policing Act 2014", year: 2014, url: https://www.legislation.gov.uk/ukpga/2014/12',
            )
        ],
        [
            "31:29: warning: legislation-title: 'Anti-social Behaviour, Crime & Policing Act 2014' is not the official title: write 'Anti-social Behaviour, Crime and Policing Act 2014' (2014 c. 12) (source: legislation.gov.uk (the short title each law gives itself))",
        ],
    ),
    "legislation-unknown-close": (
        [("title: The Equality Act 2010", "title: The Equalities Act 2010")],
        [
            "31:29: info: legislation-unknown: 'The Equalities Act 2010' is not in the registry of legislation: check its title and year on legislation.gov.uk (is it the Equality Act 2010?) (source: legislation.gov.uk (the short title each law gives itself))",
        ],
    ),
    "legislation-title-not-an-act": (
        [
            (
                "title: The Equality Act 2010, year: 2010, url: https://www.legislation.gov.uk/ukpga/2010/15",
                "title: Privacy and Electronic Communications (EC Directive) Regulations Act 2003, year: 2003, url: https://www.legislation.gov.uk/uksi/2003/2426",
            )
        ],
        [
            "31:29: warning: legislation-title: 'Privacy and Electronic Communications (EC Directive) Regulations Act 2003' is not an Act: it is the Privacy and Electronic Communications (EC Directive) Regulations 2003 (S.I. 2003/2426), which are regulations: write 'Privacy and Electronic Communications (EC Directive) Regulations 2003' (source: legislation.gov.uk (the short title each law gives itself))",
        ],
    ),
    "legislation-title-extra-words": (
        [("title: The Equality Act 2010,", "title: The Equality Act 2010 as amended,")],
        [
            "31:29: warning: legislation-title: 'The Equality Act 2010 as amended' has words after the title ('as amended'): keep only the title here and say the rest in the text around the list (source: legislation.gov.uk (the short title each law gives itself))",
        ],
    ),
    "legislation-year": (
        [("title: The Equality Act 2010, year: 2010", "title: The Equality Act 2011, year: 2011")],
        [
            "31:29: warning: legislation-year: 'The Equality Act 2011': the registry has the Equality Act 2010, not 2011: check the year (write 'The Equality Act 2010' if that is the one meant) (source: legislation.gov.uk (the short title each law gives itself))",
        ],
    ),
    "legislation-year-field": (
        [("title: The Equality Act 2010, year: 2010", "title: The Equality Act 2010, year: 2009")],
        [
            "31:29: warning: legislation-year: the year 2009 does not match the year in the title (2010): correct one of them (source: legislation.gov.uk (the short title each law gives itself))",
        ],
    ),
    "legislation-link": (
        [(", url: https://www.legislation.gov.uk/ukpga/2010/15", "")],
        [
            "31:7: info: legislation-link: 'The Equality Act 2010' has no link: add 'url: https://www.legislation.gov.uk/ukpga/2010/15' (source: UK GDPR Art. 12(1): easily accessible; legislation.gov.uk)",
        ],
    ),
    "legislation-unknown": (
        [
            (
                "{id: equality, title: The Equality Act 2010, year: 2010, url: https://www.legislation.gov.uk/ukpga/2010/15}",
                "{id: cspa, title: Chronically Sick and Disabled Persons Act 1970, year: 1970, url: https://www.legislation.gov.uk/ukpga/1970/44}",
            )
        ],
        [
            "31:25: info: legislation-unknown: 'Chronically Sick and Disabled Persons Act 1970' is not in the registry of legislation: check its title and year on legislation.gov.uk (source: legislation.gov.uk (the short title each law gives itself))",
        ],
    ),
    "long-sentence": (
        [
            (
                'paragraph: "We get it from:"',
                'paragraph: "We get some of it from the people and organisations listed below, who tell us about you when you apply for a badge or when you renew it:"',
            )
        ],
        [
            "59:20: warning: long-sentence: this sentence has 28 words (aim for 25 at most): split or shorten it: 'We get some of it from the people …' (source: GOV.UK style guide: sentences of 25 words or fewer; UK GDPR Art. 12(1))",
        ],
    ),
    "link-text-vague": (
        [('use this form: {ico.link}."', 'use [this link](https://ico.org.uk/make-a-complaint/)."')],
        [
            "81:20: warning: link-text: the link text 'this link' does not say where the link goes: use words that do, such as the name of the page (source: WCAG 2.2 SC 2.4.4 Link Purpose; GOV.UK style guide: links)",
        ],
    ),
    "link-text-url": (
        [('use this form: {ico.link}."', 'use https://ico.org.uk/make-a-complaint/"')],
        [
            "81:20: warning: link-text: the link text is a web address ('https://ico.org.uk/make-a-complaint/'): use words that say where it goes, such as the name of the page (source: WCAG 2.2 SC 2.4.4 Link Purpose; GOV.UK style guide: links)",
        ],
    ),
    "capitals": (
        [('paragraph: "You can:"', 'paragraph: "PLEASE READ THIS. You can:"')],
        [
            "78:20: warning: capitals: 'PLEASE READ THIS' is written in capitals, which is harder to read: write it in sentence case (use **bold** for emphasis) (source: GOV.UK style guide: capitals; RNIB clear print: no blocks of capitals)",
        ],
    ),
    "single-item-list": (
        [
            (
                "      - id: rights-intro\n",
                "      - id: steps\n        list:\n          - {id: ask, text: Ask us in writing}\n      - id: rights-intro\n",
            )
        ],
        [
            "77:9: warning: single-item-list: the list 'steps' has a single item: write it as a sentence, or add the other items (source: GOV.UK style guide: bullet points; plain English practice)",
        ],
    ),
    "abbreviation": (
        [("text: Details of your disability,", "text: Details of your disability and SEN,")],
        [
            "9:26: warning: abbreviation: 'SEN' is not explained where it is first used: write the words in full the first time, followed by '(SEN)' (source: GOV.UK style guide: abbreviations and acronyms)",
        ],
    ),
    "empty-section": (
        [
            (
                "  - id: keeping\n    title: How long we keep it\n    body:\n      - facts: retention\n",
                "  - id: keeping\n    title: How long we keep it\n    body:\n      - facts: retention\n      - {id: more, heading: More about keeping data}\n  - id: contact\n    title: Contact us\n    body:\n      - {id: soon, heading: Coming soon}\n",
            )
        ],
        [
            "74:9: warning: empty-section: the heading 'more' has nothing under it: add the text, or remove the heading (source: UK GDPR Art. 12(1): concise, transparent and intelligible)",
            "75:5: warning: empty-section: the section 'contact' has no text under its title: add it, or remove the section (source: UK GDPR Art. 12(1): concise, transparent and intelligible)",
        ],
    ),
    "review-date-passed": (
        [("review_by: 2027-01-01", "review_by: 2026-06-30")],
        [
            "5:1: warning: review-date: the review date 2026-06-30 has passed (today is 2026-11-25): review the notice and set the next review date (source: ICO guidance: keep privacy information under regular review; UK GDPR Art. 12(1))",
        ],
    ),
    "review-date-missing": (
        [("review_by: 2027-01-01\n", "")],
        [
            "4:1: warning: review-date: the notice has no review date: add 'review_by:' with the date by which it should be reviewed (source: ICO guidance: keep privacy information under regular review; UK GDPR Art. 12(1))",
        ],
    ),
    "renamed-body": (
        [
            (
                "{id: printer, text: The company that prints the badges}",
                "{id: phe, text: Public Health England}",
            )
        ],
        [
            "16:23: warning: renamed-body: 'Public Health England' was abolished: since 1 October 2021 its work is done by the UK Health Security Agency and the Office for Health Improvement and Disparities (in the Department of Health and Social Care): use the current name, if the data still goes there (source: UK GDPR Art. 12(1) intelligible; Art. 13(1)(e), 14(1)(e) recipients)",
        ],
    ),
    "eu-wording": (
        [
            (
                "we need the data to run the Blue Badge scheme.",
                "processing is required by Union or Member State law.",
            )
        ],
        [
            "19:13: warning: eu-wording: 'Union or Member State law' comes from the EU GDPR: under the UK GDPR write 'domestic law' (or name the UK law) (source: UK GDPR as amended by S.I. 2019/419 (EU exit))",
        ],
    ),
    "dpa-1998-wording": (
        [
            (
                "title: Data Protection Act 2018, year: 2018, url: https://www.legislation.gov.uk/ukpga/2018/12",
                "title: Data Protection Act 1998, year: 1998, url: https://www.legislation.gov.uk/ukpga/1998/29",
            )
        ],
        [
            "30:29: warning: dpa-1998-wording: 'Data Protection Act 1998' was repealed on 25 May 2018: cite the Data Protection Act 2018 and the UK GDPR (source: Data Protection Act 1998, repealed by the Data Protection Act 2018)",
        ],
    ),
    "dpa-1998-wording-rights": (
        [
            (
                "text: object to how we use your data}",
                "text: object to processing likely to cause damage or distress}",
            ),
            (
                "text: have wrong data corrected}",
                'text: "have wrong data rectified, blocked, erased or destroyed"}',
            ),
        ],
        [
            "37:55: warning: dpa-1998-wording: 'blocked, erased or destroyed' is the wording of the Data "
            "Protection Act 1998 (section 14): under the UK GDPR these are the rights to rectification, erasure "
            "and restriction of processing (source: Data Protection Act 1998, repealed by the Data Protection "
            "Act 2018)",
            "40:47: warning: dpa-1998-wording: 'damage or distress' is the wording of the Data Protection Act 1998 "
            "(section 10): the UK GDPR right to object (Article 21) does not depend on damage or distress "
            "(source: Data Protection Act 1998, repealed by the Data Protection Act 2018)",
        ],
    ),
    "eu-wording-supervisory-authority": (
        [("text: complain to the Information Commissioner}", "text: complain to the supervisory authority}")],
        [
            "41:45: warning: eu-wording: 'supervisory authority' comes from the EU GDPR: in the UK say 'the "
            "Information Commissioner' (the ICO) (source: UK GDPR as amended by S.I. 2019/419 (EU exit))",
        ],
    ),
    "to-confirm": (
        [
            (
                "review_by: 2027-01-01",
                'review_by: {value: 2027-01-01, to_confirm: "the service has not agreed a review date"}',
            )
        ],
        [
            "5:12: warning: to-confirm: value to confirm (review date): the service has not agreed a review date (source: docs/source-format.md, section 4 (values to confirm))",
        ],
    ),
    "unused-silence": (
        [
            (
                'version: "1.0"\n',
                'version: "1.0"\nsilence:\n  - {rule: capitals, reason: Our logo text is in capitals.}\n',
            )
        ],
        [
            "5:5: info: unused-silence: silencing 'capitals' hides nothing: remove it if the problem has been fixed (source: docs/checks.md (silencing a check))",
        ],
    ),
}


def _rule(case: str) -> str:
    return TRIGGERS[case][1][0].split(": ")[2]


def test_the_clean_fixture_passes_every_rule(project: Path) -> None:
    assert findings(project) == []


def test_every_rule_has_a_triggering_fixture() -> None:
    triggered = {_rule(case) for case in TRIGGERS}
    assert triggered == set(RULES)


@pytest.mark.parametrize("case", TRIGGERS, ids=list(TRIGGERS))
def test_rule_triggers(project: Path, case: str) -> None:
    edits, expected = TRIGGERS[case]
    for old, new in edits:
        edit(project, old, new)
    assert findings(project, _rule(case)) == [f"{NOTICE}:{line}" for line in expected]


# case: (edits that change the notice but must not trigger the rule, the rule)
PASSES = {
    "objection not needed with a legal obligation only": (
        [
            ('basis: ["6(1)(e)"]', 'basis: ["6(1)(c)"]'),
            ("    - {id: objection, right: objection, text: object to how we use your data}\n", ""),
        ],
        "rights",
    ),
    "a right named in the text counts": (
        [
            (
                "{id: restriction, right: restriction, text: ask us to limit how",
                "{id: restriction, text: ask us to restrict how",
            )
        ],
        "rights",
    ),
    "consent with its withdrawal": (
        [
            ('basis: ["6(1)(e)"]', 'basis: ["6(1)(e)", "6(1)(a)"]'),
            (
                "    - {id: access,",
                "    - {id: withdraw, right: withdraw-consent, text: withdraw your consent at any time}\n"
                "    - {id: portability, right: portability, text: get your data in a form you can reuse}\n"
                "    - {id: access,",
            ),
        ],
        "withdraw-consent",
    ),
    "legitimate interests described": (
        [
            (
                '"Article 6(1)(e): we need the data to run the Blue Badge scheme."\n      basis: ["6(1)(e)"]',
                '"Article 6(1)(f): our legitimate interests in stopping fraud."\n      basis: ["6(1)(f)"]',
            )
        ],
        "legitimate-interests",
    ),
    "transfers with their safeguard": (
        [
            (
                "  international_transfers: none\n",
                '  international_transfers: {text: "Our supplier stores the data '
                'in the United States, under the UK adequacy regulations."}\n',
            )
        ],
        "international-transfers",
    ),
    "retention by criteria": (
        [
            (
                "We keep your application for 3 years after your badge ends",
                "We keep your application until your badge ends",
            ),
            ("We keep a refused application for 1 year", "We follow our retention schedule"),
        ],
        "retention",
    ),
    "a basis covering every category": (
        [("applies_to: [misuse]", "applies_to: [misuse, name]")],
        "lawful-basis",
    ),
    "a leading 'The' on its own": (
        [("title: Data Protection Act 2018,", "title: The Data Protection Act 2018,")],
        "legislation-title",
    ),
    "a difference of case only": (
        [("title: The Equality Act 2010,", "title: The equality act 2010,")],
        "legislation-title",
    ),
    "a sentence of exactly 25 words": (
        [
            (
                'paragraph: "We get it from:"',
                'paragraph: "We get some of it from the people and organisations '
                'listed below, who tell us about you when you apply for a badge:"',
            )
        ],
        "long-sentence",
    ),
    "a link that says where it goes": (
        [
            (
                'use this form: {ico.link}."',
                'use [the complaint form on the ICO website](https://ico.org.uk/make-a-complaint/)."',
            )
        ],
        "link-text",
    ),
    "an email address as link text": (
        [('use this form: {ico.link}."', 'write to casework@ico.org.uk."')],
        "link-text",
    ),
    "a well-known or defined abbreviation": (
        [
            (
                "text: Details of your disability,",
                "text: Details of your disability and Special Educational Needs (SEN),",
            ),
            ("text: Any past misuse of a badge,", "text: Any past misuse of a badge by SEN or NHS staff,"),
        ],
        "abbreviation",
    ),
    "a heading with text under it": (
        [
            (
                "      - facts: retention\n",
                "      - {id: more, heading: More about keeping data}\n      - facts: retention\n",
            )
        ],
        "empty-section",
    ),
    "a rename after today is not reported": (
        [
            (
                "{id: printer, text: The company that prints the badges}",
                '{id: dluhc, text: "The Department for Levelling Up, Housing and Communities"}',
            )
        ],
        "renamed-body",
    ),
    "the UK GDPR by name": (
        [
            (
                "we need the data to run the Blue Badge scheme.",
                "the UK GDPR and the UK General Data Protection Regulation allow it.",
            )
        ],
        "eu-wording",
    ),
    "a review date still to come": ([("review_by: 2027-01-01", "review_by: 2026-11-26")], "review-date"),
}


@pytest.mark.parametrize("case", PASSES, ids=list(PASSES))
def test_rule_passes(project: Path, case: str) -> None:
    edits, rule = PASSES[case]
    for old, new in edits:
        edit(project, old, new)
    today = dt.date(2024, 7, 7) if "after today" in case else TODAY
    assert findings(project, rule, today) == []


def test_a_rename_is_reported_from_its_date(project: Path) -> None:
    edit(
        project,
        "{id: printer, text: The company that prints the badges}",
        '{id: dluhc, text: "The Department for Levelling Up, Housing and Communities"}',
    )
    assert findings(project, "renamed-body", dt.date(2024, 7, 8)) == [
        f"{NOTICE}:16:25: warning: renamed-body: 'Department for Levelling Up, Housing and Communities' was "
        "renamed the Ministry of Housing, Communities and Local Government on 8 July 2024: use the current "
        "name, if the data still goes there (source: UK GDPR Art. 12(1) intelligible; Art. 13(1)(e), 14(1)(e) recipients)"
    ]


def test_site_values_to_confirm_are_reported_once(project: Path) -> None:
    edit(
        project,
        "base_url: https://www.example.gov.uk/privacy/",
        'base_url: {value: https://www.example.gov.uk/privacy/, to_confirm: "not agreed yet"}',
        "notice_src/site.yaml",
    )
    assert findings(project, "to-confirm") == [
        "notice_src/site.yaml:11:11: warning: to-confirm: value to confirm (base URL): not agreed yet "
        "(source: docs/source-format.md, section 4 (values to confirm))"
    ]


# -- silencing ---------------------------------------------------------------------------------

SILENCE_AT = 'version: "1.0"\n'


def test_silencing_a_rule_for_the_notice(project: Path) -> None:
    edit(project, 'paragraph: "You can:"', 'paragraph: "PLEASE READ THIS. You can:"')
    edit(
        project,
        SILENCE_AT,
        SILENCE_AT + "silence:\n  - rule: capitals\n"
        "    reason: The service asked for this warning in capitals.\n",
    )
    loaded, _ = load_project(project)
    result = run(loaded, today=TODAY)
    assert result.findings == []
    [entry] = result.silenced
    assert (entry.notice, entry.silence.rule, entry.silence.item, entry.hidden) == (
        "blue-badge",
        "capitals",
        None,
        1,
    )
    assert result.summary_line() == "0 errors, 0 warnings, 0 infos; 1 rule silenced"
    code, out, _ = cli("check", "--root", str(project), "--today", "2026-11-25")
    assert code == 0
    assert out == [
        f"{NOTICE}:5:5: silenced: capitals in blue-badge: The service asked for this warning in "
        "capitals. (hides 1 finding)",
        "0 errors, 0 warnings, 0 infos; 1 rule silenced",
    ]


def test_silencing_a_rule_for_one_item(project: Path) -> None:
    long = (
        "We get some of it from the people and organisations listed below, who tell us about you when you "
        "apply for a badge or when you renew it:"
    )
    edit(project, 'paragraph: "We get it from:"', f'paragraph: "{long}"')
    edit(project, 'paragraph: "You can:"', f'paragraph: "{long}"')
    edit(
        project,
        SILENCE_AT,
        SILENCE_AT + "silence:\n  - rule: long-sentence\n"
        "    item: sections/what-we-collect/sources-intro\n"
        "    reason: The legal team wrote this sentence.\n",
    )
    assert [f.split(": ")[0] for f in findings(project, "long-sentence")] == [f"{NOTICE}:82:20"]


SILENCE_ERRORS = {
    "no reason": (
        "  - rule: capitals\n",
        f"{NOTICE}:5:5: error: silencing 'capitals' needs a reason: add 'reason:' saying why this "
        "check does not apply",
    ),
    "empty reason": (
        '  - rule: capitals\n    reason: ""\n',
        f"{NOTICE}:6:13: error: the reason for silencing 'capitals' is empty: say why this check "
        "does not apply",
    ),
    "unknown rule": (
        "  - rule: capital\n    reason: Our logo is in capitals.\n",
        f"{NOTICE}:5:11: error: there is no check 'capital' (did you mean 'capitals'?): the checks "
        "are listed in docs/checks.md",
    ),
    "unknown item": (
        "  - rule: capitals\n    item: sections/rigths\n    reason: Our logo is in capitals.\n",
        f"{NOTICE}:5:5: error: there is no item 'sections/rigths' in this notice (did you mean "
        "'sections/rights'?): name it by the ids from the top, like 'facts/legislation/<id>' or "
        "'sections/<section>/<block>'",
    ),
}


@pytest.mark.parametrize("case", SILENCE_ERRORS, ids=list(SILENCE_ERRORS))
def test_a_silence_needs_a_known_rule_and_a_reason(project: Path, case: str) -> None:
    entry, expected = SILENCE_ERRORS[case]
    edit(project, SILENCE_AT, SILENCE_AT + "silence:\n" + entry)
    code, _, err = cli("check", "--root", str(project))
    assert (code, err) == (2, [expected])


# -- the seed notice ---------------------------------------------------------------------------

SEED = "notice_src/supporting-families.yaml"
SEED_EXPECTED = [  # (rule, item, message): what a careful reader of the council's notice would say
    (
        "international-transfers",
        "facts/international_transfers",
        "the notice does not say whether personal data is sent outside the UK: add 'international_transfers:' "
        "under 'facts:', with 'none' or the transfers and their safeguards",
    ),
    (
        "retention",
        "facts/retention/identifiable-data",
        "retention 'identifiable-data' gives no period and no criteria ('no longer than necessary' is not "
        "enough): say how long, such as '6 years after the case is closed', or how the period is decided",
    ),
    (
        "legislation-title",
        "facts/legislation/childrens-act-2004",
        "'The Children’s Act 2004' is not the official title: write 'The Children Act 2004' (2004 c. 31)",
    ),
    (
        "legislation-title",
        "facts/legislation/childrens-and-families-act-2014",
        "'The Children’s and Families Act 2014' is not the official title: write 'The Children and Families Act "
        "2014' (2014 c. 6)",
    ),
    (
        "legislation-title",
        "facts/legislation/nhs-act-2006",
        "'The NHS Act 2006' is not the official title: write 'The National Health Service Act 2006' (2006 c. 41)",
    ),
    (
        "legislation-title",
        "facts/legislation/health-and-social-care-act-2012",
        "'The Health & Social Care Act 2012' is not the official title: write 'The Health and Social Care Act "
        "2012' (2012 c. 7)",
    ),
    (
        "legislation-title",
        "facts/legislation/send-regulations-2014",
        "'Special Educational Needs and Disability Regulations Act 2014' is not an Act: it is the Special "
        "Educational Needs and Disability Regulations 2014 (S.I. 2014/1530), which are regulations: write "
        "'Special Educational Needs and Disability Regulations 2014'",
    ),
    (
        "legislation-title",
        "facts/legislation/education-pupil-information-regulations-2013",
        "'Education (Information about Individual Pupils) (England) Regulation 2013' is not the official title: "
        "write 'Education (Information About Individual Pupils) (England) Regulations 2013' (S.I. 2013/2094)",
    ),
    (
        "legislation-year",
        "facts/legislation/criminal-justice-act-2002",
        "'Criminal Justice Act 2002': the registry has the Criminal Justice Act 2003, not 2002: check the year "
        "(write 'Criminal Justice Act 2003' if that is the one meant)",
    ),
    (
        "legislation-year",
        "facts/legislation/protection-of-children-act",
        "'Protection of Children Act 1998 statutory gateways': the registry has the Protection of Children Act "
        "of 1978 and 1999, not 1998: check which one is meant",
    ),
    (
        "legislation-title",
        "facts/legislation/protection-of-children-act",
        "'Protection of Children Act 1998 statutory gateways' has words after the title ('statutory gateways'): "
        "keep only the title here and say the rest in the text around the list",
    ),
    (
        "renamed-body",
        "facts/recipients/dluhc",
        "'Department for Levelling Up, Housing and Communities' was renamed the Ministry of Housing, "
        "Communities and Local Government on 8 July 2024: use the current name, if the data still goes there",
    ),
    (
        "review-date",
        None,
        "the review date 2023-10-01 has passed (today is 2026-11-25): review the notice and set the next "
        "review date",
    ),
    (
        "eu-wording",
        "facts/rights/complain",
        "'supervisory authority' comes from the EU GDPR: in the UK say 'the Information Commissioner' (the ICO)",
    ),
    (
        "rights",
        "facts/rights",
        "the notice does not mention the right to restriction of processing (Article 18): add it under "
        "'facts: rights:' with 'right: restriction'",
    ),
]


@pytest.fixture(scope="module")
def seed():
    project, _ = load_project(ROOT)
    return run(project, ["supporting-families"], TODAY)


def test_the_seed_gives_what_a_careful_reader_expects(seed) -> None:
    got = {(f.rule, f.item, f.message) for f in seed.findings}
    for expected in SEED_EXPECTED:
        assert expected in got


def test_the_seed_is_silent_on_automated_decisions(seed) -> None:
    [finding] = [f for f in seed.findings if f.rule == "automated-decisions"]
    line = next(
        n
        for n, text in enumerate((ROOT / SEED).read_text(encoding="utf-8").splitlines(), 1)
        if "right: automated-decisions" in text
    )
    assert finding.message == (
        "the notice does not say whether decisions about people are made by automated means: add "
        "'automated_decisions:' under 'facts:', with 'none' or what the decisions are (it lists a right "
        f"about automated decisions, line {line - 1})"
    )


def test_a_missing_item_points_at_the_facts_key(seed) -> None:
    facts_line = next(
        n
        for n, text in enumerate((ROOT / SEED).read_text(encoding="utf-8").splitlines(), 1)
        if text.startswith("facts:")
    )
    [finding] = [f for f in seed.findings if f.rule == "international-transfers"]
    assert finding.where() == f"{SEED}:{facts_line}:1"


def test_no_false_alarm_on_what_the_seed_does_say(seed) -> None:
    rules = {f.rule for f in seed.findings}
    # it names the council and a team to contact, gives the DPO's contact details, the lawful bases
    # with Article 9 and Schedule 1 conditions, the categories, sources and recipients, and the ICO
    for quiet in (
        "controller",
        "dpo-contact",
        "lawful-basis",
        "special-category-condition",
        "criminal-offence-basis",
        "legitimate-interests",
        "categories",
        "recipients",
        "sources",
        "withdraw-consent",
        "complain-ico",
        "legislation-unknown",
        "capitals",
        "empty-section",
    ):
        assert quiet not in rules, quiet
    # it lists rights: only restriction of processing is missing
    assert [f.message for f in seed.findings if f.rule == "rights"] == [SEED_EXPECTED[-1][2]]
    # the Acts it names correctly are not reported, apart from their missing links
    named = {f.item for f in seed.findings if f.rule in ("legislation-title", "legislation-year")}
    assert named == {item for rule, item, _ in SEED_EXPECTED if rule.startswith("legislation")}


def test_the_seed_lists_every_value_to_confirm(seed) -> None:
    project, _ = load_project(ROOT)
    [notice] = [n for n in project.notices if n.id == "supporting-families"]
    listed = {f.loc for f in seed.findings if f.rule == "to-confirm"}
    assert listed == {c.loc for c in (*notice.to_confirm, *project.site.to_confirm)}


# -- the command line --------------------------------------------------------------------------


def test_check_text_output_and_exit_codes(project: Path) -> None:
    assert cli("check", "--root", str(project)) == (0, ["0 errors, 0 warnings, 0 infos"], [])
    edit(project, "  international_transfers: none\n", "")
    edit(project, "review_by: 2027-01-01", "review_by: 2026-01-01")
    code, out, _ = cli("check", "--root", str(project), "--today", "2026-11-25")
    assert code == 1
    assert out == [
        f"{NOTICE}:5:1: warning: review-date: the review date 2026-01-01 has passed (today is 2026-11-25): "
        "review the notice and set the next review date (source: ICO guidance: keep privacy information under "
        "regular review; UK GDPR Art. 12(1))",
        f"{NOTICE}:6:1: error: international-transfers: the notice does not say whether personal data is sent "
        "outside the UK: add 'international_transfers:' under 'facts:', with 'none' or the transfers and "
        "their safeguards (source: UK GDPR Art. 13(1)(f), 14(1)(f))",
        "1 error, 1 warning, 0 infos",
    ]


def test_strict_fails_on_warnings(project: Path) -> None:
    edit(project, "review_by: 2027-01-01", "review_by: 2026-01-01")
    assert cli("check", "--root", str(project), "--today", "2026-11-25")[0] == 0
    assert cli("check", "--root", str(project), "--today", "2026-11-25", "--strict")[0] == 1


def test_check_json_is_valid_and_complete(project: Path) -> None:
    edit(project, "  automated_decisions: none\n", "")
    edit(project, 'paragraph: "You can:"', 'paragraph: "PLEASE READ THIS. You can:"')
    edit(
        project,
        SILENCE_AT,
        SILENCE_AT + "silence:\n  - {rule: capitals, reason: Our badge says it this way.}\n",
    )
    code, out, _ = cli("check", "--root", str(project), "--format", "json", "--today", "2026-11-25")
    assert code == 1
    data = json.loads("\n".join(out))
    assert set(data) == {"findings", "silenced", "summary"}
    assert data["summary"] == {"errors": 1, "warnings": 0, "infos": 0, "silenced": 1}
    assert data["findings"] == [
        {
            "path": NOTICE,
            "line": 8,
            "col": 1,
            "level": "error",
            "rule": "automated-decisions",
            "message": "the notice does not say whether decisions about people are made by automated means: add "
            "'automated_decisions:' under 'facts:', with 'none' or what the decisions are",
            "source": "UK GDPR Art. 13(2)(f), 14(2)(g); Art. 22A-22D",
            "notice": "blue-badge",
            "item": "facts/automated_decisions",
        }
    ]
    assert data["silenced"] == [
        {
            "path": NOTICE,
            "line": 5,
            "col": 5,
            "notice": "blue-badge",
            "rule": "capitals",
            "item": None,
            "reason": "Our badge says it this way.",
            "hidden": 1,
        }
    ]


def test_the_seed_as_json() -> None:
    code, out, _ = cli("check", "--root", str(ROOT), "--format", "json", "--today", "2026-11-25")
    data = json.loads("\n".join(out))
    assert code == 1
    assert data["summary"]["errors"] == sum(f["level"] == "error" for f in data["findings"]) > 0
    for finding in data["findings"]:
        assert set(finding) == {"path", "line", "col", "level", "rule", "message", "source", "notice", "item"}
        assert finding["rule"] in RULES and finding["level"] in ("error", "warning", "info")
        assert finding["line"] > 0 and finding["col"] > 0 and finding["source"]


def test_check_usage_and_source_errors_exit_2(project: Path) -> None:
    assert cli("check", "--root", str(project), "nope") == (
        2,
        [],
        ["error: there is no notice 'nope': choose one of blue-badge"],
    )
    edit(project, "effective: 2025-01-01", "effective: [")
    code, _, err = cli("check", "--root", str(project))
    assert code == 2 and re.match(rf"{NOTICE}:\d+:\d+: error: this is not valid YAML", err[0])


def test_build_shows_a_summary_of_the_checks(project: Path) -> None:
    edit(project, "  international_transfers: none\n", "")
    code, out, _ = cli("build", "--root", str(project), "--format", "html", "--out", str(project / "dist"))
    assert code == 0
    assert out[-1] == "checks: 1 error, 0 warnings, 0 infos (run 'noticegen check' for details)"
    assert (project / "dist").is_dir()


@pytest.mark.parametrize("flag", ["--strict", "--publish"])
def test_errors_fail_a_strict_build_before_anything_is_written(project: Path, flag: str) -> None:
    edit(project, "  international_transfers: none\n", "")
    formats = ["--format", "html"] if flag == "--strict" else []  # --publish is always the whole site
    code, _, err = cli("build", "--root", str(project), *formats, "--out", str(project / "dist"), flag)
    assert code == 1
    assert err[0].startswith(f"{NOTICE}:6:1: error: international-transfers: ")
    assert err[-1] == (
        "checks: 1 error, 0 warnings, 0 infos: nothing was built; fix the findings above (see "
        "'noticegen check' and docs/checks.md)"
    )
    assert not (project / "dist").exists()


def test_publish_refuses_values_still_to_confirm(project: Path) -> None:
    notice = project / NOTICE
    text = notice.read_text(encoding="utf-8")
    notice.write_text(
        text.replace(
            "effective: 2025-01-01", 'effective: {value: 2025-01-01, to_confirm: "ask the team"}', 1
        ),
        encoding="utf-8",
    )
    assert cli("build", "--root", str(project), "--format", "html")[0] == 0  # a preview build still works
    code, _, err = cli("build", "--root", str(project), "--out", str(project / "out"), "--publish")
    assert code == 1
    assert any("to-confirm" in line and "ask the team" in line for line in err)
    assert not (project / "out").exists()
