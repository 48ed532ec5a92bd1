"""What the project's site.yaml offers an imported notice: the organisation, shared contacts
and shared blocks; a section that says exactly what a shared block says becomes that block."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from noticegen.errors import Reporter, UserError
from noticegen.grammar import expand, link_words
from noticegen.importer.model import Report, Section
from noticegen.model import Contact


@dataclass
class SiteInfo:
    org_name: str = ""
    ico_registration: str = ""
    website: str = ""
    contacts: list[Contact] = field(default_factory=list)  # the DPO first
    blocks: dict[str, tuple[str, list[tuple[str, str]]]] = field(default_factory=dict)
    source_lang: str = "en"  # the language notices are written in: the site's first

    def contact(self, ident: str) -> Contact | None:
        return next((c for c in self.contacts if c.id == ident), None)

    def expand(self, text: str, extra: list[dict] | None = None) -> str:
        """The text as a reader sees it: placeholders replaced, links reduced to their words."""
        local = {c["id"]: c for c in extra or []}

        def one(name: str, part: str) -> str:
            if name == "org":
                return {"name": self.org_name, "ico_registration": self.ico_registration}.get(
                    part, self.website
                )
            if name in local:
                return str(local[name].get(part, ""))
            contact = self.contact(name)
            if contact is None:
                return f"{{{name}.{part}}}"
            value = getattr(contact, "url_label" if part == "link" else part, None)
            return getattr(value, "value", value) or ""

        return link_words(expand(text, one))


def load_site(root: Path) -> SiteInfo:
    """Read notice_src/site.yaml of the project; its errors are the user's to fix first."""
    from noticegen.source.site import load_site

    path = root / "notice_src" / "site.yaml"
    if not path.is_file():
        raise UserError.at(
            path,
            "there is no site.yaml here: run the import in the project folder (or give --root), "
            "because the notice is checked against the site's settings",
        )
    reporter = Reporter()
    site, blocks = load_site(root, path, reporter)
    if reporter.errors or site is None:
        raise UserError(reporter.errors or "site.yaml could not be read: run 'noticegen check' to see why")
    info = SiteInfo(site.org_name.value, site.ico_registration, site.website, [site.dpo, *site.contacts])
    info.source_lang = site.default_language
    for name, (title, body) in blocks.items():
        texts = [(b.kind, b.text.value) for b in body if b.text is not None]
        info.blocks[name] = (title.value, texts)
    return info


def normal(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).rstrip(".").casefold()


def use_shared_blocks(sections: list[Section], site: SiteInfo, report: Report) -> None:
    """A section with a shared block's title and exactly its text becomes `- block: name`."""
    for section in sections:
        for name, (title, texts) in site.blocks.items():
            if normal(title) != normal(section.title):
                continue
            mine = [(b.kind, normal(site.expand(b.text))) for b in section.blocks]
            theirs = [(kind, normal(site.expand(text))) for kind, text in texts]
            if mine == theirs:
                section.shared = name
                report.add(
                    section.index,
                    section.title,
                    f"this section says what site.yaml's shared block '{name}' says: it uses that block",
                    "info",
                )
            else:
                report.add(
                    section.index,
                    section.title,
                    f"this section has the title of site.yaml's shared block '{name}' but different "
                    f"words: compare them, and use '- block: {name}' if the shared wording will do",
                )
