"""Web addresses that do not hide where they go: no user name before the host, no invisible or
direction characters, a host in ASCII or valid international (IDNA) form.

`https://www.sefton.gov.uk@evil.example/` goes to evil.example; a zero-width space or a
right-to-left override in an address makes it read as another. Used for URL fields, link targets
and bare addresses in text, in sources and translations alike.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from noticegen import hygiene


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
