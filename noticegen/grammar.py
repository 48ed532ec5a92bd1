"""The two small languages inside notice text, each defined once: placeholders and links.

- A placeholder `{contact.field}` names a detail of a contact (`{dpo.email}`, `{org.name}`).
- A link is Markdown `[words](target)`, or a bare web address or email address in the text.
- A web address must not hide where it goes: no user name before its host
  (`https://www.sefton.gov.uk@evil.example/` goes to evil.example), no invisible or direction
  characters, a host in ASCII or valid international (IDNA) form.

The source reader, the translations, the checks, the importer and the templates all read text
through these patterns, so that they never disagree on what counts as a placeholder or a link.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from noticegen import hygiene

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
# A link with something after its address (`[a](https://x "title" onmouseover=…)`): refused in
# sources and catalogs; should one reach a page, it is shown as the characters written.
LINK_TITLE = re.compile(r"\]\(\s*<?[^)\s>]*>?\s+[^)\s]")
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


def address_problem(url: str) -> str | None:
    """Why the address is refused, as the end of a sentence; None when it is fine."""
    invisible = hygiene.value_problem(url)
    if invisible:
        return f"holds {invisible.split(' is not allowed')[0]}: type the address again"
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        return None  # mailto:, tel: and #anchors have their own checks
    if "@" in parts.netloc:
        return (
            "has a user name before its host (the part before '@'), which hides where the link "
            "really goes: write the address without it"
        )
    host = parts.netloc.rsplit(":", 1)[0] if parts.netloc.count(":") == 1 else parts.netloc
    return host_problem(host)


def host_problem(host: str) -> str | None:
    if not host:
        return "has no host: write it like https://www.example.gov.uk/page"
    try:
        if host.isascii():
            for label in host.split("."):
                if label.lower().startswith("xn--"):
                    label.encode("ascii").decode("idna")  # raises for a made-up xn-- label
        else:
            host.encode("idna")
    except UnicodeError:
        return f"has a host, '{host}', that is not a valid international domain name: check it"
    return None
