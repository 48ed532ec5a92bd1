"""The shapes of real notices in the source format (docs/source-format.md, SPEC of issue 12):
nested and numbered lists, tables with row ids, label/value details, schedules, controllers.
Each misuse gives one exact `path:line:col: error: message`."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from conftest import copy_root

from noticegen.cli import main
from noticegen.source import load_project

NOTICE = "notice_src/parking.yaml"
HEAD = 'id: parking\ntitle: Parking permits privacy notice\nversion: "1.0"\neffective: 2024-01-01\n'


def write(project: Path, body: str, top: str = "", facts: str = "") -> None:
    """The notice with `top` keys, `facts` and one section whose body is `body` (indented 6)."""
    text = HEAD + top + (f"facts:\n{facts}" if facts else "")
    text += "sections:\n  - id: intro\n    title: Introduction\n    body:\n" + body
    (project / NOTICE).write_text(text, encoding="utf-8")


def errors(project: Path) -> list[str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["build", "--root", str(project), "--format", "html"])
    lines = [line for line in err.getvalue().splitlines() if ": error: " in line]
    assert code == 2 or not lines, err.getvalue()
    return lines


def notice(project: Path):
    project_model, _ = load_project(project)
    return project_model.notices[0]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_root("minimal", tmp_path)


DEEP = """\
      - id: criteria
        numbered:
          - id: crime
            text: "Crime and anti-social behaviour, for example:"
            more:
              - A second paragraph of this item.
            items:
              - id: asb
                text: a young person involved in anti-social behaviour
                items:
                  - id: level3
                    text: third level
                    numbered:
                      - {id: level4, text: fourth level}
                      - {id: level4b, text: fourth level again}
                    numbering: lower-roman
          - id: school
            text: Children who are not attending school regularly
            numbered:
              - {id: exclusions, text: permanent exclusions}
            numbering: lower-alpha
        numbering: upper-alpha
"""


def test_lists_nest_four_levels_with_paragraphs_and_numbering(project: Path) -> None:
    write(project, DEEP)
    block = notice(project).sections[0].blocks[0]
    assert (block.kind, block.numbering) == ("numbered", "upper-alpha")
    crime, school = block.items
    assert [t.value for t in crime.more] == ["A second paragraph of this item."]
    assert crime.more[0].key == "parking/block/criteria/crime/more1"
    asb = crime.items[0]
    assert not crime.ordered and asb.items[0].ordered and asb.items[0].numbering == "lower-roman"
    assert [i.id for i in asb.items[0].items] == ["level4", "level4b"]
    assert asb.items[0].items[0].text.key == "parking/block/criteria/crime/asb/level3/level4"
    assert school.ordered and school.numbering == "lower-alpha"


MISUSES = {
    "numbering beside bullets": (
        "      - id: l\n        list:\n          - {id: a, text: A}\n        numbering: lower-alpha\n",
        [
            f"{NOTICE}:12:9: error: 'numbering' sets the style of a numbered list: it is allowed only beside 'numbered:'"
        ],
    ),
    "numbering on an item without a numbered sub-list": (
        "      - id: l\n        list:\n          - {id: a, text: A, numbering: decimal}\n",
        [
            f"{NOTICE}:11:30: error: 'numbering' sets the style of a numbered list: it is allowed only beside 'numbered:'"
        ],
    ),
    "unknown numbering": (
        "      - id: l\n        numbered:\n          - {id: a, text: A}\n        numbering: greek\n",
        [
            f"{NOTICE}:12:20: error: 'greek' is not a valid numbering: use one of decimal, lower-alpha, "
            "upper-alpha, lower-roman, upper-roman"
        ],
    ),
    "items and numbered both": (
        "      - id: l\n        list:\n          - id: a\n            text: A\n"
        "            items: [{id: b, text: B}]\n            numbered: [{id: c, text: C}]\n",
        [
            f"{NOTICE}:14:13: error: an item has either a bulleted sub-list ('items:') or a numbered one "
            "('numbered:'), not both: make one of them a separate item"
        ],
    ),
    "duplicate sibling ids": (
        "      - id: l\n        list:\n          - id: a\n            text: A\n"
        "            items: [{id: b, text: B}, {id: b, text: C}]\n",
        [
            f"{NOTICE}:13:39: error: duplicate id 'b' in this list (first used at line 13): every id must be different"
        ],
    ),
    "more is not a list": (
        "      - id: l\n        list:\n          - {id: a, text: A, more: Another}\n",
        [f"{NOTICE}:11:36: error: more should be a list (lines starting with '- '), not text"],
    ),
    "table row with wrong cells": (
        "      - id: t\n        table:\n          caption: Cookies\n          header: [Name, Purpose]\n"
        "          rows:\n            - {id: ga, cells: [_ga]}\n",
        [
            f"{NOTICE}:14:15: error: this row of table 't' has 1 cells but the header has 2: give every row as many cells"
        ],
    ),
    "table duplicate row id": (
        "      - id: t\n        table:\n          header: [Name]\n          rows:\n"
        "            - {id: ga, cells: [a]}\n            - {id: ga, cells: [b]}\n",
        [
            f"{NOTICE}:14:15: error: duplicate id 'ga' in the rows of table 't' (first used at line 13): every id must be different"
        ],
    ),
    "table header_column not a flag": (
        "      - id: t\n        table:\n          header: [Name]\n          header_column: yes\n          rows: [[a]]\n",
        [f"{NOTICE}:12:26: error: header_column should be true or false, not 'yes'"],
    ),
    "details line without value": (
        "      - id: d\n        details:\n          - {id: version, label: Version}\n",
        [f"{NOTICE}:11:13: error: a line of details 'd' has no 'value': add it"],
    ),
}


@pytest.mark.parametrize("case", MISUSES)
def test_misuse_is_one_exact_error(project: Path, case: str) -> None:
    body, expected = MISUSES[case]
    write(project, body)
    assert errors(project) == expected


def test_tables_keep_caption_row_ids_and_header_column(project: Path) -> None:
    write(
        project,
        "      - id: cookies\n        table:\n          caption: Cookies we set\n"
        "          header: [Name, Purpose, Expires]\n          header_column: true\n          rows:\n"
        "            - {id: ga, cells: [_ga, Google Analytics, 2 years]}\n"
        "            - [sessionid, Keeps you logged in, End of session]\n",
    )
    table = notice(project).sections[0].blocks[0]
    assert table.caption.value == "Cookies we set" and table.header_column
    assert table.row_ids == ("ga", "row-2")
    assert table.rows[0][1].key == "parking/block/cookies/ga/col2"
    assert table.rows[1][1].key == "parking/block/cookies/row2/col2"  # as before: translations kept


def test_details_are_label_value_lines(project: Path) -> None:
    write(
        project,
        '      - id: document-control\n        details:\n          - {id: version, label: Version, value: "2.1"}\n'
        "          - {id: owner, label: Owner, value: Data Protection Officer}\n",
    )
    block = notice(project).sections[0].blocks[0]
    assert block.kind == "details"
    assert [(d.id, d.label.value, d.value.value) for d in block.details] == [
        ("version", "Version", "2.1"),
        ("owner", "Owner", "Data Protection Officer"),
    ]


FACTS = """\
  lawful_bases:
    - {id: public-task, text: "Public task", basis: ["6(1)(e)"], purpose: Issuing permits}
  retention:
    - {id: permits, what: Permit records, period: 6 years, from: the permit ends}
    - {id: other, text: Other records are kept as our schedule says}
  recipients:
    - {id: dvla, text: DVLA, why: to check who keeps a vehicle, basis: public-task}
    - {id: bailiffs, text: Enforcement agents, why: to recover unpaid charges, basis: "contract with us"}
  categories:
    - id: vehicle
      text: Vehicle details
      items:
        - {id: registration, text: registration number}
"""


def test_schedule_and_recipients_with_why_and_nested_categories(project: Path) -> None:
    write(project, "      - facts: retention\n", facts=FACTS)
    facts = notice(project).facts
    permits = facts.retention[0]
    assert (permits.text.value, permits.period.value, permits.start.value) == (
        "Permit records",
        "6 years",
        "the permit ends",
    )
    dvla, bailiffs = facts.recipients
    assert dvla.basis == "public-task" and dvla.why.value == "to check who keeps a vehicle"
    assert bailiffs.basis is None and bailiffs.basis_text.value == "contract with us"
    assert facts.lawful_bases[0].purpose.value == "Issuing permits"
    assert facts.categories[0].items[0].id == "registration"


def test_retention_item_needs_text_or_what_and_period(project: Path) -> None:
    write(
        project,
        "      - {id: who, paragraph: Hello.}\n",
        facts="  retention:\n    - {id: permits, what: Permit records}\n",
    )
    assert errors(project) == [
        f"{NOTICE}:7:7: error: an item of retention 'permits' needs a 'text', or both 'what' and 'period'"
    ]


def test_schedule_keys_belong_to_their_list(project: Path) -> None:
    write(
        project,
        "      - facts: sources\n",
        facts="  sources:\n    - {id: dvla, text: DVLA, period: 2 years}\n",
    )
    assert errors(project) == [f"{NOTICE}:7:30: error: unknown key 'period' in an item of sources"]


OWNERS = """\
controllers:
  - id: central-bedfordshire
    name: Central Bedfordshire Council
    ico_registration: Z5667311
    address: Priory House, Monks Walk
    website: https://www.centralbedfordshire.gov.uk
    email: data.protection@centralbedfordshire.gov.uk
  - id: dfe
    name: Department for Education
joint_arrangement: We each answer for our own part; write to us first.
processors:
  - {id: capita, name: Capita plc, text: runs our payments system}
dpo: {name: Data Protection Officer, email: dpo@centralbedfordshire.gov.uk}
status: draft
"""


def test_controllers_processors_dpo_and_placeholders(project: Path) -> None:
    body = (
        '      - id: who\n        paragraph: "{controller.name} ({controller.ico_registration}) and '
        '{dfe.name}; write to {central-bedfordshire.email} or {dpo.email}."\n'
    )
    write(project, body, top=OWNERS)
    model, _ = load_project(project)
    n = model.notices[0]
    assert [c.id for c in n.controllers] == ["central-bedfordshire", "dfe"]
    assert n.processors[0].name.value == "Capita plc" and n.status == "draft"
    assert n.dpo_of(model.site).email == "dpo@centralbedfordshire.gov.uk"
    from noticegen.templating import Renderer

    plain = Renderer(model.site, n).plain(n.sections[0].blocks[0].text)
    assert plain == (
        "Central Bedfordshire Council (Z5667311) and Department for Education; write to "
        "data.protection@centralbedfordshire.gov.uk or dpo@centralbedfordshire.gov.uk."
    )


OWNER_MISUSES = {
    "two controllers, no arrangement": (
        "controllers:\n  - {id: a, name: A Council}\n  - {id: b, name: B Council}\n",
        [
            f"{NOTICE}:6:3: error: the notice names 2 controllers but no 'joint_arrangement': say in a sentence "
            "or two what they agreed (UK GDPR Article 26): who does what, and whom to contact"
        ],
    ),
    "arrangement with one controller": (
        "controllers:\n  - {id: a, name: A Council}\njoint_arrangement: We share.\n",
        [
            f"{NOTICE}:7:20: error: 'joint_arrangement' describes how joint controllers share their duties: "
            "name at least two controllers under 'controllers:', or remove it"
        ],
    ),
    "reserved controller id": (
        "controllers:\n  - {id: org, name: A Council}\n",
        [
            f"{NOTICE}:6:10: error: 'org' cannot be a controller's id: it is a placeholder name ({{org.…}}); "
            "use the organisation's name, like 'central-bedfordshire'"
        ],
    ),
    "bad ICO number": (
        "controllers:\n  - {id: a, name: A Council, ico_registration: 12345}\n",
        [f"{NOTICE}:6:48: error: '12345' is not a valid ICO registration number: write it like Z6451588"],
    ),
    "bad status": (
        "status: finished\n",
        [f"{NOTICE}:5:9: error: 'finished' is not a valid status: use one of draft, ready"],
    ),
    "language the site does not have": (
        "languages: [en, fr]\n",
        [
            f"{NOTICE}:5:12: error: 'fr' is not one of the site's languages (en): add it to site.yaml or remove it here"
        ],
    ),
    "languages without the notice's own": (
        "languages: [pl]\n",
        [
            f"{NOTICE}:5:12: error: 'pl' is not one of the site's languages (en): add it to site.yaml or remove it here",
            f"{NOTICE}:5:12: error: the notice is written in 'en': its languages must include 'en'",
        ],
    ),
    "controller placeholder field the controller lacks": (
        "controllers:\n  - {id: a, name: A Council}\n",
        [
            f"{NOTICE}:12:20: error: the controller has no email: add it to the controller under "
            "'controllers:' or remove '{controller.email}'"
        ],
    ),
}


@pytest.mark.parametrize("case", OWNER_MISUSES)
def test_owner_misuse_is_one_exact_error(project: Path, case: str) -> None:
    top, expected = OWNER_MISUSES[case]
    body = (
        "      - id: who\n        paragraph: Write to {controller.email}.\n"
        if "placeholder" in case
        else ("      - {id: who, paragraph: Hello.}\n")
    )
    write(project, body, top=top)
    assert errors(project) == expected


def test_a_controller_still_to_confirm_is_listed_and_used(project: Path) -> None:
    top = (
        "controllers:\n  - id: unknown\n    name: {value: Achieving for Children, "
        'to_confirm: "the Word file names no controller: check who it is"}\n'
    )
    write(project, '      - {id: who, paragraph: "{controller.name} is responsible."}\n', top=top)
    model, _ = load_project(project)
    n = model.notices[0]
    assert [t.reason for t in n.to_confirm] == ["the Word file names no controller: check who it is"]
    assert n.responsible(model.site)[0].name.value == "Achieving for Children"
