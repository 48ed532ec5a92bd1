"""The site logo is published as it is, so it is checked first: an SVG must be a plain picture
(no script, event handlers, external references, embedded HTML or DOCTYPE), a PNG must be a PNG.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from xml.parsers import expat

from noticegen.source import limits

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
FORBIDDEN_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}
OUTSIDE = re.compile(r"(?i)url\(\s*['\"]?\s*(?!#)|@import|javascript:|expression\(")
REFERENCE_ATTRIBUTES = {"href", "src"}


class _Refused(Exception):
    pass


def logo_problem(path: Path) -> str | None:
    """Why the logo cannot be published, ending with what to do; None when it is fine."""
    data = path.read_bytes()
    if len(data) > limits.LOGO_BYTES:
        return f"it is {len(data) // 1024} KiB; a logo may be at most {limits.LOGO_BYTES // 1024} KiB"
    suffix = path.suffix.lower()
    if suffix == ".svg":
        return _svg_problem(data)
    if suffix == ".png":
        return _png_problem(data)
    if suffix in (".jpg", ".jpeg", ".gif"):
        return _raster_problem(data, suffix.lstrip(".").replace("jpg", "jpeg"))
    return "a logo must be an SVG, PNG, JPEG or GIF file"


def _svg_problem(data: bytes) -> str | None:
    parser = expat.ParserCreate(namespace_separator=" ")
    in_style = []

    def start(name: str, attrs: dict[str, str]) -> None:
        local = name.rsplit(" ", 1)[-1].lower()
        if local in FORBIDDEN_ELEMENTS:
            raise _Refused(f"it has a <{local}> element (line {parser.CurrentLineNumber})")
        in_style.append(local == "style")
        for key, value in attrs.items():
            attribute = key.rsplit(" ", 1)[-1].lower()
            if attribute.startswith("on"):
                raise _Refused(f"it has an event handler '{attribute}' (line {parser.CurrentLineNumber})")
            outside = attribute in REFERENCE_ATTRIBUTES and not value.strip().startswith("#")
            if outside or OUTSIDE.search(value):
                raise _Refused(f"it refers to something outside itself (line {parser.CurrentLineNumber})")

    def text(value: str) -> None:
        if in_style and in_style[-1] and OUTSIDE.search(value):
            raise _Refused(f"its style sheet loads something from outside (line {parser.CurrentLineNumber})")

    def refuse(what: str):
        def handler(*args) -> None:
            raise _Refused(f"it has {what} (line {parser.CurrentLineNumber})")

        return handler

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda name: in_style.pop()
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = refuse("a DOCTYPE")
    parser.EntityDeclHandler = refuse("an entity declaration")
    parser.ProcessingInstructionHandler = refuse("a processing instruction")
    parser.ExternalEntityRefHandler = refuse("an external entity")
    try:
        parser.Parse(data, True)
    except _Refused as refused:
        return f"{refused}: save it again as a plain SVG picture, or use a PNG"
    except expat.ExpatError as exc:
        return f"it is not a valid SVG file ({exc}): export it again from the drawing program"
    return None


def _png_problem(data: bytes) -> str | None:
    if not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        return "it is not a PNG file (its first bytes are not a PNG's): export it again as PNG"
    return _raster_problem(data, "png")


def _raster_problem(data: bytes, kind: str) -> str | None:
    from PIL import Image  # WeasyPrint's own image library

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format is None or image.format.lower() != kind:
                return f"it is not a {kind.upper()} file but {image.format}: export it again"
            if image.width * image.height > limits.LOGO_PIXELS:
                return f"it is {image.width}×{image.height} pixels: a logo needs far fewer"
            image.verify()
    except Exception as exc:  # Pillow raises many kinds for a broken or hostile file
        return f"it cannot be read as an image ({type(exc).__name__}): export it again"
    return None
