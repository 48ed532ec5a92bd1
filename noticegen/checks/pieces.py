"""What the checks read: every text of a notice as a reader meets it (placeholders expanded,
Markdown read), found by `noticegen.walk`, and where the keys are written in the source."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from noticegen import inline
from noticegen.errors import UserError
from noticegen.model import Loc, Notice, Site, Text
from noticegen.source.yaml_nodes import load_yaml
from noticegen.templating import Renderer
from noticegen.walk import walk


@dataclass(frozen=True)
class Piece:
    """One text as a reader meets it: the source Text, its id path, its role and its plain words."""

    text: Text
    path: str
    role: str  # title, summary, section-title, paragraph, heading, note, item, cell, fact, fact-title, ...
    runs: tuple[inline.Run, ...] = ()
    plain: str = ""

    @property
    def loc(self) -> Loc:
        return self.text.loc


def pieces(site: Site, notice: Notice) -> list[Piece]:
    """Every text in reading order, with placeholders expanded and Markdown read into runs."""
    renderer = Renderer(site, notice)
    out = []
    for path, role, text in walk(notice):
        if text is None or not text.value:
            continue
        runs = renderer.runs(text)
        plain = "".join("\n" if run.br else run.text for run in runs)
        out.append(Piece(text, path, role, runs, plain))
    return out


def source_keys(root: str | Path, notice: Notice) -> dict[str, Loc]:
    """Where the notice's top-level keys and its `facts:` keys are written, e.g. {'facts/rights': Loc}."""
    path = notice.loc.path
    try:
        node = load_yaml(path, (Path(root) / path).read_bytes())
    except (OSError, UserError):
        return {}
    keys: dict[str, Loc] = {}
    if not isinstance(node.value, dict):
        return keys
    for name, entry in node.value.items():
        keys[name] = entry.key_loc
        if name == "facts" and isinstance(entry.node.value, dict):
            for sub, sub_entry in entry.node.value.items():
                keys[f"facts/{sub}"] = sub_entry.key_loc
    return keys
