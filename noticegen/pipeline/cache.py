"""Incremental builds: a manifest of each output's input hash, so unchanged work is not redone."""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
from dataclasses import replace
from pathlib import Path

from noticegen import __version__
from noticegen.builders.job import Artifact, Job, embedded_logo
from noticegen.i18n.catalogs import po_path
from noticegen.releases.snapshot import digest

# What each format's templates are made of (relative to a templates folder).
TEMPLATE_FILES = {
    "html": ("html/", "assets/", "glance/"),
    "pdf": ("print/", "html/_banners.html", "html/_glance.html", "glance/"),
    "docx": ("reference.docx", "html/_banners.html", "glance/"),
    "txt": ("text/", "glance/"),
    "leaflet": ("print/", "html/_banners.html", "html/_glance.html", "glance/"),
    "braille": ("text/", "glance/"),
    "json": ("schema/",),
    "collection": ("collection/", "glance/"),
    "history": (
        "html/",
        "text/",
        "changes/",
        "reference.docx",
        "glance/",
    ),  # text/: the Word files for sign-off
}


def forget_files() -> None:
    """A new build reads the templates, the catalogs and the logo again (a preview builds many times
    in one process); within one build each is read once, not once per task."""
    _files_digest.cache_clear()
    _file_digest.cache_clear()


@functools.lru_cache(maxsize=256)
def _file_digest(path: Path | None) -> str:
    """A file's SHA-256, or "" when there is none."""
    return hashlib.sha256(path.read_bytes()).hexdigest() if path and path.is_file() else ""


@functools.lru_cache(maxsize=64)
def _files_digest(templates: tuple[str, ...], prefixes: tuple[str, ...]) -> str:
    hasher = hashlib.sha256()
    for folder in templates:
        base = Path(folder)
        for path in sorted(base.rglob("*")):
            rel = path.relative_to(base).as_posix()
            if path.is_file() and any(rel == p or (p.endswith("/") and rel.startswith(p)) for p in prefixes):
                hasher.update(rel.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return hasher.hexdigest()


def inputs_digest(job: Job, fmt: str) -> str:
    """Everything the output of `fmt` for this job depends on, as one hash."""
    interface = _file_digest(po_path(Path(job.root), job.lang, "interface"))
    logo = _file_digest(embedded_logo(job, fmt))
    # Where the project sits is not an input. The model is hashed once per object: every
    # format of a job shares the same translated site and notice.
    portable = replace(job, root="", templates=(), site=None, notice=None)
    return digest(
        __version__,
        fmt,
        os.environ.get("SOURCE_DATE_EPOCH", ""),
        portable,
        _model_digest(job.site),
        _model_digest(job.notice),
        _files_digest(job.templates, TEMPLATE_FILES[fmt]),
        interface,
        logo,
    )


_MODEL_DIGESTS: dict[int, tuple[object, str]] = {}


def _model_digest(model: object) -> str:
    found = _MODEL_DIGESTS.get(id(model))
    if found is None or found[0] is not model:
        found = _MODEL_DIGESTS[id(model)] = (model, digest(model))  # holds `model`, so its id stays unique
    return found[1]


def _well_formed(entry: object) -> bool:
    outputs = entry.get("outputs") if isinstance(entry, dict) else None
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("inputs"), str)
        and isinstance(outputs, dict)
        and all(isinstance(k, str) and isinstance(v, str) and _inside(k) for k, v in outputs.items())
    )


def _inside(rel: str) -> bool:
    return bool(rel) and not rel.startswith("/") and ".." not in rel.split("/")


def _read(path: Path) -> dict[str, dict]:
    """The last build's entries; a manifest that is damaged or of another shape is discarded."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        data = None
    if isinstance(data, dict) and all(isinstance(k, str) and _well_formed(v) for k, v in data.items()):
        return data
    print(
        f"noticegen: {path} is damaged; it is discarded and everything is rendered again",
        file=sys.stderr,
    )
    return {}


class Manifest:
    """Input hashes and output checksums of the last published build."""

    def __init__(self, path: Path, out: Path) -> None:
        self.path = path
        self.out = out
        self.entries: dict[str, dict] = _read(path)
        self.fresh: dict[str, dict] = {}

    def reuse(self, key: str, inputs: str) -> list[Artifact] | None:
        """The previous outputs when nothing they depend on changed and they are still intact."""
        entry = self.entries.get(key)
        if not entry or entry.get("inputs") != inputs:
            return None
        artifacts = []
        for rel, checksum in entry["outputs"].items():
            try:
                data = (self.out / rel).read_bytes()
            except OSError:
                return None
            if hashlib.sha256(data).hexdigest() != checksum:
                return None
            artifacts.append(Artifact(rel, data))
        self.fresh[key] = entry
        return artifacts

    def record(self, key: str, inputs: str, artifacts: list[Artifact]) -> None:
        self.fresh[key] = {
            "inputs": inputs,
            "outputs": {a.path: hashlib.sha256(a.data).hexdigest() for a in artifacts},
        }

    def save(self, keep_others: bool) -> None:
        entries = {**self.entries, **self.fresh} if keep_others else self.fresh
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(entries, sort_keys=True, indent=1), encoding="utf-8")
        os.replace(temporary, self.path)
