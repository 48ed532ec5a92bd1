"""The plain-text builder: the notice as UTF-8 text wrapped at 72 columns, to paste into an email.

The template text/notice.txt says what is shown and in which order (and holds the interface
words); `Layout` turns each piece into finished lines: wrapped, indented and underlined.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from noticegen.builders.job import Artifact, Job, job_environment
from noticegen.builders.wrap import WIDTH, display_width, longest_token, underline, wrap
from noticegen.languages import direction, long_date
from noticegen.layers import glance
from noticegen.model import Section, Text
from noticegen.templating import Renderer

GAP = "  "  # between table columns


class TextBuilder:
    name = "txt"

    def build(self, job: Job) -> list[Artifact]:
        return [Artifact(f"{job.folder}/{job.notice.id}.txt", notice_text(job).encode("utf-8"))]


def notice_text(job: Job, width: int = WIDTH) -> str:
    """The notice as plain text; with a very large `width`, one line per paragraph."""
    return tidy(render_notice_text(job, lambda r: Layout(r, width)))


def render_notice_text(job: Job, helpers: Callable[[Renderer], object]) -> str:
    """templates/text/notice.txt for a job, with `helpers(r)` as its `t`: the one place that gives
    the template its values (plain text lays lines out with Layout, braille marks them with Marks)."""
    env = job_environment(job, escape=False)
    r = Renderer(job.site, job.notice)
    return env.get_template("text/notice.txt").render(
        job=job,
        site=job.site,
        notice=job.notice,
        r=r,
        t=helpers(r),
        lang=job.lang,
        dir=direction(job.lang),
        effective=long_date(job.shown_date, job.lang) if job.shown_date else "",
        controllers=job.notice.responsible(job.site),
        dpo=job.notice.dpo_of(job.site),
        **glance.template_values(job.site, job.notice, env),
    )


def tidy(text: str) -> str:
    """No trailing spaces, never two blank lines in a row, exactly one newline at the end."""
    lines: list[str] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        line = line.rstrip()
        if line or (lines and lines[-1]):
            lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


class Layout:
    """Layout helpers for the text template; each returns finished lines joined by newlines."""

    def __init__(self, r: Renderer, width: int = WIDTH) -> None:
        self.r = r
        self.width = width

    def plain(self, value: Text | str | None) -> str:
        if value is None:
            return ""
        return self.r.plain(value) if isinstance(value, Text) else str(value)

    def para(self, value: Text | str | None, indent: str = "") -> str:
        return "\n".join(wrap(self.plain(value), self.width, indent, indent))

    def hang(self, label: Text | str, value: Text | str | None, indent: str = "") -> str:
        """`label value`, the value's further lines under its first: a field, a note."""
        label = self.plain(label)
        if not label:
            return self.para(value, indent)
        lead = f"{indent}{label} "
        rest = indent + " " * display_width(lead[len(indent) :])
        if display_width(rest) > self.width // 3:  # a long label: indent less
            rest = indent + "  "
        return "\n".join(wrap(self.plain(value), self.width, lead, rest)) or lead.rstrip()

    def title(self, value: Text | str) -> str:
        return "\n".join(underline(wrap(self.plain(value), self.width), "="))

    def heading(self, value: Text | str, number: int | None = None, char: str = "-") -> str:
        """A heading underlined with `char`; a number goes before it and hangs when it wraps."""
        prefix = f"{number}. " if number else ""
        lines = wrap(prefix + self.plain(value), self.width, "", " " * len(prefix))
        return "\n".join(underline(lines, char))

    def subheading(self, value: Text | str) -> str:
        return self.heading(value, char="~")

    def link(self, label: Text | str | None, url: str) -> str:
        """A link's text, followed by its address in brackets unless the text shows it."""
        shown = self.plain(label)
        return url if not shown or url.rstrip("/") in shown else f"{shown} ({url})"

    def items(self, entries: Iterable[Any], numbering: str | None = None, indent: str = "") -> str:
        """A bullet list, or numbered in the `numbering` style (decimal, lower-alpha…), of items
        (`.text`, `.items`, `.more`); nested lists and further paragraphs align with the text."""
        entries = list(entries)
        markers = [marker(numbering, n) for n in range(1, len(entries) + 1)]
        return self._list([(m, e.text, e) for m, e in zip(markers, entries, strict=True)], indent)

    def bullets(self, texts: Iterable[Text | str], indent: str = "") -> str:
        """A bullet list of texts (or, for one, the text alone)."""
        texts = list(texts)
        if len(texts) == 1:
            return self.para(texts[0], indent)
        return self._list([("-", text, None) for text in texts], indent)

    def contents(self, sections: Sequence[Section]) -> str:
        return self._list([(f"{s.number}.", s.title, None) for s in sections], "")

    def _list(self, rows: list[tuple[str, Text | str, Any]], indent: str) -> str:
        size = max((display_width(marker) for marker, _, _ in rows), default=1)
        lines: list[str] = []
        for mark, text, item in rows:
            lead = indent + " " * (size - display_width(mark)) + mark + " "
            rest = indent + " " * (size + 1)
            lines += wrap(self.plain(text), self.width, lead, rest) or [lead.rstrip()]
            for more in getattr(item, "more", ()):
                lines += ["", *wrap(self.plain(more), self.width, rest, rest)]
            if getattr(item, "items", ()):
                style = (item.numbering or "decimal") if getattr(item, "ordered", False) else None
                lines.append(self.items(item.items, style, rest))
        return "\n".join(lines)

    def names(self, owners: Sequence[Any]) -> str:
        return ", ".join(self.plain(owner.name) for owner in owners)

    def processors(self, processors: Sequence[Any]) -> str:
        """'- Name: what it does' for each processor."""
        rows = [
            ("-", f"{self.plain(p.name)}: {self.plain(p.text)}" if p.text else p.name, None)
            for p in processors
        ]
        return self._list(rows, "")

    def details(self, lines: Sequence[Any]) -> str:
        """Label/value lines: `Label: value`, the value's further lines under its first."""
        return "\n".join(self.hang(f"{self.plain(d.label)}:", d.value) for d in lines)

    def table(
        self, header: Sequence[Text | str], rows: Sequence[Sequence[Text | str]], caption: Text | None = None
    ) -> str:
        """Aligned columns, cells wrapped if need be; one record per row when columns can't fit.
        A caption goes above, as a line of its own."""
        if caption is not None:
            return self.para(caption) + "\n\n" + self.table(header, rows)
        count = max([len(header), *(len(row) for row in rows)])
        grid = [[self.plain(cell) for cell in row] + [""] * (count - len(row)) for row in (header, *rows)]
        widths = column_widths(grid, self.width - len(GAP) * (count - 1))
        if widths is None:
            return self._records(grid[0], grid[1:])
        cells = [[wrap(cell, width) for cell, width in zip(row, widths, strict=True)] for row in grid]
        spaced = any(len(lines) > 1 for row in cells[1:] for lines in row)
        out = _row_lines(cells[0], widths) + [GAP.join("-" * w for w in widths)]
        for n, row in enumerate(cells[1:]):
            out += ([""] if spaced and n else []) + _row_lines(row, widths)
        return "\n".join(out)

    def _records(self, header: list[str], rows: list[list[str]]) -> str:
        records = []
        for row in rows:
            fields = [
                self.hang(f"{label}:" if label else "", cell) for label, cell in zip(header, row, strict=True)
            ]
            records.append("\n".join(f for f, cell in zip(fields, row, strict=True) if cell))
        return "\n\n".join(records)


def marker(numbering: str | None, n: int) -> str:
    """A list item's marker: '-' for a bullet, else '1.', 'a.', 'A.', 'i.' or 'I.'."""
    if numbering is None:
        return "-"
    if numbering.endswith("alpha"):
        letters = ""
        while n:
            n, rest = divmod(n - 1, 26)
            letters = chr(97 + rest) + letters
        value = letters
    elif numbering.endswith("roman"):
        value = roman(n)
    else:
        value = str(n)
    return (value.upper() if numbering.startswith("upper") else value) + "."


def roman(n: int) -> str:
    out = ""
    for size, digits in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        count, n = divmod(n, size)
        out += digits * count
    return out


def column_widths(grid: list[list[str]], room: int) -> list[int] | None:
    """Column widths that fit in `room`: natural if possible, else the widest columns narrowed,
    never below their longest unbreakable token; None when even that does not fit."""
    columns = list(zip(*grid, strict=True))
    natural = [
        max((display_width(line) for cell in col for line in cell.split("\n")), default=0) for col in columns
    ]
    narrowest = [max((longest_token(cell) for cell in col), default=0) for col in columns]
    if sum(narrowest) > room:
        return None
    widths = natural[:]
    while sum(widths) > room:
        widest = max((i for i in range(len(widths)) if widths[i] > narrowest[i]), key=lambda i: widths[i])
        widths[widest] -= 1
    return widths


def _row_lines(cells: list[list[str]], widths: list[int]) -> list[str]:
    height = max((len(lines) for lines in cells), default=0)
    out = []
    for n in range(height):
        parts = []
        for lines, width in zip(cells, widths, strict=True):
            line = lines[n] if n < len(lines) else ""
            parts.append(line + " " * (width - display_width(line)))
        out.append(GAP.join(parts).rstrip())
    return out
