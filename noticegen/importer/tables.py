"""Word tables to table blocks (header row, caption, header column), and the tables that are facts.

A table whose columns are exactly "what / how long [/ from when]" is a retention schedule, and
one whose columns are exactly "who / why [/ lawful basis]" a recipients table: their rows become
retention or recipients facts, shown where the table was. A table with any other column stays
a table, so no cell is lost.
"""

from __future__ import annotations

import re

from noticegen.importer import clean
from noticegen.importer.lines import Line
from noticegen.importer.model import Block, Para, Report

EMPTY = "–"
RETENTION = {
    "what": r"\b(?:records?|information|data|documents?|what|types?|categor\w*|descriptions?|files?)\b",
    "period": r"how long|\bretention\b|\bretain|\bperiod\b|\bkept\b|\bkeep\b|\bduration\b",
    "from": r"\bfrom\b|\btrigger|\bstarts?\b|\bwhen\b|\bevent\b",
}
RECIPIENTS = {
    "who": r"\bwho\b|\brecipients?\b|\borganisations?\b|\borganizations?\b|\bpartners?\b|shared with|"
    r"third part|\bbod(?:y|ies)\b|\bagenc(?:y|ies)\b",
    "why": r"\bwhy\b|\bpurposes?\b|\breasons?\b",
    "basis": r"\b(?:lawful|legal)\b.*\bbas[ie]s\b|\bbas[ie]s\b|\bgrounds?\b",
}


def _cell(paras: list[Para]) -> tuple[str, bool]:
    """A cell's text on one line, and whether all of it is bold."""
    texts = [clean.strip_bullet(clean.tidy(clean.repair(p.text)))[0] for p in paras]
    text = clean.squash(" ".join(t.replace("\n", " ") for t in texts if t.strip()))
    return text, bool(text) and all(p.bold for p in paras if p.text.strip())


def table_block(line: Line, report: Report) -> Block:
    rows: list[list[str]] = []
    bold: list[list[bool]] = []
    for row in line.para.rows if line.para and line.para.rows else []:
        cells = [_cell(paras) for paras in row]
        rows.append([text or EMPTY for text, _ in cells])
        bold.append([strong for _, strong in cells])
    header, body = rows[0], rows[1:]
    body = [(r + [EMPTY] * len(header))[: len(header)] for r in body]
    if any(EMPTY in row for row in rows):
        report.add(line.index, " | ".join(header), "a table has empty cells: they were written as '–'")
    block = Block("table", line.index, header=header, rows=body)
    marks = bold[1:]
    block.header_column = bool(marks) and all(r[:1] == [True] and not all(r) for r in marks)
    if block.header_column:
        report.add(
            line.index, " | ".join(header), "the first cell of each row was made a row header", "change"
        )
    return block


def _columns(header: list[str], patterns: dict[str, str]) -> dict[str, int] | None:
    """Which column is which, when every column is one of `patterns` and the first two are there."""
    found: dict[str, int] = {}
    for at, text in enumerate(header):
        name = next((n for n, p in patterns.items() if n not in found and re.search(p, text, re.I)), None)
        if name is None:
            return None
        found[name] = at
    first, second = list(patterns)[:2]
    return found if first in found and second in found else None


def as_facts(block: Block) -> tuple[str, list[dict]] | None:
    """("retention" or "recipients", the facts of its rows) for a table that is one, else None."""
    columns = _columns(block.header, RETENTION)
    kind = "retention"
    if columns is None:
        columns, kind = _columns(block.header, RECIPIENTS), "recipients"
    if columns is None or not block.rows:
        return None
    facts = []
    for row in block.rows:
        fact = {name: row[at] for name, at in columns.items() if row[at] != EMPTY}
        if kind == "recipients":
            fact["text"] = fact.pop("who", EMPTY)
        elif "what" not in fact or "period" not in fact:
            fact["text"] = " – ".join(row)
        fact["_slug"] = fact.get("what") or fact.get("text") or row[0]
        facts.append(fact)
    return kind, facts


def row_ids(block: Block) -> list[str]:
    """A stable id for each row of a table, from its first cell."""
    ids = clean.Ids()
    return [ids(row[0] if row else "", "row") for row in block.rows]
