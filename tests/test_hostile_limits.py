"""Pathological sources from issue 15 are refused quickly with little memory; real notices fit.

Bounds are resource limits on a child process (address space and CPU seconds), far above what the
refusal needs, so the test never flakes; the figures measured are printed with -s.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_root

from noticegen.cli import main
from noticegen.errors import UserError
from noticegen.pipeline import BuildOptions, build
from noticegen.source import limits

MEMORY = 1536 * 1024 * 1024  # bytes of address space the refusing build may use
CPU = 120  # CPU seconds (the refusals measured take about one)
HANG = 600


def bounded() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU, CPU))


def run_bounded(root: Path) -> tuple[subprocess.CompletedProcess, float, int]:
    """The build in a child with limits; its CPU seconds and peak memory (KiB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        [sys.executable, "-m", "noticegen", "build", "--root", str(root), "-j", "1"],
        preexec_fn=bounded,
        capture_output=True,
        text=True,
        timeout=HANG,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return result, cpu, after.ru_maxrss


def replace_paragraph(root: Path, yaml: str) -> None:
    notice = root / "notice_src/library.yaml"
    notice.write_text(notice.read_text().replace('        paragraph: "You can also:"', yaml))


def test_a_huge_paragraph_is_refused_quickly(tmp_path: Path) -> None:
    root = copy_root("basic", tmp_path)
    words = ("lorem ipsum dolor sit amet " * 75_000)[:1_900_000]  # the 1.9 MB paragraph of the issue
    replace_paragraph(root, f"        paragraph: {words}")
    result, cpu, peak = run_bounded(root)
    print(f"1.9 MB paragraph: exit {result.returncode}, {cpu:.2f} CPU s, peak {peak // 1024} MiB")
    assert result.returncode == 2, result.stderr[-2000:]
    assert "library.yaml:" in result.stderr and f"at most {limits.TEXT_CHARS:,}" in result.stderr


def test_forty_thousand_list_items_are_refused_quickly(tmp_path: Path) -> None:
    root = copy_root("basic", tmp_path)
    items = "".join(f"          - {{id: i{n}, text: Item {n}}}\n" for n in range(40_000))
    replace_paragraph(root, "        list:\n" + items)
    result, cpu, peak = run_bounded(root)
    print(f"40,000 list items: exit {result.returncode}, {cpu:.2f} CPU s, peak {peak // 1024} MiB")
    assert result.returncode == 2, result.stderr[-2000:]
    assert f"has more than {limits.LIST_ITEMS:,} list items" in result.stderr


def test_too_many_table_cells_are_refused(tmp_path: Path, capsys) -> None:
    root = copy_root("basic", tmp_path)
    rows = "".join(f"            - [Row {n}, Kept {n} years]\n" for n in range(limits.TABLE_CELLS // 2 + 1))
    notice = root / "notice_src/library.yaml"
    text = notice.read_text()
    start = text.index("            - [Membership")
    end = text.index("  - id: rights")
    notice.write_text(text[:start] + rows + text[end:])
    assert main(["build", "--root", str(root), "--format", "txt", "-j", "1"]) == 2
    assert f"has more than {limits.TABLE_CELLS:,} table cells" in capsys.readouterr().err


def test_a_notice_at_the_limits_builds(tmp_path: Path) -> None:
    """A paragraph of TEXT_CHARS characters and LIST_ITEMS list items: accepted (text and HTML)."""
    root = copy_root("basic", tmp_path)
    facts = 13  # the basic notice's own facts shown as list items
    items = "".join(
        f"          - {{id: i{n}, text: Item {n}}}\n" for n in range(limits.LIST_ITEMS - facts - 5)
    )
    paragraph = ("word " * limits.TEXT_CHARS)[: limits.TEXT_CHARS - 1].strip()
    replace_paragraph(root, f"        paragraph: {paragraph}\n      - id: long\n        list:\n" + items)
    result = build(BuildOptions(root=root, formats=("html", "txt"), workers=1))
    assert result.files > 0


@pytest.mark.parametrize("edition,workers", [("standard", 1), ("large-print", 1), ("large-print", 2)])
def test_a_layout_past_its_time_limit_names_the_document(
    tmp_path: Path, monkeypatch, edition: str, workers: int
) -> None:
    root = copy_root("basic", tmp_path)
    monkeypatch.setattr(limits, "LAYOUT_SECONDS", 0.5)
    from noticegen.builders import pdf

    def slow(document):
        if document.edition != edition:
            return b"%PDF-1.7 (the other edition, made at once)"
        import time

        while True:  # a layout that never ends; the deadline must stop it
            time.sleep(0.01)

    monkeypatch.setattr(pdf, "render_pdf", slow)
    with pytest.raises(UserError) as caught:
        build(BuildOptions(root=root, formats=("pdf",), workers=workers, force=True))
    assert f"library, en, {edition} PDF: laying it out took longer than" in str(caught.value)
    assert str(caught.value).count("error:") == 1  # from a worker too, the one problem as it was
    assert not (root / "dist").exists()


def test_the_limits_are_documented_in_one_place() -> None:
    guide = (Path(__file__).resolve().parent.parent / "docs/source-format.md").read_text()
    section = guide[guide.index(". Limits\n") :]
    for value in (limits.TEXT_CHARS, limits.LIST_ITEMS, limits.TABLE_CELLS, limits.LAYOUT_SECONDS):
        assert f"{value:,}" in section
    assert os.path.exists(limits.__file__)
