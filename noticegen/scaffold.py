"""`noticegen new`: a new notice file with every item the law requires, as marked placeholders.

The file uses the site's shared blocks and the organisation and Data Protection Officer from
site.yaml. What the service has to write is a placeholder `{value: "[To write: …]",
to_confirm: "<item>: …"}`: it validates and builds, and `noticegen check` lists each one (rule
`to-confirm`) until it is written. Placeholders are worded so that the checks that read words
(retention periods, whether people must give their data, transfer safeguards) still report
them as errors: a notice made by `new` cannot pass `check` or `build --publish` until written.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problem, UserError
from .model import Loc
from .schema import SLUG
from .yamlsrc import Node, load_yaml

RESERVED = {
    "site": "notice_src/site.yaml holds the settings shared by every notice",
    "assets": "the site keeps its style sheet and logo in assets/",
}
# The fact lists the scaffold fills, so a shared block showing one of them can be used.
FILLED = {"categories", "sources", "recipients", "lawful_bases", "legislation", "retention", "rights"}
SECTION_IDS = {
    "who-we-are",
    "why-we-use-it",
    "what-we-collect",
    "where-it-comes-from",
    "who-we-share-it-with",
    "legal-basis",
    "how-long-we-keep-it",
    "your-rights",
}
ID_RULE = (
    "use lower-case letters a-z, digits 0-9 and single hyphens, such as 'blue-badge' (no spaces, "
    "capitals, underscores or accents, and no hyphen at the start or end)"
)


@dataclass
class SiteFacts:
    """What the scaffold needs from site.yaml."""

    has_address: bool = False
    dpo_name: bool = False
    dpo_field: str | None = None  # the placeholder field that reaches the DPO: email, phone, link…
    ico: str | None = None  # a placeholder for the ICO's web address, from a site contact
    blocks: list[tuple[str, str, str]] = field(default_factory=list)  # (id, title, all its text)
    unfit: list[tuple[str, str]] = field(default_factory=list)  # (id, why not used)


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def todo(value: str, reason: str) -> str:
    return f"{{value: {q(value)}, to_confirm: {q(reason)}}}"


def suggest_id(text: str) -> str | None:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug if slug and SLUG.match(slug) else None


def check_id(notice_id: str) -> None:
    if not SLUG.match(notice_id):
        hint = suggest_id(notice_id)
        try_ = f": try '{hint}'" if hint else ""
        raise UserError(f"'{notice_id}' is not a valid notice id: {ID_RULE}{try_}")
    if notice_id in RESERVED:
        raise UserError(f"'{notice_id}' cannot be a notice id: {RESERVED[notice_id]}: choose another id")


def _value(node: Node | None) -> str | None:
    """A scalar's text, looking through `{value: …, to_confirm: …}`."""
    if node is None:
        return None
    if isinstance(node.value, dict) and "value" in node.value:
        node = node.value["value"].node
    return node.value if isinstance(node.value, str) else None


def _get(node: Node | None, key: str) -> Node | None:
    if node is None or not isinstance(node.value, dict) or key not in node.value:
        return None
    return node.value[key].node


def _texts(node: Node) -> list[str]:
    if isinstance(node.value, str):
        return [node.value]
    if isinstance(node.value, list):
        return [t for child in node.value for t in _texts(child)]
    if isinstance(node.value, dict):
        return [t for entry in node.value.values() for t in _texts(entry.node)]
    return []


def read_site(root: Path) -> SiteFacts:
    """The parts of site.yaml the scaffold uses (read leniently: `check` validates the rest)."""
    path = root / "notice_src" / "site.yaml"
    if not path.is_file():
        raise UserError.at(
            "notice_src/site.yaml", "there is no site.yaml: is this the project folder? (see --root)"
        )
    node = load_yaml("notice_src/site.yaml", path.read_bytes())
    facts = SiteFacts()
    facts.has_address = _get(_get(node, "organisation"), "address") is not None
    dpo = _get(node, "dpo")
    facts.dpo_name = _get(dpo, "name") is not None
    for name, shown in (("email", "email"), ("phone", "phone"), ("url", "url"), ("address", "address")):
        if _get(dpo, name) is not None:
            facts.dpo_field = "link" if name == "url" and _get(dpo, "url_label") is not None else shown
            break
    contacts = _get(node, "contacts")
    for contact in contacts.value if contacts and isinstance(contacts.value, list) else []:
        ident, url = _value(_get(contact, "id")), _value(_get(contact, "url"))
        if ident and url and "ico.org.uk" in url:
            facts.ico = f"{{{ident}.link}}" if _get(contact, "url_label") is not None else f"{{{ident}.url}}"
            break
    blocks = _get(node, "blocks")
    for ident, entry in blocks.value.items() if blocks and isinstance(blocks.value, dict) else []:
        title = _value(_get(entry.node, "title")) or ident
        body = _get(entry.node, "body")
        shows = [
            _value(_get(b, "facts")) for b in (body.value if body and isinstance(body.value, list) else [])
        ]
        missing = sorted({s for s in shows if s and s not in FILLED})
        if not SLUG.match(ident):
            continue
        if missing:
            facts.unfit.append(
                (ident, f"it shows facts the new notice does not have yet ({', '.join(missing)})")
            )
            continue
        facts.blocks.append((ident, title, "\n".join(_texts(entry.node))))
    return facts


def scaffold(notice_id: str, title: str, site: SiteFacts, today: dt.date) -> str:
    """The text of the new notice file."""
    review = today + dt.timedelta(days=365)
    dpo = "{dpo.name}" if site.dpo_name else "our Data Protection Officer"
    reach = f" at {{dpo.{site.dpo_field}}}" if site.dpo_field else ""
    shared = "\n".join(text for _, _, text in site.blocks)
    ico_shown = "ico.org.uk" in shared or (site.ico and site.ico.split(".")[0] + "." in shared)
    complain = "complain to the Information Commissioner’s Office"
    if not ico_shown:
        complain += f" at {site.ico or 'https://ico.org.uk/make-a-complaint/'}"
    if site.has_address:
        contact_us = [
            "      - id: write-to-us",
            '        paragraph: "You can write to us at:"',
            "      - id: postal-address",
            '        paragraph: "{org.address}"',
        ]
    else:
        contact_us = [
            "      - id: contact-us",
            '        paragraph: "You can contact us through our website: {org.website}"',
        ]
    lines = [
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
        f"title: {q(title)}",
        "# The version number, and the date the notice takes effect (written YYYY-MM-DD).",
        'version: "1.0"',
        "effective: " + todo(today.isoformat(), "write the date the notice takes effect (YYYY-MM-DD)"),
        "# When the notice is to be reviewed; the checks say when this date has passed.",
        "review_by: " + todo(review.isoformat(), "agree with the service when the notice will be reviewed"),
        "# One or two plain sentences on what the notice is about (shown on the list of notices).",
        "summary: "
        + todo(
            "[To write: what this notice is about, in one or two sentences]",
            "write one or two plain sentences on what the notice is about",
        ),
        "# The team responsible for the notice.",
        "owner: "
        + todo(
            "[To write: the team responsible for this notice]",
            "name the team responsible for this notice",
        ),
        "",
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
        + todo(
            "[To write: a kind of information we collect, such as your name]",
            "categories of personal data: list each kind of information the service collects, one item each",
        ),
        "  # Where the information comes from, other than the person (Art. 14(2)(f)). If all of",
        "  # it comes from the person, delete this list and silence the 'sources' check with",
        "  # that reason (docs/checks.md, section 3).",
        "  sources:",
        "    - id: source-to-write",
        "      text: "
        + todo(
            "[To write: an organisation we get information from]",
            "sources: list the organisations the service gets information from, one item each",
        ),
        "  # Who the information is shared with (Art. 13(1)(e), 14(1)(e)).",
        "  recipients:",
        "    - id: recipient-to-write",
        "      text: "
        + todo(
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
        + todo(
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
        + todo(
            "[To write: the title of a law and its year]",
            "legislation: list the laws that give the council the powers or duties the service uses",
        ),
        "  # How long the information is kept, or how that is decided (Art. 13(2)(a), 14(2)(a)):",
        "  # periods ('6 years after the case is closed') or criteria ('we follow our retention",
        "  # schedule'). 'No longer than necessary' alone is not enough.",
        "  retention:",
        "    - id: retention-to-write",
        "      text: "
        + todo(
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
        + todo(
            "object to how we use your information",
            "rights: check with the Data Protection Officer which rights apply once the lawful basis is "
            "known (the right to object goes with a public task; portability with consent or a contract)",
        ),
        "    - id: complain",
        "      right: complain",
        f"      text: {q(complain)}",
        "  # Whether personal information is sent outside the UK (Art. 13(1)(f), 14(1)(f)). Ask the",
        "  # service and the Data Protection Officer. If nothing is sent abroad, replace the whole",
        "  # entry by the line 'international_transfers: none'; if something is, say what is sent",
        "  # where, and what protects it (UK adequacy regulations, an International Data Transfer",
        "  # Agreement…). Never write 'none' until the council has said so.",
        "  international_transfers:",
        "    text: "
        + todo(
            "[To write: whether we send personal information outside the UK]",
            "international transfers: say whether personal information is sent outside the UK "
            "and, if it is, what protects it",
        ),
        "  # Whether decisions about people are made by computer alone, including profiling",
        "  # (Art. 13(2)(f), 14(2)(g)). If there are none, replace the whole entry by the line",
        "  # 'automated_decisions: none'; otherwise say what the decisions are.",
        "  automated_decisions:",
        "    text: "
        + todo(
            "[To write: whether decisions about you are made by computer alone]",
            "automated decisions: say whether decisions about people are made by automated means "
            "(including profiling), and if so what they are",
        ),
        "",
        "# -- Sections ------------------------------------------------------------------------",
        "# The notice as readers see it, in reading order. Sections are numbered for you: do not",
        "# type numbers. Each block of a body has an id and one kind: paragraph, heading, note,",
        "# list, numbered, table, facts (a list from 'facts:' above), contact or block.",
        "# {org.name}, {org.address}, {dpo.email} and the like are filled in from",
        "# notice_src/site.yaml: do not type them out.",
        "sections:",
        "  # Who is responsible for the information (the controller, Art. 13(1)(a), 14(1)(a)).",
        "  - id: who-we-are",
        "    title: Who we are",
        "    body:",
        "      - id: data-controller",
        "        paragraph: "
        + q(
            "{org.name} is the data controller for the information in this notice. Our registration "
            "number with the Information Commissioner’s Office is {org.ico_registration}."
        ),
        *contact_us,
        "      - id: about-the-service",
        "        paragraph: "
        + todo(
            "[To write: what the service does, and who this notice is for]",
            "about the service: say what the service does and whose information this notice is about",
        ),
        "  # Why the information is used: the purposes (Art. 13(1)(c), 14(1)(c)).",
        "  - id: why-we-use-it",
        "    title: Why we use your information",
        "    body:",
        "      - id: purposes",
        "        paragraph: "
        + todo(
            "[To write: what we use your information for]",
            "purposes: say what the service uses the information for",
        ),
        "  - id: what-we-collect",
        "    title: What information we collect",
        "    body:",
        "      - id: categories-intro",
        '        paragraph: "The information we collect includes:"',
        "      - facts: categories",
        "      # Whether people have to give the information (a law or a contract says so), and",
        "      # what happens if they do not (Art. 13(2)(e)).",
        "      - id: must-you-give-it",
        "        paragraph: "
        + todo(
            "[To write: whether people have to give us this information, and what happens if they do not]",
            "statutory or contractual requirement: say whether people have to give the information, "
            "and what happens if they do not",
        ),
        "  - id: where-it-comes-from",
        "    title: Where we get your information from",
        "    body:",
        "      - id: sources-intro",
        '        paragraph: "We get information about you from:"',
        "      - facts: sources",
        "  - id: who-we-share-it-with",
        "    title: Who we share your information with",
        "    body:",
        "      - id: recipients-intro",
        '        paragraph: "We may share your information with:"',
        "      - facts: recipients",
        "  - id: legal-basis",
        "    title: Our legal basis for using your information",
        "    body:",
        "      - id: bases-intro",
        '        paragraph: "{org.name} uses your information under the following lawful bases:"',
        "      - facts: lawful_bases",
        "      - id: legislation-intro",
        '        paragraph: "Our powers and duties to use your information come from:"',
        "      - facts: legislation",
        "  - id: how-long-we-keep-it",
        "    title: How long we keep your information",
        "    body:",
        "      - facts: retention",
        "  - id: your-rights",
        "    title: Your rights",
        "    body:",
        "      - id: access-right",
        "        facts: rights",
        "        only: [access]",
        "      - id: other-rights-intro",
        '        paragraph: "You also have the right to:"',
        "      - id: other-rights",
        "        facts: rights",
        "        only: [rectification, erasure, restriction, objection, complain]",
        "      # How people ask for their information or use their rights.",
        "      - id: how-to-ask",
        "        paragraph: "
        + todo(
            f"To ask for a copy of your information, or to use any of these rights, contact {dpo}{reach}.",
            "how to use your rights: check who people contact to use their rights (the service "
            "itself, or the Data Protection Officer as written)",
        ),
    ]
    if site.blocks:
        lines.append("  # Shared blocks: text written once in notice_src/site.yaml and used by every notice.")
        lines.append("  # Change it there, not here; remove a line if the block does not apply.")
    for ident, block_title, _ in site.blocks:
        lines.append(f"  # {block_title}")
        lines.append(f"  - block: {ident}")
        if ident in SECTION_IDS:
            lines.append(f"    id: shared-{ident}")
    for ident, why in site.unfit:
        lines.append(f"  # Not used: the shared block '{ident}', because {why}.")
        lines.append(f"  # When they are written, add it with the line '- block: {ident}'.")
    return "\n".join(lines) + "\n"


def create(root: Path, notice_id: str, title: str, today: dt.date | None = None) -> tuple[Path, int]:
    """Write notice_src/<id>.yaml; return its path and how many placeholders it has."""
    from .source import load_project

    check_id(notice_id)
    title = " ".join(title.split())
    if not title:
        raise UserError('the title is empty: give it with --title "Privacy notice – …"')
    rel = f"notice_src/{notice_id}.yaml"
    path = root / rel
    if path.exists():
        raise UserError(f"{rel} exists already: choose another id, or edit that file")
    text = scaffold(notice_id, title, read_site(root), today or dt.date.today())
    with open(path, "x", encoding="utf-8") as handle:  # "x": never replaces a file made meanwhile
        handle.write(text)
    try:
        project, _ = load_project(root)
    except UserError as exc:
        ours = [p for p in exc.problems if p.loc.path == rel]
        if ours:
            path.unlink()
            raise UserError(
                [
                    *ours,
                    Problem(Loc(rel), "error", "the file was not written: fix the title or id and try again"),
                ]
            ) from None
        return path, sum(
            1 for line in text.splitlines() if "to_confirm:" in line and not line.startswith("#")
        )
    notice = next(n for n in project.notices if n.id == notice_id)
    return path, len(notice.to_confirm)
