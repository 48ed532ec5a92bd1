"""Links in Word: the address of a HYPERLINK field, and runs of text joined into Markdown."""

from __future__ import annotations

import re

from noticegen.importer.model import Report

SAFE = re.compile(r"^(?:https?://|mailto:|tel:)", re.IGNORECASE)


def hyperlink_target(instr: str) -> str | None:
    """The address of a HYPERLINK field instruction (None for a link inside the document)."""
    tokens = [a or b for a, b in re.findall(r'"([^"]*)"|(\S+)', instr.strip())]
    if not tokens or tokens[0].upper() != "HYPERLINK":
        return None
    skip = False
    for token in tokens[1:]:
        if skip:
            skip = False
        elif token.lower() in ("\\l", "\\o", "\\t"):
            skip = True
        elif not token.startswith("\\"):
            return token
    return None


def markdown(segments: list[tuple[str, str | None, bool]], report: Report, index: int) -> str:
    """Join runs into text, with each stretch of one link target as a Markdown link."""
    groups: list[list] = []
    for text, url, _ in segments:
        if groups and groups[-1][1] == url:
            groups[-1][0] += text
        else:
            groups.append([text, url])
    out = []
    for text, url in groups:
        out.append(_link(text, url, report, index) if url else text.replace("](", "] ("))
    return "".join(out)


def _link(text: str, url: str, report: Report, index: int) -> str:
    words = " ".join(text.split())
    if not words:
        return text
    lead = " " if text[:1].isspace() else ""
    tail = " " if text[-1:].isspace() else ""
    url = url.strip().replace(" ", "%20")
    if url.lower().startswith(("mailto:", "tel:")):
        address = url.split(":", 1)[1].split("?")[0]
        same = address.replace(" ", "") in words.replace(" ", "")
        return lead + (words if same else f"{words} ({address})") + tail
    if not SAFE.match(url):
        report.add(index, words, f"the link to '{url[:60]}' was left out: links can only go to web addresses")
        return text
    if words.rstrip("/") in (url.rstrip("/"), re.sub(r"^https?://", "", url).rstrip("/")):
        return lead + url + tail
    words = words.replace("[", "(").replace("]", ")")
    target = f"<{url}>" if any(c in url for c in "()<>") else url
    return f"{lead}[{words}]({target}){tail}"
