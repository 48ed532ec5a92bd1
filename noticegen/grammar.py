"""The two small languages inside notice text, each defined once: placeholders and links.

- A placeholder `{contact.field}` names a detail of a contact (`{dpo.email}`, `{org.name}`).
- A link is Markdown `[words](target)`, or a bare web address or email address in the text.

The source reader, the translations, the checks, the importer and the templates all read text
through these patterns, so that they never disagree on what counts as a placeholder or a link.
"""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(r"\{([a-z0-9-]+)\.([a-z_]+)\}")

# `[words](target)`: group 1 the words; the target may be written between angle brackets.
LINK = re.compile(r"\[([^\]]*)\]\((?:<[^>]*>|[^)]*)\)")
# The target after `](`, found even without a matching `[` (for the safety check on targets).
LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")
# Addresses written in the text that become links by themselves.
BARE_URL = r"https?://[^\s<>()\"]*[^\s<>()\".,;:!?’']"
BARE_EMAIL = r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
BARE_PHONE = r"(?<![\w+])(?:\+44 ?|0)\d{2,4}(?: \d{3,4}){1,2}(?![\w])"
BARE = re.compile(rf"(?P<url>{BARE_URL})|(?P<email>{BARE_EMAIL})|(?P<phone>{BARE_PHONE})")
SAFE_LINK = re.compile(r"^(?:https?://|mailto:|tel:|#)", re.IGNORECASE)


def placeholders(text: str) -> list[str]:
    """Every placeholder of the text, as written, in sorted order (repeats kept)."""
    return sorted(m.group(0) for m in PLACEHOLDER.finditer(text))


def link_targets(text: str) -> set[str]:
    """Where the text's links go: Markdown link targets, bare web and email addresses."""
    targets = {m.group(1) for m in LINK_TARGET.finditer(text) if m.group(1)}
    without_links = LINK_TARGET.sub("](", text)
    targets.update(
        m.group("url") or m.group("email") for m in BARE.finditer(without_links) if not m.group("phone")
    )
    return targets


def link_words(text: str) -> str:
    """The text with each Markdown link reduced to its words."""
    return LINK.sub(r"\1", text)


def expand(text: str, value_of) -> str:
    """The text with each placeholder replaced by `value_of(contact_id, field)`."""
    return PLACEHOLDER.sub(lambda m: value_of(m.group(1), m.group(2)), text)
