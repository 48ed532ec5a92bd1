"""Open data: every notice's facts as JSON (checked against the published schema) and as JSON-LD
in the Data Privacy Vocabulary, read back by real readers (jsonschema, rdflib, an HTML parser)."""

from __future__ import annotations

import json
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
import rdflib
from corpus_site import ROOT, make_site
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.namespace import RDF

from noticegen.builders.data import notice_data, script_json
from noticegen.builders.linked import linked_data
from noticegen.model import Text
from noticegen.pipeline import BuildOptions, build, make_job
from noticegen.source import load_project
from noticegen.templating import templates_dir

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
DPV = rdflib.Namespace("https://w3id.org/dpv#")
SCHEMAS = ROOT / "templates" / "schema"
# Each fact list and the DPV class its items must have in the linked data.
FACT_CLASSES = {
    "categories": DPV.PersonalData,
    "sources": DPV.DataSource,
    "recipients": DPV.Recipient,
    "lawful_bases": DPV.LegalBasis,
    "legislation": DPV.Law,
    "retention": DPV.StorageDuration,
    "rights": DPV.DataSubjectRight,
    "sharing_without_knowledge": DPV.Purpose,
}


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, tuple[str, ...]]:
    root, corpus = make_site(tmp_path_factory.mktemp("open-data"))
    out = root / "dist"
    build(BuildOptions(root=root, formats=("html", "json"), out=out))
    return out, corpus


def data_files(out: Path) -> list[Path]:
    """Every notice's JSON: <notice>/<lang>/[v/<version>/]<notice>.json."""
    return sorted(p for p in out.glob("*/*/**/*.json") if p.stem == p.relative_to(out).parts[0])


def test_every_notice_file_validates(site):
    out, corpus = site
    files = data_files(out)
    check = validator("notice.schema.json")
    ids = set()
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in check.iter_errors(data)]
        assert not errors, f"{path.relative_to(out)}: {errors[:3]}"
        ids.add(data["id"])
    assert {"supporting-families", *corpus} == ids
    # every language of every notice, and every released version
    assert (out / "supporting-families/ar/supporting-families.json").is_file()
    assert list(out.glob("supporting-families/en/v/*/supporting-families.json"))


def test_the_published_schemas_are_the_repository_ones(site):
    out, _ = site
    for name in ("notice.schema.json", "notices.schema.json"):
        assert (out / "schema" / name).read_bytes() == (SCHEMAS / name).read_bytes()


def test_index_lists_every_notice_and_language(site):
    out, corpus = site
    index = json.loads((out / "notices.json").read_text(encoding="utf-8"))
    validator("notices.schema.json").validate(index)
    assert [n["id"] for n in index["notices"]] == sorted(["supporting-families", *corpus])
    project, _ = load_project(out.parent)
    declared = {n.id: list(n.languages) for n in project.notices}
    for notice in index["notices"]:
        # every language the notice is built in: the site's, or the notice's own list (an imported
        # notice is in English only until it is translated)
        wanted = declared.get(notice["id"]) or ["en", "pl", "ar", "uk"]
        assert [x["language"] for x in notice["languages"]] == wanted
        for entry in notice["languages"]:
            for key in ("page", "data", "linked_data"):
                assert (out / entry[key]).is_file(), entry[key]


def test_seed_facts_are_all_there(site):
    out, _ = site
    data = json.loads((out / "supporting-families/en/supporting-families.json").read_text(encoding="utf-8"))
    project, _ = load_project(ROOT)
    facts = project.notices[0].facts
    for name in ("categories", "sources", "recipients", "retention", "rights", "lawful_bases"):
        assert [x["id"] for x in data["facts"][name]] == [i.id for i in getattr(facts, name)]
    nhs = next(c for c in data["facts"]["categories"] if c["id"] == "nhs-number")
    assert nhs == {"id": "nhs-number", "text": "NHS number", "special": False, "criminal": False}
    assert data["controller"]["name"] == "Sefton Council"


def graph_of(path: Path) -> rdflib.Graph:
    return rdflib.Graph().parse(data=path.read_text(encoding="utf-8"), format="json-ld")


def test_linked_data_uses_dpv_for_every_fact_kind(site):
    out, corpus = site
    for notice_id in ("supporting-families", *corpus):
        path = out / notice_id / "en" / f"{notice_id}.jsonld"
        data = json.loads((out / notice_id / "en" / f"{notice_id}.json").read_text(encoding="utf-8"))
        graph = graph_of(path)
        assert len(list(graph.subjects(RDF.type, DPV.DataController))) == 1
        notice = rdflib.URIRef(data["url"])
        assert (notice, DPV.hasDataController, None) in graph
        for name, cls in FACT_CLASSES.items():
            typed = set(graph.subjects(RDF.type, cls))
            ids = [x["id"] for x in data["facts"].get(name, [])]
            if name == "sharing_without_knowledge":
                typed = {s for s in typed if "#sharing-" in str(s) and "without" not in str(s)}
            assert len(typed) == len(ids), (notice_id, name)
        categories = set(graph.subjects(RDF.type, DPV.PersonalDataCategory))
        assert categories == set(graph.subjects(RDF.type, DPV.PersonalData))


def test_seed_linked_data_links_and_texts(site):
    out, _ = site
    graph = graph_of(out / "supporting-families/ar/supporting-families.jsonld")
    base = "https://www.sefton.gov.uk/privacy-notices/supporting-families/ar/"
    notice = rdflib.URIRef(base)
    assert (notice, DPV.hasPersonalData, rdflib.URIRef(base + "#category-nhs-number")) in graph
    ethnicity = rdflib.URIRef(base + "#category-ethnicity")
    assert (ethnicity, RDF.type, DPV.SpecialCategoryPersonalData) in graph
    descriptions = list(graph.objects(rdflib.URIRef(base + "#recipient-health"), rdflib.DCTERMS.description))
    assert [d.language for d in descriptions] == ["ar"]
    special = rdflib.URIRef(base + "#basis-special-category-conditions")
    assert (special, DPV.hasPersonalData, ethnicity) in graph


class Scripts(HTMLParser):
    """The text of every <script type="application/ld+json"> in a page, as a browser splits it."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._in = False

    def handle_starttag(self, tag, attrs):
        self._in = tag == "script" and ("type", "application/ld+json") in attrs
        if self._in:
            self.found.append("")

    def handle_endtag(self, tag):
        self._in = False

    def handle_data(self, data):
        if self._in:
            self.found[-1] += data


def page_scripts(html: str) -> list[str]:
    parser = Scripts()
    parser.feed(html)
    return parser.found


def test_page_embeds_the_same_linked_data(site):
    out, _ = site
    for lang in ("en", "ar"):
        folder = out / "supporting-families" / lang
        scripts = page_scripts((folder / "index.html").read_text(encoding="utf-8"))
        assert len(scripts) == 1
        embedded = json.loads(scripts[0])
        assert embedded == json.loads((folder / "supporting-families.jsonld").read_text(encoding="utf-8"))
        assert embedded["@context"]["dpv"] == str(DPV)  # inline: nothing to fetch


# -- any text an author or translator writes ------------------------------------------------

PROJECT, _ = load_project(ROOT)
NOTICE = PROJECT.notices[0]
JOB = make_job(PROJECT, NOTICE, "en", templates_dir(ROOT), ("en",))
TEXTS = (
    st.lists(
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
        | st.sampled_from(["</script>", "<!--", "&amp;", '"', "\\", "*", "{org.name}", "]]>"]),
        min_size=1,
        max_size=6,
    )
    .map("".join)
    .filter(lambda s: s.strip())
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(category=TEXTS, recipient=TEXTS, title=TEXTS)
def test_any_fact_text_gives_valid_json_and_a_safe_script(category, recipient, title):
    facts = NOTICE.facts
    first, *rest = facts.categories
    one = replace(first, text=Text(category, first.text.key))
    chosen = replace(facts.recipients[0], text=Text(recipient, facts.recipients[0].text.key))
    notice = replace(
        NOTICE,
        title=Text(title, NOTICE.title.key),
        facts=replace(facts, categories=(one, *rest), recipients=(chosen, *facts.recipients[1:])),
    )
    data = notice_data(replace(JOB, notice=notice))
    document = json.loads(json.dumps(data))
    validator("notice.schema.json").validate(document)
    script = script_json(linked_data(document))
    assert "</" not in script and "<!--" not in script
    (parsed,) = page_scripts(f'<script type="application/ld+json">{script}</script>')
    assert json.loads(parsed) == linked_data(document)
    rdflib.Graph().parse(data=parsed, format="json-ld")
