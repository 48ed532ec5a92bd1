"""The text of a new notice file, part 2: its sections, in reading order, and the shared blocks."""

from __future__ import annotations

from noticegen.scaffold.site import SiteFacts
from noticegen.scaffold.text import placeholder, yaml_str

# The sections the new notice has: a shared block with one of these ids gets another id.
SCAFFOLD_SECTION_IDS = {
    "who-we-are",
    "why-we-use-it",
    "what-we-collect",
    "where-it-comes-from",
    "who-we-share-it-with",
    "legal-basis",
    "how-long-we-keep-it",
    "your-rights",
}


def _contact_us(site: SiteFacts) -> list[str]:
    if site.has_address:
        return [
            "      - id: write-to-us",
            '        paragraph: "You can write to us at:"',
            "      - id: postal-address",
            '        paragraph: "{org.address}"',
        ]
    return [
        "      - id: contact-us",
        '        paragraph: "You can contact us through our website: {org.website}"',
    ]


def section_lines(site: SiteFacts) -> list[str]:
    """The sections that show the facts, each with the words around them still to write."""
    dpo = "{dpo.name}" if site.has_dpo_name else "our Data Protection Officer"
    reach = f" at {{dpo.{site.dpo_contact}}}" if site.dpo_contact else ""
    return [
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
        + yaml_str(
            "{org.name} is the data controller for the information in this notice. Our registration "
            "number with the Information Commissioner’s Office is {org.ico_registration}."
        ),
        *_contact_us(site),
        "      - id: about-the-service",
        "        paragraph: "
        + placeholder(
            "[To write: what the service does, and who this notice is for]",
            "about the service: say what the service does and whose information this notice is about",
        ),
        "  # Why the information is used: the purposes (Art. 13(1)(c), 14(1)(c)).",
        "  - id: why-we-use-it",
        "    title: Why we use your information",
        "    body:",
        "      - id: purposes",
        "        paragraph: "
        + placeholder(
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
        + placeholder(
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
        + placeholder(
            f"To ask for a copy of your information, or to use any of these rights, contact {dpo}{reach}.",
            "how to use your rights: check who people contact to use their rights (the service "
            "itself, or the Data Protection Officer as written)",
        ),
    ]


def shared_block_lines(site: SiteFacts) -> list[str]:
    """A section for each shared block of site.yaml, and a note for each that cannot be used yet."""
    lines = []
    if site.blocks:
        lines.append("  # Shared blocks: text written once in notice_src/site.yaml and used by every notice.")
        lines.append("  # Change it there, not here; remove a line if the block does not apply.")
    for block in site.blocks:
        lines.append(f"  # {block.title}")
        lines.append(f"  - block: {block.id}")
        if block.id in SCAFFOLD_SECTION_IDS:
            lines.append(f"    id: shared-{block.id}")
    for ident, why in site.unusable_blocks:
        lines.append(f"  # Not used: the shared block '{ident}', because {why}.")
        lines.append(f"  # When they are written, add it with the line '- block: {ident}'.")
    return lines
