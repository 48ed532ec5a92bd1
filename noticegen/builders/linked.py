"""The notice's facts as JSON-LD in the W3C Data Privacy Vocabulary (DPV), with an inline context.

It is made from the open-data JSON (builders/data.py), so both always say the same thing; the
mapping of each fact kind to a DPV term is in docs/open-data.md.
"""

from __future__ import annotations

from typing import Any

DPV = "https://w3id.org/dpv#"
CONTEXT = {
    "dpv": DPV,
    "dct": "http://purl.org/dc/terms/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
}

# Each fact list: (the property that links it, its class(es), the node id's prefix).
FACT_TERMS: dict[str, tuple[str, tuple[str, ...], str]] = {
    "categories": ("dpv:hasPersonalData", ("dpv:PersonalData", "dpv:PersonalDataCategory"), "category"),
    "sources": ("dpv:hasDataSource", ("dpv:DataSource",), "source"),
    "recipients": ("dpv:hasRecipient", ("dpv:Recipient",), "recipient"),
    "lawful_bases": ("dpv:hasLegalBasis", ("dpv:LegalBasis",), "basis"),
    "legislation": ("dpv:hasApplicableLaw", ("dpv:Law",), "law"),
    "retention": ("dpv:hasStorageCondition", ("dpv:StorageDuration",), "retention"),
    "rights": ("dpv:hasRight", ("dpv:DataSubjectRight",), "right"),
}
STATEMENTS = {
    "international_transfers": "dpv:CrossBorderTransfer",
    "automated_decisions": "dpv:AutomatedDecisionMaking",
}


def linked_data(data: dict[str, Any]) -> dict[str, Any]:
    """The JSON-LD document for one notice's open data (as notice_data gives it)."""
    base = data["url"]
    lang = data["language"]

    def words(value: str) -> dict[str, str]:
        return {"@value": value, "@language": lang}

    facts = data["facts"]
    node: dict[str, Any] = {
        "@id": base,
        "@type": "dpv:Process",
        "dct:identifier": data["id"],
        "dct:title": words(data["title"]),
        "dct:language": lang,
        "dpv:hasDataController": _controller(data, base, words),
    }
    if "effective" in data:
        node["dct:modified"] = {"@value": data["last_updated"], "@type": "xsd:date"}
        node["dct:valid"] = {"@value": data["effective"], "@type": "xsd:date"}
    if "summary" in data:
        node["dpv:hasPurpose"] = {
            "@id": f"{base}#purpose",
            "@type": "dpv:Purpose",
            "dct:description": words(data["summary"]),
        }
    for name, (link, classes, prefix) in FACT_TERMS.items():
        values = [_fact(name, v, base, prefix, classes, words) for v in facts.get(name, [])]
        if values:
            node[link] = values
    sharing = facts.get("sharing_without_knowledge", [])
    if sharing:
        node["dpv:hasProcess"] = _sharing(base, sharing, words)
    for name, cls in STATEMENTS.items():
        if name in facts:
            node.setdefault("dpv:hasContext", []).append(
                {
                    "@id": f"{base}#{name.replace('_', '-')}",
                    "@type": cls,
                    "dct:description": words(facts[name]["text"]),
                    "rdfs:comment": "does not happen" if facts[name]["none"] else "happens",
                }
            )
    return {"@context": CONTEXT, **node}


def _controller(data: dict[str, Any], base: str, words) -> dict[str, Any]:
    controller = data["controller"]
    node: dict[str, Any] = {
        "@id": controller.get("website") or f"{base}#controller",
        "@type": "dpv:DataController",
        "dct:title": words(controller["name"]),
    }
    if "ico_registration" in controller:
        node["dct:identifier"] = controller["ico_registration"]
    return node


def _fact(name: str, value: dict, base: str, prefix: str, classes: tuple[str, ...], words) -> dict:
    text = value.get("text") or value.get("title")
    node: dict[str, Any] = {
        "@id": f"{base}#{prefix}-{value['id']}",
        "@type": list(classes),
        "dct:description": words(text),
    }
    if name == "categories" and value.get("special"):
        node["@type"] = [*classes, "dpv:SpecialCategoryPersonalData"]
    if name == "lawful_bases":
        node["dct:identifier"] = value["basis"]
        if value["applies_to"]:
            node["dpv:hasPersonalData"] = [{"@id": f"{base}#category-{c}"} for c in value["applies_to"]]
    if name == "rights" and "right" in value:
        node["dct:identifier"] = value["right"]
    if name == "legislation" and "url" in value:
        node["rdfs:seeAlso"] = {"@id": value["url"]}
    return node


def _sharing(base: str, reasons: list[dict], words) -> dict[str, Any]:
    """Sharing without the person's knowledge: a process of its own, whose purposes are the reasons."""
    return {
        "@id": f"{base}#sharing-without-knowledge",
        "@type": "dpv:Process",
        "dpv:hasPurpose": [
            {
                "@id": f"{base}#sharing-{r['id']}",
                "@type": "dpv:Purpose",
                "dct:description": words(r["text"]),
            }
            for r in reasons
        ],
    }
