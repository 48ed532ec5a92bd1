"""The Word builder: one .docx per notice and language, saying what the page says, styled by reference.docx."""

from __future__ import annotations

import io
import re

import docx
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from noticegen.builders import ooxml
from noticegen.builders.docx_glance import write_glance
from noticegen.builders.docx_parts import FACT_WORDS, Parts, lang_of
from noticegen.builders.job import Artifact, Job, interface_words, logo_png
from noticegen.i18n.fallback import isolate_runs
from noticegen.inline import Run
from noticegen.languages import direction, long_date
from noticegen.model import Block, Contact, Text
from noticegen.templating import Renderer, template_file

LOGO_BOX = (Cm(6), Cm(2))  # the largest the logo is shown, keeping its shape
UNCONFIRMED = "date not confirmed yet"  # the templates' msgid
FIELD = re.compile(r"(\{page\}|\{pages\})")


class DocxBuilder:
    name = "docx"

    def build(self, job: Job) -> list[Artifact]:
        document = docx.Document(str(template_file(job.templates, "reference.docx")))
        _Writer(document, job).write()
        document.save(buffer := io.BytesIO())
        data = ooxml.reproducible_zip(buffer.getvalue(), job.source_moment.date())
        return [Artifact(f"{job.folder}/{job.notice.id}.docx", data)]


class _Writer:
    def __init__(self, document, job: Job) -> None:
        self.doc = document
        self.job = job
        self.notice = job.notice
        self.r = Renderer(job.site, job.notice)
        self.t = interface_words(job)
        self.ltr: set = set()  # paragraphs kept left to right in a right-to-left document
        self.rtl = direction(job.lang) == "rtl"
        self.parts = Parts(self)
        self.space_next = False

    def write(self) -> None:
        body = self.doc.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        ooxml.set_default_lang(self.doc.styles.element, self.job.lang)
        self._logo()
        self._front()
        write_glance(self)
        for section in self.notice.sections:
            self.para("Heading 2", section.title, prefix=f"{section.number}. " if section.number else "")
            for block in section.blocks:
                self._block(block)
        self._contact_us()
        self._footer()
        self._properties()
        if self.rtl:
            ooxml.set_bidi(
                [p for p in self.doc.element.xpath("//w:p") if p not in self.ltr]
                + self.doc.sections[0].footer._element.xpath(".//w:p"),
                self.doc.element.xpath("//w:tbl"),
                self.doc.element.xpath("//w:sectPr"),
            )

    # Paragraphs and runs

    def para(
        self,
        style: str,
        text: Text | str | None = None,
        *,
        prefix: str = "",
        runs: tuple[Run, ...] | None = None,
    ):
        paragraph = self.doc.add_paragraph(style=style)
        if self.space_next and not style.startswith("Heading"):
            paragraph.paragraph_format.space_before = Pt(12)  # after a table, without an empty line
        self.space_next = False
        if prefix:
            self.add_runs(paragraph, (Run(prefix),))
        if text is not None or runs is not None:
            self.add_runs(
                paragraph, runs if runs is not None else self.r.runs(text), lang_of(text, self.notice.lang)
            )
        return paragraph

    def add_runs(self, paragraph, runs: tuple[Run, ...], lang: str | None = None) -> None:
        rtl = direction(lang or self.job.lang) == "rtl"
        if lang and self.rtl and not rtl and paragraph._p not in self.ltr:  # English in Arabic: isolated
            runs = isolate_runs(runs, "ltr")
        for run in runs:
            if run.br:
                paragraph._p.append(ooxml.make_run(br=True, rtl=rtl, lang=lang))
                continue
            if run.href:
                target = ooxml.hyperlink(paragraph, run.href)
                style, bold = "Hyperlink", run.strong or run.em
            else:
                target = paragraph._p
                style, bold = ("Strong" if run.strong else "Emphasis" if run.em else None), False
            target.append(ooxml.make_run(run.text, style=style, bold=bold, rtl=rtl, lang=lang))

    # The parts of the notice

    def _logo(self) -> None:
        png = logo_png(self.job)
        if png is None or self.job.site.logo is None:
            return
        shape = self.para("Logo").add_run().add_picture(str(png))
        scale = min(1.0, LOGO_BOX[0] / shape.width, LOGO_BOX[1] / shape.height)
        shape.width, shape.height = int(shape.width * scale), int(shape.height * scale)
        ooxml.set_alt_text(shape, 1, "Logo", self.r.plain(self.job.site.logo.alt))

    def _front(self) -> None:
        self.para("Heading 1", self.notice.title)
        self._banners()
        effective = (
            long_date(self.job.shown_date, self.job.lang) if self.job.shown_date else self.t(UNCONFIRMED)
        )
        meta = f"{self.t('Last updated')} {effective} · {self.t('Version')} {self.notice.version}"
        self.para("Meta", runs=(Run(meta),))
        if self.notice.summary:
            self.para("Summary", self.notice.summary)

    def _banners(self) -> None:
        """What a version says at its top (templates/html/_banners.html): drafts, coverage."""
        job = self.job
        if self.notice.status == "draft":
            draft = "Draft: this notice is not finished and has not been published."
            self.para("Note", runs=(Run(self.t(draft), strong=True),))
        if job.is_translation and job.status == "draft":
            checked, counts = (
                "This translation has not been checked yet.",
                "The English version is the one that counts.",
            )
            self.para("Note", runs=(Run(self.t(checked), strong=True), Run(" " + self.t(counts))))
            source = self.para("Note")
            self.ltr.add(source._p)
            self.add_runs(source, (Run(checked, strong=True), Run(" " + counts)), job.source_lang)
        if job.is_translation and job.coverage < 100:
            message = "Part of this notice is not translated yet and is shown in English (%(percent)s%% translated)."
            self.para("Note", runs=(Run(self.t(message, percent=int(round(job.coverage)))),))

    def _block(self, b: Block) -> None:
        if b.kind == "paragraph":
            self.para("Normal", b.text)
        elif b.kind == "heading":
            self.para("Heading 3", b.text)
        elif b.kind == "note":
            self.para("Note", b.text)
        elif b.kind in ("list", "numbered"):
            self.parts.list(b.items, "bullet" if b.kind == "list" else b.numbering or "decimal")
        elif b.kind == "table":
            self.parts.table(b.header, b.rows, b.caption, b.header_column)
        elif b.kind == "details":
            self.parts.details(b.details)
        elif b.kind == "facts":
            self._facts(b)
        elif b.kind == "contact":
            contact = self.notice.contact(self.job.site, b.ref or "")
            if contact is not None:  # validation has reported a missing one
                self._contact(contact)

    def _facts(self, b: Block) -> None:
        for kind, entries in self.r.fact_groups(b):
            if kind == "titled":
                for entry in entries:
                    if entry.title:
                        self.para("Heading 3", entry.title)
                    self.para("Normal", entry.text)
            elif kind == "table":
                words = {key: self.t(word) for key, word in FACT_WORDS.items()}
                self.parts.table(entries[0].header(words), entries[0].rows, header_column=True)
            else:
                self.parts.list(entries, "bullet")

    def _contact(self, contact: Contact) -> None:
        """One paragraph: the name in bold, then a line for each way to get in touch."""
        lines: list[tuple[Run, ...]] = []
        if contact.email:
            lines.append(self._labelled("Email", Run(contact.email, href=f"mailto:{contact.email}")))
        if contact.phone:
            href = "tel:" + contact.phone.replace(" ", "")
            lines.append(self._labelled("Telephone", Run(contact.phone, href=href)))
        if contact.url:
            label = self.r.runs(contact.url_label) if contact.url_label else (Run(contact.url),)
            lines.append(
                self._labelled("Website", *(Run(x.text, x.strong, x.em, contact.url) for x in label))
            )
        if contact.address:
            lines.append(self._labelled("Address", *self.r.runs(contact.address)))
        if not contact.name and not lines:
            return
        paragraph = self.para("Contact")
        if contact.name:
            name = tuple(Run(x.text, True, x.em, x.href, x.br) for x in self.r.runs(contact.name))
            self.add_runs(paragraph, name, lang_of(contact.name, self.notice.lang))
        for i, line in enumerate(lines):
            if i or contact.name:
                self.add_runs(paragraph, (Run("\n", br=True),))
            self.add_runs(paragraph, line)

    def _labelled(self, label: str, *value: Run) -> tuple[Run, ...]:
        return (Run(f"{self.t(label)}: "), *value)

    def _contact_us(self) -> None:
        """Who is responsible: the notice's controller(s) (or the site's organisation), its DPO."""
        self.para("Heading 2", runs=(Run(self.t("Contact us")),))
        for c in self.notice.responsible(self.job.site):
            runs = [Run(f"{self.t('Data controller:')} "), *self.r.runs(c.name)]
            if c.address:
                runs += [Run(", "), *self.r.runs(c.address)]
            tail = ". " + (
                f"{self.t('ICO registration number:')} {c.ico_registration}. " if c.ico_registration else ""
            )
            links = [
                (v, h)
                for v, h in (
                    (c.email, f"mailto:{c.email}"),
                    (c.phone, f"tel:{c.phone}"),
                    (c.website, c.website),
                )
                if v
            ]
            runs.append(Run(tail if links else tail.rstrip()))
            for n, (value, href) in enumerate(links):
                runs += [Run(" ")] if n else []
                runs.append(Run(value, href=href.replace(" ", "")))
            self.para("Normal", runs=tuple(runs))
        if self.notice.joint_arrangement:
            self.para("Normal", self.notice.joint_arrangement)
        if self.notice.processors:
            self.para("Heading 3", runs=(Run(self.t("Organisations that process data for us")),))
            for p in self.notice.processors:
                extra = (Run(": "), *self.r.runs(p.text)) if p.text else ()
                self.para("List Bullet", runs=(*self.r.runs(p.name), *extra))
        self.para("Heading 3", runs=(Run(self.t("Data protection officer")),))
        self._contact(self.notice.dpo_of(self.job.site))

    def _footer(self) -> None:
        """'Page N of M' with live PAGE and NUMPAGES fields, in the words of the document's language."""
        footer = self.doc.sections[0].footer
        footer.is_linked_to_previous = False
        for p in footer._element.xpath("./w:p | ./w:tbl"):
            footer._element.remove(p)
        paragraph = footer.add_paragraph(style="Footer")
        for piece in FIELD.split(self.t("Page %(page)s of %(pages)s", page="{page}", pages="{pages}")):
            if piece in ("{page}", "{pages}"):
                instruction = "PAGE" if piece == "{page}" else "NUMPAGES"
                for run in ooxml.field_runs(instruction, "1", rtl=self.rtl):
                    paragraph._p.append(run)
            elif piece:
                self.add_runs(paragraph, (Run(piece),))

    def _properties(self) -> None:
        """Document properties from the notice: its date, not the build's, keeps files identical."""
        props = self.doc.core_properties
        title = self.r.plain(self.notice.title)
        org = ", ".join(self.r.plain(c.name) for c in self.notice.responsible(self.job.site))
        props.title = title
        props.subject = self.r.plain(self.notice.summary) or title
        props.author = props.last_modified_by = org
        props.language = ooxml.word_lang(self.job.lang)
        props.created = props.modified = self.job.source_moment
        props.revision = 1
        props.version = self.notice.version
        props.keywords = props.comments = props.category = ""
        ooxml.replace_part_blob(self.doc, "/docProps/app.xml", ooxml.APP_XML)
