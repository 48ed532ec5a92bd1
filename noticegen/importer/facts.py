"""Map the usual privacy-notice topics to the notice's structured facts.

A list is a fact list when the paragraph just before it, the sub-heading above it or the
section's title says what it is ("The categories of information that we collect …:",
"Sharing without your knowledge", "Who will your information be shared with?"); a list of Acts
is legislation wherever it is. In the lawful-basis section, each sentence citing UK GDPR Article
6, 9 or 10 or the DPA 2018 becomes a lawful basis; in the retention section, each paragraph a
retention fact; in the rights section, a sub-heading about a right and its paragraph become a
titled right, and the items of a list of rights become rights. The body keeps `- facts: …`
where the list or paragraphs were.
"""

from __future__ import annotations

import re

from noticegen.importer import clean, lawful, tables
from noticegen.importer.model import Block, Item, Report, Section, walk

TOPICS = (
    ("rights", r"\brights?\b"),
    ("lawful_bases", r"\b(?:legal|lawful)\s+bas[ie]s|\bbasis for\b|\blegal grounds?\b"),
    ("retention", r"how long|\bretention\b|\bretain\b|\bkeep\b.*\b(?:information|data)\b.*\bfor\b"),
    ("recipients", r"\bshar\w*\b.*\bwith\b|\bwho\b.*\bshare|\brecipients?\b|\bdisclos"),
    ("sources", r"\b(?:collect|obtain|receiv|get)\w*\b.*\bfrom\b(?! you)|\bsources?\b"),
    (
        "categories",
        r"^(?!.*\b(?:why|purposes?)\b).*(?:\bcategor|\b(?:types?|kinds?) of\b.*\b(?:information|data)\b"
        r"|\bwhat\b.*\b(?:information|data)\b|\b(?:what|which)\b.*\b(?:collect|hold|process)"
        r"|\b(?:collect|hold|process|record)\w*\b.*\b(?:information|data|details)\b"
        r"|^we (?:may )?(?:collect|hold|process)\b)",
    ),
)
WITHOUT_KNOWLEDGE = re.compile(r"without\b.{0,20}\bknowledge", re.I)
SPECIAL = re.compile(
    r"ethnic|racial|\brace\b|health|medical|disabilit|\bsen\b|religio|belief|sexual|sex life|"
    r"orientation|biometric|genetic|trade union|political",
    re.I,
)
CRIMINAL = re.compile(r"offen[cd]|criminal|conviction|\bcaution", re.I)
RIGHT_KINDS = (
    ("automated-decisions", r"automat|profiling"),
    ("direct-marketing", r"marketing"),
    ("portability", r"portab"),
    ("withdraw-consent", r"withdraw"),
    ("complain", r"complain|supervisory authority"),
    ("informed", r"\binformed\b|\binforming\b"),
    ("access", r"\baccess|\bcopy\b"),
    ("rectification", r"rectif|inaccurate|\bcorrect"),
    ("erasure", r"\beras|\bdelet|forgotten"),
    ("restriction", r"restrict|\bblock"),
    ("objection", r"\bobject"),
)
SIMPLE = ("categories", "sources", "recipients", "sharing_without_knowledge")
NESTING = (*SIMPLE, "retention", "rights")  # fact lists whose items may hold sub-lists


def topic(text: str) -> str | None:
    return next((name for name, pattern in TOPICS if re.search(pattern, text, re.I)), None)


class Mapper:
    def __init__(self, report: Report) -> None:
        self.report = report
        self.facts: dict[str, list[dict]] = {}
        self.ids: dict[str, clean.Ids] = {}

    def map(self, sections: list[Section]) -> dict[str, list[dict]]:
        for section in sections:
            if not section.shared:
                section.blocks = _merge(self._section(section))
        return self.facts

    def _add(self, kind: str, fact: dict, label: str) -> str:
        ident = self.ids.setdefault(kind, clean.Ids())(fact.pop("_slug", label), "item")
        self.facts.setdefault(kind, []).append({"id": ident, **fact})
        return ident

    def _section(self, section: Section) -> list[Block]:
        title = topic(section.title)
        out: list[Block] = []
        intro, sub = "", ""
        blocks = section.blocks
        for at, block in enumerate(blocks):
            if block.kind == "heading":
                sub, intro = block.text, ""
                following = blocks[at + 1] if at + 1 < len(blocks) else None
                if (
                    title == "rights"
                    and re.search(r"\bright", block.text, re.I)
                    and following
                    and following.kind == "paragraph"
                ):
                    following.ref = "right-title:" + block.text  # taken with its paragraph below
                    continue
                out.append(block)
            elif block.kind == "table":
                out.extend(self._table(block))
            elif block.kind == "list":
                kind = self._list_kind(block, intro, sub, title)
                out.append(self._list(kind, block) if kind else block)
                if kind is None and title == "lawful_bases":
                    self.report.add(
                        block.index,
                        block.items[0].text if block.items else "",
                        "this list in the lawful-basis section was kept as a list: if it gives lawful "
                        "bases, move them to 'facts: lawful_bases:' with their references",
                    )
            elif block.kind == "paragraph":
                out.append(self._paragraph(block, title))
                intro = block.text
            else:
                out.append(block)
        return out

    def _list_kind(self, block: Block, intro: str, sub: str, title: str | None) -> str | None:
        """Which fact list a list is, from its items, its introduction, sub-heading or section."""
        texts = [i.text for i in walk(block.items)]
        if WITHOUT_KNOWLEDGE.search(intro) or WITHOUT_KNOWLEDGE.search(sub):
            return "sharing_without_knowledge"
        if sum(lawful.is_law(t) for t in texts) >= 0.6 * len(texts):
            return "legislation"
        if all(lawful.basis_refs(t) for t in texts):
            return "lawful_bases"
        if title == "lawful_bases":
            return None  # a list of conditions or purposes: a person maps it (the report says so)
        for context in (intro if intro.endswith(":") else "", sub):
            kind = topic(context) if context else None
            if kind and kind != "lawful_bases":
                return kind
        if title in SIMPLE or title == "retention":
            return title
        if title == "rights" and (not intro or re.search(r"\bright", f"{intro} {sub}", re.I)):
            return title
        kind = topic(intro) if intro else None
        return kind if kind in SIMPLE else None

    def _list(self, kind: str, block: Block) -> Block:
        if kind not in NESTING:
            items = walk(block.items)
            if len(items) > len(block.items):
                self.report.add(
                    block.index, items[0].text, f"a list with sub-items was made one list of {kind}"
                )
            return Block("facts", block.index, ref=kind, only=[self._item(kind, item) for item in items])
        only = []
        for item in block.items:
            only.append(self._item(kind, item))
            if item.children or item.more:
                self.facts[kind][-1]["_nested"] = item
        return Block("facts", block.index, ref=kind, only=only)

    def _table(self, block: Block) -> list[Block]:
        """A retention or recipients table as facts (its caption kept as a paragraph), else itself."""
        found = tables.as_facts(block)
        if found is None:
            return [block]
        kind, facts = found
        only = [self._add(kind, fact, "") for fact in facts]
        what = "a retention schedule" if kind == "retention" else "a table of who data is shared with"
        self.report.add(
            block.index,
            " | ".join(block.header),
            f"{what}: its rows were made {kind} facts, shown as a table with the notice format's own "
            "column headings: check them against the Word table's",
            "change",
        )
        caption = [Block("paragraph", block.index, text=block.caption)] if block.caption else []
        return [*caption, Block("facts", block.index, ref=kind, only=only)]

    def _item(self, kind: str, item: Item, title: str = "") -> str:
        text = item.text
        if kind == "legislation":
            fact = {"title": clean.fact_text(text)}
            if lawful.law_year(text):
                fact["year"] = lawful.law_year(text)
            return self._add(kind, fact, fact["title"])
        if kind == "lawful_bases":
            return self._basis(text, item.index)
        if kind == "rights":
            return self._right(text, title, item.index)
        fact: dict = {"text": clean.fact_text(text) if kind in SIMPLE else clean.item_text(text)}
        if kind == "categories":
            if SPECIAL.search(text):
                fact["special"] = "true"
                self.report.add(item.index, text, "marked special: true (special category data)", "guess")
            if CRIMINAL.search(text):
                fact["criminal"] = "true"
                self.report.add(item.index, text, "marked criminal: true (criminal offence data)", "guess")
        return self._add(kind, fact, fact["text"])

    def _paragraph(self, block: Block, title: str | None) -> Block:
        text = block.text
        if not text:
            return block  # a section with no text: left to write (the report says so)
        if block.ref.startswith("right-title:"):
            ident = self._right(text, block.ref.split(":", 1)[1], block.index)
            return Block("facts", block.index, ref="rights", only=[ident])
        refs = lawful.basis_refs(text)
        starts = re.match(r"(?:Article|Art\.|UK GDPR|GDPR|DPA|Data Protection Act)", text, re.I)
        if refs and (title == "lawful_bases" or starts):
            return Block("facts", block.index, ref="lawful_bases", only=[self._basis(text, block.index)])
        if title == "lawful_bases" and re.search(r"\bArt(?:icle|\.)\s*\d|\bSchedule \d", text):
            self.report.add(block.index, text, "this cites the law but no lawful basis could be read from it")
        if title == "retention" and not text.endswith(":"):
            ident = self._add("retention", {"text": text}, text)
            return Block("facts", block.index, ref="retention", only=[ident])
        return block

    def _basis(self, text: str, index: int) -> str:
        refs = lawful.basis_refs(text)
        fact: dict = {"text": clean.squash(text), "basis": refs, "_slug": lawful.basis_name(refs, text)}
        categories = self.facts.get("categories", [])
        covers = []
        if any(r.startswith("9(") for r in refs) or any(" Sch." in r or r == "10" for r in refs):
            covers += [c["id"] for c in categories if c.get("special")]
        if any(" Sch." in r or r == "10" for r in refs):
            covers += [c["id"] for c in categories if c.get("criminal") and c["id"] not in covers]
        if covers:
            fact["applies_to"] = covers
            self.report.add(
                index,
                text,
                f"applies_to: [{', '.join(covers)}] (the special or criminal categories)",
                "guess",
            )
        return self._add("lawful_bases", fact, "")

    def _right(self, text: str, title: str, index: int) -> str:
        kind = _right_kind(title) or _right_kind(text)
        fact: dict = {}
        taken = {f.get("right") for f in self.facts.get("rights", [])}
        if kind:
            fact["right"] = kind
            self.report.add(index, title or text, f"right: {kind}", "guess")
        else:
            self.report.add(
                index, title or text, "could not tell which right this is: add 'right: …' if it is one"
            )
        if title:
            fact["title"] = title
        fact["text"] = clean.item_text(text) if not title else text
        fact["_slug"] = kind if kind and kind not in taken else (title or text)
        return self._add("rights", fact, "")


def _right_kind(text: str) -> str | None:
    return next((kind for kind, pattern in RIGHT_KINDS if re.search(pattern, text, re.I)), None)


def _merge(blocks: list[Block]) -> list[Block]:
    """Facts blocks of the same list next to each other become one."""
    out: list[Block] = []
    for block in blocks:
        if block.kind == "facts" and out and out[-1].kind == "facts" and out[-1].ref == block.ref:
            out[-1].only.extend(block.only)
        else:
            out.append(block)
    return out
