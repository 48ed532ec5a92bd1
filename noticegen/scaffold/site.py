"""What `noticegen new` takes from site.yaml: the DPO's contact, the ICO link and the shared blocks."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from noticegen.errors import UserError
from noticegen.source.schema import SLUG
from noticegen.source.yaml_nodes import Node, load_yaml

# The fact lists the new notice fills, so a shared block showing one of them can be used.
SCAFFOLD_FACT_LISTS = {
    "categories",
    "sources",
    "recipients",
    "lawful_bases",
    "legislation",
    "retention",
    "rights",
}
DPO_CONTACT_FIELDS = ("email", "phone", "url", "address")  # the first one site.yaml has is used


class SharedBlock(NamedTuple):
    id: str
    title: str
    text: str  # every text in the block, to see whether it already names the ICO


@dataclass
class SiteFacts:
    """What the scaffold needs from site.yaml."""

    has_address: bool = False
    has_dpo_name: bool = False
    dpo_contact: str | None = None  # the {dpo.…} field that reaches the DPO: email, phone, link…
    ico_link: str | None = None  # a placeholder for the ICO's web address, from a site contact
    blocks: list[SharedBlock] = field(default_factory=list)
    unusable_blocks: list[tuple[str, str]] = field(default_factory=list)  # (id, why not used)


def _scalar(node: Node | None) -> str | None:
    """A scalar's text, looking through `{value: …, to_confirm: …}`."""
    if node is None:
        return None
    if isinstance(node.value, dict) and "value" in node.value:
        node = node.value["value"].node
    return node.value if isinstance(node.value, str) else None


def _child(node: Node | None, key: str) -> Node | None:
    if node is None or not isinstance(node.value, dict) or key not in node.value:
        return None
    return node.value[key].node


def _items(node: Node | None) -> list[Node]:
    return node.value if node is not None and isinstance(node.value, list) else []


def _all_texts(node: Node) -> list[str]:
    if isinstance(node.value, str):
        return [node.value]
    if isinstance(node.value, list):
        return [t for child in node.value for t in _all_texts(child)]
    if isinstance(node.value, dict):
        return [t for entry in node.value.values() for t in _all_texts(entry.node)]
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
    facts.has_address = _child(_child(node, "organisation"), "address") is not None
    dpo = _child(node, "dpo")
    facts.has_dpo_name = _child(dpo, "name") is not None
    for name in DPO_CONTACT_FIELDS:
        if _child(dpo, name) is not None:
            # A labelled web address is shown as a link: {dpo.link}, not the bare {dpo.url}.
            facts.dpo_contact = "link" if name == "url" and _child(dpo, "url_label") is not None else name
            break
    for contact in _items(_child(node, "contacts")):
        ident, url = _scalar(_child(contact, "id")), _scalar(_child(contact, "url"))
        if ident and url and "ico.org.uk" in url:
            shown = "link" if _child(contact, "url_label") is not None else "url"
            facts.ico_link = f"{{{ident}.{shown}}}"
            break
    blocks = _child(node, "blocks")
    for ident, entry in blocks.value.items() if blocks and isinstance(blocks.value, dict) else []:
        if not SLUG.match(ident):
            continue  # `check` reports the bad id; the new notice cannot name the block
        shown_lists = {_scalar(_child(item, "facts")) for item in _items(_child(entry.node, "body"))}
        missing = sorted(name for name in shown_lists if name and name not in SCAFFOLD_FACT_LISTS)
        if missing:
            why = f"it shows facts the new notice does not have yet ({', '.join(missing)})"
            facts.unusable_blocks.append((ident, why))
            continue
        title = _scalar(_child(entry.node, "title")) or ident
        facts.blocks.append(SharedBlock(ident, title, "\n".join(_all_texts(entry.node))))
    return facts
