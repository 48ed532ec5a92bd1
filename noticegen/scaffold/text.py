"""The text of a new notice file, part 1: the notes for its writer, the notice's details and its facts."""

from __future__ import annotations

import datetime as dt
import json

from noticegen.scaffold.site import SiteFacts


def yaml_str(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def placeholder(value: str, reason: str) -> str:
    """An item still to write: `value` is published as it is, `to_confirm` says what to write.

    It validates and builds, and `noticegen check` lists it (rule `to-confirm`) until written.
    The values are worded so that the checks that read words (retention periods, whether people
    must give their data, transfer safeguards) still fail: a new notice cannot be published as made.
    """
    return f"{{value: {yaml_str(value)}, to_confirm: {yaml_str(reason)}}}"


def header_lines(notice_id: str, title: str, today: dt.date) -> list[str]:
    """The notes on how to fill the file in, then the notice's id, title, dates and owner."""
    review = today + dt.timedelta(days=365)
    return [
        f"# Privacy notice: {title}",
        "#",
        f"# Made by 'noticegen new' on {today.isoformat()}. Everything the law requires a privacy",
        "# notice to say has a place in this file, but most of it is still to write. Each",
        "# placeholder looks like this:",
        "#",
        '#   text: {value: "[To write: …]", to_confirm: "what to write"}',
        "#",
        "# 'value' is published as it is (so the page shows [To write: …] until it is written);",
        "# 'to_confirm' says what to write and is never published. When you have the words,",
        "# replace the whole {…} by them, for example:",
        "#",
        "#   text: Date of birth",
        "#",
        f"# To list what is left to write:  .venv/bin/noticegen check {notice_id}",
        "# To see the page as you edit:    .venv/bin/noticegen serve",
        "# Every setting is explained in docs/source-format.md, every check in docs/checks.md.",
        "# Lines starting with # are notes for you and are never published: delete them when done.",
        "",
        "# -- About the notice ---------------------------------------------------------------",
        "# The id is the file name and the notice's web address: never change it once published.",
        f"id: {notice_id}",
        f"title: {yaml_str(title)}",
        "# The version number, and the date the notice takes effect (written YYYY-MM-DD).",
        'version: "1.0"',
        "effective: " + placeholder(today.isoformat(), "write the date the notice takes effect (YYYY-MM-DD)"),
        "# When the notice is to be reviewed; the checks say when this date has passed.",
        "review_by: "
        + placeholder(review.isoformat(), "agree with the service when the notice will be reviewed"),
        "# One or two plain sentences on what the notice is about (shown on the list of notices).",
        "summary: "
        + placeholder(
            "[To write: what this notice is about, in one or two sentences]",
            "write one or two plain sentences on what the notice is about",
        ),
        "# The team responsible for the notice.",
        "owner: "
        + placeholder(
            "[To write: the team responsible for this notice]",
            "name the team responsible for this notice",
        ),
        "",
    ]


def complaint_text(site: SiteFacts) -> str:
    """The right to complain, with the ICO's address unless a shared block already gives it."""
    shared = "\n".join(block.text for block in site.blocks)
    # The ICO is named by its address, or by the site contact that holds it ({ico.link}).
    ico_contact = site.ico_link.split(".")[0] + "." if site.ico_link else None
    complain = "complain to the Information Commissioner’s Office"
    if "ico.org.uk" in shared or (ico_contact and ico_contact in shared):
        return complain
    return f"{complain} at {site.ico_link or 'https://ico.org.uk/make-a-complaint/'}"


def fact_lines(site: SiteFacts) -> list[str]:
    """The facts a privacy notice must state: one placeholder item in each list to start from."""
    complain = complaint_text(site)
    return [
        "# -- Facts ---------------------------------------------------------------------------",
        "# What a privacy notice must state, each written once with an id. The sections below",
        "# show them where they belong ('- facts: categories'). Write each item as it should be",
        "# published, without a bullet or a full stop at the end. When you write an item, change",
        "# its id to say what it is (date-of-birth, not category-to-write), then add more items.",
        "facts:",
        "  # What personal information the service collects (UK GDPR Art. 13(1)(d), 14(1)(d)),",
        "  # one item per kind. Add 'special: true' to health, ethnicity, religion and the other",
        "  # special categories, and 'criminal: true' to information about offences.",
        "  categories:",
        "    - id: category-to-write",
        "      text: "
        + placeholder(
            "[To write: a kind of information we collect, such as your name]",
            "categories of personal data: list each kind of information the service collects, one item each",
        ),
        "  # Where the information comes from, other than the person (Art. 14(2)(f)). If all of",
        "  # it comes from the person, delete this list and silence the 'sources' check with",
        "  # that reason (docs/checks.md, section 3).",
        "  sources:",
        "    - id: source-to-write",
        "      text: "
        + placeholder(
            "[To write: an organisation we get information from]",
            "sources: list the organisations the service gets information from, one item each",
        ),
        "  # Who the information is shared with (Art. 13(1)(e), 14(1)(e)).",
        "  recipients:",
        "    - id: recipient-to-write",
        "      text: "
        + placeholder(
            "[To write: an organisation we share information with]",
            "recipients: list the organisations the service shares information with, one item each",
        ),
        "  # The lawful bases (Art. 13(1)(c), 14(1)(c)). 'basis' lists the legal references:",
        "  # 6(1)(e) is a public task (the usual basis of a council service), 6(1)(c) a legal",
        "  # obligation, 6(1)(a) consent. Special category information also needs an Article",
        "  # 9(2) condition such as 9(2)(g), and information about offences a DPA 2018",
        "  # Schedule 1 condition: add a basis for those with 'applies_to: [category ids]'.",
        "  lawful_bases:",
        "    - id: lawful-basis-to-write",
        "      text: "
        + placeholder(
            "[To write: the lawful basis for using the information]",
            "lawful basis: ask the Data Protection Officer which lawful basis the service relies on, "
            "write it here and set 'basis' to match",
        ),
        '      basis: ["6(1)(e)"]',
        "  # The laws that give the council its powers and duties here, with their official title",
        "  # and year as on legislation.gov.uk (the checks compare them with a registry).",
        "  legislation:",
        "    - id: law-to-write",
        "      title: "
        + placeholder(
            "[To write: the title of a law and its year]",
            "legislation: list the laws that give the council the powers or duties the service uses",
        ),
        "  # How long the information is kept, or how that is decided (Art. 13(2)(a), 14(2)(a)):",
        "  # periods ('6 years after the case is closed') or criteria ('we follow our retention",
        "  # schedule'). 'No longer than necessary' alone is not enough.",
        "  retention:",
        "    - id: retention-to-write",
        "      text: "
        + placeholder(
            "[To write: how long we keep the information, or how we decide]",
            "retention: say how long the information is kept, or how that is decided",
        ),
        "  # People's rights (Art. 13(2)(b), 14(2)(c)): the usual ones for a council service whose",
        "  # lawful basis is a public task, 6(1)(e). Keep 'right:' on each: it tells the checks",
        "  # which right it is. If the basis is consent or a contract, add",
        "  #   - {id: portability, right: portability, text: get your information in a form you can take elsewhere}",
        "  # and for consent also",
        "  #   - {id: withdraw-consent, right: withdraw-consent, text: withdraw your consent at any time}",
        "  # then list them under 'only:' in the 'Your rights' section below.",
        "  rights:",
        "    - id: access",
        "      right: access",
        "      title: Your right of access",
        "      text: You have the right to ask for a copy of the personal information we hold about you.",
        "    - {id: rectification, right: rectification, text: have information about you corrected if it is wrong}",
        "    - {id: erasure, right: erasure, text: have your information deleted in some circumstances}",
        "    - {id: restriction, right: restriction, text: ask us to limit how we use your information in some circumstances}",
        "    - id: objection",
        "      right: objection",
        "      text: "
        + placeholder(
            "object to how we use your information",
            "rights: check with the Data Protection Officer which rights apply once the lawful basis is "
            "known (the right to object goes with a public task; portability with consent or a contract)",
        ),
        "    - id: complain",
        "      right: complain",
        f"      text: {yaml_str(complain)}",
        "  # Whether personal information is sent outside the UK (Art. 13(1)(f), 14(1)(f)). Ask the",
        "  # service and the Data Protection Officer. If nothing is sent abroad, replace the whole",
        "  # entry by the line 'international_transfers: none'; if something is, say what is sent",
        "  # where, and what protects it (UK adequacy regulations, an International Data Transfer",
        "  # Agreement…). Never write 'none' until the council has said so.",
        "  international_transfers:",
        "    text: "
        + placeholder(
            "[To write: whether we send personal information outside the UK]",
            "international transfers: say whether personal information is sent outside the UK "
            "and, if it is, what protects it",
        ),
        "  # Whether decisions about people are made by computer alone, including profiling",
        "  # (Art. 13(2)(f), 14(2)(g)). If there are none, replace the whole entry by the line",
        "  # 'automated_decisions: none'; otherwise say what the decisions are.",
        "  automated_decisions:",
        "    text: "
        + placeholder(
            "[To write: whether decisions about you are made by computer alone]",
            "automated decisions: say whether decisions about people are made by automated means "
            "(including profiling), and if so what they are",
        ),
        "",
    ]
