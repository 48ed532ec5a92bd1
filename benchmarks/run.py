"""How fast is noticegen? Wall-clock medians of real builds, against pandoc and WeasyPrint alone.

    .venv/bin/python benchmarks/run.py [--runs N] [--quick] [--notices N] [--growth N,N]
                                       [--only GROUP[,GROUP]] [--keep]

Not run by CI: it takes minutes and its figures depend on the machine. See benchmarks/README.md
for what each line measures and the last results.

Every timed command is a new process (a cold build: Python start-up, imports, loading, checks,
rendering, writing), timed with time.perf_counter() around the subprocess; each line is the
median of --runs runs (default 5; --quick: 3). Every build writes into a fresh --out folder
with --force, so nothing is reused, except where reuse is what is measured (the rebuilds).

The script never builds in the working tree: it copies notice_src/, templates/ and locales/
into a temporary folder and builds that copy with --root, so it does not touch dist/ or
.noticegen/, and does not wait on (or hold) the working tree's build lock. It also copies the
noticegen package once and puts the copy first on PYTHONPATH, so every process of a run uses the
same code while others edit the working tree.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import itertools
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BIN = Path(sys.executable).parent  # the venv's bin/ (not resolved: that would leave the venv)
PYTHON = str(BIN / Path(sys.executable).name)
NOTICEGEN = str(BIN / "noticegen")
SEED = "supporting-families"
SEED_LANG = "en"
GROUPS = ("full", "formats", "rebuild", "synthetic")

# pandoc finds .venv/bin/weasyprint through PATH.
ENV = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --- Running and timing ------------------------------------------------------------------


class CommandFailed(RuntimeError):
    pass


FAILURES: list[str] = []  # runs that failed once and were run again: reported under the table
NOISY: list[str] = []  # measures whose slowest run took over 1.25x its fastest
CPU: list[str] = []  # median CPU seconds of each measure: ours / the rest of the machine's
LAST_CPU = [0.0, 0.0]


def run(cmd: Sequence[str], cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run a command to completion; its output is kept, a failure raises with its stderr."""
    done = subprocess.run(list(cmd), cwd=cwd, env=ENV, capture_output=True, text=True)
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-15:]
        raise CommandFailed(f"{' '.join(map(str, cmd))} exited with {done.returncode}:\n" + "\n".join(tail))
    return done


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _machine_busy() -> float:
    """CPU seconds every process of the machine has used since boot (from /proc/stat)."""
    try:
        with open("/proc/stat", encoding="ascii") as handle:
            fields = [int(x) for x in handle.readline().split()[1:9]]
    except (OSError, ValueError):
        return 0.0
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def timed(cmd: Sequence[str], cwd: Path | None = None) -> tuple[float, subprocess.CompletedProcess]:
    """Wall-clock seconds of one run.

    Its CPU seconds (with its workers') go to LAST_CPU[0], and the CPU seconds the rest of the
    machine used meanwhile (other people's work) to LAST_CPU[1].
    """
    cpu, busy = _children_cpu(), _machine_busy()
    started = time.perf_counter()
    done = run(cmd, cwd)
    took = time.perf_counter() - started
    LAST_CPU[0] = _children_cpu() - cpu
    LAST_CPU[1] = max(0.0, _machine_busy() - busy - LAST_CPU[0])
    return took, done


@dataclasses.dataclass
class Timing:
    seconds: list[float]
    last: subprocess.CompletedProcess | None = None
    outputs: list[str] = dataclasses.field(default_factory=list)  # stdout of every timed run

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def measure(
    label: str,
    make_cmd: Callable[[int], Sequence[str]],
    runs: int,
    cwd: Path,
    warmup: bool = True,
    before: Callable[[int], None] | None = None,
    after: Callable[[int], None] | None = None,
) -> Timing:
    """Median of `runs` runs of make_cmd(i) (i = 0, 1, ...); an untimed warm-up run first.

    The warm-up (i = -1) fills the OS file cache and Python's .pyc files, so the first timed
    run is not penalised; every run is still a new process.
    """
    seconds, outputs, cpu, others = [], [], [], []
    last = None
    for i in range(-1 if warmup else 0, runs):
        if before:
            before(i)
        try:
            took, last = timed(make_cmd(i), cwd)
        except CommandFailed as exc:  # once: another process may have been busy with the same files
            FAILURES.append(f"{label}: run {i + 1} failed and was run again: {str(exc).splitlines()[-1]}")
            log(f"  {label}: run failed, running it again:\n{exc}")
            if after:
                after(i)
            if before:
                before(i)
            took, last = timed(make_cmd(i), cwd)
        if i >= 0:
            seconds.append(took)
            outputs.append(last.stdout)
            cpu.append(LAST_CPU[0])
            others.append(LAST_CPU[1])
        if after:
            after(i)
    result = Timing(seconds, last, outputs)
    CPU.append(f"{label} {statistics.median(cpu):.2f} / {statistics.median(others):.2f}")
    if len(seconds) > 1 and min(seconds) > 0 and max(seconds) / min(seconds) > 1.25:
        NOISY.append(f"{label}: {min(seconds):.3f}–{max(seconds):.3f} s")
    log(
        f"  {label}: median {result.median:.3f} s of {', '.join(f'{s:.3f}' for s in seconds)} "
        f"(CPU {statistics.median(cpu):.2f} s; other processes {statistics.median(others):.2f} s)"
    )
    return result


RENDERED = re.compile(r"(\d+) rendered")
BUILT = re.compile(r"built (\d+) files")


def rendered_counts(timing: Timing) -> list[int]:
    return [int(m.group(1)) if (m := RENDERED.search(out)) else -1 for out in timing.outputs]


# --- Peak memory -------------------------------------------------------------------------


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as handle:
                stat = handle.read()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2 :].split()
        children.setdefault(int(fields[1]), []).append(int(name))
    return children


def _status_kb(pid: int) -> tuple[int, int]:
    """VmRSS and VmHWM (the process's own high-water mark) in kB; 0 when it has gone."""
    rss = hwm = 0
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1])
                elif line.startswith("VmHWM:"):
                    hwm = int(line.split()[1])
    except OSError:
        pass
    return rss, hwm


PSS_EVERY = 10  # samples: PSS is read at one sample in ten (it costs the kernel a walk of every mapping)


def _pss_kb(pid: int) -> int:
    """The process's proportional set size in kB (each shared page divided among the processes
    sharing it, so that the sum over processes counts it once); 0 when it has gone."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class RssSampler(threading.Thread):
    """Samples VmRSS of a process and all its descendants every `interval` seconds.

    largest_kb: the largest single process (its VmHWM, so a peak between samples still
    counts); sum_kb: the largest sum of VmRSS over the tree at one sample. Forked workers
    share their parent's pages until they write to them, and RSS counts shared pages in
    every process, so the sum overstates the memory really used (it is an upper bound).
    """

    def __init__(self, pid: int, interval: float = 0.02) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.interval = interval
        self.stop = threading.Event()
        self.largest_kb = 0
        self.sum_kb = 0
        self.pss_sum_kb = 0  # the largest sum of PSS at one sample: shared pages counted once
        self.most_processes = 0
        self.samples = 0
        self.cpu_seconds = 0.0  # the sampler's own CPU time (it runs in this process, not the build's)

    def run(self) -> None:
        started = time.thread_time()
        try:
            self._sample_until_stopped()
        finally:
            self.cpu_seconds = time.thread_time() - started

    def _sample_until_stopped(self) -> None:
        while not self.stop.is_set():
            children = _children_map()
            tree, todo = [], [self.pid]
            while todo:
                pid = todo.pop()
                tree.append(pid)
                todo.extend(children.get(pid, ()))
            total = pss = 0
            with_pss = self.samples % PSS_EVERY == 0  # smaps_rollup is costly: read it less often
            for pid in tree:
                rss, hwm = _status_kb(pid)
                total += rss
                pss += _pss_kb(pid) if with_pss else 0
                self.largest_kb = max(self.largest_kb, rss, hwm)
            self.sum_kb = max(self.sum_kb, total)
            self.pss_sum_kb = max(self.pss_sum_kb, pss)
            self.most_processes = max(self.most_processes, len(tree))
            self.samples += 1
            self.stop.wait(self.interval)


def sampled_run(cmd: Sequence[str], cwd: Path, interval: float = 0.02) -> tuple[float, RssSampler, str]:
    """Wall-clock seconds of one run, its memory sampled meanwhile, and its stdout.

    Its CPU seconds go to LAST_CPU[0] and the rest of the machine's to LAST_CPU[1], as in timed()
    (the sampler's own CPU time is in the latter).
    """
    cpu, busy = _children_cpu(), _machine_busy()
    started = time.perf_counter()
    process = subprocess.Popen(
        list(cmd), cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    sampler = RssSampler(process.pid, interval)
    sampler.start()
    out, err = process.communicate()
    took = time.perf_counter() - started
    sampler.stop.set()
    sampler.join()
    LAST_CPU[0] = _children_cpu() - cpu
    LAST_CPU[1] = max(0.0, _machine_busy() - busy - LAST_CPU[0])
    if process.returncode != 0:
        raise CommandFailed(f"{' '.join(cmd)} exited with {process.returncode}:\n{err[-2000:]}")
    return took, sampler, out


# --- The seed notice as Markdown, for pandoc --------------------------------------------

MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|$~^@&])")
LINE_START = re.compile(r"^(\s*)(\d+)([.)])(\s)|^(\s*)([-+])(\s)", re.MULTILINE)


def md_escape(text: str) -> str:
    escaped = MD_SPECIAL.sub(r"\\\1", text)
    return LINE_START.sub(
        lambda m: (
            f"{m.group(1)}{m.group(2)}\\{m.group(3)}{m.group(4)}"
            if m.group(2)
            else f"{m.group(5)}\\{m.group(6)}{m.group(7)}"
        ),
        escaped,
    )


class MarkdownExporter:
    """A notice in one language as pandoc Markdown: the same words, links and structure.

    Placeholders are expanded by noticegen.templating.Renderer, the same as every builder; the
    text is taken from Renderer.runs() (the parsed inline text that Renderer.plain() joins)
    so that emphasis and links stay emphasis and links for pandoc.
    """

    def __init__(self, job) -> None:
        from noticegen.i18n.translate import interface_translations
        from noticegen.templating import Renderer

        self.job = job
        self.r = Renderer(job.site, job.notice)
        self._ = interface_translations(Path(job.root), job.lang, job.site.default_language).gettext

    def inline(self, text, indent: str = "") -> str:
        if text is None:
            return ""
        parts = []
        for run in self.r.runs(text):
            if run.br:
                parts.append("\\\n" + indent)
                continue
            body = run.text
            lead = body[: len(body) - len(body.lstrip())]
            trail = body[len(body.rstrip()) :]
            core = md_escape(body.strip())
            if core:
                if run.href:
                    core = f"[{core}]({run.href.replace(' ', '%20').replace('(', '%28').replace(')', '%29')})"
                if run.strong:
                    core = f"**{core}**"
                if run.em:
                    core = f"*{core}*"
            parts.append(lead + core + trail)
        return "".join(parts).strip()

    def items(self, items, numbered: bool = False, indent: str = "") -> list[str]:
        lines = []
        for number, item in enumerate(items, start=1):
            marker = f"{number}. " if numbered else "- "
            pad = indent + " " * len(marker)
            text = self.inline(item.text, pad)
            if getattr(item, "title", None):
                text = f"**{self.inline(item.title, pad)}**: {text}"
            lines.append(indent + marker + text)
            if item.items:
                lines.extend(self.items(item.items, numbered, indent + "    "))
        return lines

    def contact(self, contact) -> list[str]:
        _ = self._
        lines = []
        if contact.name:
            lines.append(f"**{self.inline(contact.name)}**")
        if contact.email:
            lines.append(f"{md_escape(_('Email:'))} [{md_escape(contact.email)}](mailto:{contact.email})")
        if contact.phone:
            lines.append(f"{md_escape(_('Telephone:'))} {md_escape(contact.phone)}")
        if contact.url:
            label = self.inline(contact.url_label) if contact.url_label else md_escape(contact.url)
            lines.append(f"{md_escape(_('Website:'))} [{label}]({contact.url})")
        if contact.address:
            lines.append(f"{md_escape(_('Address:'))} {self.inline(contact.address)}")
        return ["\\\n".join(lines)] if lines else []

    def block(self, b) -> list[str]:
        r = self.r
        if b.kind == "paragraph":
            return [self.inline(b.text)]
        if b.kind == "heading":
            return ["### " + self.inline(b.text).replace("\\\n", " ")]
        if b.kind == "note":
            return ["> **" + md_escape(self._("Note:")) + "** " + self.inline(b.text, "> ")]
        if b.kind in ("list", "numbered"):
            return ["\n".join(self.items(b.items, numbered=b.kind == "numbered"))]
        if b.kind == "table":

            def row(cells):
                return "| " + " | ".join(self.inline(c).replace("\\\n", " ") for c in cells) + " |"

            return ["\n".join([row(b.header), "|" + "---|" * len(b.header), *(row(c) for c in b.rows)])]
        if b.kind == "facts":
            out = []
            for kind, entries in r.fact_groups(b):
                if kind == "titled":
                    for e in entries:
                        out += ["### " + self.inline(e.title).replace("\\\n", " "), self.inline(e.text)]
                else:
                    out.append("\n".join(self.items(entries)))
            return out
        if b.kind == "contact":
            found = r.notice.contact(r.site, b.ref)
            return self.contact(found) if found else []
        return []

    def markdown(self) -> str:
        from noticegen import languages

        job, _ = self.job, self._
        notice, site = job.notice, job.site
        meta = {"title": md_escape(self.r.plain(notice.title)), "lang": job.lang}
        if languages.direction(job.lang) == "rtl":
            meta["dir"] = "rtl"
        out = [
            "\n".join(["---", *(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items()), "---"])
        ]
        out.append(self.inline(site.org_name))
        effective = languages.long_date(notice.effective, job.lang)
        out.append(
            f"{md_escape(_('Last updated:'))} {md_escape(effective)}\\\n"
            f"{md_escape(_('Version:'))} {md_escape(notice.version)}"
        )
        if notice.summary:
            out.append(self.inline(notice.summary))
        for section in notice.sections:
            out.append(f"## {section.number}. {self.inline(section.title)}")
            for b in section.blocks:
                out += self.block(b)
        out.append("## " + md_escape(_("Contact us")))
        controller = self.r.plain(site.org_name) + (", " + self.r.plain(site.address) if site.address else "")
        out.append(
            f"{md_escape(_('Data controller:'))} {md_escape(controller)}\\\n"
            f"{md_escape(_('ICO registration number:'))} {md_escape(site.ico_registration)}\\\n"
            f"{md_escape(_('Website:'))} [{md_escape(site.website)}]({site.website})"
        )
        out.append("### " + md_escape(_("Data protection officer")))
        out += self.contact(site.dpo)
        return "\n\n".join(part for part in out if part.strip()) + "\n"


def jobs_for(root: Path, notice_ids: Sequence[str] | None = None, langs: Sequence[str] | None = None):
    """(notice id, lang, Job) as the build makes them: translated once, before any builder."""
    from noticegen.pipeline import make_job
    from noticegen.source import load_project
    from noticegen.templating import templates_dir

    project, _ = load_project(root)
    all_langs = tuple(language.code for language in project.site.languages)
    for notice in project.notices:
        if notice_ids and notice.id not in notice_ids:
            continue
        for lang in langs or all_langs:
            yield notice.id, lang, make_job(project, notice, lang, templates_dir(root), all_langs)


LARGE_PRINT_CSS = "html, body { font-size: 18pt !important; }"


def pandoc_commands(md: Path, out: Path, large_print: bool = True) -> dict[str, list[str]]:
    """pandoc's versions of the files we make: page, Word, plain text, tagged PDF (and large)."""
    pdf = ["--pdf-engine=weasyprint", "--pdf-engine-opt=--pdf-variant=pdf/ua-1"]
    commands = {
        "html": ["pandoc", str(md), "-s", "-o", str(out / "out.html")],
        "docx": ["pandoc", str(md), "-o", str(out / "out.docx")],
        "txt": ["pandoc", str(md), "-t", "plain", "-o", str(out / "out.txt")],
        "pdf": ["pandoc", str(md), "-o", str(out / "out.pdf"), *pdf],
    }
    if large_print:  # -V fontsize is overridden by the template's print CSS (12pt): add our own
        commands["large-print"] = [
            "pandoc",
            str(md),
            "-o",
            str(out / "out-large-print.pdf"),
            *pdf,
            "-V",
            f"header-includes=<style>{LARGE_PRINT_CSS}</style>",
        ]
    return commands


# --- Scratch projects --------------------------------------------------------------------


def copy_project(target: Path) -> Path:
    """The sources of the working tree, without its dist/ or .noticegen/."""
    target.mkdir(parents=True)
    for name in ("notice_src", "templates", "locales"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, target / name, ignore=shutil.ignore_patterns("*.mo", "__pycache__"))
    return target


def snapshot_code(target: Path, attempts: int = 12, wait: float = 10.0) -> Path:
    """A copy of the noticegen package (and its built-in templates) that every process imports.

    Other people edit the working tree while this runs; a copy taken once keeps every line of
    the table about the same code. A copy that cannot even build its command line (caught
    mid-edit) is taken again a little later.

    The copy is byte-compiled once (compileall writes .pyc files even under
    PYTHONDONTWRITEBYTECODE, which would otherwise make every process compile every module
    again, about 0.1 s per process): an installed package has its .pyc files too.
    """
    for attempt in range(attempts):
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        shutil.copytree(
            REPO / "noticegen", target / "noticegen", ignore=shutil.ignore_patterns("__pycache__")
        )
        if (REPO / "templates").is_dir():
            shutil.copytree(REPO / "templates", target / "templates")
        subprocess.run([PYTHON, "-m", "compileall", "-q", str(target / "noticegen")], capture_output=True)
        check = subprocess.run(
            [
                PYTHON,
                "-c",
                "import noticegen.cli as c, noticegen.pipeline, noticegen.builders.pdf; c.parser()",
            ],
            env=dict(ENV, PYTHONPATH=str(target)),
            capture_output=True,
            text=True,
        )
        if check.returncode == 0:
            return target
        log(
            f"the working tree's noticegen does not import ({check.stderr.strip().splitlines()[-1:]}): "
            f"copying it again in {wait:.0f} s ({attempt + 1}/{attempts})"
        )
        time.sleep(wait)
    raise SystemExit("noticegen/ in the working tree does not import: cannot benchmark it")


def git_state() -> str:
    """The commit, and whether the copied files differ from it (read-only git commands)."""
    try:
        head = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            [
                "git",
                "-C",
                str(REPO),
                "status",
                "--porcelain",
                "--",
                "noticegen",
                "templates",
                "notice_src",
                "locales",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "not a git checkout"
    return f"commit {head}" + (
        f" plus uncommitted changes to {len(dirty.splitlines())} file(s)" if dirty else ""
    )


def synthetic_project(target: Path, count: int) -> tuple[Path, list[str], list[str], bool]:
    """`count` copies of the seed notice (ids notice-01…, their own titles) in every language of
    the shipped site.yaml.

    The seed's translations are copied to each notice's ids, so a translated copy is as
    translated as the seed. Returns the project, its notice ids, its languages, whether
    catalogs were copied.
    """
    from babel.messages.pofile import read_po, write_po
    from ruamel.yaml import YAML

    target.mkdir(parents=True)
    shutil.copytree(REPO / "templates", target / "templates")
    (target / "notice_src").mkdir()
    if (REPO / "notice_src" / "assets").is_dir():
        shutil.copytree(REPO / "notice_src" / "assets", target / "notice_src" / "assets")
    yaml = YAML()  # round trip: comments and to_confirm markers stay
    site = yaml.load((REPO / "notice_src" / "site.yaml").read_text(encoding="utf-8"))
    keep = list(site["languages"])  # the first is the site's default language (the source)
    with open(target / "notice_src" / "site.yaml", "w", encoding="utf-8") as handle:
        yaml.dump(site, handle)

    seed = (REPO / "notice_src" / f"{SEED}.yaml").read_text(encoding="utf-8")
    seed_title = re.search(r"^title: *(.+)$", seed, re.MULTILINE)
    ids = []
    for n in range(1, count + 1):
        ident = f"notice-{n:02d}"
        text = re.sub(r"^id: *.+$", f"id: {ident}", seed, count=1, flags=re.MULTILINE)
        if seed_title:
            text = text.replace(seed_title.group(0), f"{seed_title.group(0)} ({n:02d})", 1)
        (target / "notice_src" / f"{ident}.yaml").write_text(text, encoding="utf-8")
        ids.append(ident)

    copied = False
    for code in keep[1:]:
        folder = REPO / "locales" / code / "LC_MESSAGES"
        if not folder.is_dir():
            continue
        (target / "locales" / code / "LC_MESSAGES").mkdir(parents=True)
        if (folder / "interface.po").is_file():
            shutil.copy2(folder / "interface.po", target / "locales" / code / "LC_MESSAGES" / "interface.po")
        source = folder / "notices.po"
        if not source.is_file():
            continue
        with open(source, "rb") as handle:
            catalog = read_po(handle, locale=None)
        prefix = f"{SEED}/"
        seeds = [m for m in catalog if m.id and m.context and m.context.startswith(prefix)]
        for m in seeds:
            catalog.delete(m.id, context=m.context)
        for n, ident in enumerate(ids, start=1):
            for m in seeds:
                msgid, msgstr = m.id, m.string
                if m.context == f"{SEED}/title" and seed_title and msgstr:
                    msgid, msgstr = f"{msgid} ({n:02d})", f"{msgstr} ({n:02d})"
                catalog.add(
                    msgid,
                    msgstr,
                    context=ident + "/" + m.context[len(prefix) :],
                    flags=m.flags,
                    auto_comments=m.auto_comments,
                )
        with open(target / "locales" / code / "LC_MESSAGES" / "notices.po", "wb") as handle:
            write_po(handle, catalog, width=0)
        copied = True
    return target, ids, keep, copied


# --- The table ---------------------------------------------------------------------------


@dataclasses.dataclass
class Row:
    measure: str
    ours: float | None = None
    peer: float | None = None
    ratio: float | None = None
    target: str = "—"
    met: bool | None = None
    ours_text: str | None = None  # when the figure is not seconds
    peer_text: str | None = None


def secs(value: float | None) -> str:
    return "N/A" if value is None else f"{value:.3f}"


def table(rows: list[Row]) -> str:
    lines = [
        "| measure | ours (median s) | peer (median s) | ratio | target | met? |",
        "|---|---:|---:|---:|---|---|",
    ]
    for row in rows:
        ours = row.ours_text if row.ours_text is not None else secs(row.ours)
        peer = (
            row.peer_text if row.peer_text is not None else (secs(row.peer) if row.peer is not None else "—")
        )
        ratio = "—" if row.ratio is None else f"{row.ratio:.2f}x"
        met = "—" if row.target == "—" else ("N/A" if row.met is None else ("yes" if row.met else "**no**"))
        lines.append(f"| {row.measure} | {ours} | {peer} | {ratio} | {row.target} | {met} |")
    return "\n".join(lines)


def ratio_row(
    measure: str, ours: float | None, peer: float | None, limit: float | None, target: str = "—"
) -> Row:
    ratio = ours / peer if ours is not None and peer else None
    met = None if ratio is None or limit is None else ratio <= limit
    return Row(measure, ours, peer, ratio, target if limit is not None else "—", met)


def pdf_pages(path: Path) -> int | None:
    try:
        import pikepdf

        with pikepdf.open(path) as pdf:
            return len(pdf.pages)
    except ImportError:
        pass
    except Exception:
        return None
    if shutil.which("pdfinfo"):
        done = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True)
        found = re.search(r"^Pages:\s+(\d+)", done.stdout, re.MULTILINE)
        return int(found.group(1)) if found else None
    return None


# --- What a build wrote ------------------------------------------------------------------

WEASYPRINT_TASKS = ("pdf-standard", "pdf-large-print", "leaflet")  # the tasks WeasyPrint lays out


def task_inputs(root: Path) -> dict[str, str]:
    """Each build task's input hash, from the project's manifests (.noticegen/manifest-*.json)."""
    found: dict[str, str] = {}
    for path in sorted((root / ".noticegen").glob("manifest-*.json")):
        try:
            entries = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        found.update({k: str(v.get("inputs")) for k, v in entries.items() if isinstance(v, dict)})
    return found


def pdf_files(folder: Path) -> dict:
    """The PDF files under a folder: how many, how many (and which versions) under v/<version>/,
    and how many distinct contents."""
    files = sorted(folder.rglob("*.pdf")) if folder.is_dir() else []
    parts = [f.relative_to(folder).parts for f in files]
    past = [p[1] for p in parts if len(p) > 2 and p[0] == "v"]
    return {
        "count": len(files),
        "past": len(past),
        "versions": sorted(set(past)),
        "distinct": len({hashlib.sha256(f.read_bytes()).hexdigest() for f in files}),
    }


def floor_pages(listing: list[dict], ours: Path, floor: Path) -> str:
    """Whether WeasyPrint alone gave each document as many pages as our build did."""
    same, differ = [], []
    for item in listing:
        name = f"{item['lang']} {item['edition']}"
        a, b = pdf_pages(ours / item["path"]), pdf_pages(floor / item["path"])
        if a is not None and a == b:
            same.append(f"{name} {a}")
        else:
            differ.append(f"{name}: ours {a}, floor {b}")
    if differ:
        return "edit floor: page counts **differ** from ours (None: not read): " + "; ".join(differ)
    return (
        f"edit floor: every floor PDF has the same page count as ours ({len(same)} documents, "
        f"pages: {', '.join(same)})"
    )


@dataclasses.dataclass
class GrowthPoint:
    """One cold -j 2 build of the synthetic site of one size, its memory sampled."""

    notices: int
    langs: int
    wall: float
    cpu: float
    files: int
    sum_mb: float
    largest_mb: float
    processes: int
    sampler_cpu: float

    @property
    def pairs(self) -> int:  # notice-languages
        return self.notices * self.langs


GROWTH_INTERVAL = 0.1  # seconds between memory samples in the timed growth builds


def growth_table(points: list[GrowthPoint]) -> str:
    lines = [
        "| synthetic site, cold, -j 2, one run | files | wall s | CPU s | wall s per file "
        "| wall s per notice-language | CPU s per notice-language | peak RSS, sum | largest process "
        "| processes at most |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for p in points:
        per_file = f"{p.wall / p.files:.4f}" if p.files else "?"
        lines.append(
            f"| {p.notices} notices x {p.langs} languages | {p.files} | {p.wall:.1f} | {p.cpu:.1f} "
            f"| {per_file} | {p.wall / p.pairs:.3f} | {p.cpu / p.pairs:.3f} | {p.sum_mb:.0f} MB "
            f"| {p.largest_mb:.0f} MB | {p.processes} |"
        )
    return "\n".join(lines)


def growth_rows(a: GrowthPoint, b: GrowthPoint) -> list[Row]:
    """How time and memory grew from one size to the next, beside how the notices grew."""
    notices = b.notices / a.notices
    grown = f"{a.notices} → {b.notices} notices ({notices:.2f}x the notices)"

    def times(x: float, y: float, linear: bool = True) -> str:
        ratio = f"{y / x:.2f}x" if x else "N/A"
        return f"{ratio} (linear: {notices:.2f}x)" if linear else ratio

    return [
        Row(f"6. Growth {grown}: wall time", ours_text=times(a.wall, b.wall)),
        Row(f"6. Growth {grown}: CPU time", ours_text=times(a.cpu, b.cpu)),
        Row(f"7. Growth {grown}: peak RSS, sum", ours_text=times(a.sum_mb, b.sum_mb, False)),
        Row(
            f"7. Growth {grown}: peak RSS, largest process",
            ours_text=times(a.largest_mb, b.largest_mb, False),
        ),
    ]


# --- The measures ------------------------------------------------------------------------


class Benchmark:
    def __init__(self, scratch: Path, runs: int, synthetic_count: int, growth: Sequence[int] = ()) -> None:
        self.scratch = scratch
        self.runs = runs
        self.synthetic_count = synthetic_count
        self.growth = list(growth)  # synthetic sizes to build once each (--growth)
        self.rows: list[Row] = []
        self.notes: list[str] = []
        self.tables: list[str] = []  # more tables, printed under the main one
        self._counter = 0
        self.project = copy_project(scratch / "project")

    def fresh(self, name: str) -> Path:
        """A new output folder path (not created: the build makes it)."""
        self._counter += 1
        return self.scratch / "out" / f"{name}-{self._counter}"

    def clean(self, path: Path) -> None:
        shutil.rmtree(path, ignore_errors=True)

    def build_cmd(self, out: Path, *extra: str, root: Path | None = None) -> list[str]:
        # --debug only changes what a failure prints: a traceback instead of one line
        return [NOTICEGEN, "--debug", "build", "--root", str(root or self.project), "--out", str(out), *extra]

    def cold(
        self,
        label: str,
        extra: Sequence[str],
        root: Path | None = None,
        runs: int | None = None,
        warmup: bool = True,
        inspect: Callable[[Path], None] | None = None,
        before: Callable[[int], None] | None = None,
    ) -> Timing:
        """A cold build: a new process, --force, a fresh --out folder every run.

        `inspect` is given each timed run's output folder before the folder is removed.
        """
        outs: dict[int, Path] = {}

        def cmd(i: int) -> list[str]:
            outs[i] = self.fresh("cold")
            return self.build_cmd(outs[i], "--force", *extra, root=root)

        def after(i: int) -> None:
            if inspect and i >= 0 and outs[i].is_dir():
                inspect(outs[i])
            self.clean(outs[i])

        return measure(label, cmd, runs or self.runs, self.scratch, warmup=warmup, before=before, after=after)

    # 1 ---------------------------------------------------------------------------------
    def full(self) -> None:
        from noticegen.pipeline.tasks import default_workers
        from noticegen.source import load_project

        project, _ = load_project(self.project)
        n, langs = len(project.notices), len(project.site.languages)
        log(f"1. full cold build of the shipped notices ({n} notice(s) x {langs} language(s))")
        timing = self.cold("full build", [])
        files = BUILT.search(timing.last.stdout).group(1) if timing.last else "?"
        self.rows.append(
            Row(
                f"1. Full cold build, shipped notices ({n} notice x {langs} languages, "
                f"all formats, {files} files, -j default = {default_workers()})",
                timing.median,
            )
        )

    # 2, 3, 4 ----------------------------------------------------------------------------
    def formats(self) -> None:
        ours = self.our_formats()
        peer = self.pandoc_seed()
        floor = self.seed_floor()
        log("3. floor of the one-process build: WeasyPrint alone laying out the same PDFs")
        pdf_floor, laid, _, workers = self.layout_floor(
            "one-notice-floor", self.project, ["--lang", SEED_LANG, "--no-leaflet", "--releases"]
        )
        ours_four = ours["html"] + ours["standard"] + ours["docx"] + ours["txt"]
        peer_four = sum(peer[f] for f in ("html", "pdf", "docx", "txt"))
        w = f"{SEED}/{SEED_LANG}"
        one = f"{w}: html, pdf, docx, txt in one process, both PDF editions"
        self.rows += [
            ratio_row(
                f"2. {w}: HTML page (noticegen build --format html -j 1) / pandoc -s html",
                ours["html"],
                peer["html"],
                None,
            ),
            ratio_row(
                f"2. {w}: standard PDF (one_pdf.py, one edition) / pandoc → WeasyPrint PDF/UA-1",
                ours["standard"],
                peer["pdf"],
                None,
            ),
            ratio_row(
                f"2. {w}: large-print PDF (one_pdf.py, one edition) / pandoc PDF with 18 pt body",
                ours["large-print"],
                peer["large-print"],
                None,
            ),
            ratio_row(f"2. {w}: DOCX (--format docx -j 1) / pandoc docx", ours["docx"], peer["docx"], None),
            ratio_row(f"2. {w}: text (--format txt -j 1) / pandoc -t plain", ours["txt"], peer["txt"], None),
            ratio_row(
                f"3. {w}: sum of the four separate processes (HTML, standard PDF, DOCX, text) / pandoc's four",
                ours_four,
                peer_four,
                None,
            ),
            Row(f"2. {one} (-j 1)", ours["one -j 1"]),
            ratio_row(f"3. {one} (-j 2) / pandoc's four", ours["one -j 2"], peer_four, 1.3, "≤ 1.3x"),
            ratio_row(
                f"3. {one} (-j 2) / WeasyPrint alone laying out the same {len(laid)} PDFs (current and "
                f"released editions), {workers} processes (floor)",
                ours["one -j 2"],
                pdf_floor.median,
                None,
            ),
            ratio_row(
                f"3. {one} (-j 2), the first build after a clone (no .noticegen/) / pandoc's four",
                ours["one -j 2, first"],
                peer_four,
                None,
            ),
            ratio_row(
                f"4. {w}: standard PDF / WeasyPrint alone on our print HTML (floor)",
                ours["standard"],
                floor,
                1.15,
                "≤ 1.15x",
            ),
        ]

    def our_formats(self) -> dict[str, float]:
        """Each format in its own process; then html, pdf, docx and txt in one process."""
        log(f"2. {SEED}/{SEED_LANG}, one format per process, cold")
        one = ["--notice", SEED, "--lang", SEED_LANG]
        ours: dict[str, float] = {}
        for fmt in ("html", "docx", "txt"):
            ours[fmt] = self.cold(fmt, [*one, "--format", fmt, "-j", "1"]).median
        for edition in ("standard", "large-print"):
            ours[edition] = self.one_pdf(edition)
        log(f"2. {SEED}/{SEED_LANG}, html, pdf, docx and txt in one process, cold")
        four = [*one, "--format", "html,pdf,docx,txt"]
        ours["one -j 1"] = self.cold("html+pdf+docx+txt, one process, -j 1", [*four, "-j", "1"]).median
        seen: dict = {}
        timing = self.cold(
            "html+pdf+docx+txt, one process, -j 2",
            [*four, "-j", "2"],
            inspect=lambda out: seen.update(pdf_files(out / SEED / SEED_LANG)),
        )
        ours["one -j 2"] = timing.median
        self.notes.append(one_process_note(seen, rendered_counts(timing)))
        # The same with no .noticegen/ (the first build after a clone): no compiled templates,
        # no timings of an earlier build to order the tasks by.
        ours["one -j 2, first"] = self.cold(
            "html+pdf+docx+txt, one process, -j 2, no .noticegen/",
            [*four, "-j", "2"],
            before=lambda i: shutil.rmtree(self.project / ".noticegen", ignore_errors=True),
        ).median
        return ours

    def one_pdf(self, edition: str) -> float:
        """One PDF edition in its own process (one_pdf.py); its pages go under the table."""
        pdfs: dict[int, Path] = {}

        def cmd(i: int) -> list[str]:
            pdfs[i] = self.scratch / "out" / f"one-{edition}-{i}.pdf"
            return [
                PYTHON,
                str(HERE / "one_pdf.py"),
                str(self.project),
                SEED,
                SEED_LANG,
                edition,
                str(pdfs[i]),
            ]

        timing = measure(f"pdf {edition} (one_pdf.py)", cmd, self.runs, self.scratch)
        pages = pdf_pages(pdfs[self.runs - 1])
        if pages:
            self.notes.append(
                f"{edition} PDF of {SEED}/{SEED_LANG}: {pages} pages, "
                f"{timing.median / pages:.3f} s per page (whole process)"
            )
        return timing.median

    def pandoc_seed(self) -> dict[str, float]:
        log("3. pandoc on the same content")
        md_dir = self.scratch / "pandoc-seed"
        md_dir.mkdir()
        job = next(job for _, _, job in jobs_for(self.project, [SEED], [SEED_LANG]))
        md = md_dir / "in.md"
        md.write_text(MarkdownExporter(job).markdown(), encoding="utf-8")
        peer: dict[str, float] = {}
        for fmt, command in pandoc_commands(md, md_dir).items():
            peer[fmt] = measure(f"pandoc {fmt}", lambda i, c=command: c, self.runs, md_dir).median
        pandoc_pages = pdf_pages(md_dir / "out.pdf")
        if pandoc_pages:
            self.notes.append(
                f"pandoc's PDF of the same Markdown: {pandoc_pages} pages "
                f"(its default HTML style, not our print layout)"
            )
        return peer

    def seed_floor(self) -> float:
        log("4. WeasyPrint alone on our standard print HTML")
        html_file = self.scratch / "print-standard.html"
        dump = [PYTHON, str(HERE / "one_pdf.py"), "--dump-html", str(self.project), SEED, SEED_LANG]
        base_url = run([*dump, str(html_file)], self.scratch).stdout.strip()
        floor_pdf = self.scratch / "out" / "floor.pdf"
        code = (
            f"import weasyprint; weasyprint.HTML(filename={str(html_file)!r}, base_url={base_url!r})"
            f".write_pdf({str(floor_pdf)!r}, pdf_variant='pdf/ua-1')"
        )
        return measure("weasyprint alone", lambda i: [PYTHON, "-c", code], self.runs, self.scratch).median

    # 5 ---------------------------------------------------------------------------------
    def rebuild(self) -> None:
        self.noop_rebuild()
        edited = self.edit_rebuild()
        if edited:
            self.edit_floor(*edited)

    def noop_rebuild(self) -> None:
        log("5. no-op rebuild")
        out = self.fresh("noop")
        run(self.build_cmd(out), self.scratch)  # the build whose outputs are reused
        noop = measure("no-op rebuild", lambda i: self.build_cmd(out), self.runs, self.scratch)
        counts = rendered_counts(noop)
        self.rows.append(
            Row(
                f"5. No-op rebuild, shipped notices (rendered per run: {counts})",
                noop.median,
                target="< 0.3 s",
                met=noop.median < 0.3 and set(counts) == {0},
            )
        )
        sphinx = self.sphinx_noop()
        self.rows.append(
            ratio_row(
                "5. No-op rebuild / Sphinx's no-op rebuild of the same content",
                noop.median,
                sphinx,
                0.4,
                "≤ 0.4x",
            )
        )

    def edit_rebuild(self) -> tuple[Path, Path, float, list[int]] | None:
        """The rebuild after editing one paragraph; the project copy, its output folder, the
        median, and how many WeasyPrint layouts each run made (from the manifest's changes)."""
        log("5. rebuild after editing one paragraph")
        edit_root = copy_project(self.scratch / "project-edit")
        source = edit_root / "notice_src" / f"{SEED}.yaml"
        original = source.read_text(encoding="utf-8")
        found = re.search(r"^(\s+paragraph: )([A-Za-z][^\n'\"|>{}#:]*)$", original, re.MULTILINE)
        if not found:
            self.rows.append(Row("5. Rebuild after editing one paragraph", ours_text="N/A"))
            self.notes.append("edit rebuild: no plain one-line paragraph found in the seed to edit")
            return None
        edited = original.replace(
            found.group(0), found.group(0) + " This sentence was added by the benchmark.", 1
        )
        out = self.fresh("edit")
        run(self.build_cmd(out, root=edit_root), self.scratch)  # with the original text
        before: dict[str, str] = {}
        layouts: dict[int, int] = {}

        def edit(i: int) -> None:  # alternate the two texts, the warm-up (i = -1) edited first
            source.write_text(edited if i % 2 else original, encoding="utf-8")
            before.clear()
            before.update(task_inputs(edit_root))

        def count_layouts(i: int) -> None:  # the WeasyPrint tasks whose inputs this run changed
            changed = [k for k, v in task_inputs(edit_root).items() if before.get(k) != v]
            layouts[i] = sum(1 for k in changed if k.rsplit("/", 1)[-1] in WEASYPRINT_TASKS)

        timing = measure(
            "edit rebuild",
            lambda i: self.build_cmd(out, root=edit_root),
            self.runs,
            self.scratch,
            before=edit,
            after=count_layouts,
        )
        counts = rendered_counts(timing)
        per_run = [layouts.get(i, -1) for i in range(self.runs)]
        self.rows.append(
            Row(
                f"5. Rebuild after editing one paragraph of {SEED} (rendered per run: {counts}; "
                f"WeasyPrint layouts among them: {per_run})",
                timing.median,
            )
        )
        return edit_root, out, timing.median, per_run

    def edit_floor(self, root: Path, built: Path, ours: float, layouts: list[int]) -> None:
        """WeasyPrint alone laying out the documents whose text the edit changed (the edited
        notice's standard and large-print PDFs and A5 leaflet in every language), in a pool of as
        many processes as our build's default workers. The print HTML refers to files of the
        project copy (logo, fonts, CSS), which stays in place."""
        log("5. floor of the edit: WeasyPrint alone laying out the edited notice's documents")
        timing, listing, last, workers = self.layout_floor("edit-floor", root, [])
        n = len(listing)
        self.notes.append(floor_pages(listing, built, last))
        langs = ", ".join(dict.fromkeys(item["lang"] for item in listing))
        same = set(layouts) == {n}
        self.notes.append(
            f"edit floor: the {n} documents are the standard and large-print PDFs and the A5 leaflet of "
            f"{SEED} in each of its languages ({langs}); "
            + (
                "the edit rebuild laid out as many in every run"
                if same
                else f"**the edit rebuild laid out {layouts}**"
            )
            + "; the floor uses WeasyPrint's default URL fetcher, and our leaflet task also imposes "
            "the A5 pages two-up on A4, which the floor does not"
        )
        self.rows.append(
            ratio_row(
                f"5. Rebuild after editing one paragraph / WeasyPrint alone laying out the {n} documents "
                f"whose text changed, {workers} processes (floor)",
                ours,
                timing.median,
                1.2,
                "≤ 1.2x",
            )
        )

    def layout_floor(self, name: str, root: Path, options: list[str]) -> tuple[Timing, list, Path, int]:
        """WeasyPrint alone (weasyprint_floor.py, a new process each run) laying out the print HTML
        `one_pdf.py --dump-all ROOT SEED FOLDER *options` writes, in a pool of as many processes as
        our build's default workers: (timing, the documents, the last run's folder, workers)."""
        from noticegen.pipeline.tasks import default_workers

        folder = self.scratch / name
        folder.mkdir()
        dumped = run([PYTHON, str(HERE / "one_pdf.py"), "--dump-all", str(root), SEED, str(folder), *options])
        listing = json.loads(dumped.stdout)
        (folder / "documents.json").write_text(dumped.stdout, encoding="utf-8")
        workers = default_workers()
        outs: dict[int, Path] = {}

        def cmd(i: int) -> list[str]:
            outs[i] = self.fresh(name)
            floor = [PYTHON, str(HERE / "weasyprint_floor.py"), str(folder / "documents.json")]
            return [*floor, str(outs[i]), str(workers)]

        def after(i: int) -> None:  # the last run's PDFs are kept, for their page counts
            if i < self.runs - 1:
                self.clean(outs[i])

        timing = measure(f"weasyprint floor ({name})", cmd, self.runs, self.scratch, after=after)
        return timing, listing, outs[self.runs - 1], workers

    def sphinx_noop(self) -> float | None:
        """Sphinx's no-op rebuild of the same notices and languages (one reST page each, from the same
        Markdown pandoc gets); None, with a note, when Sphinx or pandoc is not installed."""
        import importlib.util

        if importlib.util.find_spec("sphinx") is None or not shutil.which("pandoc"):
            self.notes.append("Sphinx peer: N/A (needs 'pip install sphinx' in the venv, and pandoc)")
            return None
        log("5. Sphinx's no-op rebuild of the same content")
        src = self.scratch / "sphinx-src"
        src.mkdir(parents=True, exist_ok=True)
        (src / "conf.py").write_text('project = "Privacy notices"\nextensions = []\n', encoding="utf-8")
        pages = []
        for notice_id, lang, job in jobs_for(self.project):
            name = f"{notice_id}-{lang}"
            md = src / f"{name}.md"
            md.write_text(MarkdownExporter(job).markdown(), encoding="utf-8")
            run(["pandoc", str(md), "-f", "markdown", "-t", "rst", "-s", "-o", str(src / f"{name}.rst")])
            md.unlink()
            pages.append(name)
        index = "Privacy notices\n===============\n\n.. toctree::\n\n" + "".join(f"   {p}\n" for p in pages)
        (src / "index.rst").write_text(index, encoding="utf-8")
        out = self.scratch / "sphinx-out"
        cmd = [PYTHON, "-m", "sphinx", "-b", "html", "-q", str(src), str(out)]
        run(cmd, self.scratch)  # the build whose outputs are reused
        return measure("Sphinx no-op rebuild", lambda i: cmd, self.runs, self.scratch).median

    # 6, 7 ------------------------------------------------------------------------------
    def synthetic(self) -> None:
        """With --growth: the site at each size, once each; otherwise -j 1 / -j 2 and pandoc."""
        if self.growth:
            self.synthetic_growth()
        else:
            self.synthetic_peers()

    def synthetic_site(self, count: int, sizes: str = "") -> tuple[Path, list[str]]:
        """The synthetic project of `count` notices; a note says what it is, once."""
        root, _, langs, copied = synthetic_project(self.scratch / f"synthetic-{count}", count)
        if not sizes or count == self.growth[0]:
            self.notes.append(
                f"synthetic site: {sizes or count} copies of {SEED} in {', '.join(langs)}; "
                + (
                    "the seed's translations copied to each copy's ids"
                    if copied
                    else "no catalogs: the other languages fall back to English"
                )
            )
        return root, langs

    def synthetic_peers(self) -> None:
        count = self.synthetic_count
        root, langs = self.synthetic_site(count)
        where = f"{count} notices x {len(langs)} languages"
        log(f"6. synthetic site: {where}")

        # The memory run (untimed, also the warm-up): 2 workers, the process tree sampled.
        log("7. peak memory of a -j 2 build (sampled every 20 ms)")
        out = self.fresh("synthetic-mem")
        took, sampler, _ = sampled_run(self.build_cmd(out, "--force", "-j", "2", root=root), self.scratch)
        self.clean(out)
        log(
            f"  sampled run took {took:.1f} s, {sampler.samples} samples, "
            f"up to {sampler.most_processes} processes"
        )
        self.notes.append(
            f"the memory-sampled -j 2 build of the synthetic site (untimed, its first build) took {took:.1f} s"
        )

        j1 = self.cold("synthetic -j 1", ["-j", "1"], root=root, warmup=False)
        j2 = self.cold("synthetic -j 2", ["-j", "2"], root=root, warmup=False)
        files = BUILT.search(j2.last.stdout).group(1) if j2.last else "?"
        pandoc_seconds = self.pandoc_synthetic(root, count, files)

        speedup = j1.median / j2.median
        self.rows += [
            Row(f"6. Synthetic site ({where}, {files} files), cold, -j 1", j1.median),
            Row(f"6. Synthetic site ({where}), cold, -j 2", j2.median),
            Row(
                "6. Synthetic site: speed-up -j 1 / -j 2",
                ours_text=f"{speedup:.2f}x",
                target="≥ 1.7x",
                met=speedup >= 1.7,
            ),
            Row(
                "6. Synthetic site, -j 1 / pandoc one process per file (pandoc timed once)",
                j1.median,
                pandoc_seconds,
                j1.median / pandoc_seconds,
            ),
            ratio_row(
                "6. Synthetic site, -j 2 / pandoc one process per file (pandoc timed once)",
                j2.median,
                pandoc_seconds,
                0.4,
                "≤ 0.4x",
            ),
            *memory_rows(sampler, "-j 2 synthetic build"),
        ]

    def pandoc_synthetic(self, root: Path, count: int, files: str) -> float:
        """pandoc making the synthetic site's documents, one process per file, once (long)."""
        log("6. pandoc, one process per file, once (long)")
        peer_dir = self.scratch / f"pandoc-synthetic-{count}"
        commands = []
        for notice_id, lang, job in jobs_for(root):
            folder = peer_dir / notice_id / lang
            folder.mkdir(parents=True)
            md = folder / "in.md"
            md.write_text(MarkdownExporter(job).markdown(), encoding="utf-8")
            commands += list(pandoc_commands(md, folder).values())
        cpu, busy = _children_cpu(), _machine_busy()
        started = time.perf_counter()
        for command in commands:
            run(command, peer_dir)
        pandoc_seconds = time.perf_counter() - started
        cpu = _children_cpu() - cpu
        CPU.append(f"pandoc synthetic (once) {cpu:.2f} / {max(0.0, _machine_busy() - busy - cpu):.2f}")
        log(f"  pandoc: {len(commands)} processes in {pandoc_seconds:.1f} s")
        self.notes.append(
            f"synthetic pandoc: {len(commands)} files (page, DOCX, text, PDF, large-print PDF "
            f"for each notice and language), one process per file, one after another, "
            f"timed once: {pandoc_seconds:.1f} s; our build also makes {files} files in all "
            f"(fragments, index pages, assets, SHA256SUMS)"
        )
        return pandoc_seconds

    def synthetic_growth(self) -> None:
        """The synthetic site at each --growth size: one cold -j 2 build each (they are long),
        its memory sampled during that same build; then how time and memory grew."""
        log("6. synthetic growth: an untimed 1-notice build first (file cache, the code's .pyc files)")
        warm, _, _, _ = synthetic_project(self.scratch / "synthetic-warm-up", 1)
        out = self.fresh("growth-warm-up")
        run(self.build_cmd(out, "--force", "-j", "2", root=warm), self.scratch)
        self.clean(out)
        self.clean(warm)
        points = [self.growth_point(count) for count in self.growth]
        for p in points:
            where = f"{p.notices} notices x {p.langs} languages"
            self.rows.append(
                Row(f"6. Synthetic site ({where}, {p.files} files), cold, -j 2, one run", p.wall)
            )
            self.rows += memory_rows_mb(p.largest_mb, p.sum_mb, p.processes, where)
        for a, b in itertools.pairwise(points):
            self.rows += growth_rows(a, b)
        self.tables.append(growth_table(points))
        self.notes.append(
            f"synthetic growth: one timed run per size (each takes minutes), cold, -j 2, after an untimed "
            f"1-notice build; memory sampled every {GROWTH_INTERVAL} s during that same timed run (the "
            f"sampler used {', '.join(f'{p.sampler_cpu:.1f}' for p in points)} CPU s, counted with the "
            f"rest of the machine); cost per file = wall time / files written (all of them: fragments, "
            f"index pages, search index, SHA256SUMS)"
        )

    def growth_point(self, count: int) -> GrowthPoint:
        root, langs = self.synthetic_site(count, " or ".join(map(str, self.growth)))
        label = f"synthetic {count} x {len(langs)} -j 2 (one run)"
        log(f"6. synthetic site, {count} notices x {len(langs)} languages, cold, -j 2, one timed run")
        out = self.fresh("growth")
        cmd = self.build_cmd(out, "--force", "-j", "2", root=root)
        try:
            took, sampler, stdout = sampled_run(cmd, self.scratch, GROWTH_INTERVAL)
        except CommandFailed as exc:  # once, as measure() does
            FAILURES.append(f"{label}: failed and was run again: {str(exc).splitlines()[-1]}")
            log(f"  {label}: failed, running it again:\n{exc}")
            self.clean(out)
            took, sampler, stdout = sampled_run(cmd, self.scratch, GROWTH_INTERVAL)
        CPU.append(f"{label} {LAST_CPU[0]:.2f} / {LAST_CPU[1]:.2f}")
        found = BUILT.search(stdout)
        point = GrowthPoint(
            count,
            len(langs),
            took,
            LAST_CPU[0],
            int(found.group(1)) if found else 0,
            sampler.sum_kb / 1024,
            sampler.largest_kb / 1024,
            sampler.most_processes,
            sampler.cpu_seconds,
        )
        log(
            f"  {took:.1f} s (CPU {point.cpu:.1f} s), {point.files} files, peak RSS sum {point.sum_mb:.0f} MB, "
            f"largest {point.largest_mb:.0f} MB, up to {point.processes} processes"
        )
        self.notes.append(
            f"{count} notices x {len(langs)} languages: peak sum of PSS (shared pages counted once) "
            f"{sampler.pss_sum_kb / 1024:.0f} MB, against {point.sum_mb:.0f} MB of RSS summed"
        )
        self.clean(out)
        shutil.rmtree(root, ignore_errors=True)
        return point


def memory_rows(sampler: RssSampler, what: str) -> list[Row]:
    return memory_rows_mb(sampler.largest_kb / 1024, sampler.sum_kb / 1024, sampler.most_processes, what)


def memory_rows_mb(largest: float, total: float, processes: int, what: str) -> list[Row]:
    """Peak memory with its targets: the largest single process, the sum over the build's processes."""
    return [
        Row(
            f"7. Peak RSS, largest single process ({what})",
            ours_text=f"{largest:.0f} MB",
            target="< 400 MB",
            met=largest < 400,
        ),
        Row(
            f"7. Peak RSS, sum over the build's processes ({what}, {processes} at most)",
            ours_text=f"{total:.0f} MB",
            target="< 800 MB",
            met=total < 800,
        ),
    ]


def one_process_note(seen: dict, counts: list[int]) -> str:
    """How many PDFs the one-process build of the seed laid out (its release's too)."""
    where = f"{SEED}/{SEED_LANG}/"
    if not seen:
        return "one-process build (--format html,pdf,docx,txt -j 2): no output folder to count PDFs in"
    n, past, distinct = seen["count"], seen["past"], seen["distinct"]
    releases = ", ".join(f"v/{v}/" for v in seen["versions"]) or "no release"
    text = (
        f"the one-process build (--format html,pdf,docx,txt -j 2) rendered {counts} tasks per run and "
        f"wrote {n} PDFs under {where}: {n - past} of the current notice, {past} in {releases}; "
    )
    if distinct == n:
        return text + (
            f"all {n} differ, so all {n} were laid out (the notice's current content differs from "
            "its release's, so the release's PDFs are laid out too)"
        )
    return text + (
        f"{distinct} distinct: {n - distinct} are copies of another (a release whose content is "
        "the current notice's is laid out once)"
    )


def machine_facts() -> list[str]:
    pandoc = subprocess.run(["pandoc", "--version"], capture_output=True, text=True).stdout.splitlines()
    try:
        from importlib.metadata import version

        weasy = version("weasyprint")
    except Exception:
        weasy = "?"
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return [
        f"- date: {dt.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}",
        f"- machine: nproc {os.cpu_count()} ({len(os.sched_getaffinity(0))} usable), {cpu or platform.machine()}, "
        f"{platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}, WeasyPrint {weasy}, {pandoc[0] if pandoc else 'pandoc: not found'}",
        f"- load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}",
    ]


def _sizes(value: str) -> list[int]:
    """--growth: notice counts, comma-separated, each at least 1 (sorted, without repeats)."""
    try:
        sizes = sorted({int(x) for x in value.split(",") if x.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {value!r}") from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("sizes must be at least 1")
    return sizes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--runs", type=int, default=None, help="timed runs per measure (default 5; --quick: 3)"
    )
    parser.add_argument("--quick", action="store_true", help="3 runs and a 10-notice synthetic site")
    parser.add_argument(
        "--notices", type=int, default=None, help="notices in the synthetic site (default 50; --quick: 10)"
    )
    parser.add_argument(
        "--growth",
        type=_sizes,
        default=(),
        help="synthetic group: build the site at each of these sizes (notices, e.g. 25,100) once, cold, "
        "-j 2, with its memory, instead of the -j 1 / -j 2 speed-up and pandoc lines",
    )
    parser.add_argument(
        "--only",
        default=",".join(GROUPS),
        help=f"measure groups to run, comma-separated: {', '.join(GROUPS)} (default: all)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder (its path is printed)")
    args = parser.parse_args(argv)
    runs = args.runs or (3 if args.quick else 5)
    count = args.notices or (10 if args.quick else 50)
    groups = [g.strip() for g in args.only.split(",") if g.strip()]
    unknown = [g for g in groups if g not in GROUPS]
    if unknown or runs < 1 or count < 1:
        parser.error(
            f"unknown group {unknown[0]!r}" if unknown else "--runs and --notices must be at least 1"
        )
    if not Path(NOTICEGEN).exists():
        parser.error(f"{NOTICEGEN} not found: run this with the project's venv, .venv/bin/python")
    if args.growth and "synthetic" not in groups:
        log("--growth is for the synthetic group, which --only leaves out: it is ignored")
    if not shutil.which("pandoc", path=ENV["PATH"]):
        log("pandoc not found: its lines will fail and show N/A")

    facts = machine_facts()
    scratch = Path(tempfile.mkdtemp(prefix="noticegen-bench-"))
    log(f"scratch folder: {scratch}")
    started = time.perf_counter()
    facts.append(f"- code: {git_state()}, copied at the start and used by every process")
    code = snapshot_code(scratch / "code")
    ENV["PYTHONPATH"] = str(code)  # before the editable install's finder, which comes last
    sys.path.insert(0, str(code))  # this process imports it too (Markdown export, jobs)
    bench = Benchmark(scratch, runs, count, args.growth)
    try:
        for group in groups:
            try:
                getattr(bench, group)()
            except Exception as exc:  # a group that cannot run is reported, the others still run
                log(f"{group}: failed: {exc}")
                bench.rows.append(Row(f"{group}: could not be measured", ours_text="N/A"))
                bench.notes.append(f"{group}: N/A: {str(exc).splitlines()[0]}")
    finally:
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)
    command = ".venv/bin/python benchmarks/run.py" + (
        f" {' '.join(argv if argv is not None else sys.argv[1:])}"
        if (argv if argv is not None else sys.argv[1:])
        else ""
    )
    print("\n".join(facts))
    print(f"- load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        f"- command: `{command.strip()}` ({runs} timed runs per line, "
        f"took {(time.perf_counter() - started) / 60:.1f} min)"
    )
    print()
    print(table(bench.rows))
    for extra in bench.tables:
        print()
        print(extra)
    notes = bench.notes + FAILURES
    if CPU:
        notes.append(
            "CPU seconds, median, ours / the rest of the machine's during the same runs (ours: user + sys "
            "of the process and its workers; the rest: everything else the machine ran meanwhile, so far "
            "above 0 means the machine was shared and the wall clock suffered): " + "; ".join(CPU)
        )
    if NOISY:
        notes.append("runs that varied by more than 25% (fastest–slowest): " + "; ".join(NOISY))
    if notes:
        print()
        for note in notes:
            print(f"- {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
