"""Shared fixtures: fixture projects under tests/roots/, built once per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from noticegen.pipeline import BuildOptions, build

ROOT = Path(__file__).resolve().parent.parent
ROOTS = Path(__file__).resolve().parent / "roots"


def copy_root(name: str, dest: Path) -> Path:
    """A writable copy of a fixture project (tests may edit its sources)."""
    target = dest / name
    shutil.copytree(ROOTS / name, target)
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with the real site.yaml and assets and no notice yet (for `noticegen import`)."""
    root = tmp_path / "project"
    (root / "notice_src").mkdir(parents=True)
    shutil.copy(ROOT / "notice_src" / "site.yaml", root / "notice_src" / "site.yaml")
    shutil.copytree(ROOT / "notice_src" / "assets", root / "notice_src" / "assets")
    return root


@pytest.fixture(scope="session")
def basic_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The basic fixture project built as HTML only; returns the output folder."""
    root = copy_root("basic", tmp_path_factory.mktemp("basic-html"))
    out = root / "dist"
    build(BuildOptions(root=root, formats=("html",), out=out))
    return out


@pytest.fixture(scope="session")
def basic_all(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The basic fixture project built in every format; returns the output folder."""
    root = copy_root("basic", tmp_path_factory.mktemp("basic-all"))
    out = root / "dist"
    build(BuildOptions(root=root, out=out))
    return out


@pytest.fixture(scope="session")
def seed_all(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project (notice_src/ of this repository) built in every format."""
    out = tmp_path_factory.mktemp("seed") / "dist"
    build(BuildOptions(root=ROOT, out=out))
    return out


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the golden files from this build (review the diff before committing)",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
