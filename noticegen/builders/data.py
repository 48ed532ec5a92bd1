"""The open-data builder: a notice's facts as JSON (following templates/schema/) and as JSON-LD."""

from __future__ import annotations

import json
from typing import Any

from noticegen.builders.job import Artifact, Job
from noticegen.builders.linked import linked_data
from noticegen.model import Contact, Item, Law, LawfulBasis, Statement, Text
from noticegen.templating import Renderer

ITEM_FACTS = ("sources", "recipients", "sharing_without_knowledge", "retention")


class DataBuilder:
    name = "json"

    def build(self, job: Job) -> list[Artifact]:
        data = notice_data(job)
        return [
            Artifact(f"{job.folder}/{job.notice.id}.json", dumps(data)),
            Artifact(f"{job.folder}/{job.notice.id}.jsonld", dumps(linked_data(data))),
        ]


def dumps(value: Any) -> bytes:
    """Stable, readable JSON: keys in the order written, non-ASCII kept, a newline at the end."""
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def script_json(value: Any) -> str:
    """JSON safe inside an HTML <script> element: no '<', '>' or '&' can end it or start a comment."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page_url(job: Job) -> str:
    """The published address of this job's page (the site's base_url, then the notice's folder)."""
    return job.site.base_url.rstrip("/") + "/" + job.folder + "/"


def notice_data(job: Job) -> dict[str, Any]:
    """The facts of one notice in one language, as plain values: the JSON the schema describes."""
    notice, site = job.notice, job.site
    r = Renderer(site, notice)
    data: dict[str, Any] = {"id": notice.id, "language": job.lang}
    if job.is_translation:
        data["translation"] = {"status": job.status, "coverage": round(job.coverage, 1)}
    data["title"] = r.plain(notice.title)
    if notice.summary:
        data["summary"] = r.plain(notice.summary)
    data["version"] = notice.version
    if job.shown_date:  # not while the effective date is a placeholder still to be confirmed
        data["effective"] = notice.effective.isoformat()
        data["last_updated"] = job.shown_date.isoformat()
    if notice.review_by:
        data["review_by"] = notice.review_by.isoformat()
    data["url"] = page_url(job)
    controller = notice.responsible(site)[0]  # the first named, else the site's organisation
    data["controller"] = _drop_empty(
        {
            "name": r.plain(controller.name),
            "ico_registration": controller.ico_registration,
            "website": controller.website,
            "address": r.plain(controller.address) if controller.address else None,
        }
    )
    data["dpo"] = _contact(r, notice.dpo_of(site))
    data["contacts"] = [_contact(r, c) for c in notice.contacts]
    data["facts"] = facts_data(r)
    if notice.collection_notices:
        data["collection_notices"] = [_collection(r, c) for c in notice.collection_notices]
    return data


def facts_data(r: Renderer) -> dict[str, Any]:
    facts = r.notice.facts
    out: dict[str, Any] = {
        "categories": [
            {"id": c.id, "text": r.plain(c.text), "special": c.special, "criminal": c.criminal}
            for c in facts.categories
        ]
    }
    for name in ITEM_FACTS:
        out[name] = [_item(r, i) for i in getattr(facts, name)]
    out["lawful_bases"] = [_basis(r, b) for b in facts.lawful_bases]
    out["legislation"] = [_law(r, law) for law in facts.legislation]
    out["rights"] = [_right(r, i) for i in facts.rights]
    for name in ("international_transfers", "automated_decisions"):
        statement = getattr(facts, name)
        if isinstance(statement, Statement) and statement.text is not None:
            out[name] = {"none": statement.none, "text": r.plain(statement.text)}
    return out


def _item(r: Renderer, item: Item) -> dict[str, Any]:
    return {"id": item.id, "text": r.plain(item.text)}


def _right(r: Renderer, item: Item) -> dict[str, Any]:
    return _drop_empty(
        {
            "id": item.id,
            "right": item.kind,
            "title": r.plain(item.title) if item.title else None,
            "text": r.plain(item.text),
        }
    )


def _basis(r: Renderer, basis: LawfulBasis) -> dict[str, Any]:
    return {
        "id": basis.id,
        "text": r.plain(basis.text),
        "basis": list(basis.basis),
        "applies_to": list(basis.applies_to),
    }


def _law(r: Renderer, law: Law) -> dict[str, Any]:
    return _drop_empty({"id": law.id, "title": r.plain(law.title), "year": law.year, "url": law.url})


def _contact(r: Renderer, contact: Contact) -> dict[str, Any]:
    return _drop_empty(
        {
            "id": contact.id,
            "name": _plain(r, contact.name),
            "email": contact.email,
            "phone": contact.phone,
            "url": contact.url,
            "address": _plain(r, contact.address),
        }
    )


def _collection(r: Renderer, notice: Item) -> dict[str, Any]:
    def ids(fact_list: str) -> list[str]:
        return [item.id for item in notice.items if item.kind == fact_list]

    return _drop_empty(
        {
            "id": notice.id,
            "title": r.plain(notice.title) if notice.title else None,
            "purpose": r.plain(notice.text),
            "collects": ids("categories"),
            "shared_with": ids("recipients"),
            "lawful_bases": ids("lawful_bases") or None,
            "retention": ids("retention") or None,
        },
        keep=("collects", "shared_with"),
    )


def _plain(r: Renderer, text: Text | None) -> str | None:
    return r.plain(text) if text is not None else None


def _drop_empty(values: dict[str, Any], keep: tuple[str, ...] = ()) -> dict[str, Any]:
    return {k: v for k, v in values.items() if k in keep or v not in (None, "", [])}
